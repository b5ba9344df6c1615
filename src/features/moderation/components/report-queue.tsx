import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ActionButton } from '@/components/action-button';
import { LoadError } from '@/components/load-error';
import { SkeletonCard } from '@/components/skeleton-card';
import type { ReportView } from '@/domain/contract/moderation';
import { reportTargetLabels } from '@/domain/moderation';
import { pagePaths, tipPath } from '@/domain/page-paths';
import { canRemoveMember, type Role, roleLabels } from '@/domain/roles';
import { formatRelative } from '@/lib/china-time';
import type { QueryState } from '@/lib/use-query';
import { useSubmit } from '@/lib/use-submit';
import { decideReport } from '../api/reports';
import './moderation.scss';

function openContent(report: ReportView) {
  if (report.targetKind === 'promotion') Taro.switchTab({ url: pagePaths.promotions });
  else Taro.navigateTo({ url: tipPath(report.targetId) });
}

/**
 * The team's report queue, the longest waiting first. Each report: hide the content, dismiss it, or
 * (owner and admins, for an author below them) remove the author; the decision closes every open
 * report of the same content.
 */
export function ReportQueue({ reports, myRole }: { reports: QueryState<ReportView[]>; myRole: Role }) {
  const { busy, run } = useSubmit();

  async function act(report: ReportView, action: 'hide' | 'dismiss') {
    const done = await run(async () => {
      await decideReport(report.id, { action });
      return true;
    });
    if (done) {
      Taro.showToast({ title: action === 'hide' ? '已隐藏' : '已处理', icon: 'none' });
      await reports.reload();
    }
  }

  async function removeAuthor(report: ReportView) {
    let tapIndex: number;
    try {
      ({ tapIndex } = await Taro.showActionSheet({ itemList: ['移出社群', '移出并禁止再次加入'] }));
    } catch {
      return; // cancelled
    }
    const block = tapIndex === 1;
    const { confirm } = await Taro.showModal({
      title: `移出「${report.author.nickname}」`,
      content: `这条${reportTargetLabels[report.targetKind]}会被隐藏，Ta 的活动报名会全部取消${block ? '，并且不能再加入本社群' : ''}。确定移出吗？`,
      confirmText: '移出',
      confirmColor: '#fa5151',
    });
    if (!confirm) return;
    const done = await run(async () => {
      await decideReport(report.id, { action: 'remove_author', block });
      return true;
    });
    if (done) {
      Taro.showToast({ title: `已移出${report.author.nickname}`, icon: 'none' });
      await reports.reload();
    }
  }

  if (reports.error) return <LoadError error={reports.error} onRetry={reports.reload} />;
  if (!reports.data) return <SkeletonCard lines={4} />;
  if (reports.data.length === 0)
    return (
      <View className="card report-queue-empty">
        <Text className="hint">没有待处理的举报</Text>
      </View>
    );
  return (
    <View className="report-queue">
      {reports.data.map((report) => {
        const authorRole = report.author.role;
        const removable = authorRole !== null && canRemoveMember(myRole, authorRole);
        return (
          <View key={report.id} className="card report-item">
            <View className="report-item__head">
              <Text className="role-tag">{reportTargetLabels[report.targetKind]}</Text>
              {report.hidden && <Text className="report-item__hidden">已隐藏</Text>}
            </View>
            <Text className="report-item__excerpt" onClick={() => openContent(report)}>
              {report.excerpt}
            </Text>
            <Text className="hint">
              {`作者：${report.author.nickname}${authorRole ? `（${roleLabels[authorRole]}）` : '（已不在社群）'}`}
            </Text>
            <Text className="hint">{`${report.reporter.nickname} 举报 · ${formatRelative(report.createdAt)}`}</Text>
            <Text className="report-item__reason">{`原因：${report.reason}`}</Text>
            <View className="button-row">
              {!report.hidden && (
                <ActionButton
                  variant="mini"
                  className="report-hide"
                  disabled={busy}
                  onClick={() => act(report, 'hide')}
                >
                  隐藏内容
                </ActionButton>
              )}
              <ActionButton
                variant="mini"
                className="report-dismiss"
                disabled={busy}
                onClick={() => act(report, 'dismiss')}
              >
                不处理
              </ActionButton>
              {removable && (
                <ActionButton
                  variant="mini"
                  className="report-remove-author"
                  disabled={busy}
                  onClick={() => removeAuthor(report)}
                >
                  移出作者
                </ActionButton>
              )}
            </View>
          </View>
        );
      })}
    </View>
  );
}
