import Taro from '@tarojs/taro';
import { ActionButton } from '@/components/action-button';
import { showErrorToast } from '@/lib/show-error-toast';
import { refreshMe } from '../api/get-me';
import { transferOwnership } from '../api/transfer-ownership';

/**
 * 转让群主, on the member's own page: it cannot be undone, so it is asked twice, the second time
 * naming the member again. Afterwards I am an admin, and my memberships are fetched anew.
 */
export function TransferOwnershipButton({
  communityId,
  member,
  onTransferred,
}: {
  communityId: string;
  member: { userId: string; nickname: string };
  onTransferred: () => void;
}) {
  async function transfer() {
    const first = await Taro.showModal({
      title: '转让群主',
      content: `转让后「${member.nickname}」成为群主，你将成为管理员，社群设置和转让群主都归新群主。`,
      confirmText: '继续',
      confirmColor: '#fa5151',
    });
    if (!first.confirm) return;
    const second = await Taro.showModal({
      title: '再次确认',
      content: `确定把群主转让给「${member.nickname}」？此操作无法撤回。`,
      confirmText: '确定转让',
      confirmColor: '#fa5151',
    });
    if (!second.confirm) return;
    try {
      await transferOwnership(communityId, member.userId);
      await refreshMe();
      Taro.showToast({ title: '已转让群主', icon: 'none' });
      onTransferred();
    } catch (error) {
      showErrorToast(error);
    }
  }

  return (
    <ActionButton variant="warn" className="transfer-ownership" onClick={transfer}>
      转让群主
    </ActionButton>
  );
}
