import { isTeamRole, type Role } from './roles';

/**
 * 举报: any member reports a tip, a note (the words left with 我试过了) or a promotion to the team;
 * the team works the queue: hide the content, dismiss the report, or remove the author.
 */
export const reportTargetKinds = ['tip', 'note', 'promotion'] as const;
export type ReportTargetKind = (typeof reportTargetKinds)[number];

export const reportTargetLabels: Record<ReportTargetKind, string> = {
  tip: '干货',
  note: '心得',
  promotion: '推广',
};

/** `open` until the team acts; the decision closes every open report of the same content. */
export const reportStatuses = ['open', 'hidden', 'dismissed', 'author_removed'] as const;
export type ReportStatus = (typeof reportStatuses)[number];

export const reportActions = ['hide', 'dismiss', 'remove_author'] as const;
export type ReportAction = (typeof reportActions)[number];

export const reportActionLabels: Record<ReportAction, string> = {
  hide: '隐藏内容',
  dismiss: '不处理',
  remove_author: '移出作者',
};

export const reportLimits = {
  reasonMax: 100,
  /** The queue shows the content's first words. */
  excerptMax: 60,
} as const;

/**
 * Hidden content stays visible to its author and to the team (owner, admins, secretary: the team that
 * publishes and reviews is the one that works the report queue); everyone else no longer sees it.
 */
export function seesHiddenContent(role: Role): boolean {
  return isTeamRole(role);
}
