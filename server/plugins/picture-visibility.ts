import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { PassedPictures, picturesVisibleTo } from '../modules/uploads/picture-visibility';

/** Every JSON answer leaves out the pictures its caller may not see yet (`modules/uploads/picture-visibility.ts`). */
async function pictureVisibility(app: FastifyInstance) {
  const passed = new PassedPictures();
  app.addHook('preSerialization', async (request, reply, payload) => {
    if (reply.statusCode >= 300) return payload;
    return picturesVisibleTo(app.db, payload, request.user?.id ?? null, passed);
  });
}

export default fp(pictureVisibility, {
  name: 'picture-visibility',
  dependencies: ['database', 'authenticate'],
});
