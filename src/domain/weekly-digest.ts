/**
 * 本周群周报: the group's week at a glance, instead of @所有人. The server gathers the week's
 * candidates; these rules decide what the digest shows, which sections it has, and its words
 * (the page, the share card and the text copied into the group all read them from here).
 */
import { addWeeks, chinaDayTime, weekLabel, weekStartOf } from './china-weeks';
import { newcomerLine, withoutMentions } from './welcome-digest';

export const weeklyDigestLimits = {
  introMax: 60,
  newTipsMax: 5,
  mostTriedMax: 3,
  sessionsMax: 5,
  promotionsMax: 5,
  newcomersMax: 30,
} as const;

/** The intro line until the team writes its own. */
export const defaultDigestIntro = '这一周群里的新技巧、活动和新朋友，都在这里。';

/** From Friday 18:00 (China time) the week's digest is ready: the team is told to preview and share it. */
export const digestReadyAt = { days: 4, hours: 18 } as const;

export interface DigestTip {
  id: string;
  title: string;
  minutes: number;
  /** Tries made during the week (the most tried), or of all time (new tips). */
  tryCount: number;
}

export interface DigestSession {
  id: string;
  title: string;
  startsAt: string;
  seatsLeft: number;
}

export interface DigestPromotion {
  id: string;
  title: string;
  authorNickname: string;
  slotStartsAt: string;
}

export interface DigestNewcomer {
  userId: string;
  nickname: string;
  invitedBy: string | null;
  tags: string[];
}

export interface DigestSectionsContent {
  newTips: DigestTip[];
  mostTried: DigestTip[];
  sessions: DigestSession[];
  promotions: DigestPromotion[];
  newcomers: DigestNewcomer[];
}

export type DigestSectionKind = keyof DigestSectionsContent;

/** In the order the digest reads. */
export const digestSectionKinds: readonly DigestSectionKind[] = [
  'newTips',
  'mostTried',
  'sessions',
  'promotions',
  'newcomers',
];

export const digestSectionTitles: Record<DigestSectionKind, string> = {
  newTips: '本周新技巧',
  mostTried: '大家都在试',
  sessions: '下周活动，还有名额',
  promotions: '本周推广',
  newcomers: '欢迎新朋友',
};

/**
 * What the server found for a week, before the rules choose: tips published in the week (newest
 * first), tips by tries made in the week (most first), next week's sessions (soonest first, full ones
 * included), approved promotions of the week's slots, and the week's newcomers still here.
 */
export type DigestCandidates = DigestSectionsContent;

/**
 * The digest's sections: a tip tried most this week is shown there, not again among the new ones;
 * a session without seats left is not advertised; every list is capped.
 */
export function assembleDigest(candidates: DigestCandidates): DigestSectionsContent {
  const mostTried = candidates.mostTried
    .filter((tip) => tip.tryCount > 0)
    .slice(0, weeklyDigestLimits.mostTriedMax);
  const shownAsTried = new Set(mostTried.map((tip) => tip.id));
  return {
    newTips: candidates.newTips
      .filter((tip) => !shownAsTried.has(tip.id))
      .slice(0, weeklyDigestLimits.newTipsMax),
    mostTried,
    sessions: candidates.sessions
      .filter((session) => session.seatsLeft > 0)
      .slice(0, weeklyDigestLimits.sessionsMax),
    promotions: candidates.promotions.slice(0, weeklyDigestLimits.promotionsMax),
    newcomers: candidates.newcomers.slice(0, weeklyDigestLimits.newcomersMax),
  };
}

/** The sections with something in them, in reading order: an empty section is left out. */
export function nonEmptySections(content: DigestSectionsContent): DigestSectionKind[] {
  return digestSectionKinds.filter((kind) => content[kind].length > 0);
}

/** An empty week produces no digest. */
export function isEmptyDigest(content: DigestSectionsContent): boolean {
  return nonEmptySections(content).length === 0;
}

/** The team edits and shares this week's digest, and last week's until this week ends. */
export function isDigestWeekOpen(weekStart: string, now: Date): boolean {
  const current = weekStartOf(now);
  return weekStart === current || weekStart === addWeeks(current, -1);
}

/** A week whose digest can exist: this week or an earlier one. */
export function isDigestWeekStarted(weekStart: string, now: Date): boolean {
  return weekStart <= weekStartOf(now);
}

export function digestShareTitle(communityName: string, weekStart: string): string {
  return `本周群周报｜${withoutMentions(communityName)} ${weekLabel(weekStart)}`;
}

function tipLine(tip: DigestTip, kind: 'newTips' | 'mostTried'): string {
  const detail = kind === 'mostTried' ? `${tip.tryCount} 人试过` : `${tip.minutes}分钟就能试`;
  return `· ${withoutMentions(tip.title)}（${detail}）`;
}

function sectionLines(kind: DigestSectionKind, content: DigestSectionsContent): string[] {
  switch (kind) {
    case 'newTips':
    case 'mostTried':
      return content[kind].map((tip) => tipLine(tip, kind));
    case 'sessions':
      return content.sessions.map(
        (session) =>
          `· ${chinaDayTime(new Date(session.startsAt))} ${withoutMentions(session.title)}（还剩 ${session.seatsLeft} 个名额）`,
      );
    case 'promotions':
      return content.promotions.map(
        (promotion) =>
          `· ${withoutMentions(promotion.title)}（${withoutMentions(promotion.authorNickname)}）`,
      );
    case 'newcomers':
      return content.newcomers.map(newcomerLine);
  }
}

/** The digest as text to paste into the group: no @ anywhere, empty sections left out. */
export function digestText(
  communityName: string,
  weekStart: string,
  intro: string,
  content: DigestSectionsContent,
): string {
  const sections = nonEmptySections(content).flatMap((kind) => [
    '',
    `【${digestSectionTitles[kind]}】`,
    ...sectionLines(kind, content),
  ]);
  return [
    `本周群周报｜${withoutMentions(communityName)}（${weekLabel(weekStart)}）`,
    withoutMentions(intro),
    ...sections,
    '',
    '在「群友圈」小程序里打开本周群周报，看详情、报名活动。',
  ].join('\n');
}
