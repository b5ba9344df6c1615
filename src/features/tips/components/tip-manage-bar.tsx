import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ActionButton } from '@/components/action-button';
import type { TipDetailView } from '@/domain/contract/tips';
import { tipEditorPath } from '@/domain/page-paths';
import { tipAllows } from '@/domain/tips';
import { isApiError } from '@/lib/api-error';
import { showErrorToast } from '@/lib/show-error-toast';
import { getTip } from '../api/get-tip';
import { publishTip, unpublishTip } from '../api/save-tip';

/** The team's tools on a tip: edit, publish now, take off the feed. */
export function TipManageBar({
  tip,
  onChange,
}: {
  tip: TipDetailView;
  onChange: (tip: TipDetailView) => void;
}) {
  const run = async (action: () => Promise<TipDetailView>, done: string) => {
    try {
      onChange(await action());
      Taro.showToast({ title: done, icon: 'success' });
    } catch (error) {
      showErrorToast(error);
      // Edited by someone else since this page loaded: show what would be published now.
      if (isApiError(error) && error.code === 'TIP_CHANGED')
        await getTip(tip.id).then(onChange, showErrorToast);
    }
  };
  // A scheduled tip was never seen: taking it down only calls off its publishing.
  const scheduled = tip.status === 'scheduled';
  const takeDown = async () => {
    const { confirm } = await Taro.showModal(
      scheduled
        ? { title: '取消定时发布？', content: '这条技巧不会按时发出，之后可以再发布。' }
        : { title: '下线这条技巧？', content: '下线后群友看不到它，之后可以再发布。' },
    );
    if (confirm) await run(() => unpublishTip(tip.id), scheduled ? '已取消定时' : '已下线');
  };
  return (
    <View className="button-row tip-manage">
      <ActionButton className="tip-edit" onClick={() => Taro.navigateTo({ url: tipEditorPath(tip.id) })}>
        编辑
      </ActionButton>
      {tipAllows('unpublish', tip.status) ? (
        <ActionButton variant="warn" className="tip-unpublish" onClick={takeDown}>
          {scheduled ? '取消定时' : '下线'}
        </ActionButton>
      ) : (
        tipAllows('publish', tip.status) && (
          <ActionButton
            variant="primary"
            className="tip-publish"
            onClick={() => run(() => publishTip(tip), '已发布')}
          >
            立即发布
          </ActionButton>
        )
      )}
    </View>
  );
}
