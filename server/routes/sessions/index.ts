import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { checkIn, getAttendance, leaveFeedback, openCheckIn } from '../../modules/sessions/check-in-service';
import {
  cancelSession,
  createSession,
  editSession,
  getSession,
  listMySessions,
  listSessions,
  type SessionDeps,
} from '../../modules/sessions/session-service';
import { cancelMySignup, claimOffer, signUpForSession } from '../../modules/sessions/signup-service';
import { currentUser } from '../../plugins/authenticate';
import { bearerAuth, errorResponses } from '../shared-schemas';
import {
  AttendanceSchema,
  CheckInBody,
  CommunitySessionsParams,
  CreateSessionBody,
  FeedbackBody,
  ListSessionsQuery,
  MySessionsSchema,
  MySignupSchema,
  SessionPageSchema,
  SessionParams,
  SessionViewSchema,
  SignUpBody,
  SignUpResultSchema,
  UpdateSessionBody,
} from './session-schemas';
import tipWantRoutes from './tip-wants';

const tags = ['sessions'];

/** Sign-ups, cancellations, claims and check-ins lock the session row: a burst on one session waits its turn (plugins/hot-row-queue.ts). */
const sessionRow = (request: FastifyRequest) =>
  `session:${(request.params as { sessionId: string }).sessionId}`;

const sessionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const deps: SessionDeps = { db: app.db, textChecker: app.textChecker };
  // Registered before the hook below: it authenticates on its own.
  await app.register(tipWantRoutes);
  app.addHook('onRequest', app.authenticate);

  app.post(
    '/api/communities/:communityId/sessions',
    {
      schema: {
        tags,
        summary: 'Team (owner, admin, secretary): schedule a session',
        security: bearerAuth,
        params: CommunitySessionsParams,
        body: CreateSessionBody,
        response: { 201: SessionViewSchema, ...errorResponses(400, 401, 403, 404, 422, 503) },
      },
    },
    async (request, reply) => {
      const session = await createSession(
        deps,
        currentUser(request),
        request.params.communityId,
        request.body,
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
        security: bearerAuth,
        params: CommunitySessionsParams,
        querystring: ListSessionsQuery,
        response: { 200: SessionPageSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => listSessions(app.db, currentUser(request), request.params.communityId, request.query),
  );

  app.get(
    '/api/me/sessions',
    {
      schema: {
        tags,
        summary: 'My upcoming and past sessions (signed up or waiting)',
        security: bearerAuth,
        response: { 200: MySessionsSchema, ...errorResponses(401) },
      },
    },
    async (request) => listMySessions(app.db, currentUser(request)),
  );

  app.get(
    '/api/sessions/:sessionId',
    {
      schema: {
        tags,
        security: bearerAuth,
        params: SessionParams,
        response: { 200: SessionViewSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => getSession(app.db, currentUser(request), request.params.sessionId),
  );

  app.patch(
    '/api/sessions/:sessionId',
    {
      schema: {
        tags,
        summary: 'Host or team: edit; a new time or place notifies everyone signed up',
        security: bearerAuth,
        params: SessionParams,
        body: UpdateSessionBody,
        response: { 200: SessionViewSchema, ...errorResponses(400, 401, 403, 404, 409, 422, 503) },
      },
    },
    async (request) => editSession(deps, currentUser(request), request.params.sessionId, request.body),
  );

  app.post(
    '/api/sessions/:sessionId/cancel',
    {
      schema: {
        tags,
        summary: 'Host or team: cancel the session; everyone signed up is notified',
        security: bearerAuth,
        params: SessionParams,
        response: { 200: SessionViewSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => cancelSession(app.db, currentUser(request), request.params.sessionId),
  );

  app.post(
    '/api/sessions/:sessionId/signups',
    {
      config: { hotRow: sessionRow },
      schema: {
        tags,
        summary: 'Sign up (with up to 2 guests): confirmed while seats remain, else waitlisted; idempotent',
        security: bearerAuth,
        params: SessionParams,
        body: SignUpBody,
        response: { 200: SignUpResultSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      signUpForSession(app.db, currentUser(request), request.params.sessionId, request.body.guests ?? 0),
  );

  app.delete(
    '/api/sessions/:sessionId/signups/me',
    {
      config: { hotRow: sessionRow },
      schema: {
        tags,
        summary: 'Cancel my sign-up or leave the waitlist (before the start); freed seats go to the waitlist',
        security: bearerAuth,
        params: SessionParams,
        response: { 204: { type: 'null' }, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await cancelMySignup(app.db, currentUser(request), request.params.sessionId);
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
        security: bearerAuth,
        params: SessionParams,
        response: { 200: SignUpResultSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => claimOffer(app.db, currentUser(request), request.params.sessionId),
  );

  app.get(
    '/api/sessions/:sessionId/attendance',
    {
      schema: {
        tags,
        summary: 'Host or team: sign-ups, check-ins, the check-in code and the feedback average',
        security: bearerAuth,
        params: SessionParams,
        response: { 200: AttendanceSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => getAttendance(app.db, currentUser(request), request.params.sessionId),
  );

  app.post(
    '/api/sessions/:sessionId/check-in-code',
    {
      schema: {
        tags,
        summary: 'Host or team: open a new 4-digit check-in code (around the session time)',
        security: bearerAuth,
        params: SessionParams,
        response: { 200: AttendanceSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => openCheckIn(app.db, currentUser(request), request.params.sessionId),
  );

  app.post(
    '/api/sessions/:sessionId/check-in',
    {
      config: { hotRow: sessionRow },
      schema: {
        tags,
        summary: 'A confirmed member enters the code; 5 wrong guesses lock it for them',
        security: bearerAuth,
        params: SessionParams,
        body: CheckInBody,
        response: { 200: MySignupSchema, ...errorResponses(400, 401, 403, 404, 409, 429) },
      },
    },
    async (request) => checkIn(app.db, currentUser(request), request.params.sessionId, request.body.code),
  );

  app.put(
    '/api/sessions/:sessionId/feedback',
    {
      schema: {
        tags,
        summary: 'An attendee rates the session (1-5, optional comment); editable',
        security: bearerAuth,
        params: SessionParams,
        body: FeedbackBody,
        response: { 200: MySignupSchema, ...errorResponses(400, 401, 403, 404, 409, 422, 503) },
      },
    },
    async (request) => leaveFeedback(deps, currentUser(request), request.params.sessionId, request.body),
  );
};

export default sessionRoutes;
