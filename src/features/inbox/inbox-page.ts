/** The 消息 page (我的 → 消息). */
export const inboxPage = '/member/inbox/index';
