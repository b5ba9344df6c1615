import { databaseRefusal } from '../../server/db/database-refusal';
import { isDatabaseUnavailable } from '../../server/db/database-unavailable';

/** A driver error as Drizzle hands it on: wrapped, with the driver's own error as the cause. */
function wrapped(fields: { code: string; message?: string }) {
  const driverError = Object.assign(new Error(fields.message ?? 'driver error'), { code: fields.code });
  return new Error('Failed query: update suggested_tags ...', { cause: driverError });
}

describe('what the database refused, as an answer', () => {
  it.each([
    ['23505', 'two writers on one unique key'],
    ['23503', 'a row deleted meanwhile'],
    ['40001', 'a serialisation failure'],
    ['40P01', 'a deadlock'],
  ])('%s (%s) is 409 WRITE_CONFLICT: look again and retry', (code) => {
    expect(databaseRefusal(wrapped({ code }))).toEqual({ status: 409, code: 'WRITE_CONFLICT' });
  });

  it.each([
    ['22021', 'a byte sequence UTF-8 does not have (NUL)'],
    ['22P05', 'a character JSON cannot hold'],
    ['22008', 'a date out of range'],
    ['22001', 'a value too long'],
  ])('%s (%s) is 400 VALIDATION_FAILED', (code) => {
    expect(databaseRefusal(wrapped({ code }))).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
  });

  it('leaves anything else a 500: a missing check is a bug, not a refusal', () => {
    expect(databaseRefusal(wrapped({ code: '42P01' }))).toBeNull();
    expect(databaseRefusal(new RangeError('Invalid time value'))).toBeNull();
  });

  it('counts the timeouts that end a wait for a stalled database as the database being away (503)', () => {
    expect(
      isDatabaseUnavailable(
        wrapped({ code: '57014', message: 'canceling statement due to statement timeout' }),
      ),
    ).toBe(true);
    expect(isDatabaseUnavailable(wrapped({ code: '25P03' }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Failed query', { cause: new Error('Query read timeout') }))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDatabaseUnavailable(wrapped({ code: '23505' }))).toBe(false);
  });
});
