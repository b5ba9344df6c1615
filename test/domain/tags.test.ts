import { graphemeCount, normaliseTag, normaliseTagList, tagLimits } from '../../src/domain/tags';

describe('normaliseTag', () => {
  const sameTag: Array<[string, string]> = [
    ['#Pokemon Go#', 'pokemon go'],
    ['＃ｐｏｋｅｍｏｎ　ｇｏ', 'pokemon go'],
    ['pokemon go', 'pokemon go'],
    ['  Pokemon   Go  ', 'pokemon go'],
    ['#重度网民#', '重度网民'],
    ['＃热爱电子产品＃', '热爱电子产品'],
    ['##潮男潮女##', '潮男潮女'],
    ['# 快速接受新事物 #', '快速接受新事物'],
    ['ＰＰＴ技巧', 'ppt技巧'],
    ['PPT技巧', 'ppt技巧'],
    ['１０万＋', '10万+'],
    ['C#', 'c#'],
    ['#C#', 'c'],
    ['🍰烘焙', '🍰烘焙'],
    ['👨‍👩‍👧 亲子', '👨‍👩‍👧 亲子'],
    ['AI\t绘画', 'ai 绘画'],
    ['摄影', '摄影'],
  ];
  it.each(sameTag)('%j becomes %j', (raw, expected) => {
    expect(normaliseTag(raw)).toEqual({ ok: true, tag: expected });
  });

  it('accepts exactly 12 CJK characters and refuses 13', () => {
    expect(normaliseTag('一二三四五六七八九十一二')).toEqual({ ok: true, tag: '一二三四五六七八九十一二' });
    expect(normaliseTag('一二三四五六七八九十一二三')).toEqual({ ok: false, problem: 'TAG_TOO_LONG' });
  });

  it('counts an emoji family as one character', () => {
    expect(graphemeCount('👨‍👩‍👧')).toBe(1);
    expect(normaliseTag('👨‍👩‍👧一二三四五六七八九十一')).toMatchObject({ ok: true });
  });

  it.each(['', '   ', '#', '＃＃', '# #'])('refuses the empty tag %j', (raw) => {
    expect(normaliseTag(raw)).toEqual({ ok: false, problem: 'TAG_EMPTY' });
  });

  it('refuses control characters', () => {
    expect(normaliseTag('摄\u0000影')).toEqual({ ok: false, problem: 'TAG_INVALID_CHARACTERS' });
    expect(normaliseTag('摄\u202E影')).toEqual({ ok: false, problem: 'TAG_INVALID_CHARACTERS' });
  });
});

describe('normaliseTagList', () => {
  it('merges tags that are the same after normalisation, keeping the first order', () => {
    expect(normaliseTagList(['#Pokemon Go#', '摄影', 'pokemon go', '＃ｐｏｋｅｍｏｎ　ｇｏ'])).toEqual({
      ok: true,
      tags: ['pokemon go', '摄影'],
    });
  });

  it('allows the limit after merging duplicates and refuses one more', () => {
    const eight = Array.from({ length: tagLimits.perMember }, (_, i) => `标签${i}`);
    expect(normaliseTagList([...eight, '标签0'])).toMatchObject({ ok: true });
    expect(normaliseTagList([...eight, '第九个'])).toEqual({ ok: false, problem: 'TOO_MANY_TAGS' });
  });

  it('names the first bad tag', () => {
    expect(normaliseTagList(['摄影', '  '])).toEqual({ ok: false, problem: 'TAG_EMPTY', index: 1 });
  });
});
