import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ActionButton } from '@/components/action-button';
import type { WeeklyDigestView } from '@/domain/contract/weekly-digest';
import { withPermission } from '@/lib/device-permission';
import { useSubmit } from '@/lib/use-submit';
import { shareWeeklyDigest } from '../api/share-weekly-digest';
import '../weekly-digest.scss';

/**
 * The team shares the digest in one tap: in WeChat as a card into the group (the button opens
 * WeChat's share sheet, the page's `useShareAppMessage` gives the card), in both builds as text to
 * paste. Either way the server learns it was shared: the first time, members can read it.
 */
export function DigestShareBar({
  digest,
  onShared,
}: {
  digest: WeeklyDigestView;
  onShared: (digest: WeeklyDigestView) => void;
}) {
  const { busy, run } = useSubmit();
  const recordShare = async () => {
    const shared = await run(() => shareWeeklyDigest(digest.communityId, digest.weekStart));
    if (shared) onShared(shared);
    return shared;
  };
  const copyText = async () => {
    if (!(await withPermission('clipboard', () => Taro.setClipboardData({ data: digest.text })))) return;
    if (await recordShare()) Taro.showToast({ title: '已复制，去群里粘贴吧', icon: 'none' });
  };
  return (
    <View className="card digest-share">
      <View className="button-row">
        {process.env.TARO_ENV === 'weapp' && (
          <ActionButton
            variant="primary"
            className="digest-share-card"
            openType="share"
            onClick={recordShare}
          >
            分享到群
          </ActionButton>
        )}
        <ActionButton
          variant={process.env.TARO_ENV === 'weapp' ? 'default' : 'primary'}
          className="digest-copy-text"
          disabled={busy}
          onClick={copyText}
        >
          复制文字
        </ActionButton>
      </View>
      <Text className="hint">代替 @所有人：群友点开就能看详情、报名活动。</Text>
    </View>
  );
}
