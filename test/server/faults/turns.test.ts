import { Turns } from '../../../server/plugins/turns';

/** Whether a promise has settled, without waiting for it. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  promise.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

describe('turns on a hot row', () => {
  it('lets three requests at a row at once and the next in the order they came as each leaves', async () => {
    const turns = new Turns({ perKey: 3, waitLimitMs: 60_000 });
    const first = await Promise.all([
      turns.enter('session:a'),
      turns.enter('session:a'),
      turns.enter('session:a'),
    ]);
    const fourth = turns.enter('session:a');
    const fifth = turns.enter('session:a');
    // Another row is not held up by this one.
    await turns.enter('session:b');
    expect(await settled(fourth)).toBe(false);
    first[0]!();
    first[0]!(); // leaving twice frees one turn, not two
    expect(await settled(fourth)).toBe(true);
    expect(await settled(fifth)).toBe(false);
    first[1]!();
    expect(await settled(fifth)).toBe(true);
  });

  it('answers the waiting requests at once when the database turned out to be away', async () => {
    const turns = new Turns({ perKey: 3, waitLimitMs: 60_000 });
    for (let i = 0; i < 3; i += 1) await turns.enter('session:a');
    const waiting = [turns.enter('session:a'), turns.enter('session:a')];
    turns.refuseWaiting('session:a');
    for (const turn of waiting)
      await expect(turn).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE', statusCode: 503 });
  });

  it('gives up on a turn that does not come within the limit', async () => {
    jest.useFakeTimers();
    try {
      const turns = new Turns({ perKey: 3, waitLimitMs: 5_000 });
      for (let i = 0; i < 3; i += 1) await turns.enter('session:a');
      const late = turns.enter('session:a');
      jest.advanceTimersByTime(5_000);
      await expect(late).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    } finally {
      jest.useRealTimers();
    }
  });
});
