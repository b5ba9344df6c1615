import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { UploadParams, UploadQuery, UploadView } from '../../../src/domain/contract/uploads';
import { type PictureUse, pictureUses, uploadLimits } from '../../../src/domain/uploads';
import { AppError } from '../../app-error';
import type { Config } from '../../config';
import { checkRequestLeaseMs } from '../../modules/uploads/picture-check-requests';
import { readUpload, storeImageUpload } from '../../modules/uploads/upload-service';
import { currentUser } from '../../plugins/authenticate';
import { errorResponses } from '../route-schema';

function pictureUse(value: unknown): PictureUse {
  if (value === undefined) return 'tip';
  if ((pictureUses as readonly unknown[]).includes(value)) return value as PictureUse;
  throw new AppError('VALIDATION_FAILED', 400, { use: `只能是 ${pictureUses.join(' / ')}` });
}

const uploadRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app, { config }) => {
  // Registered here only: no other route accepts multipart bodies.
  await app.register(multipart, {
    // One byte over the limit is enough to know the file is too large, without reading all of it.
    limits: { fileSize: uploadLimits.maxBytes + 1, files: 1, fields: 5, parts: 6 },
    throwFileSizeLimit: false,
  });

  app.post(
    '/api/uploads',
    {
      schema: {
        tags: ['uploads'],
        summary:
          'Upload a JPEG, PNG or WebP image of at most 2 MB (multipart/form-data, one file; optional field `use`: avatar | tip | promotion, the scene of its check)',
        consumes: ['multipart/form-data'],
        response: { 201: UploadView, ...errorResponses(400, 401, 413, 415) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      if (!request.isMultipart()) throw new AppError('IMAGE_TYPE_UNSUPPORTED', 415);
      let data: Buffer | undefined;
      let use: unknown;
      // Fields may come before or after the file: read every part in turn.
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          data = await part.toBuffer();
          if (part.file.truncated) throw new AppError('IMAGE_TOO_LARGE', 413);
        } else if (part.fieldname === 'use') {
          use = part.value;
        }
      }
      if (!data) throw new AppError('VALIDATION_FAILED', 400, { file: '必填' });
      const deps = { db: app.db, pictureChecker: app.pictureChecker, leaseMs: checkRequestLeaseMs(config) };
      return reply.status(201).send(await storeImageUpload(deps, user, data, pictureUse(use), app.now()));
    },
  );

  app.get(
    '/api/uploads/:uploadId',
    {
      config: { public: true },
      schema: {
        tags: ['uploads'],
        summary:
          'The image bytes. Public to anyone holding the unguessable id once WeChat approved it; before, only with its preview key',
        params: UploadParams,
        querystring: UploadQuery,
        response: {
          200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }),
          ...errorResponses(400, 404),
        },
      },
    },
    async (request, reply) => {
      const upload = await readUpload(app.db, request.params.uploadId, request.query.key);
      if (!upload) {
        // Not kept: a picture being checked has this address too, and is shown once it passes.
        reply.header('cache-control', 'no-store');
        throw new AppError('NOT_FOUND', 404);
      }
      return reply
        .header('content-type', upload.contentType)
        .header(
          'cache-control',
          upload.approved ? 'public, max-age=31536000, immutable' : 'private, no-store',
        )
        .header('x-content-type-options', 'nosniff')
        .header('last-modified', upload.createdAt.toUTCString())
        .send(upload.data);
    },
  );
};

export default uploadRoutes;
