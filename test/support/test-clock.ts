import type { Clock } from '../../server/clock';

/** The app's clock in tests: real time flows, shifted by whatever the test moved it. */
export interface TestClock {
  now: Clock;
  /** From now on the clock reads `at` (and goes on from there). */
  set(at: Date): void;
  advance(milliseconds: number): void;
}

export function testClock(): TestClock {
  let shift = 0;
  return {
    now: () => new Date(Date.now() + shift),
    set(at) {
      shift = at.getTime() - Date.now();
    },
    advance(milliseconds) {
      shift += milliseconds;
    },
  };
}
