import { Text, View } from '@tarojs/components';
import { LoadError } from '@/components/load-error';
import { LoadMore } from '@/components/load-more';
import { SkeletonCard } from '@/components/skeleton-card';
import type { ExportRecordView } from '@/domain/contract/exports';
import { exportKindLabels } from '@/domain/exports';
import { formatRelative } from '@/lib/china-time';
import type { CursorPagesState } from '@/lib/use-cursor-pages';
import '../../../components/cell.scss';

/** Every export of the community: who took which list, when, and how many rows. */
export function ExportHistory({ history }: { history: CursorPagesState<ExportRecordView> }) {
  if (history.status === 'loading') return <SkeletonCard lines={2} />;
  if (history.status === 'error') return <LoadError error={history.error} onRetry={history.reload} />;
  if (history.items.length === 0)
    return (
      <View className="card export-history-empty">
        <Text className="hint">还没有人导出过名单。导出后会记在这里，团队里每个人都能看到。</Text>
      </View>
    );
  return (
    <>
      <View className="card list export-history">
        {history.items.map((record) => (
          <View key={record.id} className="list-item export-record">
            <View className="cell__label">
              <Text className="export-record__what">{`${exportKindLabels[record.kind]}：${record.subject}`}</Text>
              <Text className="hint export-record__who">
                {`${record.exportedBy.nickname} · ${formatRelative(record.createdAt)} · ${record.rowCount} 行`}
              </Text>
            </View>
          </View>
        ))}
      </View>
      <LoadMore list={history} className="export-history__more" />
    </>
  );
}
