import { type Static, Type } from '@sinclair/typebox';
import { scannedCodeMaxLength } from '../check-in-scan';
import { seriesLimits, seriesRepeats, timeOfDayPattern } from '../session-series';
import { type SignupStatus, sessionLimits, sessionModes, signupStatuses } from '../sessions';
import {
  DateTime,
  literalUnion,
  Nullable,
  optionalMultiLineText,
  optionalSingleLineText,
  pageOf,
  singleLineText,
  typedText,
  UserTime,
  UserView,
  Uuid,
} from './common';

/** The `session_status` database enum is this list too. */
export const sessionStatuses = ['scheduled', 'cancelled'] as const;

/** A cancelled sign-up is never shown: answers carry the other statuses. */
const SignupStatusSchema = literalUnion(
  signupStatuses.filter((status): status is Exclude<SignupStatus, 'cancelled'> => status !== 'cancelled'),
);
const ModeSchema = literalUnion(sessionModes);

/** A member's own sign-up for a session; `position` is set only while waitlisted (1 = next in line). */
export const MySignupView = Type.Object({
  status: SignupStatusSchema,
  guests: Type.Integer(),
  /** The smaller spot I accept while waiting (fewest guests I still come with); null: my whole party or nothing. */
  minGuests: Nullable(Type.Integer()),
  position: Nullable(Type.Integer()),
  /** Until when an offered (promoted) party may claim its seats. */
  offerExpiresAt: Nullable(DateTime),
  checkedIn: Type.Boolean(),
  feedback: Nullable(Type.Object({ rating: Type.Integer(), comment: Type.String() })),
  /** Waiting because the gentle rule held me back: seated 24 hours before the start if seats remain. */
  heldBack: Type.Boolean(),
});
export type MySignupView = Static<typeof MySignupView>;

const summaryFields = {
  id: Uuid,
  communityId: Uuid,
  title: Type.String(),
  startsAt: DateTime,
  durationMinutes: Type.Integer(),
  mode: ModeSchema,
  /** The series this session is a date of (每周五烘焙课); null for a session on its own. */
  seriesId: Nullable(Uuid),
  /** 每周 / 每两周 (seriesRepeatLabel): the mark on the card of a date of a series; null for a session on its own. */
  seriesLabel: Nullable(Type.String()),
  hostNickname: Type.String(),
  capacity: Type.Integer(),
  /** Seats held by confirmed (and offered) parties, guests included. */
  confirmedCount: Type.Integer(),
  seatsLeft: Type.Integer(),
  /** Parties waiting. */
  waitlistCount: Type.Integer(),
  tags: Type.Array(Type.String()),
  status: literalUnion(sessionStatuses),
  mySignup: Nullable(MySignupView),
};

export const SessionSummaryView = Type.Object(summaryFields);
export type SessionSummaryView = Static<typeof SessionSummaryView>;

export const SessionView = Type.Object({
  ...summaryFields,
  description: Type.String(),
  host: UserView,
  /** Online sessions' link: only for confirmed attendees, the host and the team (absent for others). */
  meetingLink: Type.Optional(Nullable(Type.String())),
  /** Attendee-only details (the meeting link) are withheld: they appear once the caller's seat is confirmed. */
  attendeeDetailsHidden: Type.Boolean(),
  address: Nullable(Type.String()),
  materials: Type.Array(Type.String()),
  signUpDeadline: DateTime,
  reminderOffsets: Type.Array(Type.Integer()),
  claimWindowHours: Nullable(Type.Integer()),
  /** The caller may edit, cancel and open check-in (host or team). */
  canManage: Type.Boolean(),
  series: Nullable(
    Type.Object({
      id: Uuid,
      repeat: literalUnion(seriesRepeats),
      /** 每周五 20:00 · 共 8 次 (the dates not cancelled). */
      text: Type.String(),
      /** Dates not cancelled from this one on, this one included, and the start of the last: for a calendar. */
      datesFromHere: Type.Integer(),
      lastStartsAt: DateTime,
      /** Cancelled dates after this one and before the last: the calendar's repeating event skips them. */
      cancelledFromHere: Type.Array(DateTime),
      /** Dates not cancelled that have not started: what 报名全部 signs up for. */
      upcomingDates: Type.Integer(),
    }),
  ),
  /** The community has the gentle rule on: the page shows it beside the waitlist rule. */
  gentleRule: Type.Boolean(),
  /** The gentle rule holds the caller back (`holdsBackSignUp`): signing up now joins the waitlist. */
  signUpHeldBack: Type.Boolean(),
});
export type SessionView = Static<typeof SessionView>;

export const SessionPage = pageOf(SessionSummaryView);
export type SessionPage = Static<typeof SessionPage>;

export const MySessionsView = Type.Object({
  upcoming: Type.Array(SessionSummaryView),
  past: Type.Array(SessionSummaryView),
});
export type MySessionsView = Static<typeof MySessionsView>;

const sessionFields = {
  title: singleLineText(sessionLimits.titleMax),
  description: optionalMultiLineText(sessionLimits.descriptionMax),
  hostUserId: Uuid,
  startsAt: UserTime,
  durationMinutes: Type.Integer({ minimum: sessionLimits.durationMin, maximum: sessionLimits.durationMax }),
  mode: ModeSchema,
  meetingLink: typedText('link', { maxLength: sessionLimits.meetingLinkMax, pattern: '^(|https?://\\S+)$' }),
  address: optionalSingleLineText(sessionLimits.locationMax),
  capacity: Type.Integer({ minimum: sessionLimits.capacityMin, maximum: sessionLimits.capacityMax }),
  signUpDeadline: UserTime,
  materials: Type.Array(singleLineText(sessionLimits.materialMax), {
    maxItems: sessionLimits.materialsMaxItems,
  }),
  tags: Type.Array(Type.String({ maxLength: 40 }), { maxItems: sessionLimits.tagsMax }),
  reminderOffsets: Type.Array(
    Type.Integer({ minimum: sessionLimits.reminderOffsetMin, maximum: sessionLimits.reminderOffsetMax }),
    { maxItems: sessionLimits.remindersMax },
  ),
  claimWindowHours: Nullable(
    Type.Integer({ minimum: sessionLimits.claimWindowMinHours, maximum: sessionLimits.claimWindowMaxHours }),
  ),
};

const requiredSessionFields = ['title', 'startsAt', 'durationMinutes', 'mode', 'capacity'] as const;

export const CreateSessionBody = Type.Composite(
  [
    Type.Pick(Type.Object(sessionFields), requiredSessionFields),
    Type.Partial(Type.Omit(Type.Object(sessionFields), requiredSessionFields)),
  ],
  { additionalProperties: false },
);
export type SessionInput = Static<typeof CreateSessionBody>;

export const UpdateSessionBody = Type.Partial(Type.Object(sessionFields), {
  additionalProperties: false,
  minProperties: 1,
});

export const CreateSeriesBody = Type.Composite(
  [
    CreateSessionBody,
    Type.Object({
      repeat: literalUnion(seriesRepeats),
      /** How many dates (the first included), or */
      count: Type.Optional(Type.Integer({ minimum: seriesLimits.datesMin, maximum: seriesLimits.datesMax })),
      /** the last day (China, YYYY-MM-DD) a date may fall on. */
      until: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
    }),
  ],
  { additionalProperties: false },
);
export type CreateSeriesBody = Static<typeof CreateSeriesBody>;

export const SeriesView = Type.Object({
  id: Uuid,
  repeat: literalUnion(seriesRepeats),
  text: Type.String(),
  sessions: Type.Array(SessionSummaryView),
});
export type SeriesView = Static<typeof SeriesView>;

/** This date and every later one of its series: what the team may change for all of them at once. */
export const EditFollowingBody = Type.Object(
  {
    title: Type.Optional(sessionFields.title),
    description: Type.Optional(sessionFields.description),
    /** The new local time of day (China, HH:mm); each date stays on its day. */
    timeOfDay: Type.Optional(Type.String({ pattern: timeOfDayPattern })),
    durationMinutes: Type.Optional(sessionFields.durationMinutes),
    capacity: Type.Optional(sessionFields.capacity),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type EditFollowingBody = Static<typeof EditFollowingBody>;

export const SeriesParams = Type.Object({ seriesId: Uuid });
export const SessionParams = Type.Object({ sessionId: Uuid });
export const AttendeeParams = Type.Object({ sessionId: Uuid, userId: Uuid });
export const ListSessionsQuery = Type.Object(
  {
    tag: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

const MinGuests = Nullable(Type.Integer({ minimum: 0, maximum: sessionLimits.guestsMax }));

export const SignUpBody = Type.Object(
  {
    guests: Type.Optional(Type.Integer({ minimum: 0, maximum: sessionLimits.guestsMax })),
    /** A smaller spot I accept when seats are short: the fewest guests I still come with (0: alone). */
    minGuests: Type.Optional(MinGuests),
  },
  { additionalProperties: false },
);

/** While waiting: accept a smaller spot, change it, or take it back (null). */
export const SmallerSpotBody = Type.Object({ minGuests: MinGuests }, { additionalProperties: false });
export type SmallerSpotBody = Static<typeof SmallerSpotBody>;

export const SignUpResult = Type.Object({
  status: SignupStatusSchema,
  position: Type.Optional(Type.Integer()),
  /** The guests coming with me: fewer than asked when I was seated in a smaller spot. */
  guests: Type.Integer(),
  /** Set when I am already confirmed for a session at an overlapping time (a warning, not a refusal). */
  overlapping: Type.Optional(Type.Object({ id: Uuid, title: Type.String(), startsAt: DateTime })),
  /** Waitlisted by the gentle rule although seats may be free; seated from `seatedFrom` if seats remain. */
  heldBack: Type.Optional(Type.Object({ seatedFrom: DateTime })),
});
export type SignUpResult = Static<typeof SignUpResult>;

export const seriesDateOutcomes = ['confirmed', 'waitlisted', 'already', 'closed'] as const;

/** A whole-series sign-up: each upcoming date's own result, in date order. */
export const SeriesSignUpResult = Type.Object({
  dates: Type.Array(
    Type.Object({
      sessionId: Uuid,
      startsAt: DateTime,
      /** `already`: I was signed up (or waiting) for this date before; `closed`: its sign-up had closed. */
      outcome: literalUnion(seriesDateOutcomes),
      /** My sign-up's status now (absent when closed). */
      status: Type.Optional(SignupStatusSchema),
      /** While waitlisted, my place in the line (1 = next). */
      position: Type.Optional(Type.Integer()),
      guests: Type.Optional(Type.Integer()),
    }),
  ),
});
export type SeriesSignUpResult = Static<typeof SeriesSignUpResult>;

export const CheckInBody = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 10 }) },
  { additionalProperties: false },
);

/** What the phone's camera read: the host's code (a member scans) or a member's pass (the host scans). */
const ScannedToken = Type.String({ minLength: 1, maxLength: scannedCodeMaxLength });

export const ScannedCheckInBody = Type.Object({ token: ScannedToken }, { additionalProperties: false });
export type ScannedCheckInBody = Static<typeof ScannedCheckInBody>;

/** The host scanned a member's pass, and says how many of the member's guests came (not more than booked). */
export const PassCheckInBody = Type.Object(
  { token: ScannedToken, guests: Type.Integer({ minimum: 0, maximum: sessionLimits.guestsMax }) },
  { additionalProperties: false },
);
export type PassCheckInBody = Static<typeof PassCheckInBody>;

/**
 * The host's rotating code, the next few steps at once: the phone shows the one of the moment by
 * its own clock, set right by `serverTime`, and asks again before the list runs out.
 */
export const HostCheckInCodesView = Type.Object({
  serverTime: DateTime,
  codes: Type.Array(Type.Object({ token: Type.String(), validFrom: DateTime, validUntil: DateTime })),
});
export type HostCheckInCodesView = Static<typeof HostCheckInCodesView>;

/** A confirmed member's own pass for one session: the host scans it during the check-in window. */
export const CheckInPassView = Type.Object({
  token: Type.String(),
  nickname: Type.String(),
  guests: Type.Integer(),
  checkedIn: Type.Boolean(),
  validFrom: DateTime,
  validUntil: DateTime,
});
export type CheckInPassView = Static<typeof CheckInPassView>;

/**
 * 我的签到码: the pass, or none and why (not holding a seat, the session cancelled, check-in over).
 * Those are states of a session, not faults, so they answer 200 and the page says them.
 */
export const MyCheckInPassView = Type.Object({
  pass: Type.Union([CheckInPassView, Type.Null()]),
  noPass: Type.Union([
    Type.Literal('NOT_ATTENDEE'),
    Type.Literal('SESSION_CANCELLED'),
    Type.Literal('CHECK_IN_NOT_OPEN'),
    Type.Null(),
  ]),
});
export type MyCheckInPassView = Static<typeof MyCheckInPassView>;

export const FeedbackBody = Type.Object(
  {
    rating: Type.Integer({ minimum: sessionLimits.ratingMin, maximum: sessionLimits.ratingMax }),
    comment: Type.Optional(optionalMultiLineText(sessionLimits.feedbackCommentMax)),
  },
  { additionalProperties: false },
);

/** A member's attendance record over the latest counted sessions (`src/domain/attendance.ts`). */
export const AttendanceRecordView = Type.Object({
  counted: Type.Integer(),
  attended: Type.Integer(),
  /** Not checked in, late cancellations included. */
  noShows: Type.Integer(),
  lateCancels: Type.Integer(),
  /** Only while the community has the gentle rule on: where the member stands (`gentleRuleStanding`). */
  gentleRule: Type.Optional(
    Type.Object({
      heldBack: Type.Boolean(),
      noShows: Type.Integer(),
      attendedInRow: Type.Integer(),
      attendedToClear: Nullable(Type.Integer()),
      clearsBy: Nullable(DateTime),
    }),
  ),
});
export type AttendanceRecordView = Static<typeof AttendanceRecordView>;

export const AttendeeView = Type.Object({
  userId: Uuid,
  nickname: Type.String(),
  avatarUrl: Nullable(Type.String()),
  guests: Type.Integer(),
  status: SignupStatusSchema,
  checkedInAt: Nullable(DateTime),
  /** The guests who came, as the host counted when scanning the member's pass; null: not counted. */
  checkedInGuests: Nullable(Type.Integer()),
  /** Five wrong codes: the member cannot check in with the code until the host lifts the lock. */
  checkInLocked: Type.Boolean(),
  /** The attendee's record in this community (for the team). */
  record: AttendanceRecordView,
});
export type AttendeeView = Static<typeof AttendeeView>;

export const AttendanceView = Type.Object({
  sessionId: Uuid,
  checkInCode: Nullable(Type.String()),
  checkInOpensAt: DateTime,
  checkInClosesAt: DateTime,
  attendees: Type.Array(AttendeeView),
  checkedInCount: Type.Integer(),
  feedbackCount: Type.Integer(),
  averageRating: Nullable(Type.Number()),
  comments: Type.Array(
    Type.Object({ nickname: Type.String(), rating: Type.Integer(), comment: Type.String() }),
  ),
});
export type AttendanceView = Static<typeof AttendanceView>;

/** "想听这个" on a tip: whether I asked for a session on it, and how many did. */
export const TipWantView = Type.Object({ tipId: Uuid, wanted: Type.Boolean(), wantCount: Type.Integer() });
export type TipWantView = Static<typeof TipWantView>;

export const WantedTopicView = Type.Object({
  tipId: Uuid,
  title: Type.String(),
  tags: Type.Array(Type.String()),
  wantCount: Type.Integer(),
});
export type WantedTopicView = Static<typeof WantedTopicView>;
