import { communityLimits } from './community-rules';
import { recommendedTeam } from './roles';

/** The dashboard's charts cover the current ISO week (China time) and the seven before it. */
export const dashboardWeeks = 8;
/** Tag growth is counted over this many weeks. */
export const tagGrowthWeeks = 4;
export const mostTriedTipsShown = 5;
export const recentSessionsShown = 8;
export const topTagsShown = 10;

export type SizeStatus = 'below' | 'within' | 'above';

export function sizeStatus(memberCount: number): SizeStatus {
  const { min, max } = communityLimits.recommendedBand;
  if (memberCount < min) return 'below';
  if (memberCount > max) return 'above';
  return 'within';
}

/** One line under the member count: where the community stands against the essay's 60-100. */
export function sizeAdvice(memberCount: number): string {
  const { min, max } = communityLimits.recommendedBand;
  switch (sizeStatus(memberCount)) {
    case 'below':
      return `还差 ${min - memberCount} 人到推荐的 ${min}-${max} 人，邀请志同道合的朋友吧`;
    case 'above':
      return `已超过推荐的 ${max} 人：人多了，大家反而不说话，考虑开一个新群`;
    default:
      return `在推荐的 ${min}-${max} 人之间，正合适`;
  }
}

export interface TeamCounts {
  admins: number;
  secretaries: number;
}

/** A gentle note when the team is larger (or smaller) than the one admin and one secretary recommended. */
export function teamAdvice({ admins, secretaries }: TeamCounts): string | null {
  if (admins > recommendedTeam.admin || secretaries > recommendedTeam.secretary) {
    return '团队比推荐的大了：社群是一个群，不是一座监狱，一位管理员和一位秘书就够了';
  }
  const missing = [
    admins < recommendedTeam.admin ? '管理员' : null,
    secretaries < recommendedTeam.secretary ? '秘书' : null,
  ].filter((role): role is string => role !== null);
  return missing.length > 0 ? `还缺一位${missing.join('和一位')}，分担发布和排期` : null;
}

/** Share of seats taken, in whole percent (0 for a session without seats). */
export function fillPercent(seatsTaken: number, capacity: number): number {
  return capacity > 0 ? Math.round((seatsTaken / capacity) * 100) : 0;
}

/** Bar heights in percent of the largest value of a chart, so the tallest bar fills the chart. */
export function barPercents(values: number[]): number[] {
  const largest = Math.max(0, ...values);
  return values.map((value) => (largest > 0 ? Math.round((value / largest) * 100) : 0));
}
