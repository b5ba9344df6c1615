import { Text, View } from '@tarojs/components';
import type { PromotionEligibilityView, PromotionRulesView } from '@/domain/contract/promotions';
import { earnedExtraLabels, weekdayLabels } from '@/domain/promotion-labels';
import type { EarnedExtraReason } from '@/domain/promotions';

/** The rules as members read them, and whether I may request now: if not, why and from when. */
export function EligibilityCard({
  rules,
  eligibility,
}: {
  rules: PromotionRulesView;
  eligibility: PromotionEligibilityView;
}) {
  const schedule = rules.schedule
    .map(
      (entry) =>
        `${weekdayLabels[entry.weekday]} ${entry.startTime}（${entry.durationMinutes} 分钟，${entry.places} 个名额）`,
    )
    .join('、');
  return (
    <View className="card promotion-rules">
      <Text className="promotion-rules__title">推广规则</Text>
      <Text className="hint">推广时段：{schedule || '暂无固定时段'}</Text>
      <Text className="hint">
        入群满 {rules.minTenureDays} 天可申请；每 {rules.windowDays} 天最多通过 {rules.approvedPerWindow}{' '}
        次，投稿的技巧被发布或主持过活动可多 {rules.earnedExtraPerWindow} 次；同时只能有 {rules.pendingMax}{' '}
        条待审核；不能放二维码、拉人进群或留微信号。
      </Text>
      {eligibility.eligible ? (
        <Text className="promotion-eligibility promotion-eligibility--ok">
          你现在可以申请推广（30 天内已用 {eligibility.usedInWindow}/{eligibility.allowance} 次）
          {eligibility.earnedExtra
            ? `，${earnedExtraLabels[eligibility.earnedExtra as EarnedExtraReason]}，多得 1 次`
            : ''}
        </Text>
      ) : (
        <View className="promotion-eligibility promotion-eligibility--blocked">
          {eligibility.problems.map((problem) => (
            <Text key={problem.reason} className="promotion-eligibility__problem">
              {problem.message}
            </Text>
          ))}
        </View>
      )}
    </View>
  );
}
