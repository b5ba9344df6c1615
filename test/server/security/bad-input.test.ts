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
  const uuidCount = sample.url.match(uuidPattern)?.length ?? 0;
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
  if (uuidCount > 0) {
    options.push(
      fc
        .tuple(fc.nat({ max: uuidCount - 1 }), fc.constantFrom(...nastyPathSegments))
        .map(([index, bad]) => ({ url: u, body: b }) => ({ url: replaceNthUuid(u, index, bad), payload: b })),
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
        expect({ answer, serverError: response.statusCode >= 500 }).toEqual({ answer, serverError: false });
        if (response.statusCode >= 400) {
          const body = response.json();
          expect({ answer, code: isErrorCode(body.code), message: typeof body.message }).toEqual({
            answer,
            code: true,
            message: 'string',
          });
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
