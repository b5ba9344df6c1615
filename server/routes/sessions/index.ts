import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { CommunityParams } from '../../../src/domain/contract/common';
import {
  AttendanceView,
  AttendeeParams,
  CheckInBody,
  CreateSessionBody,
  FeedbackBody,
  HostCheckInCodesView,
  ListSessionsQuery,
  MyCheckInPassView,
  MySessionsView,
  MySignupView,
  PassCheckInBody,
  ScannedCheckInBody,
  SessionPage,
  SessionParams,
  SessionView,
  SignUpBody,
  SignUpResult,
  SmallerSpotBody,
  UpdateSessionBody,
} from '../../../src/domain/contract/sessions';
import type { Config } from '../../config';
import {
  checkIn,
  checkInAttendee,
  getAttendance,
  leaveFeedback,
  liftCheckInLock,
  openCheckIn,
} from '../../modules/sessions/check-in-service';
import {
  checkInWithHostCode,
  checkInWithMemberPass,
  hostCheckInCodes,
  myCheckInPass,
  type ScanDeps,
} from '../../modules/sessions/scan-check-in-service';
import {
  cancelSession,
  createSession,
  editSession,
  getSession,
  listMySessions,
  listSessions,
  type SessionDeps,
} from '../../modules/sessions/session-service';
import {
  cancelMySignup,
  changeMySmallerSpot,
  claimOffer,
  signUpForSession,
} from '../../modules/sessions/signup-service';
import { currentUser } from '../../plugins/authenticate';
import { errorResponses } from '../route-schema';
import seriesRoutes from './series';
import tipWantRoutes from './tip-wants';

const tags = ['sessions'];

/** Cancellations, claims and check-ins lock the session row: a burst on one session waits its turn (plugins/hot-row-queue.ts). */
const sessionRow = (request: FastifyRequest) =>
  `session:${(request.params as { sessionId: string }).sessionId}`;

const sessionRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app, { config }) => {
  const deps: SessionDeps = { db: app.db, textChecker: app.textChecker };
  const scanDeps: ScanDeps = { db: app.db, checkInSecret: config.checkInSecret };
  await app.register(tipWantRoutes);
  await app.register(seriesRoutes);

  app.post(
    '/api/communities/:communityId/sessions',
    {
      schema: {
        tags,
        summary: 'Team (owner, admin, secretary): schedule a session',
        params: CommunityParams,
        body: CreateSessionBody,
        response: { 201: SessionView, ...errorResponses(400, 401, 403, 404, 422, 503) },
      },
    },
    async (request, reply) => {
      const session = await createSession(
        deps,
        currentUser(request),
        request.params.communityId,
        request.body,
        app.now(),
      );
      return reply.status(201).send(session);
    },
  );

  app.get(
    '/api/communities/:communityId/sessions',
    {
      schema: {
        tags,
        summary: 'Upcoming sessions by start time, optionally of one tag (keyset-paged)',
        params: CommunityParams,
        querystring: ListSessionsQuery,
        response: { 200: SessionPage, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      listSessions(app.db, currentUser(request), request.params.communityId, request.query, app.now()),
  );

  app.get(
    '/api/me/sessions',
    {
      schema: {
        tags,
        summary: 'My upcoming and past sessions (signed up or waiting)',
        response: { 200: MySessionsView, ...errorResponses(401) },
      },
    },
    async (request) => listMySessions(app.db, currentUser(request), app.now()),
  );

  app.get(
    '/api/sessions/:sessionId',
    {
      schema: {
        tags,
        params: SessionParams,
        response: { 200: SessionView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => getSession(app.db, currentUser(request), request.params.sessionId, app.now()),
  );

  app.patch(
    '/api/sessions/:sessionId',
    {
      schema: {
        tags,
        summary: 'Host or team: edit; a new time or place notifies everyone signed up',
        params: SessionParams,
        body: UpdateSessionBody,
        response: { 200: SessionView, ...errorResponses(400, 401, 403, 404, 409, 422, 503) },
      },
    },
    async (request) =>
      editSession(deps, currentUser(request), request.params.sessionId, request.body, app.now()),
  );

  app.post(
    '/api/sessions/:sessionId/cancel',
    {
      schema: {
        tags,
        summary: 'Host or team: cancel the session; everyone signed up is notified',
        params: SessionParams,
        response: { 200: SessionView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => cancelSession(app.db, currentUser(request), request.params.sessionId, app.now()),
  );

  app.post(
    '/api/sessions/:sessionId/signups',
    {
      // No hot-row turn here: sign-ups already wait in memory in the session's line (signup-line.ts),
      // and a turn of at most a few would split the line's batches.
      schema: {
        tags,
        summary: 'Sign up (with up to 2 guests): confirmed while seats remain, else waitlisted; idempotent',
        params: SessionParams,
        body: SignUpBody,
        response: { 200: SignUpResult, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      signUpForSession(
        app.db,
        currentUser(request),
        request.params.sessionId,
        { guests: request.body.guests ?? 0, minGuests: request.body.minGuests ?? null },
        app.now(),
      ),
  );

  app.patch(
    '/api/sessions/:sessionId/signups/me',
    {
      config: { hotRow: sessionRow },
      schema: {
        tags,
        summary: 'While waiting: accept a smaller spot (fewest guests I still come with) or take it back',
        params: SessionParams,
        body: SmallerSpotBody,
        response: { 200: MySignupView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      changeMySmallerSpot(
        app.db,
        currentUser(request),
        request.params.sessionId,
        request.body.minGuests,
        app.now(),
      ),
  );

  app.delete(
    '/api/sessions/:sessionId/signups/me',
    {
      config: { hotRow: sessionRow },
      schema: {
        tags,
        summary: 'Cancel my sign-up or leave the waitlist (before the start); freed seats go to the waitlist',
        params: SessionParams,
        response: { 204: { type: 'null' }, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await cancelMySignup(app.db, currentUser(request), request.params.sessionId, app.now());
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/sessions/:sessionId/signups/me/claim',
    {
      config: { hotRow: sessionRow },
      schema: {
        tags,
        summary: 'Take the seats offered to me from the waitlist, within the claim window',
        params: SessionParams,
        response: { 200: SignUpResult, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => claimOffer(app.db, currentUser(request), request.params.sessionId, app.now()),
  );

  app.get(
    '/api/sessions/:sessionId/attendance',
    {
      schema: {
        tags,
        summary: 'Host or team: sign-ups, check-ins, the check-in code and the feedback average',
        params: SessionParams,
        response: { 200: AttendanceView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => getAttendance(app.db, currentUser(request), request.params.sessionId, app.now()),
  );

  app.post(
    '/api/sessions/:sessionId/check-in-code',
    {
      schema: {
        tags,
        summary: 'Host or team: open a new 4-digit check-in code (around the session time)',
        params: SessionParams,
        response: { 200: AttendanceView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => openCheckIn(app.db, currentUser(request), request.params.sessionId, app.now()),
  );

  app.post(
    '/api/sessions/:sessionId/check-in',
    {
      config: { hotRow: sessionRow },
      schema: {
        tags,
        summary: 'A confirmed member enters the code; 5 wrong guesses lock it for them',
        params: SessionParams,
        body: CheckInBody,
        response: { 200: MySignupView, ...errorResponses(400, 401, 403, 404, 409, 429) },
      },
    },
    async (request) =>
      checkIn(app.db, currentUser(request), request.params.sessionId, request.body.code, app.now()),
  );

  app.get(
    '/api/sessions/:sessionId/check-in-qr',
    {
      schema: {
        tags,
        summary: 'Host or team: the rotating code members scan, for the next steps, while check-in is open',
        params: SessionParams,
        response: { 200: HostCheckInCodesView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => hostCheckInCodes(scanDeps, currentUser(request), request.params.sessionId, app.now()),
  );

  app.post(
    '/api/sessions/:sessionId/check-in-qr/scan',
    {
      config: { hotRow: sessionRow },
      schema: {
        tags,
        summary: "A confirmed member scanned the host's code: checked in as with the typed code",
        params: SessionParams,
        body: ScannedCheckInBody,
        response: { 200: MySignupView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      checkInWithHostCode(
        scanDeps,
        currentUser(request),
        request.params.sessionId,
        request.body.token,
        app.now(),
      ),
  );

  app.get(
    '/api/sessions/:sessionId/check-in-passes/me',
    {
      schema: {
        tags,
        summary: 'A confirmed member: my own pass (a signed code) for the host to scan, or why there is none',
        params: SessionParams,
        response: { 200: MyCheckInPassView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => myCheckInPass(scanDeps, currentUser(request), request.params.sessionId, app.now()),
  );

  app.post(
    '/api/sessions/:sessionId/check-in-passes/scan',
    {
      config: { hotRow: sessionRow },
      schema: {
        tags,
        summary: "Host or team: scanned a member's pass; checks them in with the guests who came",
        params: SessionParams,
        body: PassCheckInBody,
        response: { 200: AttendanceView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      checkInWithMemberPass(
        scanDeps,
        currentUser(request),
        request.params.sessionId,
        request.body,
        app.now(),
      ),
  );

  app.post(
    '/api/sessions/:sessionId/attendees/:userId/check-in',
    {
      schema: {
        tags,
        summary: 'Host or team: check a confirmed attendee in by hand (from when the code can be opened)',
        params: AttendeeParams,
        response: { 200: AttendanceView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      checkInAttendee(
        app.db,
        currentUser(request),
        request.params.sessionId,
        request.params.userId,
        app.now(),
      ),
  );

  app.post(
    '/api/sessions/:sessionId/attendees/:userId/check-in-unlock',
    {
      schema: {
        tags,
        summary: 'Host or team: give an attendee locked out by wrong codes their tries back',
        params: AttendeeParams,
        response: { 200: AttendanceView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      liftCheckInLock(
        app.db,
        currentUser(request),
        request.params.sessionId,
        request.params.userId,
        app.now(),
      ),
  );

  app.put(
    '/api/sessions/:sessionId/feedback',
    {
      schema: {
        tags,
        summary: 'An attendee rates the session (1-5, optional comment); editable',
        params: SessionParams,
        body: FeedbackBody,
        response: { 200: MySignupView, ...errorResponses(400, 401, 403, 404, 409, 422, 503) },
      },
    },
    async (request) =>
      leaveFeedback(deps, currentUser(request), request.params.sessionId, request.body, app.now()),
  );
};

export default sessionRoutes;
