import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '@/components/action-button';
import { FormReason, useTouched } from '@/components/form-reason';
import {
  inviteCodeLength,
  isWellFormedInviteCode,
  joinLimits,
  normaliseInviteCode,
  textLength,
} from '@/domain/community-rules';
import type { MyJoinRequestView } from '@/domain/contract/joining';
import { useSubmit } from '@/lib/use-submit';
import { joinCommunity } from '../api/join-community';
import { enterCommunity } from '../enter-community';
import { JoinNoteField } from './join-note-field';

/**
 * Join by invite code; the code is tidied as it is typed (lower case, spaces, full-width forms).
 * A community that approves newcomers queues the request instead: `onRequested` shows that state.
 */
export function JoinCommunityForm({
  initialCode = '',
  inviterId,
  onRequested,
}: {
  initialCode?: string;
  inviterId?: string;
  onRequested: (request: MyJoinRequestView) => void;
}) {
  const [code, setCode] = useState(() => normaliseInviteCode(initialCode));
  const [note, setNote] = useState('');
  const { busy: submitting, run } = useSubmit();
  const complete = code.length === inviteCodeLength;
  const codeTouched = useTouched([code]);
  const codeNeeded = `请输入 ${inviteCodeLength} 位邀请码`;
  const noteTooLong = textLength(note.trim()) > joinLimits.noteMax;

  function submit() {
    if (!complete || noteTooLong) return;
    run(async () => {
      const result = await joinCommunity({ inviteCode: code, inviterId, note: note.trim() });
      if (result.outcome === 'requested') {
        onRequested(result.request);
        return;
      }
      Taro.showToast({ title: '已加入社群', icon: 'success' });
      await enterCommunity(result.community.id);
    });
  }

  return (
    <View className="card form join-community-form">
      <View className="field field--invite-code">
        <View className="field__head">
          <Text className="field__label">邀请码</Text>
          <Text className="field__count">
            {code.length}/{inviteCodeLength}
          </Text>
        </View>
        <Input
          className="field__input invite-code-input"
          value={code}
          placeholder={`${inviteCodeLength}位邀请码，向群主或管理员索取`}
          maxlength={inviteCodeLength + 4}
          onInput={(event) => setCode(normaliseInviteCode(event.detail.value))}
        />
        {/* A hint, not a block: the member may have read a look-alike aloud, and the server has the last word. */}
        {complete && !isWellFormedInviteCode(code) && (
          <Text className="form__problem">邀请码一般不含 0、1、I、L、O，请核对</Text>
        )}
      </View>
      <JoinNoteField value={note} onChange={setNote} />
      <FormReason problem={complete ? null : codeNeeded} touched={codeTouched} needs={codeNeeded} />
      <ActionButton
        variant="primary"
        disabled={!complete || noteTooLong || submitting}
        loading={submitting}
        onClick={submit}
      >
        加入社群
      </ActionButton>
    </View>
  );
}
