import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('GET /api/health', () => {
  it('reports the database up', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: 'up' });
  });
});

describe('GET /api/live and GET /api/ready', () => {
  it('answers both while the server runs with its database', async () => {
    const live = await t.app.inject({ method: 'GET', url: '/api/live' });
    expect(live.statusCode).toBe(200);
    expect(live.json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ method: 'GET', url: '/api/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready' });
  });
});

describe('shutting down', () => {
  it('turns not ready first, while the process still answers and serves requests', async () => {
    const own = await createTestApp();
    try {
      own.app.startDraining();
      const ready = await own.app.inject({ method: 'GET', url: '/api/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json().code).toBe('SERVICE_UNAVAILABLE');
      expect((await own.app.inject({ method: 'GET', url: '/api/live' })).statusCode).toBe(200);
      expect((await own.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    } finally {
      await own.close();
    }
  });

  it('is not ready once the app starts closing', async () => {
    const own = await createTestApp();
    try {
      await own.app.close();
      expect(own.app.isDraining()).toBe(true);
    } finally {
      await own.close();
    }
  });
});

interface OpenApiOperation {
  responses: object;
  security?: unknown[];
  parameters?: unknown[];
  requestBody?: unknown;
}

const takesInputOrSession = (operation: OpenApiOperation) =>
  Boolean(operation.security?.length || operation.parameters?.length || operation.requestBody);

describe('GET /api/openapi.json', () => {
  it('documents every route with its error answers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toBe('3.0.3');
    // Which routes exist is the route table's business (test/server/security/route-table.ts); here,
    // that each one documents its success and its refusals, so the mini program knows both.
    const operations = Object.entries(
      document.paths as Record<string, Record<string, OpenApiOperation>>,
    ).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
    );
    expect(operations.length).toBeGreaterThan(10);
    for (const { path, method, operation } of operations) {
      const statuses = Object.keys(operation.responses);
      const documented = {
        success: statuses.some((status) => status.startsWith('2')),
        // A route that takes input or a session can refuse, and says how.
        failure: statuses.some((status) => !status.startsWith('2')) || !takesInputOrSession(operation),
      };
      expect({ route: `${method} ${path}`, ...documented }).toEqual({
        route: `${method} ${path}`,
        success: true,
        failure: true,
      });
    }
    expect(Object.keys(document.paths['/api/communities/join'].post.responses)).toEqual(
      expect.arrayContaining(['200', '400', '401', '404', '409']),
    );
  });
});

describe('requests refused before any route runs', () => {
  it('answers unknown routes with the NOT_FOUND shape', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ code: 'NOT_FOUND', message: '内容不存在或已删除' });
  });

  it('refuses malformed JSON with 400, not 500', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/dev',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('VALIDATION_FAILED');
  });

  it('refuses an unsupported content type with 415', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/dev',
      headers: { 'content-type': 'text/xml' },
      payload: '<name>x</name>',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses a body over the limit with 413', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/dev',
      payload: { name: 'x'.repeat(100_000) },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('PAYLOAD_TOO_LARGE');
  });
});
