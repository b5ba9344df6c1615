import Taro from '@tarojs/taro';
import { ActionButton } from '@/components/action-button';
import { useSubmit } from '@/lib/use-submit';
import { withdrawJoinRequest } from '../api/withdraw-join-request';

/** No confirmation: a withdrawn request can simply be sent again. */
export function WithdrawJoinRequestButton({
  requestId,
  onWithdrawn,
}: {
  requestId: string;
  onWithdrawn: () => void;
}) {
  const { busy: withdrawing, run } = useSubmit();

  async function withdraw() {
    await run(async () => {
      await withdrawJoinRequest(requestId);
      Taro.showToast({ title: '已撤回申请', icon: 'none' });
      onWithdrawn();
    });
  }

  return (
    <ActionButton
      variant="mini"
      className="withdraw-join-request"
      loading={withdrawing}
      disabled={withdrawing}
      onClick={withdraw}
    >
      撤回申请
    </ActionButton>
  );
}
