import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '@/components/action-button';
import { TextField } from '@/components/text-field';
import { textLength } from '@/domain/community-rules';
import type { CreateReportInput } from '@/domain/contract/moderation';
import { reportLimits, reportTargetLabels } from '@/domain/moderation';
import { isApiError } from '@/lib/api-error';
import { useSubmit } from '@/lib/use-submit';
import { reportContent } from '../api/reports';
import './moderation.scss';

export type ReportTarget = Pick<CreateReportInput, 'targetKind' | 'targetId' | 'authorId'>;

/** 举报 with a reason (required: the team needs to know what is wrong), in a dialog or on its own page. */
export function ReportForm({
  communityId,
  target,
  className,
  onDone,
  onCancel,
}: {
  communityId: string;
  target: ReportTarget;
  className?: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState('');
  // The server's reason for refusing the text (the content check), shown under the field.
  const [refused, setRefused] = useState<string | null>(null);
  const { busy, run } = useSubmit();
  const trimmed = reason.trim();
  const tooLong = textLength(trimmed) > reportLimits.reasonMax;

  async function send() {
    const done = await run(
      async () => {
        await reportContent(communityId, { ...target, reason: trimmed });
        return true;
      },
      { onError: (error) => setRefused(isApiError(error) ? (error.fields?.reason ?? null) : null) },
    );
    if (done) {
      setReason('');
      Taro.showToast({ title: '已举报，群主和管理员会尽快处理', icon: 'none' });
      onDone();
    }
  }

  return (
    <View className={`card form ${className ?? ''}`}>
      <Text className="title">{`举报这条${reportTargetLabels[target.targetKind]}`}</Text>
      <TextField
        className="field--report-reason"
        label="举报原因（群主和管理员会看到，不会告诉作者是谁举报的）"
        value={reason}
        max={reportLimits.reasonMax}
        placeholder="例如：在群里发广告、攻击他人"
        onChange={(value) => {
          setReason(value);
          setRefused(null);
        }}
      />
      {refused && <Text className="field__problem reason-refused">{refused}</Text>}
      {!trimmed && <Text className="hint">写下原因后才能提交</Text>}
      <View className="button-row">
        <ActionButton onClick={onCancel}>取消</ActionButton>
        <ActionButton
          variant="warn"
          className="report-confirm"
          disabled={!trimmed || tooLong || busy}
          loading={busy}
          onClick={send}
        >
          提交举报
        </ActionButton>
      </View>
    </View>
  );
}
