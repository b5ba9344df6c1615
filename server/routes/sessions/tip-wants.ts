import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { CommunityParams, TipParams } from '../../../src/domain/contract/common';
import { TipWantView, WantedTopicView } from '../../../src/domain/contract/sessions';
import { getTipWant, listWantedTopics, setTipWant } from '../../modules/sessions/tip-want-service';
import { currentUser } from '../../plugins/authenticate';
import { errorResponses } from '../route-schema';

const tags = ['sessions'];

/** "想听这个" under a tip, and the most wanted topics the team sees when scheduling. */
const tipWantRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const wantSchema = (summary: string) => ({
    tags,
    summary,
    params: TipParams,
    response: { 200: TipWantView, ...errorResponses(400, 401, 403, 404) },
  });

  app.get(
    '/api/tips/:tipId/want',
    { schema: wantSchema('Whether I want a session on this tip, and how many do') },
    async (request) => getTipWant(app.db, currentUser(request), request.params.tipId),
  );
  app.post(
    '/api/tips/:tipId/want',
    { schema: wantSchema('想听这个: ask for a session on this tip (idempotent)') },
    async (request) => setTipWant(app.db, currentUser(request), request.params.tipId, true),
  );
  app.delete(
    '/api/tips/:tipId/want',
    { schema: wantSchema('Take back 想听这个 (idempotent)') },
    async (request) => setTipWant(app.db, currentUser(request), request.params.tipId, false),
  );
  app.get(
    '/api/communities/:communityId/wanted-topics',
    {
      schema: {
        tags,
        summary: 'Team: the tips members most want a session on',
        params: CommunityParams,
        response: { 200: Type.Array(WantedTopicView), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => listWantedTopics(app.db, currentUser(request), request.params.communityId),
  );
};

export default tipWantRoutes;
