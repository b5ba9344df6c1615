import type { SessionSummaryView } from '@/domain/contract/sessions';
import { formatChinaTime, isSameChinaDay } from '@/lib/china-time';

/** 11月28日 周六 20:00-20:15, in China's time whatever the phone says. */
export function sessionTimeRange(startsAt: string, durationMinutes: number): string {
  const end = new Date(startsAt).getTime() + durationMinutes * 60_000;
  const endText = formatChinaTime(end, isSameChinaDay(end, startsAt) ? 'HH:mm' : 'M月D日 HH:mm');
  return `${formatChinaTime(startsAt, 'M月D日 dddd HH:mm')}-${endText}`;
}

export function sessionDateHeading(startsAt: string): string {
  return formatChinaTime(startsAt, 'M月D日 dddd');
}

/** 剩 3 个名额 / 已满 · 候补 2 人 / 已取消. */
export function seatsText(session: SessionSummaryView): string {
  if (session.status === 'cancelled') return '已取消';
  if (session.seatsLeft > 0) return `剩 ${session.seatsLeft} 个名额`;
  return session.waitlistCount > 0 ? `已满 · 候补 ${session.waitlistCount} 人` : '已满';
}

/** The seats line's class: orange when nobody else can take a seat (full or cancelled). */
export function seatsClass(session: SessionSummaryView): string {
  const closed = session.seatsLeft === 0 || session.status === 'cancelled';
  return closed ? 'session-seats session-seats--full' : 'session-seats';
}

/** My status in the words of DESIGN.md: 已报名 / 候补第 N 位. */
export function mySignupText(session: SessionSummaryView): string | null {
  const mine = session.mySignup;
  if (!mine) return null;
  if (mine.status === 'confirmed') return mine.guests > 0 ? `已报名（+${mine.guests}）` : '已报名';
  if (mine.status === 'offered') return '候补转正，待确认';
  return mine.guests > 0 ? `候补第 ${mine.position} 位（+${mine.guests}）` : `候补第 ${mine.position} 位`;
}

/** The status line's class: 候补 and 待确认 orange, never the confirmed green. */
export function signupStatusClass(status: string): string {
  return `signup-status signup-status--${status}`;
}
