import {
  countPart,
  emptyPart,
  keysetCursor,
  postgresTimePart,
  timePart,
  uuidPart,
} from '../../server/db/keyset-cursor';

const id = '6f1c2a4e-8b3d-4c5e-9f70-1a2b3c4d5e6f';
const cursorOf = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');

function refusal(decode: () => unknown) {
  try {
    decode();
  } catch (error) {
    return { code: (error as { code?: string }).code, status: (error as { statusCode?: number }).statusCode };
  }
  return 'accepted';
}

describe('the keyset cursor codec', () => {
  const feed = keysetCursor({ publishedAt: timePart, id: uuidPart, sharedCount: emptyPart });
  const similar = keysetCursor({ sharedCount: countPart, activeAt: postgresTimePart, userId: uuidPart });

  it('reads back what it wrote', () => {
    const position = { publishedAt: new Date('2026-11-26T08:00:00.123Z'), id, sharedCount: null };
    expect(feed.decode(feed.encode(position))).toEqual(position);
    const key = { sharedCount: 2, activeAt: '2026-11-26 08:00:00.123456+00', userId: id };
    expect(similar.decode(similar.encode(key))).toEqual(key);
  });

  it.each([
    ['not base64url', '%%%'],
    ['not JSON', Buffer.from('[1,').toString('base64url')],
    ['too long', 'A'.repeat(301)],
    ['one part short', cursorOf(['2026-11-26T08:00:00.000Z', id])],
    ['an id that is not a UUID', cursorOf(['2026-11-26T08:00:00.000Z', 'x'.repeat(36), null])],
    ['a date out of range', cursorOf(['2999-01-01T00:00:00.000Z', id, null])],
    ['a date not as toISOString writes it', cursorOf(['2026-11-26T08:00:00Z', id, null])],
    ['a value where the place is empty', cursorOf(['2026-11-26T08:00:00.000Z', id, 3])],
  ])('refuses %s with 400 INVALID_CURSOR', (_what, cursor) => {
    expect(refusal(() => feed.decode(cursor))).toEqual({ code: 'INVALID_CURSOR', status: 400 });
  });

  it.each([
    ['a count too large', [2 ** 53 + 1, '2026-11-26 08:00:00+00', id]],
    ['a count that is not whole', [1.5, '2026-11-26 08:00:00+00', id]],
    ['an impossible day', [1, '2026-02-30 08:00:00+00', id]],
    ['an hour of 24', [1, '2026-11-26 24:00:00+00', id]],
    ['a year out of range', [1, '9999-11-26 08:00:00+00', id]],
  ])('refuses %s in a count or a database timestamp', (_what, key) => {
    expect(refusal(() => similar.decode(cursorOf(key)))).toEqual({ code: 'INVALID_CURSOR', status: 400 });
  });
});
