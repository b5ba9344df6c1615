import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { ErrorCode } from '../../../src/domain/error-codes';
import {
  type GentleRuleStanding,
  heldBackMayBeSeated,
  heldBackSeatedFrom,
  holdsBackSignUp,
} from '../../../src/domain/gentle-rule';
import {
  isSignUpOpen,
  normaliseMinGuests,
  partiesToPromote,
  partySize,
  placeNewParty,
  seatsLeft,
} from '../../../src/domain/sessions';
import { AppError } from '../../app-error';
import type { Database } from '../../db/database';
import { memberships, sessionSignups } from '../../db/schema';
import { enqueueNotices, type NewNotice } from '../notifications';
import { attendanceSettingsOf, gentleRuleStandingsOf } from './attendance-record';
import { promotedNotice, remindersFor } from './session-notices';
import { lockSession, type SessionRow, type SignupRow } from './session-repository';

/**
 * The one way seats and waitlist places change. The session row carries the counters
 * (`seats_taken`: confirmed and offered parties, guests included; `waitlist_count`: parties
 * waiting), and every change of a sign-up's status moves them in the same statement, under the
 * session row's lock. Sign-up, cancellation, leaving the community, promotion, offers, the gentle
 * rule's held-back parties and edits of capacity all come through here.
 */

function rowsOf<T>(result: unknown): T[] {
  // PGlite and node-postgres both answer `{ rows }`.
  return (result as { rows: T[] }).rows;
}

export interface NewParty {
  userId: string;
  guests: number;
  /** The smaller spot the party accepts (fewest guests), or null: whole or not at all. */
  minGuests: number | null;
  /** When the member asked: the deadline is checked, and reminders scheduled, as of then. */
  now: Date;
}

export type PartyOutcome =
  | {
      kind: 'placed';
      session: SessionRow;
      status: 'confirmed' | 'waitlisted';
      guests: number;
      position: number | null;
      /** Waitlisted by the gentle rule (seats may be free): seated from 24 hours before the start. */
      heldBack: boolean;
    }
  /** Signed up already (a repeated tap): nothing changed. */
  | { kind: 'already'; session: SessionRow; signup: SignupRow }
  | { kind: 'refused'; error: AppError };

/**
 * New parties take seats or waitlist places, in the order given (their arrival). Each is seated
 * whole if it fits in the seats still free, or with fewer guests if it accepted a smaller spot that
 * fits (`placeNewParty`), otherwise it joins the end of the waitlist whole. While the community
 * has the gentle rule on and the session is more than 24 hours away, a held-back member
 * (`holdsBackSignUp`) joins the waitlist even with seats free; their standings are read for the
 * whole turn in one query, under the lock (plain reads of past sessions, no further lock). In the
 * caller's transaction: their memberships are locked against deletion (`FOR KEY SHARE`: a member
 * leaving waits for this and then cancels what it wrote, or this finds no membership), then the
 * session row; under that lock their sign-ups are read, everything is decided here, and one
 * statement writes the sign-ups (arrival numbers in this order) and the counters, then one writes
 * the reminders. The caller commits at once.
 */
export async function placeNewParties(
  tx: Database,
  sessionId: string,
  parties: NewParty[],
): Promise<PartyOutcome[]> {
  const userIds = [...new Set(parties.map((party) => party.userId))];
  const members = new Set(
    (
      await tx
        .select({ userId: memberships.userId })
        .from(memberships)
        .where(
          and(
            sql`${memberships.communityId} = (select community_id from sessions where id = ${sessionId}::uuid)`,
            inArray(memberships.userId, userIds),
          ),
        )
        .for('key share')
    ).map((row) => row.userId),
  );
  let session = await lockSession(tx, sessionId);
  if (!session) return parties.map(() => ({ kind: 'refused', error: new AppError('NOT_FOUND', 404) }));
  const turnNow = parties[0]!.now;
  // Seats free while parties wait: held-back parties past their mark, before the job came, go first.
  if (seatsLeft(session.capacity, session.seatsTaken) > 0 && session.waitlistCount > 0) {
    if ((await promoteFromWaitlist(tx, session, turnNow)) > 0) session = (await lockSession(tx, sessionId))!;
  }
  const heldBackMembers = await standingsForTurn(tx, session, parties, userIds);
  const earlier = new Map(
    (
      await tx
        .select()
        .from(sessionSignups)
        .where(and(eq(sessionSignups.sessionId, sessionId), inArray(sessionSignups.userId, userIds)))
    ).map((signup) => [signup.userId, signup]),
  );

  let { seatsTaken, waitlistCount } = session;
  const placedNow = new Map<string, PartyOutcome>();
  const written: (NewParty & { status: 'confirmed' | 'waitlisted'; heldBack: boolean })[] = [];
  const outcomes = parties.map((party): PartyOutcome => {
    const refused = (code: ErrorCode, status: number) => ({
      kind: 'refused' as const,
      error: new AppError(code, status),
    });
    if (!members.has(party.userId)) return refused('NOT_A_MEMBER', 403);
    const twice = placedNow.get(party.userId);
    if (twice) return twice;
    const prior = earlier.get(party.userId);
    if (prior && prior.status !== 'cancelled') return { kind: 'already', session, signup: prior };
    if (session.status === 'cancelled') return refused('SESSION_CANCELLED', 409);
    if (!isSignUpOpen(party.now, session.signUpDeadline)) return refused('SIGNUP_CLOSED', 409);
    const minGuests = normaliseMinGuests(party.guests, party.minGuests);
    const standing = heldBackMembers.get(party.userId);
    const heldBack = !!standing && holdsBackSignUp(true, standing, party.now, session.startsAt);
    const { status, guests } = placeNewParty(session.capacity, seatsTaken, party.guests, minGuests, heldBack);
    if (status === 'confirmed') seatsTaken += partySize(guests);
    else waitlistCount += 1;
    written.push({ ...party, guests, minGuests, status, heldBack });
    const outcome: PartyOutcome = {
      kind: 'placed',
      session,
      status,
      guests,
      position: status === 'waitlisted' ? waitlistCount : null,
      heldBack,
    };
    placedNow.set(party.userId, outcome);
    return outcome;
  });
  if (written.length === 0) return outcomes;

  const rows = written.map(
    (party) =>
      sql`(${sessionId}::uuid, ${party.userId}::uuid, ${party.guests}::smallint, ${party.minGuests}::smallint,
        ${party.status}::signup_status, nextval(pg_get_serial_sequence('session_signups', 'arrival')),
        ${party.status === 'waitlisted' ? party.now.toISOString() : null}::timestamptz, ${party.heldBack}::boolean)`,
  );
  const [result] = rowsOf<{ written: number }>(
    await tx.execute(sql`
      /* seat-ledger: place new parties */
      with written as (
        insert into session_signups (session_id, user_id, guests, min_guests, status, arrival, waitlisted_at, held_back)
        values ${sql.join(rows, sql`, `)}
        on conflict (session_id, user_id) do update set
          guests = excluded.guests, min_guests = excluded.min_guests, waitlisted_at = excluded.waitlisted_at,
          status = excluded.status, arrival = excluded.arrival, held_back = excluded.held_back,
          offer_expires_at = null, checked_in_at = null, checked_in_guests = null, wrong_check_in_guesses = 0,
          cancelled_at = null, cancelled_while_confirmed = false,
          feedback_rating = null, feedback_comment = null, feedback_at = null, updated_at = now()
        where session_signups.status = 'cancelled'
        returning id
      ),
      counted as (
        update sessions set seats_taken = ${seatsTaken}::int, waitlist_count = ${waitlistCount}::int
        where id = ${sessionId}::uuid
      )
      select count(*)::int as written from written`),
  );
  // Under the lock every sign-up read above is still as it was; a mismatch is a bug, not a race.
  if (result?.written !== written.length)
    throw new Error('seat ledger: sign-ups changed under the session lock');
  await enqueueNotices(
    tx,
    written
      .filter((party) => party.status === 'confirmed')
      .flatMap((party) => remindersFor(session, party.userId, party.now)),
  );
  return outcomes;
}

/**
 * The turn's members' standings under the gentle rule, read only when it could hold someone back:
 * the community has it on and the session's mark (24 hours before the start) is ahead for someone.
 * Empty when the rule is off.
 */
async function standingsForTurn(
  tx: Database,
  session: SessionRow,
  parties: NewParty[],
  userIds: string[],
): Promise<Map<string, GentleRuleStanding>> {
  const mark = heldBackSeatedFrom(session.startsAt).getTime();
  if (!parties.some((party) => party.now.getTime() < mark)) return new Map();
  const settings = await attendanceSettingsOf(tx, session.communityId);
  if (!settings.gentleRule) return new Map();
  return gentleRuleStandingsOf(tx, session.communityId, settings.lateCancelHours, userIds, parties[0]!.now);
}

/** Which active sign-ups of a session end: one member's, or the offers whose claim window has passed. */
export type Release = { userId: string } | { offersExpiredBy: Date };

/**
 * Ends active sign-ups (a member cancels or leaves the community, an offer runs out): their seats
 * or places go back to the counters in the same statement, then freed seats go to the waitlist.
 * The caller holds the session lock (`lockSession`), so the sign-ups read here cannot change under
 * it. Returns how many sign-ups ended.
 */
export async function releaseSignups(
  tx: Database,
  session: SessionRow,
  release: Release,
  now: Date,
): Promise<number> {
  // Checked again on the row being cancelled: a claim may confirm an offer without the session lock.
  const which: SQL =
    'userId' in release
      ? sql`session_signups.user_id = ${release.userId}::uuid and session_signups.status <> 'cancelled'`
      : sql`session_signups.status = 'offered'
          and session_signups.offer_expires_at <= ${release.offersExpiredBy.toISOString()}::timestamptz`;
  const [counters] = rowsOf<{ seatsTaken: number; waitlistCount: number; released: number }>(
    await tx.execute(sql`
      /* seat-ledger: release sign-ups */
      with ending as (
        select id, status, guests from session_signups where session_id = ${session.id}::uuid and ${which}
      ),
      released as (
        update session_signups set status = 'cancelled', offer_expires_at = null,
          cancelled_at = ${now.toISOString()}::timestamptz,
          cancelled_while_confirmed = (ending.status = 'confirmed'),
          updated_at = ${now.toISOString()}::timestamptz
        from ending where session_signups.id = ending.id and ${which}
        returning ending.status as was, ending.guests
      )
      update sessions set
        seats_taken = seats_taken
          - coalesce((select sum(1 + guests) from released where was in ('confirmed', 'offered')), 0),
        waitlist_count = waitlist_count - (select count(*) from released where was = 'waitlisted')
      where id = ${session.id}::uuid and exists (select 1 from released)
      returning seats_taken as "seatsTaken", waitlist_count as "waitlistCount",
        (select count(*) from released)::int as released`),
  );
  if (!counters) return 0;
  await promoteFromWaitlist(tx, { ...session, ...counters }, now);
  return counters.released;
}

/**
 * Hands free seats to the waitlist by `partiesToPromote`: in arrival order, each party that fits,
 * whole or down to the smaller spot it accepted (its guests are then cut to the seats it got). With
 * a claim window they are offered (seats held until claimed or expired), otherwise confirmed at
 * once. The caller holds the session lock and passes the row with its current counters.
 */
export async function promoteFromWaitlist(tx: Database, session: SessionRow, now: Date): Promise<number> {
  if (session.status !== 'scheduled' || now.getTime() >= session.startsAt.getTime()) return 0;
  const free = seatsLeft(session.capacity, session.seatsTaken);
  if (free === 0 || session.waitlistCount === 0) return 0;
  const waitlist = await listWaitlist(tx, session.id);
  const promoted = partiesToPromote(free, waitlist, await heldBackMayTakeSeats(tx, session, waitlist, now));
  if (promoted.length === 0) return 0;
  const offerExpiresAt = session.claimWindowHours
    ? new Date(Math.min(now.getTime() + session.claimWindowHours * 3600_000, session.startsAt.getTime()))
    : null;
  const picked = promoted.map(({ party, guests }) => sql`(${party.id}::uuid, ${guests}::smallint)`);
  await tx.execute(sql`
    /* seat-ledger: promote from the waitlist */
    with picked (id, guests) as (values ${sql.join(picked, sql`, `)}),
    moved as (
      update session_signups set
        status = ${offerExpiresAt ? 'offered' : 'confirmed'}::signup_status,
        guests = picked.guests, held_back = false,
        offer_expires_at = ${offerExpiresAt?.toISOString() ?? null}::timestamptz,
        updated_at = ${now.toISOString()}::timestamptz
      from picked
      where session_signups.id = picked.id and session_signups.status = 'waitlisted'
      returning session_signups.guests
    )
    update sessions set
      seats_taken = seats_taken + (select coalesce(sum(1 + guests), 0) from moved),
      waitlist_count = waitlist_count - (select count(*) from moved)
    where id = ${session.id}::uuid`);
  const notices: NewNotice[] = promoted.flatMap(({ party, guests }) => [
    promotedNotice(session, party, guests, offerExpiresAt),
    ...(offerExpiresAt ? [] : remindersFor(session, party.userId, now)),
  ]);
  await enqueueNotices(tx, notices);
  return promoted.length;
}

/** Read only when a held-back party waits and its mark is ahead: the owner may have turned the rule off since. */
async function heldBackMayTakeSeats(
  tx: Database,
  session: SessionRow,
  waitlist: readonly SignupRow[],
  now: Date,
): Promise<boolean> {
  if (!waitlist.some((party) => party.heldBack)) return true;
  if (heldBackMayBeSeated(true, now, session.startsAt)) return true;
  return heldBackMayBeSeated(
    (await attendanceSettingsOf(tx, session.communityId)).gentleRule,
    now,
    session.startsAt,
  );
}

/**
 * The mark has come for the parties the gentle rule held back (24 hours before the start, or the
 * owner turned the rule off): they become ordinary waiting parties, and free seats go to the
 * waitlist in arrival order, held-back parties in their places. The caller holds the session lock.
 * Returns how many held-back parties were let go (0 when the mark has not come).
 */
export async function releaseHeldBackParties(tx: Database, session: SessionRow, now: Date): Promise<number> {
  const { gentleRule } = await attendanceSettingsOf(tx, session.communityId);
  if (!heldBackMayBeSeated(gentleRule, now, session.startsAt)) return 0;
  const released = rowsOf<{ id: string }>(
    await tx.execute(sql`
      /* seat-ledger: held-back parties reach their mark */
      update session_signups set held_back = false, updated_at = ${now.toISOString()}::timestamptz
      where session_id = ${session.id}::uuid and held_back and status = 'waitlisted'
      returning id`),
  );
  if (released.length > 0) await promoteFromWaitlist(tx, session, now);
  return released.length;
}

/**
 * An offered party takes the seats held for it, while its claim window lasts. Offered and
 * confirmed parties both hold seats, so the counters stay; the condition on the row itself decides
 * against an expiry running at the same moment.
 */
export async function claimOfferedSeats(
  tx: Database,
  signupId: string,
  now: Date,
): Promise<SignupRow | undefined> {
  const [row] = await tx
    .update(sessionSignups)
    .set({ status: 'confirmed', offerExpiresAt: null, updatedAt: now })
    .where(
      and(
        eq(sessionSignups.id, signupId),
        eq(sessionSignups.status, 'offered'),
        sql`${sessionSignups.offerExpiresAt} > ${now.toISOString()}::timestamptz`,
      ),
    )
    .returning();
  return row;
}

/**
 * A waiting party changes the smaller spot it accepts (or takes it back). Seats already free may
 * now fit it, so the waitlist moves at once, by the same rule as after a release. The caller holds
 * the session lock. False when the member is not waiting.
 */
export async function changeSmallerSpot(
  tx: Database,
  session: SessionRow,
  userId: string,
  minGuests: number | null,
  now: Date,
): Promise<boolean> {
  const [changed] = rowsOf<{ id: string }>(
    await tx.execute(sql`
      /* seat-ledger: change the smaller spot a waiting party accepts */
      update session_signups set
        min_guests = case when ${minGuests}::smallint < guests then ${minGuests}::smallint end,
        updated_at = ${now.toISOString()}::timestamptz
      where session_id = ${session.id}::uuid and user_id = ${userId}::uuid and status = 'waitlisted'
      returning id`),
  );
  if (!changed) return false;
  await promoteFromWaitlist(tx, session, now);
  return true;
}

/** An edit may not leave fewer seats than are held: nobody loses a confirmed seat by an edit. */
export function refuseCapacityBelowSeatsTaken(session: SessionRow, capacity: number): void {
  if (capacity < session.seatsTaken) throw new AppError('CAPACITY_BELOW_CONFIRMED', 409);
}

async function listWaitlist(tx: Database, sessionId: string): Promise<SignupRow[]> {
  return tx
    .select()
    .from(sessionSignups)
    .where(and(eq(sessionSignups.sessionId, sessionId), eq(sessionSignups.status, 'waitlisted')))
    .orderBy(asc(sessionSignups.arrival));
}
