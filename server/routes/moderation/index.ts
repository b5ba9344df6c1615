import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { CommunityParams } from '../../../src/domain/contract/common';
import {
  CreateReportBody,
  DecideReportBody,
  MyReportView,
  ReportParams,
  ReportView,
} from '../../../src/domain/contract/moderation';
import {
  decideReport,
  fileReport,
  listReports,
  type ReportDeps,
} from '../../modules/moderation/report-service';
import { currentUser } from '../../plugins/authenticate';
import { errorResponses } from '../route-schema';

const moderationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const deps: ReportDeps = { db: app.db, textChecker: app.textChecker };

  app.post(
    '/api/communities/:communityId/reports',
    {
      schema: {
        tags: ['moderation'],
        summary: 'Any member: report a tip, a note or a promotion to the team (举报), with a reason',
        params: CommunityParams,
        body: CreateReportBody,
        response: { 201: MyReportView, ...errorResponses(400, 401, 403, 404, 409, 422, 503) },
      },
    },
    async (request, reply) => {
      const report = await fileReport(
        deps,
        currentUser(request),
        request.params.communityId,
        request.body,
        app.now(),
      );
      return reply.status(201).send(report);
    },
  );

  app.get(
    '/api/communities/:communityId/reports',
    {
      schema: {
        tags: ['moderation'],
        summary: 'The team: open reports, the longest waiting first',
        params: CommunityParams,
        response: { 200: Type.Array(ReportView), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => listReports(app.db, currentUser(request), request.params.communityId),
  );

  app.post(
    '/api/reports/:reportId/decision',
    {
      schema: {
        tags: ['moderation'],
        summary:
          'The team: hide the reported content, dismiss the report, or (owner and admins) remove its author; closes every open report of that content',
        params: ReportParams,
        body: DecideReportBody,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404, 409, 422, 503) },
      },
    },
    async (request, reply) => {
      await decideReport(deps, currentUser(request), request.params.reportId, request.body, app.now());
      return reply.status(204).send(null);
    },
  );
};

export default moderationRoutes;
