import type { TipStatus } from './tips';

/**
 * A tip's status as the cards say it, apart from the rules in ./tips: the tab pages are in the main
 * package, which carries every export of a module it imports, and the rules are for the editor and the server.
 */
export const tipStatusLabels: Record<TipStatus, string> = {
  draft: '草稿',
  scheduled: '定时发布',
  published: '已发布',
  unpublished: '已下线',
  suggested: '待审核',
  declined: '未通过',
};
