import type { EarnedExtraReason, PromotionStatus } from './promotions';

/**
 * The words the 推广 tab shows, apart from the rules in ./promotions: the tab is in the main package,
 * which carries every export of a module it imports, and the rules are for the forms and the server.
 */

export const promotionStatusLabels: Record<PromotionStatus, string> = {
  pending: '待审核',
  approved: '已通过',
  rejected: '未通过',
  withdrawn: '已撤回',
};

/** Indexed by ISO weekday (1 = Monday ... 7 = Sunday). */
export const weekdayLabels = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;

export const earnedExtraLabels: Record<EarnedExtraReason, string> = {
  'tip-published': '你投稿的技巧已发布',
  'session-hosted': '你主持了一场活动',
};
