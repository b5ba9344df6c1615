/** Limits both sides enforce for a community; the server is the authority, the form shows them live. */
export const communityLimits = {
  nameMax: 20,
  goalMax: 60,
  rulesMax: 500,
  capacityMin: 2,
  capacityMax: 500,
  capacityDefault: 100,
  /** The team's member search: a part of a name or a tag. */
  memberSearchMax: 20,
  memberPageSize: 30,
  /** The essay's advice: a community works best at 60-100 members. */
  recommendedBand: { min: 60, max: 100 },
} as const;

/** Invite codes avoid look-alike characters (0/O, 1/I/L) because members read them aloud and type them. */
export const inviteCodeAlphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const inviteCodeLength = 6;

/** Members type invite codes by hand: accept lower case, spaces and full-width forms. */
export function normaliseInviteCode(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

export function isWellFormedInviteCode(code: string): boolean {
  if (code.length !== inviteCodeLength) return false;
  for (const ch of code) if (!inviteCodeAlphabet.includes(ch)) return false;
  return true;
}

/** Counts characters as a reader does: a CJK character or an emoji is one. */
export function textLength(text: string): number {
  return Array.from(text).length;
}

export const joinLimits = {
  /** The newcomer's few words to the team ("做小红书两年，想学写标题"). */
  noteMax: 60,
  declineReasonMax: 60,
  /** A declined request stays visible to its author this long, with the reason. */
  declinedVisibleDays: 7,
} as const;

/** Removal by the team: the reason is told to the removed member and kept with a block. */
export const removalLimits = {
  reasonMax: 60,
} as const;
