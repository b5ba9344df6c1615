import type { App } from '../../../server/app';
import type { Database } from '../../../server/db/database';
import { memberTags } from '../../../server/db/schema';
import type { TipDetailView, TipInput } from '../../../src/domain/contract/tips';
import type { UploadView } from '../../../src/domain/contract/uploads';
import { type SignedInUser, uniqueName } from '../../support/api-session';

export function tipInput(overrides: Partial<TipInput> = {}): TipInput {
  return {
    title: uniqueName('猕猴桃去皮'),
    body: '切掉尾巴，用勺子沿着果肉转一圈，整个果肉就出来了。',
    steps: ['切掉两头', '勺子贴着皮插进去', '转一圈取出'],
    tags: ['#烘焙#'],
    minutes: 2,
    ...overrides,
  };
}

export async function postTip(
  app: App,
  user: SignedInUser,
  communityId: string,
  overrides: Partial<TipInput> = {},
) {
  return app.inject({
    method: 'POST',
    url: `/api/communities/${communityId}/tips`,
    headers: user.headers,
    payload: tipInput(overrides),
  });
}

export async function publishedTip(
  app: App,
  user: SignedInUser,
  communityId: string,
  overrides: Partial<TipInput> = {},
): Promise<TipDetailView> {
  const response = await postTip(app, user, communityId, overrides);
  if (response.statusCode !== 201) throw new Error(`publish failed: ${response.statusCode} ${response.body}`);
  return response.json<TipDetailView>();
}

/** Member tags belong to the profiles feature; tests write them directly. */
export async function giveTags(db: Database, communityId: string, user: SignedInUser, tags: string[]) {
  await db.insert(memberTags).values(tags.map((tag) => ({ communityId, userId: user.user.id, tag })));
}

export async function feed(app: App, user: SignedInUser, communityId: string, query = '') {
  return app.inject({
    method: 'GET',
    url: `/api/communities/${communityId}/tips${query}`,
    headers: user.headers,
  });
}

/** A tiny PNG through POST /api/uploads, as the editor's image picker sends it. */
export async function uploadPng(app: App, user: SignedInUser): Promise<UploadView> {
  const boundary = 'tipb0undary';
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.alloc(16),
  ]);
  const response = await app.inject({
    method: 'POST',
    url: '/api/uploads',
    headers: { ...user.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\n`),
      png,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
  if (response.statusCode !== 201) throw new Error(`upload failed: ${response.statusCode} ${response.body}`);
  return response.json<UploadView>();
}
