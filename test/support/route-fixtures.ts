import type { InjectOptions } from 'fastify';
import type { App } from '../../server/app';
import type { Database } from '../../server/db/database';
import type { SignedInUser } from './api-session';

/** What the route table's requests build on: the app to create things through, a database for what the API cannot do (time travel). */
export interface RouteFixtureBase {
  app: App;
  db: Database;
}

const made = new WeakMap<object, Map<string, Promise<unknown>>>();

/**
 * Makes a thing once per fixture: a route's `request` runs for every caller (and every generated
 * input), and most routes need the same tip or session each time.
 */
export function once<T>(fixture: object, key: string, make: () => Promise<T>): Promise<T> {
  let things = made.get(fixture);
  if (!things) {
    things = new Map();
    made.set(fixture, things);
  }
  let thing = things.get(key) as Promise<T> | undefined;
  if (!thing) {
    thing = make();
    things.set(key, thing);
  }
  return thing;
}

/** A call that must succeed while setting up a route's request. */
export async function apiCall<T>(
  app: App,
  user: SignedInUser,
  method: InjectOptions['method'],
  url: string,
  payload?: InjectOptions['payload'],
): Promise<T> {
  const response = await app.inject({ method, url, headers: user.headers, payload });
  if (response.statusCode >= 300)
    throw new Error(`${method} ${url} failed: ${response.statusCode} ${response.body}`);
  return response.json<T>();
}

/** A tiny PNG as a multipart/form-data body, as the image picker sends it. */
export function pngMultipart(): { payload: Buffer; headers: Record<string, string> } {
  const boundary = 'route-table-boundary';
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.alloc(32, 1),
  ]);
  return {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      png,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
