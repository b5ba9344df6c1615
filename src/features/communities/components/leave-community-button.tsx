import Taro from '@tarojs/taro';
import { ActionButton } from '@/components/action-button';
import type { MembershipView } from '@/domain/contract/me';
import { hasRoleAtLeast } from '@/domain/roles';
import { useSubmit } from '@/lib/use-submit';
import { refreshMe } from '../api/get-me';
import { leaveCommunity } from '../api/leave-community';

/** Leaving cannot be undone without a new invite, so it asks first. The 群主 must transfer instead. */
export function LeaveCommunityButton({ membership }: { membership: MembershipView }) {
  const { busy: leaving, run } = useSubmit();
  if (hasRoleAtLeast(membership.role, 'owner')) return null;

  async function leave() {
    const { confirm } = await Taro.showModal({
      title: '退出社群',
      content: `确定退出「${membership.communityName}」吗？再次加入需要邀请码。`,
      confirmText: '退出',
      confirmColor: '#fa5151',
    });
    if (!confirm) return;
    await run(async () => {
      await leaveCommunity(membership.communityId);
      await refreshMe();
      Taro.showToast({ title: '已退出社群', icon: 'none' });
    });
  }

  return (
    <ActionButton
      variant="warn"
      className="leave-community"
      loading={leaving}
      disabled={leaving}
      onClick={leave}
    >
      退出当前社群
    </ActionButton>
  );
}
