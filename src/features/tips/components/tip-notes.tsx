import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { LoadError } from '@/components/load-error';
import { SkeletonCard } from '@/components/skeleton-card';
import type { TipNoteView } from '@/domain/contract/tips';
import { formatRelative } from '@/lib/china-time';
import type { QueryState } from '@/lib/use-query';
import '../tip-detail.scss';

/**
 * Members who tried the tip, with their notes, newest first. `noteAction` adds a control to a note
 * (the page's 举报); a note the team hid shows as such to its writer and the team.
 */
export function TipNotes({
  notes,
  noteAction,
}: {
  notes: QueryState<TipNoteView[]>;
  noteAction?: (note: TipNoteView) => ReactNode;
}) {
  if (notes.isLoading && !notes.data) return <SkeletonCard lines={2} />;
  if (notes.error) return <LoadError error={notes.error} onRetry={notes.reload} />;
  const list = notes.data ?? [];
  return (
    <View className="card tip-notes">
      <Text className="label">试过的群友</Text>
      {list.length === 0 && <Text className="tip-empty">还没有人试过，做第一个试试的人吧</Text>}
      {list.map((note) => (
        <View key={note.user.id} className="tip-note">
          <Text className="tip-note__who">{note.user.nickname}</Text>
          <Text className="tip-note__text">{note.note ?? '试过了'}</Text>
          <Text className="hint">{` · ${formatRelative(note.updatedAt)}`}</Text>
          {note.hidden && <Text className="hint tip-note__hidden">（已隐藏）</Text>}
          {note.note && noteAction?.(note)}
        </View>
      ))}
    </View>
  );
}
