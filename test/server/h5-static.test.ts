import path from 'node:path';
import { createTestApp, type TestApp } from '../support/test-app';

/** A few files named as the H5 build names them (config/index.ts `output`), not a real build. */
const fixtureBuild = path.join(__dirname, '../fixtures/h5-build');
const yearLong = 'public, max-age=31536000, immutable';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ serveH5Dir: fixtureBuild });
});
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });

describe('the H5 build served beside the API', () => {
  it('lets the browser keep hashed files for a year, never asking again', async () => {
    for (const url of ['/js/app.c807ad13.js', '/css/app.0f3e9a21.css']) {
      const response = await get(url);
      expect(response.statusCode).toBe(200);
      expect(response.headers['cache-control']).toBe(yearLong);
    }
  });

  it('has the browser ask again for index.html, so a new release is seen on the next load', async () => {
    for (const url of ['/', '/index.html', '/member/session/index']) {
      const response = await get(url);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.headers['cache-control']).toBe('no-cache');
    }
  });

  it('does not cache for long a file whose name carries no hash', async () => {
    const response = await get('/js/app.js.LICENSE.txt');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('sends scripts compressed to a browser that accepts it, whole to one that does not', async () => {
    const brotli = await get('/js/app.c807ad13.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers['cache-control']).toBe(yearLong);
    expect(brotli.rawPayload.length).toBeLessThan(1000);

    const gzip = await get('/js/app.c807ad13.js', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');

    const plain = await get('/js/app.c807ad13.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toContain('群友圈 第59页');
  });

  it('compresses large API answers and leaves small ones as they are: not worth the work', async () => {
    const large = await get('/api/openapi.json', { 'accept-encoding': 'br, gzip' });
    expect(large.headers['content-encoding']).toBe('br');
    const small = await get('/api/live', { 'accept-encoding': 'br, gzip' });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.json()).toEqual({ status: 'ok' });
  });

  it('still answers unknown API paths with the NOT_FOUND shape, not the app', async () => {
    const response = await get('/api/no-such-thing');
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('NOT_FOUND');
  });
});
