import { hitRateLimits } from '../../../server/modules/rate-limits/rate-limiter';
import { createTestApp, type TestApp } from '../../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const minute = new Date('2026-12-02T10:00:00Z');
const later = (seconds: number) => new Date(minute.getTime() + seconds * 1000);

describe('counting several limits in one upsert', () => {
  it('counts every bucket, and refuses once any one of them is over its limit', async () => {
    const hits = (user: string) => [
      { bucket: 'write-address:10.0.0.1', limitPerMinute: 3 },
      { bucket: `write-user:${user}`, limitPerMinute: 2 },
    ];
    const verdicts = [];
    for (const user of ['a', 'a', 'a', 'b']) verdicts.push(await hitRateLimits(t.db, hits(user), later(10)));
    // a's third write is over a's limit; b's write is the address's fourth, over its limit.
    expect(verdicts.map((verdict) => verdict.allowed)).toEqual([true, true, false, false]);
    expect(verdicts[3]!.retryAfterSeconds).toBe(50);
  });

  it('starts every bucket afresh in the next minute', async () => {
    const hit = [{ bucket: 'login:10.0.0.2', limitPerMinute: 1 }];
    expect((await hitRateLimits(t.db, hit, later(1))).allowed).toBe(true);
    expect((await hitRateLimits(t.db, hit, later(2))).allowed).toBe(false);
    expect((await hitRateLimits(t.db, hit, later(61))).allowed).toBe(true);
  });
});
