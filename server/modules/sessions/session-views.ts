import type { MySignupView, SessionSummaryView, SessionView } from '../../../src/domain/contract/sessions';
import { type SeriesRepeat, seriesRepeatLabel, seriesText } from '../../../src/domain/session-series';
import { seatsLeft } from '../../../src/domain/sessions';
import type { Database } from '../../db/database';
import { attendeeDetails } from './attendee-details';
import { type SeriesRow, type SessionRow, type SignupRow, waitlistPosition } from './session-repository';

export interface SessionWithHost {
  session: SessionRow;
  hostNickname: string;
  hostAvatarUrl: string | null;
  seriesRepeat: SeriesRepeat | null;
}

export async function toMySignupView(
  tx: Database,
  signup: SignupRow | undefined,
): Promise<MySignupView | null> {
  if (!signup || signup.status === 'cancelled') return null;
  return {
    status: signup.status,
    guests: signup.guests,
    minGuests: signup.status === 'waitlisted' ? signup.minGuests : null,
    position: signup.status === 'waitlisted' ? await waitlistPosition(tx, signup) : null,
    offerExpiresAt: signup.offerExpiresAt?.toISOString() ?? null,
    checkedIn: signup.checkedInAt !== null,
    feedback:
      signup.feedbackRating === null
        ? null
        : { rating: signup.feedbackRating, comment: signup.feedbackComment ?? '' },
    heldBack: signup.status === 'waitlisted' && signup.heldBack,
  };
}

export function toSummaryView(
  { session, hostNickname, seriesRepeat }: SessionWithHost,
  mySignup: MySignupView | null,
): SessionSummaryView {
  return {
    id: session.id,
    communityId: session.communityId,
    title: session.title,
    startsAt: session.startsAt.toISOString(),
    durationMinutes: session.durationMinutes,
    mode: session.mode,
    seriesId: session.seriesId,
    seriesLabel: seriesRepeat && seriesRepeatLabel(seriesRepeat),
    hostNickname,
    capacity: session.capacity,
    confirmedCount: session.seatsTaken,
    seatsLeft: seatsLeft(session.capacity, session.seatsTaken),
    waitlistCount: session.waitlistCount,
    tags: session.tags,
    status: session.status,
    mySignup,
  };
}

/** What a date shows of its series, from the series' dates that are not cancelled. */
export function seriesInfo(
  series: SeriesRow,
  dates: SessionRow[],
  session: SessionRow,
  now: Date,
): NonNullable<SessionView['series']> {
  const live = dates.filter((date) => date.status !== 'cancelled');
  const last = live[live.length - 1] ?? session;
  const between = (date: SessionRow) =>
    date.startsAt.getTime() > session.startsAt.getTime() && date.startsAt.getTime() < last.startsAt.getTime();
  return {
    id: series.id,
    repeat: series.repeat,
    text: seriesText(series.repeat, session.startsAt, live.length),
    datesFromHere: live.filter((date) => date.startsAt.getTime() >= session.startsAt.getTime()).length,
    lastStartsAt: last.startsAt.toISOString(),
    cancelledFromHere: dates
      .filter((date) => date.status === 'cancelled' && between(date))
      .map((date) => date.startsAt.toISOString()),
    upcomingDates: live.filter((date) => date.startsAt.getTime() > now.getTime()).length,
  };
}

export function toSessionView(
  row: SessionWithHost,
  mySignup: MySignupView | null,
  canManage: boolean,
  gentleRule: Pick<SessionView, 'gentleRule' | 'signUpHeldBack'>,
  series: SessionView['series'] = null,
): SessionView {
  const { session } = row;
  return {
    ...toSummaryView(row, mySignup),
    description: session.description,
    host: { id: session.hostUserId, nickname: row.hostNickname, avatarUrl: row.hostAvatarUrl },
    ...attendeeDetails(session, { canManage, signupStatus: mySignup?.status ?? null }),
    address: session.address,
    materials: session.materials,
    signUpDeadline: session.signUpDeadline.toISOString(),
    reminderOffsets: session.reminderOffsets,
    claimWindowHours: session.claimWindowHours,
    canManage,
    ...gentleRule,
    series,
  };
}
