import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { UploadParams, UploadView } from '../../../src/domain/contract/uploads';
import { uploadLimits } from '../../../src/domain/uploads';
import { AppError } from '../../app-error';
import { readUpload, storeImageUpload } from '../../modules/uploads/upload-service';
import { currentUser } from '../../plugins/authenticate';
import { errorResponses } from '../route-schema';

const uploadRoutes: FastifyPluginAsyncTypebox = async (app) => {
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
        summary: 'Upload a JPEG, PNG or WebP image of at most 2 MB (multipart/form-data, one file)',
        consumes: ['multipart/form-data'],
        response: { 201: UploadView, ...errorResponses(400, 401, 413, 415) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      if (!request.isMultipart()) throw new AppError('IMAGE_TYPE_UNSUPPORTED', 415);
      const file = await request.file();
      if (!file) throw new AppError('VALIDATION_FAILED', 400, { file: '必填' });
      const data = await file.toBuffer();
      if (file.file.truncated) throw new AppError('IMAGE_TOO_LARGE', 413);
      return reply.status(201).send(await storeImageUpload(app.db, user.id, data));
    },
  );

  app.get(
    '/api/uploads/:uploadId',
    {
      config: { public: true },
      schema: {
        tags: ['uploads'],
        summary: 'The image bytes. Public to anyone holding the unguessable id, like a CDN link',
        params: UploadParams,
        response: {
          200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }),
          ...errorResponses(400, 404),
        },
      },
    },
    async (request, reply) => {
      const upload = await readUpload(app.db, request.params.uploadId);
      return reply
        .header('content-type', upload.contentType)
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('x-content-type-options', 'nosniff')
        .header('last-modified', upload.createdAt.toUTCString())
        .send(upload.data);
    },
  );
};

export default uploadRoutes;
