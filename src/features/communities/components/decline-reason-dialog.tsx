import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '@/components/action-button';
import { TextField } from '@/components/text-field';
import { joinLimits, textLength } from '@/domain/community-rules';
import './joining.scss';

/**
 * Asks for an optional decline reason. Our own dialog rather than `showModal({ editable: true })`:
 * H5 has no editable modal, and one dialog behaves the same in WeChat and in the browser.
 */
export function DeclineReasonDialog({
  nickname,
  busy,
  onCancel,
  onConfirm,
}: {
  nickname: string;
  busy: boolean;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}) {
  const [reason, setReason] = useState('');
  const tooLong = textLength(reason.trim()) > joinLimits.declineReasonMax;

  return (
    <View className="decline-dialog">
      <View className="card form decline-dialog__panel">
        <Text className="title">{`拒绝「${nickname}」的入群申请`}</Text>
        <TextField
          className="field--decline-reason"
          label="拒绝原因（选填，对方会看到）"
          value={reason}
          max={joinLimits.declineReasonMax}
          placeholder="例如：本群只收本地的朋友"
          onChange={setReason}
        />
        <View className="button-row">
          <ActionButton onClick={onCancel}>取消</ActionButton>
          <ActionButton
            variant="warn"
            className="decline-confirm"
            disabled={tooLong || busy}
            loading={busy}
            onClick={() => onConfirm(reason.trim())}
          >
            确认拒绝
          </ActionButton>
        </View>
      </View>
    </View>
  );
}
