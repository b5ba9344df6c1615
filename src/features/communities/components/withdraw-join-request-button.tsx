import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '@/components/action-button';
import { showErrorToast } from '@/lib/show-error-toast';
import { withdrawJoinRequest } from '../api/withdraw-join-request';

/** No confirmation: a withdrawn request can simply be sent again. */
export function WithdrawJoinRequestButton({
  requestId,
  onWithdrawn,
}: {
  requestId: string;
  onWithdrawn: () => void;
}) {
  const [withdrawing, setWithdrawing] = useState(false);

  async function withdraw() {
    if (withdrawing) return;
    setWithdrawing(true);
    try {
      await withdrawJoinRequest(requestId);
      Taro.showToast({ title: '已撤回申请', icon: 'none' });
      onWithdrawn();
    } catch (error) {
      showErrorToast(error);
    } finally {
      setWithdrawing(false);
    }
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
