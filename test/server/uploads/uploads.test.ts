import { count } from 'drizzle-orm';
import { uploads } from '../../../server/db/schema';
import type { UploadView } from '../../../src/domain/contract/uploads';
import { devLogin } from '../../support/api-session';
import { createTestApp, type TestApp } from '../../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 1),
]);
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 2)]);
const webp = Buffer.concat([
  Buffer.from('RIFF'),
  Buffer.from([0, 0, 0, 0]),
  Buffer.from('WEBPVP8 '),
  Buffer.alloc(32),
]);

function multipart(file: Buffer, claimedType = 'image/png', filename = 'avatar.png') {
  const boundary = '----qunyou-test-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${claimedType}\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function upload(file: Buffer, headers: Record<string, string>, claimedType?: string) {
  const body = multipart(file, claimedType);
  return t.app.inject({
    method: 'POST',
    url: '/api/uploads',
    headers: { ...headers, ...body.headers },
    payload: body.payload,
  });
}

const uploadCount = async () => (await t.db.select({ n: count() }).from(uploads))[0]!.n;

describe('POST /api/uploads', () => {
  it.each([
    ['png', png, 'image/png'],
    ['jpeg', jpeg, 'image/jpeg'],
    ['webp', webp, 'image/webp'],
  ])('stores a %s and serves it back with its type and long cache headers', async (_name, bytes, type) => {
    const user = await devLogin(t.app);
    const response = await upload(bytes, user.headers, 'application/octet-stream');
    expect(response.statusCode).toBe(201);
    const view = response.json<UploadView>();
    expect(view.url).toBe(`/api/uploads/${view.id}`);

    // Public by unguessable id: <Image> tags cannot send a bearer token.
    const served = await t.app.inject({
      method: 'GET',
      url: view.url,
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe(type);
    // A picture is compressed already: it comes as stored, never through brotli or gzip again.
    expect(served.headers['content-encoding']).toBeUndefined();
    expect(served.headers['cache-control']).toContain('max-age=31536000');
    expect(served.rawPayload.equals(bytes)).toBe(true);
  });

  it('judges the type by the bytes, not the claimed type: a script claiming image/png is 415', async () => {
    const user = await devLogin(t.app);
    const before = await uploadCount();
    const response = await upload(Buffer.from('<script>alert(1)</script>'), user.headers, 'image/png');
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ code: 'IMAGE_TYPE_UNSUPPORTED', message: expect.any(String) });
    expect(await uploadCount()).toBe(before);
  });

  it('refuses an image over 2 MB with 413 and stores nothing', async () => {
    const user = await devLogin(t.app);
    const before = await uploadCount();
    const big = Buffer.concat([png, Buffer.alloc(2 * 1024 * 1024)]);
    const response = await upload(big, user.headers);
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'IMAGE_TOO_LARGE' });
    expect(await uploadCount()).toBe(before);
  });

  it('accepts exactly 2 MB', async () => {
    const user = await devLogin(t.app);
    const exact = Buffer.concat([png, Buffer.alloc(2 * 1024 * 1024 - png.length)]);
    expect((await upload(exact, user.headers)).statusCode).toBe(201);
  });

  it('needs a signed-in user', async () => {
    const response = await upload(png, {});
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses a JSON body with 415', async () => {
    const user = await devLogin(t.app);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/uploads',
      headers: user.headers,
      payload: {},
    });
    expect(response.statusCode).toBe(415);
  });
});

describe('GET /api/uploads/{id}', () => {
  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const unknown = await t.app.inject({
      method: 'GET',
      url: '/api/uploads/00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'NOT_FOUND' });
    expect((await t.app.inject({ method: 'GET', url: '/api/uploads/not-a-uuid' })).statusCode).toBe(400);
  });
});
