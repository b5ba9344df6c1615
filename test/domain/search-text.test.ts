import fc from 'fast-check';
import { searchTokens, tipSearchDocument, tipSearchQuery } from '../../src/domain/search-text';

describe('search words (character pairs)', () => {
  it('cuts Chinese into overlapping pairs plus the last character, Latin words and numbers whole', () => {
    expect(searchTokens('周五烘焙课')).toEqual(['周五', '五烘', '烘焙', '焙课', '课']);
    expect(searchTokens('PPT各级标题，用 Excel 2026')).toEqual([
      'ppt',
      '各级',
      '级标',
      '标题',
      '题',
      '用',
      'excel',
      '2026',
    ]);
    // Full-width letters and digits are the same words.
    expect(searchTokens('ＰＰＴ１２')).toEqual(['ppt12']);
  });

  it('finds a two-character word as one pair of the text', () => {
    const text = searchTokens('烤红薯的时候先用锡纸包好');
    const query = tipSearchQuery('红薯');
    expect(query?.anywhere).toBe("'红薯'");
    expect(text).toContain('红薯');
  });

  it('asks for every pair of the query with &, and for a lone character as a prefix', () => {
    expect(tipSearchQuery('烘焙 红薯')).toEqual({
      anywhere: "'烘焙' & '红薯'",
      inTitle: "'烘焙':A & '红薯':A",
    });
    expect(tipSearchQuery('粥')).toEqual({ anywhere: "'粥':*", inTitle: "'粥':*A" });
    expect(tipSearchQuery("it's")?.anywhere).toBe("'it' & 's'");
    expect(tipSearchQuery('！？🙂 …')).toBeNull();
  });

  it('weighs title words A, tags and steps B and body C, with positions', () => {
    expect(tipSearchDocument({ title: '红薯', body: '红薯粥', steps: ['蒸'], tags: ['早餐'] })).toBe(
      "'红薯':1A,6C '薯':2A '早餐':3B '餐':4B '蒸':5B '薯粥':7C '粥':8C",
    );
  });

  it('every word of a text is found by a query made of that text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const query = tipSearchQuery(text);
        const words = new Set(searchTokens(text).map((token) => `'${token.replace(/'/g, "''")}'`));
        if (!query) return words.size === 0;
        return query.anywhere
          .split(' & ')
          .every((term) =>
            term.endsWith(':*') ? [...words].some((w) => w.startsWith(term.slice(0, -3))) : words.has(term),
          );
      }),
    );
  });
});
