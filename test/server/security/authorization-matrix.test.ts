import type { InjectOptions } from 'fastify';
import type { Role } from '../../../src/domain/roles';
import { hasRoleAtLeast } from '../../../src/domain/roles';
import { databaseChecksum } from '../../support/database-checksum';
import { type FakeWechat, startFakeWechat } from '../../support/fake-wechat';
import { createTestApp, type TestApp } from '../../support/test-app';
import {
  type Access,
  apiOperations,
  apiRoutes,
  type Caller,
  callers,
  type Fixture,
  makeFixture,
  routeTable,
} from './route-table';

/**
 * Every route of the OpenAPI document against every kind of caller. A route missing from the route
 * table fails the suite, so a new route cannot ship without saying who may call it. Allowed callers
 * who may not see attendee-only content get bodies without it.
 */

let t: TestApp;
let wechat: FakeWechat;
let routes: string[];

beforeAll(async () => {
  wechat = await startFakeWechat();
  t = await createTestApp({ wechatApiBase: wechat.baseUrl });
  routes = await apiRoutes(t);
});
afterAll(async () => {
  await t.close();
  await wechat.close();
});

const roleOfCaller: Partial<Record<Caller, Role>> = {
  member: 'member',
  secretary: 'secretary',
  admin: 'admin',
  owner: 'owner',
};

/** The refusal a caller gets, or null when the caller is allowed past the permission check. */
function expectedRefusal(access: Access, caller: Caller): { status: number; code?: string } | null {
  if (access === 'public') return null;
  if (caller === 'anonymous') return { status: 401, code: 'UNAUTHENTICATED' };
  if (caller === 'expired') return { status: 401, code: 'SESSION_EXPIRED' };
  if (access === 'signed-in') return null;
  const role = roleOfCaller[caller];
  if (!role) return { status: 403, code: 'NOT_A_MEMBER' };
  return hasRoleAtLeast(role, access) ? null : { status: 403 };
}

/** Whether `field` is a key of the body or of any object inside it. */
function carriesField(body: unknown, field: string): boolean {
  if (Array.isArray(body)) return body.some((item) => carriesField(item, field));
  if (body === null || typeof body !== 'object') return false;
  return field in body || Object.values(body).some((value) => carriesField(value, field));
}

function headersOf(fixture: Fixture, caller: Caller) {
  return caller === 'anonymous' ? {} : fixture.users[caller].headers;
}

it('has an entry for every route of the API, and no entry for a route that does not exist', () => {
  expect([...routes].sort()).toEqual(Object.keys(routeTable).sort());
});

it('declares the bearer token in the API document on exactly the routes that are not public', async () => {
  const declared = Object.fromEntries((await apiOperations(t)).map((o) => [o.route, o.bearerToken]));
  const needed = Object.fromEntries(routes.map((route) => [route, routeTable[route]?.access !== 'public']));
  expect(declared).toEqual(needed);
});

describe.each(Object.entries(routeTable))('%s', (route, entry) => {
  const method = route.split(' ')[0] as InjectOptions['method'];

  it('answers every kind of caller as the table says, and a refused call changes nothing', async () => {
    const fixture = await makeFixture(t, wechat);
    // Refused callers first: an allowed call may change what the next caller finds.
    const ordered = [...callers].sort(
      (a, b) =>
        Number(expectedRefusal(entry.access, a) === null) - Number(expectedRefusal(entry.access, b) === null),
    );
    for (const caller of ordered) {
      const refusal = entry.expect?.[caller] ?? expectedRefusal(entry.access, caller);
      const request = await entry.request(fixture);
      const before = refusal ? await databaseChecksum(t.db) : null;
      const response = await t.app.inject({
        method,
        ...request,
        headers: { ...headersOf(fixture, caller), ...request.headers },
      });
      const outcome = `${route} as ${caller}: ${response.statusCode} ${response.body.slice(0, 200)}`;
      if (refusal) {
        expect(outcome).toBe(`${route} as ${caller}: ${refusal.status} ${response.body.slice(0, 200)}`);
        if (refusal.code) expect(response.json().code).toBe(refusal.code);
        expect(await databaseChecksum(t.db)).toEqual(before);
      } else {
        expect(response.statusCode).not.toBe(401);
        expect(response.statusCode).not.toBe(403);
        expect(response.statusCode).toBeLessThan(500);
        if (entry.attendeeOnly && response.statusCode < 300) {
          const { field, seenBy } = entry.attendeeOnly;
          expect({ outcome, carries: carriesField(response.json(), field) }).toEqual({
            outcome,
            carries: seenBy.includes(caller),
          });
        }
      }
    }
  });
});
