import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '@/components/action-button';
import { FormReason, useTouched } from '@/components/form-reason';
import { LoadError } from '@/components/load-error';
import { SkeletonCard } from '@/components/skeleton-card';
import { TextField } from '@/components/text-field';
import type { TipCardView } from '@/domain/contract/tips';
import { tipStatusLabels } from '@/domain/tip-labels';
import { type TipStatus, tipLimits } from '@/domain/tips';
import { isApiError } from '@/lib/api-error';
import { showErrorToast } from '@/lib/show-error-toast';
import { useManagedTips } from '../api/get-managed-tips';
import { declineTip, publishTip } from '../api/save-tip';
import { TipCard } from './tip-card';
import '../tips.scss';

/** One suggestion with 发布 and 不采用 (a reason is required and sent to the member, who sees 未通过). */
function SuggestionActions({ tip, onDone }: { tip: TipCardView; onDone: () => void }) {
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const reasonTouched = useTouched([reason]);
  const missingReason = reason.trim() ? null : '请写下不采用的原因';
  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      Taro.showToast({ title: done, icon: 'success' });
      onDone();
    } catch (error) {
      showErrorToast(error);
      // Edited since this list was loaded: show the new version before anyone decides.
      if (isApiError(error) && error.code === 'TIP_CHANGED') onDone();
    }
  };
  return (
    <View className="tip-review__actions">
      {declining ? (
        <>
          <TextField
            label="不采用的原因（会告诉投稿人）"
            value={reason}
            onChange={setReason}
            max={tipLimits.declineReasonMax}
            multiline
            className="field--decline-reason"
          />
          <FormReason problem={missingReason} touched={reasonTouched} needs="请写下不采用的原因" />
          <View className="button-row">
            <ActionButton
              variant="warn"
              className="tip-decline-confirm"
              disabled={!!missingReason}
              onClick={() => run(() => declineTip(tip, reason.trim()), '已告知投稿人')}
            >
              确认不采用
            </ActionButton>
            <ActionButton onClick={() => setDeclining(false)}>返回</ActionButton>
          </View>
        </>
      ) : (
        <View className="button-row">
          <ActionButton
            variant="primary"
            className="tip-approve"
            onClick={() => run(() => publishTip(tip), '已发布')}
          >
            发布
          </ActionButton>
          <ActionButton className="tip-decline" onClick={() => setDeclining(true)}>
            不采用
          </ActionButton>
        </View>
      )}
    </View>
  );
}

const teamTabs: TipStatus[] = ['suggested', 'draft', 'scheduled', 'unpublished'];
/** A member follows their own suggestions here: waiting, published, declined. */
const memberTabs: TipStatus[] = ['suggested', 'published', 'declined'];

/**
 * The team's desk: 待审核 suggestions (owner and admin decide), drafts, scheduled and taken-down tips.
 * A member sees their own suggestions, waiting, published or declined.
 */
export function TipReviewList({
  communityId,
  canReview,
  isTeam,
  onOpen,
}: {
  communityId: string;
  canReview: boolean;
  isTeam: boolean;
  onOpen: (tipId: string) => void;
}) {
  const [status, setStatus] = useState<TipStatus>(canReview || !isTeam ? 'suggested' : 'draft');
  const list = useManagedTips(communityId, status);
  const visibleTabs = !isTeam
    ? memberTabs
    : canReview
      ? teamTabs
      : teamTabs.filter((tab) => tab !== 'suggested');
  return (
    <View className="tip-review">
      <View className="tip-sort">
        {visibleTabs.map((tab) => (
          <Text
            key={tab}
            className={`tip-sort__option tip-review-tab--${tab} ${status === tab ? 'is-selected' : ''}`}
            onClick={() => setStatus(tab)}
          >
            {tipStatusLabels[tab]}
          </Text>
        ))}
      </View>
      {list.isLoading && !list.data && <SkeletonCard />}
      {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      {list.data?.length === 0 && (
        <Text className="tip-empty">
          {status === 'suggested' ? '没有待审核的投稿' : `没有${tipStatusLabels[status]}的技巧`}
        </Text>
      )}
      {list.data?.map((tip) => (
        <View key={tip.id} className="tip-review__item">
          <TipCard tip={tip} onOpen={onOpen} />
          {status === 'suggested' && canReview && <SuggestionActions tip={tip} onDone={list.reload} />}
        </View>
      ))}
    </View>
  );
}
