import { Text, View } from '@tarojs/components';
import '../promotions.scss';
import Taro, { useDidShow, usePullDownRefresh, useShareAppMessage } from '@tarojs/taro';
import { type ReactNode, useCallback } from 'react';
import { ActionButton } from '@/components/action-button';
import { LoadError } from '@/components/load-error';
import { SkeletonCard } from '@/components/skeleton-card';
import type { PromotionRequestView, PromotionSlotView } from '@/domain/contract/promotions';
import { pagePaths, promotionRequestPath } from '@/domain/page-paths';
import { hasRoleAtLeast, type Role } from '@/domain/roles';
import { useLoginSession } from '@/lib/login-session';
import { useMyPromotionRequests } from '../api/get-my-promotion-requests';
import { usePromotionBoard } from '../api/get-promotion-board';
import { usePromotionEligibility } from '../api/get-promotion-eligibility';
import { usePromotionRules } from '../api/get-promotion-rules';
import { usePromotionSlots } from '../api/get-promotion-slots';
import { shareCardForPromotion } from '../share-card';
import { EligibilityCard } from './eligibility-card';
import { MyPromotionRequests } from './my-promotion-requests';
import { PromotionBoard } from './promotion-board';
import { SlotCalendar } from './slot-calendar';

/**
 * The 推广 tab: rules and my eligibility, the board, the slot calendar (a slot opens 申请推广), my
 * requests. `role` is mine in the current community, undefined until known (推广审核 and 推广规则
 * wait for it); `cardAction` lets the page add a control to each promotion on the board (举报).
 */
export function PromotionsTab({
  role,
  cardAction,
}: {
  role: Role | undefined;
  cardAction?: (promotion: PromotionRequestView) => ReactNode;
}) {
  const communityId = useLoginSession((state) => state.currentCommunityId);
  const myUserId = useLoginSession((state) => state.user?.id);
  const rules = usePromotionRules(communityId);
  const eligibility = usePromotionEligibility(communityId);
  const slots = usePromotionSlots(communityId);
  const board = usePromotionBoard(communityId);
  const mine = useMyPromotionRequests(communityId);

  const reload = useCallback(async () => {
    await Promise.all([rules.reload(), eligibility.reload(), slots.reload(), board.reload(), mine.reload()]);
  }, [rules.reload, eligibility.reload, slots.reload, board.reload, mine.reload]);

  useDidShow(() => {
    if (communityId) reload();
  });
  usePullDownRefresh(async () => {
    await reload();
    Taro.stopPullDownRefresh();
  });
  const myLivePromotion = board.data?.current.find((promotion) => promotion.author.id === myUserId) ?? null;
  useShareAppMessage(() => shareCardForPromotion(myLivePromotion));

  if (!communityId) {
    return (
      <View className="card empty">
        <Text className="hint">先在首页加入或创建一个社群，再来申请推广。</Text>
      </View>
    );
  }
  const error = rules.error ?? eligibility.error ?? slots.error ?? board.error ?? mine.error;
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!rules.data || !eligibility.data || !slots.data || !board.data || !mine.data) {
    return <SkeletonCard lines={5} />;
  }

  const eligible = eligibility.data.eligible;
  function requestSlot(slot: PromotionSlotView) {
    if (!eligible) {
      Taro.showToast({ title: '暂时不能申请，原因见上方', icon: 'none' });
      return;
    }
    Taro.navigateTo({ url: promotionRequestPath({ slotId: slot.id }) });
  }

  return (
    <View className="promotions-tab">
      {role && hasRoleAtLeast(role, 'admin') && (
        <View className="button-row">
          <ActionButton
            className="promotion-review-entry"
            onClick={() => Taro.navigateTo({ url: pagePaths.promotionReview })}
          >
            推广审核
          </ActionButton>
          <ActionButton
            className="promotion-rules-entry"
            onClick={() => Taro.navigateTo({ url: pagePaths.promotionRules })}
          >
            推广规则
          </ActionButton>
        </View>
      )}
      {myLivePromotion && (
        <View className="card promotion-share-hint">
          <Text className="hint">你的推广正在时段内：点右上角「···」分享到群里。</Text>
        </View>
      )}
      <EligibilityCard rules={rules.data} eligibility={eligibility.data} />
      <PromotionBoard board={board.data} cardAction={cardAction} />
      <View className="section-title">推广时段</View>
      <Text className="hint slot-calendar__hint">
        {eligible ? '点一个时段，申请推广' : '满足上方条件后，点一个时段申请推广'}
      </Text>
      <SlotCalendar slots={slots.data} requestable={eligible} onSelect={requestSlot} />
      <View className="section-title">我的推广申请</View>
      <MyPromotionRequests
        requests={mine.data}
        onChanged={reload}
        onEdit={(request) =>
          Taro.navigateTo({ url: promotionRequestPath({ slotId: request.slot.id, requestId: request.id }) })
        }
      />
    </View>
  );
}
