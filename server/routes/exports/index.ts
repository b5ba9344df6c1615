import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { CommunityParams } from '../../../src/domain/contract/common';
import { ExportHistoryQuery, ExportRecordPage, SpreadsheetFile } from '../../../src/domain/contract/exports';
import { SessionParams } from '../../../src/domain/contract/sessions';
import {
  exportHistory,
  exportMembers,
  exportSessionSignups,
  type SpreadsheetExport,
} from '../../modules/exports/export-service';
import { spreadsheetContentType } from '../../modules/exports/spreadsheet';
import { currentUser } from '../../plugins/authenticate';
import { errorResponses } from '../route-schema';

const tags = ['exports'];

/** The file as a download: its Chinese name in `filename*` (RFC 5987), an ASCII one for old clients. */
function sendSpreadsheet(reply: FastifyReply, file: SpreadsheetExport) {
  return reply
    .header('content-type', spreadsheetContentType)
    .header(
      'content-disposition',
      `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    )
    .header('cache-control', 'no-store')
    .send(file.bytes);
}

/** GETs, because WeChat's downloadFile can only GET; each one writes its line in the export log. */
const exportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/sessions/:sessionId/export',
    {
      schema: {
        tags,
        summary: 'Team: the session’s sign-ups and attendance as .xlsx (recorded in the export log)',
        params: SessionParams,
        response: { 200: SpreadsheetFile, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      sendSpreadsheet(
        reply,
        await exportSessionSignups(app.db, currentUser(request), request.params.sessionId),
      ),
  );

  app.get(
    '/api/communities/:communityId/members/export',
    {
      schema: {
        tags,
        summary: 'Team: the member list with roles and tags as .xlsx (recorded in the export log)',
        params: CommunityParams,
        response: { 200: SpreadsheetFile, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      sendSpreadsheet(
        reply,
        await exportMembers(
          app.db,
          currentUser(request),
          request.params.communityId,
          request.communityStanding,
        ),
      ),
  );

  app.get(
    '/api/communities/:communityId/exports',
    {
      schema: {
        tags,
        summary: 'Team: every export of the community, newest first',
        params: CommunityParams,
        querystring: ExportHistoryQuery,
        response: { 200: ExportRecordPage, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      exportHistory(
        app.db,
        currentUser(request),
        request.params.communityId,
        request.query.cursor,
        request.communityStanding,
      ),
  );
};

export default exportRoutes;
