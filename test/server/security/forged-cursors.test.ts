import fc from 'fast-check';
import { isErrorCode } from '../../../src/domain/error-codes';
import { databaseChecksum } from '../../support/database-checksum';
import { type FakeWechat, startFakeWechat } from '../../support/fake-wechat';
import { createTestApp, type TestApp } from '../../support/test-app';
import { type Fixture, makeFixture, routeTable } from './route-table';

/**
 * Every paged list of the API, found in the OpenAPI document by its `cursor` parameter, meets forged
 * cursors: the answer is a 4xx with the error shape (400 INVALID_CURSOR for anything that is not one of
 * ours), never a 5xx, and nothing changes.
 */

let t: TestApp;
let wechat: FakeWechat;

beforeAll(async () => {
  wechat = await startFakeWechat();
  t = await createTestApp({ wechatApiBase: wechat.baseUrl });
});
afterAll(async () => {
  await t.close();
  await wechat.close();
});

interface QueryParameter {
  in: string;
  name: string;
  schema?: { enum?: string[]; anyOf?: { enum?: string[] }[] };
}

/** `GET /path/{param}` of every operation with a `cursor` query parameter, with its enum-valued siblings. */
async function pagedRoutes(): Promise<{ route: string; variants: Record<string, string[]> }[]> {
  const document = (await t.app.inject({ url: '/api/openapi.json' })).json<{
    paths: Record<string, Record<string, { parameters?: QueryParameter[] }>>;
  }>();
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([, operation]) => operation.parameters?.some((p) => p.in === 'query' && p.name === 'cursor'))
      .map(([method, operation]) => ({
        route: `${method.toUpperCase()} ${path}`,
        variants: Object.fromEntries(
          (operation.parameters ?? []).flatMap((p) => {
            const values = p.schema?.enum ?? p.schema?.anyOf?.flatMap((option) => option.enum ?? []) ?? [];
            return p.in === 'query' && values.length > 0 ? [[p.name, values]] : [];
          }),
        ),
      })),
  );
}

const cursorOf = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
const uuid = '6f1c2a4e-8b3d-4c5e-9f70-1a2b3c4d5e6f';
const time = '2026-11-26T08:00:00.000Z';

/** Each is not a cursor any list writes: a wrong part, a wrong count of parts, or not JSON at all. */
const forged: Record<string, string> = {
  'not base64': '!!!',
  'not JSON': Buffer.from('{{{').toString('base64url'),
  'an object': cursorOf({ publishedAt: time, id: uuid }),
  'no parts': cursorOf([]),
  'too many parts': cursorOf([time, uuid, null, 1, 'x']),
  'an id of 36 hex digits and dashes': cursorOf([time, '------------------------------------', null]),
  'an id with SQL in it': cursorOf([time, `${uuid}' or '1'='1`, null]),
  'a date past year 275760': cursorOf(['+275760-09-13T00:00:00.000Z', uuid, null]),
  'the year 0': cursorOf(['0000-01-01T00:00:00.000Z', uuid, null]),
  'the 30th of February': cursorOf(['2026-02-30T00:00:00.000Z', uuid, null]),
  'a date in another format': cursorOf(['26 Nov 2026', uuid, null]),
  'a count of 1e308': cursorOf([1e308, time, uuid]),
  'a negative count': cursorOf([-1, '2026-11-26 08:00:00.123456+00', uuid]),
  'a fractional count': cursorOf([0.5, '2026-11-26 08:00:00+00', uuid]),
  'a timestamp of hour 25': cursorOf([1, '2026-11-26 25:00:00+00', uuid]),
  'nested arrays': cursorOf([[[[[[[[time]]]]]]], uuid, null]),
  'very long': 'A'.repeat(5000),
};

/** Parts of every kind, valid and not: generated keys mix them in any order and number. */
const anyPart = fc.oneof(
  fc.constantFrom<unknown>(time, uuid, 0, 3, null, '2026-11-26 08:00:00.123456+00'),
  fc.constantFrom<unknown>(1e308, -1, 2 ** 53 + 1, 'NaN', '', '9999-99-99', [], {}, true),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
);

function withQuery(url: string, query: Record<string, string>): string {
  const [path, existing] = url.split('?');
  const params = new URLSearchParams(existing);
  for (const [name, value] of Object.entries(query)) params.set(name, value);
  return `${path}?${params.toString()}`;
}

it('finds the paged lists: sessions, the feed, my tips, the archive, people like me and the inbox', async () => {
  expect((await pagedRoutes()).length).toBeGreaterThanOrEqual(6);
});

describe('every paged list', () => {
  it('refuses each forged cursor with 400 INVALID_CURSOR (or the schema refusal), and changes nothing', async () => {
    const fixture: Fixture = await makeFixture(t, wechat);
    for (const { route, variants } of await pagedRoutes()) {
      const sample = await routeTable[route]!.request(fixture);
      const queries = Object.entries(variants).flatMap(([name, values]) =>
        values.map((value) => ({ [name]: value })),
      );
      for (const query of queries.length > 0 ? queries : [{}]) {
        for (const [what, cursor] of Object.entries(forged)) {
          const before = await databaseChecksum(t.db);
          const url = withQuery(sample.url, {
            ...(sample.query as Record<string, string> | undefined),
            ...query,
            cursor,
          });
          const response = await t.app.inject({ url, headers: fixture.users.owner.headers });
          const code = response.json().code;
          const answer = `${route} ${JSON.stringify(query)} with ${what}: ${response.statusCode} ${code}`;
          const expected = what === 'very long' ? 'VALIDATION_FAILED' : 'INVALID_CURSOR';
          expect(answer).toBe(`${route} ${JSON.stringify(query)} with ${what}: 400 ${expected}`);
          expect(await databaseChecksum(t.db)).toEqual(before);
        }
      }
    }
  });

  it('answers generated cursors with a page or a 4xx error body, never a 5xx', async () => {
    const fixture: Fixture = await makeFixture(t, wechat);
    const routes = await pagedRoutes();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.array(anyPart, { maxLength: 4 }),
        async ({ route, variants }, key) => {
          const sample = await routeTable[route]!.request(fixture);
          const query = Object.fromEntries(
            Object.entries(variants).map(([name, values]) => [name, values.at(-1)!]),
          );
          const url = withQuery(sample.url, {
            ...(sample.query as Record<string, string> | undefined),
            ...query,
            cursor: cursorOf(key),
          });
          const response = await t.app.inject({ url, headers: fixture.users.owner.headers });
          const answer = `${url} -> ${response.statusCode} ${response.body.slice(0, 120)}`;
          expect({ answer, serverError: response.statusCode >= 500 }).toEqual({ answer, serverError: false });
          if (response.statusCode >= 400)
            expect({ answer, code: isErrorCode(response.json().code) }).toEqual({ answer, code: true });
        },
      ),
      { numRuns: process.env.TEST_DATABASE_URL ? 150 : 60, seed: 20261202 },
    );
  });
});
