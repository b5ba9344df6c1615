import type { SessionInput, SessionView } from '@/domain/contract/sessions';
import { type SeriesRepeat, seriesDates, seriesProblemMessages } from '@/domain/session-series';
import { defaultReminderOffsets, remindersAhead } from '@/domain/sessions';
import { normaliseTagList } from '@/domain/tags';
import { appTimeZone, dayjs } from '@/lib/dayjs';

/** What the schedule form edits: strings for the inputs, turned into a `SessionInput` on save. */
export interface SessionDraft {
  title: string;
  description: string;
  hostUserId: string;
  date: string;
  time: string;
  durationMinutes: string;
  mode: 'online' | 'offline';
  meetingLink: string;
  address: string;
  capacity: string;
  /** Minutes before the start that sign-up closes; 0 = at the start. */
  deadlineBeforeMinutes: number;
  materials: string;
  tags: string;
  reminderOffsets: number[];
  claimWindowHours: number | null;
  /** 重复 (a new session only): not repeated, or weekly / every two weeks for `repeatCount` dates. */
  repeat: SeriesRepeat | 'none';
  repeatCount: string;
}

export const repeatChoices = [
  ['none', '不重复'],
  ['weekly', '每周'],
  ['biweekly', '每两周'],
] as const;

export const deadlineChoices = [
  [0, '开始时'],
  [60, '提前1小时'],
  [1440, '提前1天'],
] as const;

export const reminderChoices = [1440, 180, 60, 15] as const;

/** A new session defaults to tomorrow 20:00, 15 minutes, online, 20 seats. */
export function emptyDraft(hostUserId: string, now: Date = new Date()): SessionDraft {
  const tomorrow = dayjs(now).tz(appTimeZone).add(1, 'day');
  return {
    title: '',
    description: '',
    hostUserId,
    date: tomorrow.format('YYYY-MM-DD'),
    time: '20:00',
    durationMinutes: '15',
    mode: 'online',
    meetingLink: '',
    address: '',
    capacity: '20',
    deadlineBeforeMinutes: 0,
    materials: '',
    tags: '',
    reminderOffsets: [...defaultReminderOffsets],
    claimWindowHours: null,
    repeat: 'none',
    repeatCount: '4',
  };
}

export function draftOf(session: SessionView): SessionDraft {
  const start = dayjs(session.startsAt).tz(appTimeZone);
  const deadlineGap = Math.round(
    (Date.parse(session.startsAt) - Date.parse(session.signUpDeadline)) / 60_000,
  );
  return {
    title: session.title,
    description: session.description,
    hostUserId: session.host.id,
    date: start.format('YYYY-MM-DD'),
    time: start.format('HH:mm'),
    durationMinutes: String(session.durationMinutes),
    mode: session.mode,
    meetingLink: session.meetingLink ?? '',
    address: session.address ?? '',
    capacity: String(session.capacity),
    deadlineBeforeMinutes: deadlineGap,
    materials: session.materials.join('\n'),
    tags: session.tags.join(' '),
    reminderOffsets: session.reminderOffsets,
    claimWindowHours: session.claimWindowHours,
    repeat: 'none',
    repeatCount: '4',
  };
}

/** The start as an instant: the date and time the organiser typed are China time. */
export function draftStartsAt(draft: SessionDraft): Date | null {
  const start = dayjs.tz(`${draft.date} ${draft.time}`, 'YYYY-MM-DD HH:mm', appTimeZone);
  return start.isValid() ? start.toDate() : null;
}

export function draftToInput(draft: SessionDraft): SessionInput {
  const startsAt = draftStartsAt(draft)!;
  const tags = normaliseTagList(draft.tags.split(/[\s,，、]+/).filter(Boolean), 5);
  return {
    title: draft.title.trim(),
    description: draft.description.trim(),
    hostUserId: draft.hostUserId,
    startsAt: startsAt.toISOString(),
    durationMinutes: Number(draft.durationMinutes),
    mode: draft.mode,
    ...(draft.mode === 'online'
      ? { meetingLink: draft.meetingLink.trim() }
      : { address: draft.address.trim() }),
    capacity: Number(draft.capacity),
    signUpDeadline: new Date(startsAt.getTime() - draft.deadlineBeforeMinutes * 60_000).toISOString(),
    materials: draft.materials
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
    tags: tags.ok ? tags.tags : [],
    // A reminder whose time has passed is never sent, so it is not promised either.
    reminderOffsets: remindersAhead(startsAt, draft.reminderOffsets, new Date()),
    claimWindowHours: draft.claimWindowHours,
  };
}

/** The series a new session repeats as, or null; the dates it makes, or why it cannot (Chinese). */
export function draftRepeat(
  draft: SessionDraft,
): { repeat: SeriesRepeat; count: number; dates: Date[] } | { problem: string } | null {
  if (draft.repeat === 'none') return null;
  const start = draftStartsAt(draft);
  const count = Number(draft.repeatCount);
  if (!start || !Number.isInteger(count)) return { problem: '请填写重复次数' };
  const planned = seriesDates(start, { repeat: draft.repeat, count });
  if (!planned.ok) return { problem: seriesProblemMessages[planned.problem] };
  return { repeat: draft.repeat, count, dates: planned.dates };
}
