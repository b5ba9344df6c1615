import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { isErrorCode } from '../../../src/domain/error-codes';
import { checksumWithout, databaseChecksum } from '../../support/database-checksum';
import { type FakeWechat, startFakeWechat } from '../../support/fake-wechat';
import { createTestApp, type TestApp } from '../../support/test-app';
import { allowedCaller, type Fixture, makeFixture, type RouteEntry, routeTable } from './route-table';

/**
 * Malformed input for every write route, generated: the server answers 4xx with the error shape,
 * never 5xx, and a refused call leaves every table as it was.
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

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Body = Record<string, Json>;
type Mutation = (request: { url: string; body: Body | undefined }) => { url: string; payload: unknown };

const uuidPattern = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
/** A date in a path names a week or a day (`/weekly-digests/2026-11-23`). */
const datePathPattern = /\/\d{4}-\d{2}-\d{2}(?=\/|$)/g;

function replaceNthUuid(url: string, index: number, replacement: string): string {
  let seen = -1;
  return url.replace(uuidPattern, (uuid) => (++seen === index ? replacement : uuid));
}

const nastyStrings = [
  'x'.repeat(100_000),
  '社'.repeat(5_000),
  '\u0000\u0001\u0007\u001b[31m',
  '\uD800', // a lone surrogate: invalid UTF-16
  '\uDFFF\uD800',
  "'; drop table users; --",
  '<script>alert(1)</script><img src=x onerror=alert(1)>',
  '{{constructor.constructor("x")()}} #{7*7} <%= 7*7 %>',
  '\u202Eevil\u202C',
  '',
  '   ',
];
const nastyNumbers = [-1, 0, -(2 ** 31), 2 ** 53 + 1, 1e308, -1e308, 0.5];
const nastyDates = [
  '9999-99-99',
  '0000-01-01T00:00:00Z',
  '+275760-09-13T00:00:00.000Z',
  'yesterday',
  '2026-02-30',
];
const wrongTypes: Json[] = [null, true, 42, -1, [], ['a'], {}, { nested: { deep: 1 } }, 'text'];
const nastyPathSegments = [
  'not-a-uuid',
  "' OR 1=1 --",
  '%00',
  '..%2F..%2Fetc',
  '0'.repeat(400),
  '00000000-0000-0000-0000-000000000000',
];

const nastyPathDates = ['2026-11-24', '2026-02-30', '9999-12-27', '0000-01-03', '2026-13-01', 'next-week'];

const anyValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom(...wrongTypes),
  fc.constantFrom(...nastyStrings),
  fc.constantFrom(...nastyNumbers),
  fc.constantFrom(...nastyDates),
  fc.string({ maxLength: 50 }),
  fc.string({ unit: 'binary', maxLength: 50 }),
);

/** Mutations of a request shaped like `sample`; each is applied to a fresh valid request. */
function mutations(sample: { url: string; payload?: unknown }): fc.Arbitrary<Mutation> {
  const body = Buffer.isBuffer(sample.payload) ? undefined : (sample.payload as Body | undefined);
  const fields = Object.keys(body ?? {});
  const options: fc.Arbitrary<Mutation>[] = [
    // Not an object at all.
    fc.constantFrom<Json>([], 'text', 42, null, [{}]).map((payload) => ({ url: u }) => ({ url: u, payload })),
    // A field nobody asked for.
    fc
      .tuple(fc.string({ minLength: 1, maxLength: 20 }), anyValue)
      .map(([key, value]) => ({ url: u, body: b }) => ({
        url: u,
        payload: { ...b, [key in (b ?? {}) ? `${key}_extra` : key]: value },
      })),
  ];
  if (fields.length > 0) {
    const field = fc.constantFrom(...fields);
    options.push(
      fc.tuple(field, anyValue).map(([key, value]) => ({ url: u, body: b }) => ({
        url: u,
        payload: { ...b, [key]: value },
      })),
      field.map((key) => ({ url: u, body: b }) => {
        const { [key]: _dropped, ...rest } = b ?? {};
        return { url: u, payload: rest };
      }),
    );
  }
  options.push(
    ...pathMutations(sample.url).map((mutate) =>
      mutate.map((change) => ({ url: u, body: b }: { url: string; body: Body | undefined }) => ({
        url: change(u),
        payload: b,
      })),
    ),
  );
  return fc.oneof(...options);
}

/** Changes of a path's parameters: a uuid replaced by a bad segment, a date by a bad date. */
function pathMutations(url: string): fc.Arbitrary<(url: string) => string>[] {
  const uuidCount = url.match(uuidPattern)?.length ?? 0;
  const options: fc.Arbitrary<(url: string) => string>[] = [];
  if (uuidCount > 0) {
    options.push(
      fc.tuple(fc.nat({ max: uuidCount - 1 }), fc.constantFrom(...nastyPathSegments)).map(
        ([index, bad]) =>
          (u: string) =>
            replaceNthUuid(u, index, bad),
      ),
    );
  }
  if (url.match(datePathPattern)) {
    options.push(
      fc
        .constantFrom(...nastyPathDates, ...nastyPathSegments)
        .map((bad) => (u: string) => u.replace(datePathPattern, `/${encodeURIComponent(bad)}`)),
    );
  }
  return options;
}

type Query = Record<string, string | string[]>;
type QueryMutation = (request: { url: string; query: Query }) => { url: string; query: Query };

const anyQueryValue: fc.Arbitrary<string | string[]> = fc.oneof(
  fc.constantFrom(...nastyStrings, ...nastyDates, '-1', '0', '1e308', 'null', 'true', '%00', '==', 'W10'),
  fc.string({ maxLength: 50 }),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.array(fc.string({ maxLength: 10 }), { minLength: 2, maxLength: 3 }),
);

/** Mutations of a read: its query's fields changed, dropped or added to, its path's parameters changed. */
function queryMutations(sample: { url: string; query?: Query }): fc.Arbitrary<QueryMutation> {
  const fields = Object.keys(sample.query ?? {});
  const options: fc.Arbitrary<QueryMutation>[] = [
    fc
      .tuple(fc.string({ minLength: 1, maxLength: 20 }), anyQueryValue)
      .map(([key, value]) => ({ url: u, query: q }) => ({
        url: u,
        query: { ...q, [key in q ? `${key}_extra` : key]: value },
      })),
    ...pathMutations(sample.url).map((mutate) =>
      mutate.map((change) => ({ url: u, query: q }: { url: string; query: Query }) => ({
        url: change(u),
        query: q,
      })),
    ),
  ];
  if (fields.length > 0) {
    const field = fc.constantFrom(...fields);
    options.push(
      fc.tuple(field, anyQueryValue).map(([key, value]) => ({ url: u, query: q }) => ({
        url: u,
        query: { ...q, [key]: value },
      })),
      field.map((key) => ({ url: u, query: q }) => {
        const { [key]: _dropped, ...rest } = q;
        return { url: u, query: rest };
      }),
    );
  }
  return fc.oneof(...options);
}

const writeRoutes = Object.entries(routeTable).filter(([route]) => !route.startsWith('GET '));

describe.each(writeRoutes)('%s', (route: string, entry: RouteEntry) => {
  const method = route.split(' ')[0] as InjectOptions['method'];

  it('answers malformed input with a 4xx error body, never a 5xx, and changes nothing', async () => {
    const fixture: Fixture = await makeFixture(t, wechat);
    const caller = allowedCaller(entry.access);
    const headers = caller === 'anonymous' ? {} : fixture.users[caller].headers;
    const sample = await entry.request(fixture);

    await fc.assert(
      fc.asyncProperty(mutations(sample), async (mutate) => {
        const valid = await entry.request(fixture);
        // A multipart body (a Buffer) has no fields to change: it is replaced whole.
        const body = Buffer.isBuffer(valid.payload) ? undefined : (valid.payload as Body | undefined);
        const { url, payload } = mutate({ url: valid.url, body });
        const before = await databaseChecksum(t.db);
        const response = await t.app.inject({
          method,
          url,
          headers: { ...headers, ...valid.headers },
          payload: payload as InjectOptions['payload'],
        });
        const answer = `${method} ${url} -> ${response.statusCode} ${response.body.slice(0, 160)}`;
        expectNoServerError(answer, response);
        if (response.statusCode >= 400) {
          const body = response.json();
          const refusalWrites = entry.refusalWrites;
          const mayChange = refusalWrites && refusalWrites.code === body.code ? refusalWrites.tables : [];
          expect(checksumWithout(await databaseChecksum(t.db), mayChange)).toEqual(
            checksumWithout(before, mayChange),
          );
        }
      }),
      // More runs on the real PostgreSQL (test:pg), fewer in `npm test`, which must stay quick.
      { numRuns: process.env.TEST_DATABASE_URL ? 25 : 8, seed: 20261126 },
    );
  });
});

/** A 4xx answer has the error shape; any answer is below 500. */
function expectNoServerError(
  answer: string,
  response: { statusCode: number; json: () => { code?: unknown; message?: unknown } },
) {
  expect({ answer, serverError: response.statusCode >= 500 }).toEqual({ answer, serverError: false });
  if (response.statusCode >= 400) {
    const body = response.json();
    expect({ answer, code: isErrorCode(body.code), message: typeof body.message }).toEqual({
      answer,
      code: true,
      message: 'string',
    });
  }
}

const readRoutes = Object.entries(routeTable).filter(([route]) => route.startsWith('GET '));

describe.each(readRoutes)('%s', (_route: string, entry: RouteEntry) => {
  it('answers malformed query strings and path parameters with a 4xx error body, never a 5xx, and a refusal changes nothing', async () => {
    const fixture: Fixture = await makeFixture(t, wechat);
    const caller = allowedCaller(entry.access);
    const headers = caller === 'anonymous' ? {} : fixture.users[caller].headers;
    const sample = await entry.request(fixture);
    const options = queryMutations({ url: sample.url, query: sample.query as Query | undefined });

    await fc.assert(
      fc.asyncProperty(options, async (mutate) => {
        const valid = await entry.request(fixture);
        const { url, query } = mutate({ url: valid.url, query: (valid.query ?? {}) as Query });
        const before = await databaseChecksum(t.db);
        const response = await t.app.inject({
          method: 'GET',
          url,
          query,
          headers: { ...headers, ...valid.headers },
        });
        const answer = `GET ${url} ${JSON.stringify(query).slice(0, 120)} -> ${response.statusCode} ${response.body.slice(0, 160)}`;
        expectNoServerError(answer, response);
        if (response.statusCode >= 400) expect(await databaseChecksum(t.db)).toEqual(before);
      }),
      { numRuns: process.env.TEST_DATABASE_URL ? 12 : 4, seed: 20261126 },
    );
  });
});

it('gives stored text back exactly as written: no escaping, no trimming inside, no lost characters', async () => {
  const fixture = await makeFixture(t, wechat);
  const text = {
    name: '<b>"李根" & 🍰</b>',
    goal: "&lt;不是标签&gt; ' OR 1=1 -- \\n",
    rules: '第一条：<script>alert(1)</script>\n第二条：不@所有人 😀',
  };
  const patched = await t.app.inject({
    method: 'PATCH',
    url: `/api/communities/${fixture.communityId}`,
    headers: fixture.users.owner.headers,
    payload: text,
  });
  expect(patched.statusCode).toBe(200);
  const read = await t.app.inject({
    url: `/api/communities/${fixture.communityId}`,
    headers: fixture.users.member.headers,
  });
  expect(read.json()).toMatchObject(text);
});
