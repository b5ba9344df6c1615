import type { InjectOptions } from 'fastify';
import { isErrorCode } from '../../../src/domain/error-codes';
import { userTimeWindow } from '../../../src/domain/user-time';
import { checksumWithout, databaseChecksum } from '../../support/database-checksum';
import { type FakeWechat, startFakeWechat } from '../../support/fake-wechat';
import { createTestApp, type TestApp } from '../../support/test-app';
import { type BodyField, type RouteInputs, routeInputs, valueAt, withValueAt } from './input-fields';
import { allowedCaller, type Fixture, makeFixture, type RouteEntry, routeTable } from './route-table';

/**
 * The classes of input that once gave 500s, against every route and field the OpenAPI document
 * lists: JSON nested thousands of levels deep on every route that takes a body (token-free ones
 * too), control, invisible, direction and half-surrogate characters in every string of the body
 * and query, and every time field at the edges of the calendar and of the allowed window. Each must
 * be a 4xx with `{ code, message }` that leaves every table as it was.
 */

let t: TestApp;
let wechat: FakeWechat;
let inputs: Record<string, RouteInputs>;

beforeAll(async () => {
  wechat = await startFakeWechat();
  t = await createTestApp({ wechatApiBase: wechat.baseUrl });
  inputs = await routeInputs(t);
});
afterAll(async () => {
  await t.close();
  await wechat.close();
});

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const depth = 5_000;
const deepBodies = {
  'arrays nested 5,000 deep': `[${'['.repeat(depth)}${']'.repeat(depth)}]`,
  'objects nested 5,000 deep': `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
};

function deepField(field: string): string {
  return `{"${field}":${'['.repeat(depth)}${']'.repeat(depth)}}`;
}

/** Put inside a valid value, so the field's other checks pass and the character alone is judged. */
function insertedInto(base: string, character: string): string {
  const middle = Math.floor(base.length / 2);
  return `${base.slice(0, middle)}${character}${base.slice(middle)}`;
}

/** Each class of character, as the value of a string field whose valid value is `base`. */
function textValues(base: string, field: BodyField | null): Array<[string, string]> {
  const values: Array<[string, string]> = [
    ['NUL inside', insertedInto(base, '\u0000')],
    ['an escape sequence inside', insertedInto(base, '\u001b[31m')],
    ['a C1 control inside', insertedInto(base, '\u0085')],
    ['zero-width characters only', '\u200B\u200D\uFEFF\u2060'],
    ['direction controls only', '\u202E\u2066\u200F'],
  ];
  // A query string cannot carry half a surrogate pair (URLs are UTF-8): bodies only.
  if (field) {
    values.push(['a lone high surrogate inside', insertedInto(base, '\uD800')]);
    values.push(['a lone low surrogate alone', '\uDFFF']);
  }
  // Direction controls are kept in multi-line text (a paragraph contains them), refused everywhere else.
  if (field?.textKind !== 'multi-line')
    values.push(['a right-to-left override inside', insertedInto(base, '\u202E')]);
  return values;
}

function isoDay(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 24 * 3600_000).toISOString().slice(0, 10);
}

/** The edges of the calendar and of the window (a year either side of now), computed from today. */
function timeValues(): Array<[string, string]> {
  const next = Number(isoDay(0).slice(0, 4)) + 1;
  const notLeap = next % 4 === 0 ? next + 1 : next;
  const pastWindow = (userTimeWindow.daysAhead + 2) * 24 * 3600_000;
  return [
    ['29 February of a common year', `${notLeap}-02-29T10:00:00.000Z`],
    ['31 April', `${next}-04-31T10:00:00.000Z`],
    ['30 February at 25:61', `${next}-02-30T25:61:00.000Z`],
    ['24:00', `${isoDay(2)}T24:00:00.000Z`],
    ['a leap second', `${isoDay(2)}T23:59:60.000Z`],
    ['month 13', `${next}-13-01T10:00:00.000Z`],
    ['an offset of 24 hours', `${isoDay(2)}T10:00:00.000+24:00`],
    ['no time zone', `${isoDay(2)}T10:00:00`],
    ['a date only', isoDay(2)],
    ['year 0', '0000-01-01T00:00:00.000Z'],
    ['year 9999', '9999-12-31T23:59:59.999Z'],
    ['the last day JavaScript knows', '+275760-09-13T00:00:00.000Z'],
    ['just past a year ahead', new Date(Date.now() + pastWindow).toISOString()],
    ['two years ago', new Date(Date.now() - 2 * 365 * 24 * 3600_000).toISOString()],
    ['the Unix epoch', '1970-01-01T00:00:00.000Z'],
  ];
}

interface Attempt {
  label: string;
  url: string;
  query?: Record<string, string>;
  payload?: InjectOptions['payload'];
  headers?: Record<string, string>;
}

function splitUrl(url: string): { path: string; query: Record<string, string> } {
  const [path, search] = url.split('?', 2);
  return { path: path!, query: Object.fromEntries(new URLSearchParams(search ?? '')) };
}

describe.each(Object.entries(routeTable))('%s', (route: string, entry: RouteEntry) => {
  const method = route.split(' ')[0] as InjectOptions['method'];
  let fixture: Fixture;
  beforeAll(async () => {
    fixture = await makeFixture(t, wechat);
  });

  async function expectRefusedWithNothingChanged(attempt: Attempt) {
    const caller = allowedCaller(entry.access);
    const before = await databaseChecksum(t.db);
    const response = await t.app.inject({
      method,
      url: attempt.url,
      query: attempt.query,
      payload: attempt.payload,
      headers: { ...(caller === 'anonymous' ? {} : fixture.users[caller].headers), ...attempt.headers },
    });
    const answer = `${attempt.label}: ${method} ${attempt.url} -> ${response.statusCode} ${response.body.slice(0, 160)}`;
    const refused = response.statusCode >= 400 && response.statusCode < 500;
    expect({ answer, refused }).toEqual({ answer, refused: true });
    const body = response.json();
    expect({ answer, code: isErrorCode(body.code), message: typeof body.message }).toEqual({
      answer,
      code: true,
      message: 'string',
    });
    const refusalWrites = entry.refusalWrites;
    const mayChange = refusalWrites && refusalWrites.code === body.code ? refusalWrites.tables : [];
    expect({ answer, tables: checksumWithout(await databaseChecksum(t.db), mayChange) }).toEqual({
      answer,
      tables: checksumWithout(before, mayChange),
    });
  }

  it('refuses JSON nested thousands of levels deep with a 400, before anything reads it', async () => {
    if (method === 'GET') return; // no body is read on a GET
    const valid = await entry.request(fixture);
    const field = inputs[route]!.bodyFields[0]?.path[0] ?? 'x';
    for (const [label, payload] of [
      ...Object.entries(deepBodies),
      ['a field nested 5,000 deep', deepField(String(field))],
    ]) {
      await expectRefusedWithNothingChanged({
        label,
        url: valid.url,
        payload,
        headers: { ...valid.headers, 'content-type': 'application/json' },
      });
    }
  });

  it('refuses control, invisible, direction and half-surrogate characters in every string of the body and query', async () => {
    const { bodyFields, queryParameters } = inputs[route]!;
    for (const field of bodyFields.filter((candidate) => candidate.kind === 'text')) {
      const sample = await entry.request(fixture);
      const base = valueAt(sample.payload as Json, field.path);
      for (const [label, value] of textValues(
        typeof base === 'string' && base ? base : '有效的内容',
        field,
      )) {
        // A fresh valid request each time: it may create what it needs (a tip to edit, a session to book).
        const valid = await entry.request(fixture);
        await expectRefusedWithNothingChanged({
          label: `${field.path.join('.')}: ${label}`,
          url: valid.url,
          headers: valid.headers,
          payload: withValueAt(valid.payload as Json, field.path, value) as InjectOptions['payload'],
        });
      }
    }
    for (const parameter of queryParameters) {
      const sample = await entry.request(fixture);
      const { query } = splitUrl(sample.url);
      const base = (sample.query as Record<string, string> | undefined)?.[parameter] ?? query[parameter];
      for (const [label, value] of textValues(base || '有效的内容', null)) {
        const valid = await entry.request(fixture);
        const { path, query: inUrl } = splitUrl(valid.url);
        await expectRefusedWithNothingChanged({
          label: `?${parameter}: ${label}`,
          url: path,
          query: { ...inUrl, ...(valid.query as Record<string, string> | undefined), [parameter]: value },
          headers: valid.headers,
        });
      }
    }
  });

  it('refuses every time field at the edges of the calendar and outside a year either side of now', async () => {
    for (const field of inputs[route]!.bodyFields.filter((candidate) => candidate.kind === 'time')) {
      for (const [label, value] of timeValues()) {
        const valid = await entry.request(fixture);
        await expectRefusedWithNothingChanged({
          label: `${field.path.join('.')}: ${label}`,
          url: valid.url,
          headers: valid.headers,
          payload: withValueAt(valid.payload as Json, field.path, value) as InjectOptions['payload'],
        });
      }
    }
  });
});
