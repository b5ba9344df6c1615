import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '@/components/action-button';
import { TextField } from '@/components/text-field';
import { textLength } from '@/domain/community-rules';
import type { SessionView } from '@/domain/contract/sessions';
import { sessionLimits } from '@/domain/sessions';
import { useSubmit } from '@/lib/use-submit';
import { sendFeedback } from '../api/send-feedback';

/** After the start, an attendee rates 1-5 with an optional comment; sending again edits it. */
export function FeedbackForm({
  session,
  onChanged,
}: {
  session: SessionView;
  onChanged: () => Promise<void> | void;
}) {
  const mine = session.mySignup;
  const [rating, setRating] = useState(mine?.feedback?.rating ?? 0);
  const [comment, setComment] = useState(mine?.feedback?.comment ?? '');
  const { busy, run } = useSubmit();
  if (mine?.status !== 'confirmed' || session.status === 'cancelled') return null;
  if (Date.now() < new Date(session.startsAt).getTime()) return null;

  function submit() {
    run(async () => {
      await sendFeedback(session.id, rating, comment);
      Taro.showToast({ title: '谢谢你的评价', icon: 'success' });
      await onChanged();
    });
  }

  return (
    <View className="card feedback-form">
      <Text className="label">{mine.feedback ? '修改评价' : '给这次活动打个分'}</Text>
      <View className="rating">
        {Array.from({ length: sessionLimits.ratingMax }, (_, index) => index + 1).map((value) => (
          <Text
            key={value}
            className={`rating__star ${value <= rating ? 'is-on' : ''}`}
            onClick={() => setRating(value)}
          >
            ★
          </Text>
        ))}
      </View>
      <TextField
        label="说说收获（选填）"
        value={comment}
        onChange={setComment}
        max={sessionLimits.feedbackCommentMax}
        multiline
        className="field--feedback"
      />
      {rating === 0 && <Text className="hint form__needs">点星星打个分，就可以提交了</Text>}
      <ActionButton
        variant="primary"
        className="feedback-submit"
        loading={busy}
        disabled={rating === 0 || textLength(comment) > sessionLimits.feedbackCommentMax || busy}
        onClick={submit}
      >
        提交评价
      </ActionButton>
    </View>
  );
}
