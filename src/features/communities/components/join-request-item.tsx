import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '@/components/action-button';
import { MemberAvatar } from '@/components/member-avatar';
import type { JoinRequestView } from '@/domain/contract/joining';
import { formatRelative } from '@/lib/china-time';
import { useSubmit } from '@/lib/use-submit';
import { approveJoinRequest, declineJoinRequest } from '../api/decide-join-request';
import { DeclineReasonDialog } from './decline-reason-dialog';
import './joining.scss';

/** How the newcomer found us: the member who shared the card counts most to a reviewer. */
function joinedVia(request: JoinRequestView): string {
  if (request.inviter) return `由 ${request.inviter.nickname} 邀请`;
  if (request.via === 'invite_code') return '通过邀请码';
  if (request.via === 'wechat_group') return '通过微信群';
  return '通过分享卡片';
}

/** One pending request: who, how they came, their note, and the two decisions. */
export function JoinRequestItem({ request, onDecided }: { request: JoinRequestView; onDecided: () => void }) {
  const { busy, run } = useSubmit();
  const [declining, setDeclining] = useState(false);

  function decided() {
    setDeclining(false);
    onDecided();
  }

  function decide(action: () => Promise<unknown>, done: string) {
    run(
      async () => {
        await action();
        Taro.showToast({ title: done, icon: 'success' });
        decided();
      },
      // JOIN_REQUEST_DECIDED: another admin was quicker. Either way the queue is shown as it is now.
      { onError: decided },
    );
  }

  return (
    <View className="card join-request">
      <View className="join-request__head">
        <View className="join-request__who">
          <MemberAvatar nickname={request.user.nickname} avatarUrl={request.user.avatarUrl} size="small" />
          <View>
            <Text className="join-request__nickname">{request.user.nickname}</Text>
            <Text className="join-request__meta">{`${joinedVia(request)} · ${formatRelative(request.createdAt)}`}</Text>
          </View>
        </View>
      </View>
      {request.note && <Text className="join-request__note">{request.note}</Text>}
      <View className="button-row">
        <ActionButton
          variant="primary"
          className="join-request-approve"
          disabled={busy}
          onClick={() => decide(() => approveJoinRequest(request.id), '已通过')}
        >
          通过
        </ActionButton>
        <ActionButton className="join-request-decline" disabled={busy} onClick={() => setDeclining(true)}>
          拒绝
        </ActionButton>
      </View>
      {declining && (
        <DeclineReasonDialog
          nickname={request.user.nickname}
          busy={busy}
          onCancel={() => setDeclining(false)}
          onConfirm={(reason) => decide(() => declineJoinRequest(request.id, reason), '已拒绝')}
        />
      )}
    </View>
  );
}
