import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { myDataFileName } from '../../../src/domain/account';
import { CloseAccountInput } from '../../../src/domain/contract/account';
import { SpreadsheetFile } from '../../../src/domain/contract/exports';
import { AppError } from '../../app-error';
import { closeAccount } from '../../modules/account/close-account';
import { myDataFile } from '../../modules/account/my-data';
import { spreadsheetContentType } from '../../modules/exports/spreadsheet';
import { hitRateLimit } from '../../modules/rate-limits/rate-limiter';
import { currentUser } from '../../plugins/authenticate';
import { errorResponses } from '../route-schema';

const tags = ['me'];

/** The file reads every table about the member: a few a minute is plenty for a person, and no more for a script. */
const myDataDownloadsPerMinute = 5;

/** The caller's own account: its data as a file, and closing it (modules/account/README.md). */
const accountRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/me/close-account',
    {
      schema: {
        tags,
        summary:
          '注销账号: ends every membership, deletes or anonymises what is theirs, signs out everywhere',
        body: CloseAccountInput,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 409) },
      },
    },
    async (request, reply) => {
      await closeAccount(app.db, currentUser(request), app.now());
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/me/data',
    {
      schema: {
        tags,
        summary: '下载我的数据: everything held about the caller as .xlsx, one sheet per kind',
        response: { 200: SpreadsheetFile, ...errorResponses(401, 429) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const verdict = await hitRateLimit(app.db, `my-data:${user.id}`, myDataDownloadsPerMinute, app.now());
      if (!verdict.allowed) {
        reply.header('retry-after', String(verdict.retryAfterSeconds));
        throw new AppError('RATE_LIMITED', 429);
      }
      return reply
        .header('content-type', spreadsheetContentType)
        .header(
          'content-disposition',
          `attachment; filename="my-data.xlsx"; filename*=UTF-8''${encodeURIComponent(myDataFileName)}`,
        )
        .header('cache-control', 'no-store')
        .send(await myDataFile(app.db, user));
    },
  );
};

export default accountRoutes;
