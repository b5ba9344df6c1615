import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '@/components/action-button';
import { useSubmit } from '@/lib/use-submit';
import { resetInviteCode } from '../api/reset-invite-code';
import { InviteCodeCard } from './invite-code-card';

/** The owner's invite code with copy, and a reset for when the code has spread too far. */
export function InviteCodePanel({ communityId, inviteCode }: { communityId: string; inviteCode: string }) {
  const [code, setCode] = useState(inviteCode);
  const { busy: resetting, run } = useSubmit();

  async function reset() {
    const { confirm } = await Taro.showModal({
      title: '重置邀请码',
      content: '重置后旧邀请码和已分享的卡片立即失效，确定重置吗？',
      confirmText: '重置',
    });
    if (!confirm) return;
    await run(async () => {
      const { inviteCode: fresh } = await resetInviteCode(communityId);
      if (fresh) setCode(fresh);
      Taro.showToast({ title: '邀请码已重置', icon: 'success' });
    });
  }

  return (
    <InviteCodeCard inviteCode={code}>
      <ActionButton
        variant="mini"
        className="reset-invite-code"
        loading={resetting}
        disabled={resetting}
        onClick={reset}
      >
        重置
      </ActionButton>
    </InviteCodeCard>
  );
}
