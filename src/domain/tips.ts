/** The rules of a tip, shared by the editor (live counts, preview) and the server (the authority). */
import { textLength } from './community-rules';
import { normaliseTagList, tagProblemMessages } from './tags';
import { textProblem } from './text';

export const tipLimits = {
  titleMax: 30,
  bodyMax: 300,
  stepsMax: 5,
  stepMax: 60,
  tagsMax: 5,
  minutesMin: 1,
  minutesMax: 60,
  noteMax: 100,
  declineReasonMax: 100,
  pageSize: 10,
  searchQueryMax: 40,
  /**
   * A search ranks the newest this many matching tips (six pages), so a word in every tip costs what
   * a rare one does, and a word in one tip in 20 (about the costliest) reads some 1,200 tips: at 100k
   * tips a page stays within twice the feed's first page (npm run bench, part 3).
   */
  searchCandidatesMax: 60,
} as const;

export const tipStatuses = [
  'draft',
  'scheduled',
  'published',
  'unpublished',
  'suggested',
  'declined',
] as const;
export type TipStatus = (typeof tipStatuses)[number];

/** What the team may do to a tip in each status; the server refuses the rest (TIP_STATE_CONFLICT). */
export const tipStatusesAllowing = {
  edit: ['draft', 'scheduled', 'published', 'unpublished', 'suggested'],
  publish: ['draft', 'scheduled', 'unpublished', 'suggested'],
  unpublish: ['published', 'scheduled'],
  decline: ['suggested'],
} as const satisfies Record<string, readonly TipStatus[]>;

export type TipAction = keyof typeof tipStatusesAllowing;

export function tipAllows(action: TipAction, status: TipStatus): boolean {
  return (tipStatusesAllowing[action] as readonly TipStatus[]).includes(status);
}

export interface TipDraft {
  title: string;
  body: string;
  steps: string[];
  tags: string[];
  minutes: number;
}

export type TipDraftCheck =
  | { ok: true; tip: TipDraft }
  | { ok: false; fields: Partial<Record<keyof TipDraft, string>> };

/** Trims, drops empty steps, normalises tags; every problem is reported at once, per field. */
export function checkTipDraft(raw: TipDraft): TipDraftCheck {
  const fields: Partial<Record<keyof TipDraft, string>> = {};
  const title = raw.title.trim();
  const body = raw.body.trim();
  const steps = raw.steps.map((step) => step.trim()).filter((step) => step.length > 0);
  const titleProblem = textProblem(title, 'single-line');
  const bodyProblem = textProblem(body, 'multi-line');
  const stepProblem = steps.map((step) => textProblem(step, 'single-line')).find(Boolean);
  if (title.length === 0) fields.title = '请填写标题';
  else if (textLength(title) > tipLimits.titleMax) fields.title = `标题最多 ${tipLimits.titleMax} 个字`;
  else if (titleProblem) fields.title = `标题${titleProblem}`;
  if (body.length === 0) fields.body = '请填写内容';
  else if (textLength(body) > tipLimits.bodyMax) fields.body = `内容最多 ${tipLimits.bodyMax} 个字`;
  else if (bodyProblem) fields.body = `内容${bodyProblem}`;
  if (steps.length > tipLimits.stepsMax) fields.steps = `最多 ${tipLimits.stepsMax} 个步骤`;
  else if (steps.some((step) => textLength(step) > tipLimits.stepMax))
    fields.steps = `每个步骤最多 ${tipLimits.stepMax} 个字`;
  else if (stepProblem) fields.steps = `步骤${stepProblem}`;
  const tags = normaliseTagList(raw.tags, tipLimits.tagsMax);
  if (!tags.ok)
    fields.tags =
      tags.problem === 'TOO_MANY_TAGS'
        ? `最多 ${tipLimits.tagsMax} 个标签`
        : tagProblemMessages[tags.problem];
  if (
    !Number.isInteger(raw.minutes) ||
    raw.minutes < tipLimits.minutesMin ||
    raw.minutes > tipLimits.minutesMax
  )
    fields.minutes = `用时 ${tipLimits.minutesMin}-${tipLimits.minutesMax} 分钟`;
  if (Object.keys(fields).length > 0 || !tags.ok) return { ok: false, fields };
  return { ok: true, tip: { title, body, steps, tags: tags.tags, minutes: raw.minutes } };
}

export function remainingCharacters(text: string, max: number): number {
  return max - textLength(text);
}

/** How many of my tags a tip carries: the first key of 为你推荐. */
export function sharedTagCount(tipTags: readonly string[], myTags: readonly string[]): number {
  const mine = new Set(myTags);
  return tipTags.filter((tag) => mine.has(tag)).length;
}

export interface RankedTip {
  sharedCount: number;
  publishedAt: string;
  id: string;
}

/** 为你推荐: more shared tags first, then newer, then id (so the order is total and a cursor can resume it). */
export function compareRecommended(a: RankedTip, b: RankedTip): number {
  if (a.sharedCount !== b.sharedCount) return b.sharedCount - a.sharedCount;
  const byTime = Date.parse(b.publishedAt) - Date.parse(a.publishedAt);
  if (byTime !== 0) return byTime;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** A scheduled time must be ahead of now (a minute of slack for the clock of the phone). */
export function isValidPublishAt(publishAt: Date, now: Date): boolean {
  return publishAt.getTime() > now.getTime() - 60_000;
}
