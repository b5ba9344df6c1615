import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '@/components/action-button';
import { SwitchCell } from '@/components/switch-cell';
import { TextField } from '@/components/text-field';
import { removalLimits, textLength } from '@/domain/community-rules';
import { isApiError } from '@/lib/api-error';
import { useSubmit } from '@/lib/use-submit';
import { removeMember } from '../api/remove-member';
import './joining.scss';

/**
 * Removing a member: an optional reason (they see it), whether to bar them from joining again, and a
 * second, plain-worded confirmation, since their sign-ups go and it cannot be undone from here.
 * Our own dialog, as for declining a join request: H5 has no editable modal.
 */
export function RemoveMemberDialog({
  communityId,
  member,
  onCancel,
  onRemoved,
}: {
  communityId: string;
  member: { userId: string; nickname: string };
  onCancel: () => void;
  onRemoved: () => void;
}) {
  const [reason, setReason] = useState('');
  // The server's reason for refusing the text (the content check), shown under the field.
  const [refused, setRefused] = useState<string | null>(null);
  const [block, setBlock] = useState(false);
  const { busy, run } = useSubmit();
  const tooLong = textLength(reason.trim()) > removalLimits.reasonMax;

  async function confirmAndRemove() {
    const { confirm } = await Taro.showModal({
      title: `移出「${member.nickname}」`,
      content: block
        ? 'Ta 的活动报名会全部取消，并且不能再加入本社群（可在「已禁止加入」里解除）。确定移出吗？'
        : 'Ta 的活动报名会全部取消，需要邀请码才能再加入。确定移出吗？',
      confirmText: '移出',
      confirmColor: '#fa5151',
    });
    if (!confirm) return;
    const done = await run(
      async () => {
        await removeMember(communityId, member.userId, { reason: reason.trim(), block });
        return true;
      },
      { onError: (error) => setRefused(isApiError(error) ? (error.fields?.reason ?? null) : null) },
    );
    if (done) {
      Taro.showToast({ title: `已移出${member.nickname}`, icon: 'none' });
      onRemoved();
    }
  }

  return (
    <View className="decline-dialog remove-member-dialog">
      <View className="card form decline-dialog__panel">
        <Text className="title">{`将「${member.nickname}」移出社群`}</Text>
        <TextField
          className="field--removal-reason"
          label="移出原因（选填，对方会看到）"
          value={reason}
          max={removalLimits.reasonMax}
          placeholder="例如：多次在群里发广告"
          onChange={(value) => {
            setReason(value);
            setRefused(null);
          }}
        />
        {refused && <Text className="field__problem reason-refused">{refused}</Text>}
        <SwitchCell
          className="removal-block"
          label="同时禁止再次加入"
          checked={block}
          warn
          onChange={setBlock}
          hint="移出后，Ta 的活动报名会被取消，候补的成员依次补上。"
        />
        <View className="button-row">
          <ActionButton onClick={onCancel}>取消</ActionButton>
          <ActionButton
            variant="warn"
            className="removal-confirm"
            disabled={tooLong || busy}
            loading={busy}
            onClick={confirmAndRemove}
          >
            移出社群
          </ActionButton>
        </View>
      </View>
    </View>
  );
}
