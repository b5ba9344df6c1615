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
  const takeDown = async () => {
    const { confirm } = await Taro.showModal({
      title: '下线这条技巧？',
      content: '下线后群友看不到它，之后可以再发布。',
    });
    if (confirm) await run(() => unpublishTip(tip.id), '已下线');
  };
  return (
    <View className="button-row tip-manage">
      <ActionButton className="tip-edit" onClick={() => Taro.navigateTo({ url: tipEditorPath(tip.id) })}>
        编辑
      </ActionButton>
      {tipAllows('unpublish', tip.status) ? (
        <ActionButton variant="warn" className="tip-unpublish" onClick={takeDown}>
          下线
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
