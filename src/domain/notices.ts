/**
 * Notices: what the server tells one member (in the in-app inbox 我的 → 消息, and through a WeChat
 * subscribe message when the member gave a consent for its template).
 */

/** What happened; the inbox shows a label per kind. Add a kind here when a feature needs a new one. */
export const noticeKinds = [
  'session_reminder',
  'session_changed',
  'session_cancelled',
  'waitlist_promoted',
  'session_announced',
  'promotion_approved',
  'promotion_rejected',
  'tip_published',
  'tip_declined',
  'join_requested',
  'join_approved',
  'join_declined',
  'weekly_digest_ready',
  'weekly_digest',
  'member_removed',
  'content_reported',
  'content_hidden',
  'report_dismissed',
  'picture_rejected',
] as const;
export type NoticeKind = (typeof noticeKinds)[number];

/**
 * Notices meant for someone outside the community (a declined join request, a removal). Every other notice of
 * a community goes only to its members: one still pending when its member leaves is withdrawn.
 */
const kindsForNonMembers: readonly NoticeKind[] = ['join_declined', 'member_removed'];

export function reachesNonMembers(kind: string): boolean {
  return (kindsForNonMembers as readonly string[]).includes(kind);
}

export const noticeKindLabels: Record<NoticeKind, string> = {
  session_reminder: '活动提醒',
  session_changed: '活动变更',
  session_cancelled: '活动取消',
  waitlist_promoted: '候补转正',
  session_announced: '新活动',
  promotion_approved: '推广通过',
  promotion_rejected: '推广未通过',
  tip_published: '干货发布',
  tip_declined: '干货未通过',
  join_requested: '入群申请',
  join_approved: '入群通过',
  join_declined: '入群未通过',
  weekly_digest_ready: '群周报待分享',
  weekly_digest: '本周群周报',
  member_removed: '已被移出社群',
  content_reported: '新的举报',
  content_hidden: '内容被隐藏',
  report_dismissed: '举报已处理',
  picture_rejected: '图片未通过审核',
};

/**
 * The WeChat subscribe-message templates the product asks consent for. The template id of each
 * comes from the server's configuration (`WECHAT_TEMPLATE_SESSION_REMINDER=...`); the mini program
 * reads them from `GET /api/config/client`. A notice's `template.data` holds the template's field
 * values by WeChat field name (e.g. `{ thing1: '周六晨跑', time2: '2026-11-28 07:00' }`), so pick
 * templates in the WeChat console whose fields match what the feature sends:
 * - sessionReminder, sessionChanged, waitlistPromoted: thing1 活动名称, time2 活动时间
 * - promotionResult: thing1 推广标题, phrase2 审核结果 (已通过 / 未通过), thing3 备注 (the reason)
 * - tipResult: thing1 技巧标题, phrase2 审核结果 (已发布 / 将定时发布 / 未通过), thing3 备注
 * The mini program asks consent from the tap that leads to each: 报名 (the session ones),
 * 提交申请 (promotionResult), 提交投稿 (tipResult).
 */
export const subscribeTemplateKeys = [
  'sessionReminder',
  'sessionChanged',
  'waitlistPromoted',
  'promotionResult',
  'tipResult',
] as const;
export type SubscribeTemplateKey = (typeof subscribeTemplateKeys)[number];

export function isSubscribeTemplateKey(value: string): value is SubscribeTemplateKey {
  return (subscribeTemplateKeys as readonly string[]).includes(value);
}

/** `sessionReminder` → `WECHAT_TEMPLATE_SESSION_REMINDER`. */
export function templateEnvName(key: SubscribeTemplateKey): string {
  return `WECHAT_TEMPLATE_${key.replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase()}`;
}

export const noticeLimits = {
  titleMax: 40,
  bodyMax: 500,
  linkMax: 500,
  inboxPageSize: 20,
  /** WeChat refuses a `thing` field value longer than this. */
  wechatThingMax: 20,
} as const;
