import { Text, View } from '@tarojs/components';
import { Fragment } from 'react';
import { ActionButton } from '@/components/action-button';
import { LoadError } from '@/components/load-error';
import { SkeletonCard } from '@/components/skeleton-card';
import type { SessionSummaryView } from '@/domain/contract/sessions';
import { sessionDateHeading } from '../session-text';
import { SessionCard } from './session-card';

interface SessionListProps {
  sessions: SessionSummaryView[] | undefined;
  error: unknown;
  onRetry: () => void;
  tags: string[];
  tag: string | null;
  onTagChange: (tag: string | null) => void;
  canSchedule: boolean;
  onSchedule: () => void;
  onOpen: (sessionId: string) => void;
}

/** 活动: tag chips, then upcoming sessions under a heading per day. */
export function SessionList({
  sessions,
  error,
  onRetry,
  tags,
  tag,
  onTagChange,
  canSchedule,
  onSchedule,
  onOpen,
}: SessionListProps) {
  return (
    <View className="session-list">
      {tags.length > 0 && (
        <View className="session-chips">
          <Text
            className={`session-chip ${tag === null ? 'is-selected' : ''}`}
            onClick={() => onTagChange(null)}
          >
            全部
          </Text>
          {tags.map((item) => (
            <Text
              key={item}
              className={`session-chip ${tag === item ? 'is-selected' : ''}`}
              onClick={() => onTagChange(tag === item ? null : item)}
            >
              #{item}
            </Text>
          ))}
        </View>
      )}
      {error ? (
        <LoadError error={error} onRetry={onRetry} />
      ) : !sessions ? (
        <>
          <SkeletonCard />
          <SkeletonCard />
        </>
      ) : sessions.length === 0 ? (
        <View className="card empty-state sessions-empty">
          <Text className="hint">
            {canSchedule
              ? '还没有即将开始的活动。安排一场 15 分钟的小分享，让大家马上学会一个技巧。'
              : '还没有即将开始的活动，先去技巧里点“想听这个”，告诉群主你想学什么。'}
          </Text>
          {canSchedule && (
            <ActionButton variant="primary" className="session-schedule-empty" onClick={onSchedule}>
              安排活动
            </ActionButton>
          )}
        </View>
      ) : (
        sessions.map((session, index) => {
          const heading = sessionDateHeading(session.startsAt);
          const showHeading = index === 0 || sessionDateHeading(sessions[index - 1]!.startsAt) !== heading;
          return (
            <Fragment key={session.id}>
              {showHeading && <View className="section-title session-day">{heading}</View>}
              <SessionCard session={session} onOpen={onOpen} />
            </Fragment>
          );
        })
      )}
    </View>
  );
}
