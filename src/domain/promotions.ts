import { appUtcOffsetMinutes } from './time-zone';

/**
 * Promotion slots: the one place both sides compute slot times, eligibility and our own content
 * rules. Plain TypeScript (no dayjs): the server enforces exactly what the form shows.
 */

export const promotionLimits = {
  titleMax: 20,
  contentMax: 300,
  linkMax: 500,
  rejectReasonMax: 100,
  /** Slots are open for requests this far ahead. */
  weeksOpen: 4,
  placesMin: 1,
  placesMax: 10,
  durationMinutesMin: 10,
  durationMinutesMax: 180,
  schedulesMax: 7,
  minTenureDaysMax: 365,
} as const;

/** The defaults a community starts with (the owner can change the tenure). */
export const promotionDefaults = {
  minTenureDays: 7,
  windowDays: 30,
  approvedPerWindow: 1,
  earnedExtraPerWindow: 1,
  pendingMax: 1,
  /** Friday 20:00-20:30, three promotions: the slot the issue describes. */
  schedule: [{ weekday: 5, startTime: '20:00', durationMinutes: 30, places: 3 }],
} as const;

export const promotionCategories = ['文章', '课程', '活动', '产品', '服务', '其他'] as const;
export type PromotionCategory = (typeof promotionCategories)[number];

export const promotionStatuses = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export type PromotionStatus = (typeof promotionStatuses)[number];

/** weekday: ISO (1 = Monday ... 7 = Sunday); startTime: "HH:mm" in China time. */
export interface PromotionScheduleEntry {
  weekday: number;
  startTime: string;
  durationMinutes: number;
  places: number;
}

export interface SlotTime {
  startsAt: Date;
  endsAt: Date;
  places: number;
}

const minute = 60_000;
const day = 24 * 60 * minute;
const chinaOffset = appUtcOffsetMinutes * minute;

export const startTimePattern = '^([01][0-9]|2[0-3]):[0-5][0-9]$';

function minutesOfDay(startTime: string): number {
  const [hours, minutes] = startTime.split(':').map(Number);
  return hours! * 60 + minutes!;
}

/**
 * Every slot of the recurring schedule that starts after `from` and within `weeks` weeks, in time
 * order. Wall-clock times are China's whatever the server's own time zone is.
 */
export function slotTimesFromSchedule(
  schedule: readonly PromotionScheduleEntry[],
  from: Date,
  weeks: number = promotionLimits.weeksOpen,
): SlotTime[] {
  const until = from.getTime() + weeks * 7 * day;
  const chinaNow = new Date(from.getTime() + chinaOffset);
  const chinaMidnight = Date.UTC(chinaNow.getUTCFullYear(), chinaNow.getUTCMonth(), chinaNow.getUTCDate());
  const isoWeekdayToday = chinaNow.getUTCDay() === 0 ? 7 : chinaNow.getUTCDay();
  const slots: SlotTime[] = [];
  for (let offset = 0; offset <= weeks * 7; offset += 1) {
    const weekday = ((isoWeekdayToday - 1 + offset) % 7) + 1;
    for (const entry of schedule) {
      if (entry.weekday !== weekday) continue;
      const startsAt = chinaMidnight + offset * day + minutesOfDay(entry.startTime) * minute - chinaOffset;
      if (startsAt <= from.getTime() || startsAt > until) continue;
      slots.push({
        startsAt: new Date(startsAt),
        endsAt: new Date(startsAt + entry.durationMinutes * minute),
        places: entry.places,
      });
    }
  }
  return slots.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/** Two schedule entries must not overlap on the same weekday. */
export function overlappingScheduleEntries(schedule: readonly PromotionScheduleEntry[]): boolean {
  const sorted = [...schedule].sort(
    (a, b) => a.weekday - b.weekday || minutesOfDay(a.startTime) - minutesOfDay(b.startTime),
  );
  return sorted.some((entry, index) => {
    const next = sorted[index + 1];
    return (
      next !== undefined &&
      next.weekday === entry.weekday &&
      minutesOfDay(next.startTime) < minutesOfDay(entry.startTime) + entry.durationMinutes
    );
  });
}

export function remainingPlaces(places: number, approved: number): number {
  return Math.max(0, places - approved);
}

/** Why an extra promotion is earned in the window: a published tip suggestion or a hosted session. */
export type EarnedExtraReason = 'tip-published' | 'session-hosted';

export interface EligibilityInput {
  now: Date;
  joinedAt: Date;
  minTenureDays: number;
  /** Slot start times of my approved promotions (any time; only the window counts). */
  approvedSlotStarts: readonly Date[];
  pendingCount: number;
  /** Null when nothing earned an extra promotion in the last 30 days. */
  earnedExtra: EarnedExtraReason | null;
}

export type IneligibleReason = 'tenure' | 'window-used' | 'pending-exists';

export interface EligibilityProblem {
  reason: IneligibleReason;
  message: string;
  /** When this problem goes away by itself; null when it depends on the member (withdraw) or review. */
  eligibleFrom: Date | null;
}

export interface Eligibility {
  eligible: boolean;
  problems: EligibilityProblem[];
  /** When every time-bound problem is gone; null when eligible now or a problem needs action. */
  eligibleFrom: Date | null;
  allowance: number;
  usedInWindow: number;
}

function formatChinaDate(date: Date): string {
  const china = new Date(date.getTime() + chinaOffset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${china.getUTCMonth() + 1}月${china.getUTCDate()}日 ${pad(china.getUTCHours())}:${pad(china.getUTCMinutes())}`;
}

/**
 * The rules of the 推广 tab. A promotion counts in the rolling window from its slot's start:
 * approved promotions whose slot started less than 30 days ago, or is still to come, use it up.
 */
export function promotionEligibility(input: EligibilityInput): Eligibility {
  const problems: EligibilityProblem[] = [];
  const now = input.now.getTime();

  const tenureEnds = input.joinedAt.getTime() + input.minTenureDays * day;
  if (now < tenureEnds) {
    problems.push({
      reason: 'tenure',
      message: `入群满 ${input.minTenureDays} 天才能申请推广，${formatChinaDate(new Date(tenureEnds))} 起可以申请`,
      eligibleFrom: new Date(tenureEnds),
    });
  }

  const allowance =
    promotionDefaults.approvedPerWindow + (input.earnedExtra ? promotionDefaults.earnedExtraPerWindow : 0);
  const windowStart = now - promotionDefaults.windowDays * day;
  const counted = input.approvedSlotStarts
    .map((date) => date.getTime())
    .filter((time) => time > windowStart)
    .sort((a, b) => a - b);
  if (counted.length >= allowance) {
    // The window frees a place when the oldest promotion that keeps it full leaves it.
    const freedAt = new Date(counted[counted.length - allowance]! + promotionDefaults.windowDays * day);
    problems.push({
      reason: 'window-used',
      message: `30 天内最多通过 ${allowance} 次推广，${formatChinaDate(freedAt)} 起可以再申请`,
      eligibleFrom: freedAt,
    });
  }

  if (input.pendingCount >= promotionDefaults.pendingMax) {
    problems.push({
      reason: 'pending-exists',
      message: '你已有一条待审核的推广申请，审核后或撤回后才能再申请',
      eligibleFrom: null,
    });
  }

  const waitsForAction = problems.some((problem) => problem.eligibleFrom === null);
  const latest = Math.max(0, ...problems.map((problem) => problem.eligibleFrom?.getTime() ?? 0));
  return {
    eligible: problems.length === 0,
    problems,
    eligibleFrom: problems.length === 0 || waitsForAction ? null : new Date(latest),
    allowance,
    usedInWindow: counted.length,
  };
}

/**
 * Our own rules on top of the content-security check: no QR codes, no invitations to other
 * groups, no WeChat ids. Matched after removing spaces and punctuation, so "扫 码" is caught too.
 */
const forbiddenPhrases: ReadonlyArray<{ phrase: string; reason: string }> = [
  { phrase: '二维码', reason: '不能放二维码' },
  { phrase: '扫码', reason: '不能让人扫码' },
  { phrase: '扫一扫', reason: '不能让人扫码' },
  { phrase: 'qrcode', reason: '不能放二维码' },
  { phrase: '加群', reason: '不能拉人进其他群' },
  { phrase: '进群', reason: '不能拉人进其他群' },
  { phrase: '入群', reason: '不能拉人进其他群' },
  { phrase: '拉群', reason: '不能拉人进其他群' },
  { phrase: '群号', reason: '不能拉人进其他群' },
  { phrase: '加我微信', reason: '不能留微信号' },
  { phrase: '加微信', reason: '不能留微信号' },
  { phrase: '加我v', reason: '不能留微信号' },
  { phrase: '加v', reason: '不能留微信号' },
  { phrase: '私聊我', reason: '不能把人引到私聊' },
];

/** "微信：abc_123", "vx abc123", "wx: abc-1234": a WeChat id is a letter then 5-19 letters, digits, - or _. */
const wechatIdPattern = /(微信号?|weixin|wechat|vx|wx|v信|薇信|威信)\s*[:：]?\s*[a-z][-_a-z0-9]{5,19}/i;

function comparable(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

/** Null when the text keeps our rules, else the reason in Chinese. */
export function promotionContentProblem(text: string): string | null {
  const plain = comparable(text);
  const found = forbiddenPhrases.find(({ phrase }) => plain.includes(phrase));
  if (found) return `${found.reason}（「${found.phrase}」）`;
  if (wechatIdPattern.test(text.normalize('NFKC'))) return '不能留微信号';
  return null;
}

/** Links must be https (WeChat opens nothing else) and short enough to show. */
export function isAllowedPromotionLink(link: string): boolean {
  if (!/^https:\/\/[^\s/$.?#][^\s]*$/i.test(link)) return false;
  return link.length <= promotionLimits.linkMax;
}
