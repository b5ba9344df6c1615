import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { CommunityParams } from '../../../src/domain/contract/common';
import {
  ApproveBody,
  ArchiveQuery,
  CreatePromotionRequestBody,
  ExtraSlotBody,
  PromotionArchivePage,
  PromotionBoardView,
  PromotionEligibilityView,
  PromotionRequestView,
  PromotionReviewItemView,
  PromotionRulesBody,
  PromotionRulesView,
  PromotionSlotView,
  RejectBody,
  RequestParams,
  SlotParams,
  UpdatePromotionRequestBody,
} from '../../../src/domain/contract/promotions';
import { getPromotionArchive, getPromotionBoard } from '../../modules/promotions/board-service';
import {
  createPromotionRequest,
  getMyEligibility,
  listMyPromotionRequests,
  type PromotionDeps,
  updatePromotionRequest,
  withdrawPromotionRequest,
} from '../../modules/promotions/request-service';
import {
  approvePromotionRequest,
  listReviewQueue,
  rejectPromotionRequest,
} from '../../modules/promotions/review-service';
import { getPromotionRules, updatePromotionRules } from '../../modules/promotions/rules-service';
import { addExtraSlot, closeSlot, listOpenSlots } from '../../modules/promotions/slot-service';
import { currentUser } from '../../plugins/authenticate';
import { errorResponses } from '../route-schema';

const tags = ['promotions'];
const readErrors = errorResponses(400, 401, 403, 404);

const promotionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const deps: PromotionDeps = { db: app.db, textChecker: app.textChecker };

  app.get(
    '/api/communities/:communityId/promotion-rules',
    {
      schema: {
        tags,
        summary: 'The promotion rules and weekly schedule (defaults until saved)',
        params: CommunityParams,
        response: { 200: PromotionRulesView, ...readErrors },
      },
    },
    async (request) => getPromotionRules(app.db, currentUser(request), request.params.communityId),
  );

  app.put(
    '/api/communities/:communityId/promotion-rules',
    {
      schema: {
        tags,
        summary: 'Owner or admin: tenure needed and the weekly schedule of slots',
        params: CommunityParams,
        body: PromotionRulesBody,
        response: { 200: PromotionRulesView, ...readErrors },
      },
    },
    async (request) =>
      updatePromotionRules(app.db, currentUser(request), request.params.communityId, request.body),
  );

  app.get(
    '/api/communities/:communityId/promotion-slots',
    {
      schema: {
        tags,
        summary: 'Slots of the next 4 weeks with their remaining places',
        params: CommunityParams,
        response: { 200: Type.Array(PromotionSlotView), ...readErrors },
      },
    },
    async (request) => listOpenSlots(app.db, currentUser(request), request.params.communityId),
  );

  app.post(
    '/api/communities/:communityId/promotion-slots',
    {
      schema: {
        tags,
        summary: 'Owner or admin: add a single extra slot',
        params: CommunityParams,
        body: ExtraSlotBody,
        response: { 201: PromotionSlotView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const slot = await addExtraSlot(app.db, currentUser(request), request.params.communityId, request.body);
      return reply.status(201).send(slot);
    },
  );

  app.post(
    '/api/promotion-slots/:slotId/close',
    {
      schema: {
        tags,
        summary: 'Owner or admin: close a slot; its pending requests are declined',
        params: SlotParams,
        response: { 200: PromotionSlotView, ...readErrors },
      },
    },
    async (request) => closeSlot(app.db, currentUser(request), request.params.slotId),
  );

  app.get(
    '/api/communities/:communityId/promotion-eligibility',
    {
      schema: {
        tags,
        summary: 'Whether I may request a slot now; if not, why and from when',
        params: CommunityParams,
        response: { 200: PromotionEligibilityView, ...readErrors },
      },
    },
    async (request) => getMyEligibility(app.db, currentUser(request), request.params.communityId),
  );

  app.get(
    '/api/communities/:communityId/promotion-requests/mine',
    {
      schema: {
        tags,
        summary: 'My latest promotion requests',
        params: CommunityParams,
        response: { 200: Type.Array(PromotionRequestView), ...readErrors },
      },
    },
    async (request) => listMyPromotionRequests(app.db, currentUser(request), request.params.communityId),
  );

  app.post(
    '/api/communities/:communityId/promotion-requests',
    {
      schema: {
        tags,
        summary: 'Request a place in a slot (eligibility and content rules enforced)',
        params: CommunityParams,
        body: CreatePromotionRequestBody,
        response: { 201: PromotionRequestView, ...errorResponses(400, 401, 403, 404, 409, 422, 503) },
      },
    },
    async (request, reply) => {
      const created = await createPromotionRequest(
        deps,
        currentUser(request),
        request.params.communityId,
        request.body,
      );
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/api/promotion-requests/:requestId',
    {
      schema: {
        tags,
        summary: 'The author edits a pending request',
        params: RequestParams,
        body: UpdatePromotionRequestBody,
        response: { 200: PromotionRequestView, ...errorResponses(400, 401, 403, 404, 409, 422, 503) },
      },
    },
    async (request) =>
      updatePromotionRequest(deps, currentUser(request), request.params.requestId, request.body),
  );

  app.post(
    '/api/promotion-requests/:requestId/withdraw',
    {
      schema: {
        tags,
        summary: 'The author withdraws a pending request',
        params: RequestParams,
        response: { 200: PromotionRequestView, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) => withdrawPromotionRequest(app.db, currentUser(request), request.params.requestId),
  );

  app.get(
    '/api/communities/:communityId/promotion-review',
    {
      schema: {
        tags,
        summary: 'Owner or admin: pending requests by slot time, with tenure, last promotion and verdict',
        params: CommunityParams,
        response: { 200: Type.Array(PromotionReviewItemView), ...readErrors },
      },
    },
    async (request) => listReviewQueue(app.db, currentUser(request), request.params.communityId),
  );

  app.post(
    '/api/promotion-requests/:requestId/approve',
    {
      schema: {
        tags,
        summary:
          'Owner or admin: approve the version read (409 PROMOTION_CHANGED if edited since, SLOT_FULL when the last place went)',
        params: RequestParams,
        body: ApproveBody,
        response: { 200: PromotionRequestView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      approvePromotionRequest(app.db, currentUser(request), request.params.requestId, request.body.version),
  );

  app.post(
    '/api/promotion-requests/:requestId/reject',
    {
      schema: {
        tags,
        summary: 'Owner or admin: reject the version read, with a reason the member sees',
        params: RequestParams,
        body: RejectBody,
        response: { 200: PromotionRequestView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      rejectPromotionRequest(app.db, currentUser(request), request.params.requestId, request.body),
  );

  app.get(
    '/api/communities/:communityId/promotion-board',
    {
      schema: {
        tags,
        summary: 'Approved promotions of the slot running now and of the coming slots',
        params: CommunityParams,
        response: { 200: PromotionBoardView, ...readErrors },
      },
    },
    async (request) => getPromotionBoard(app.db, currentUser(request), request.params.communityId),
  );

  app.get(
    '/api/communities/:communityId/promotion-archive',
    {
      schema: {
        tags,
        summary: 'Past approved promotions, newest first (keyset cursor)',
        params: CommunityParams,
        querystring: ArchiveQuery,
        response: { 200: PromotionArchivePage, ...readErrors },
      },
    },
    async (request) =>
      getPromotionArchive(app.db, currentUser(request), request.params.communityId, request.query.cursor),
  );
};

export default promotionRoutes;
