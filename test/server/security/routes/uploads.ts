import { once, pngMultipart } from '../../../support/route-fixtures';
import type { RouteEntry } from '../route-table';

/** Uploads: any signed-in user uploads an image; the bytes are public to whoever holds the id. */
export const uploadRoutes: Record<string, RouteEntry> = {
  'POST /api/uploads': {
    access: 'signed-in',
    request: () => ({ url: '/api/uploads', ...pngMultipart() }),
  },
  'GET /api/uploads/{uploadId}': {
    access: 'public',
    request: async (f) => {
      const upload = await once(f, 'upload', async () => {
        const { payload, headers } = pngMultipart();
        const response = await f.app.inject({
          method: 'POST',
          url: '/api/uploads',
          headers: { ...f.users.owner.headers, ...headers },
          payload,
        });
        if (response.statusCode !== 201) throw new Error(`upload failed: ${response.body}`);
        return response.json<{ id: string }>();
      });
      return { url: `/api/uploads/${upload.id}` };
    },
  },
};
