import fc from 'fast-check';
import {
  checkTipDraft,
  compareRecommended,
  type RankedTip,
  remainingCharacters,
  sharedTagCount,
  tipAllows,
  tipLimits,
  tipStatuses,
} from '../../src/domain/tips';

const valid = {
  title: '猕猴桃去皮',
  body: '切掉尾巴，用勺子转一圈。',
  steps: ['切尾巴', '插勺子'],
  tags: ['#烘焙#'],
  minutes: 2,
};

describe('checkTipDraft', () => {
  it('trims, drops empty steps and normalises tags', () => {
    const result = checkTipDraft({
      ...valid,
      title: '  猕猴桃去皮 ',
      steps: ['切尾巴', '  ', '插勺子'],
      tags: ['#烘焙#', '烘焙', '＃PPT技巧'],
    });
    expect(result).toEqual({
      ok: true,
      tip: { ...valid, steps: ['切尾巴', '插勺子'], tags: ['烘焙', 'ppt技巧'] },
    });
  });

  it('counts Chinese characters one each at the limits', () => {
    expect(checkTipDraft({ ...valid, title: '字'.repeat(tipLimits.titleMax) }).ok).toBe(true);
    expect(checkTipDraft({ ...valid, title: '字'.repeat(tipLimits.titleMax + 1) })).toMatchObject({
      ok: false,
      fields: { title: expect.any(String) },
    });
    expect(checkTipDraft({ ...valid, body: '字'.repeat(301) })).toMatchObject({
      fields: { body: expect.any(String) },
    });
    expect(checkTipDraft({ ...valid, steps: ['字'.repeat(61)] })).toMatchObject({
      fields: { steps: expect.any(String) },
    });
  });

  it('reports every problem at once', () => {
    const result = checkTipDraft({
      title: '',
      body: '',
      steps: Array(6).fill('步'),
      tags: ['a', 'b', 'c', 'd', 'e', 'f'],
      minutes: 0,
    });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(Object.keys(result.fields).sort()).toEqual(['body', 'minutes', 'steps', 'tags', 'title']);
  });

  it('accepts 1 to 60 whole minutes only', () => {
    for (const minutes of [1, 60]) expect(checkTipDraft({ ...valid, minutes }).ok).toBe(true);
    for (const minutes of [0, 61, 1.5]) expect(checkTipDraft({ ...valid, minutes }).ok).toBe(false);
  });

  it('merges duplicate tags before counting the limit of 5', () => {
    expect(checkTipDraft({ ...valid, tags: ['a', 'A', '#a#', 'b', 'c', 'd', 'e'] }).ok).toBe(true);
  });

  it('shows the characters left', () => {
    expect(remainingCharacters('猕猴桃', 30)).toBe(27);
  });
});

describe('为你推荐 ranking', () => {
  it('counts shared tags', () => {
    expect(sharedTagCount(['ppt技巧', '烘焙'], ['烘焙', '重度网民'])).toBe(1);
    expect(sharedTagCount([], ['烘焙'])).toBe(0);
  });

  it('orders by shared tags, then newer, then id, as a total order', () => {
    const tip = fc.record({
      sharedCount: fc.integer({ min: 0, max: 5 }),
      publishedAt: fc
        .integer({ min: 0, max: 5 })
        .map((m) => new Date(Date.UTC(2026, 0, 1, 0, m)).toISOString()),
      id: fc.uuid(),
    });
    fc.assert(
      fc.property(fc.array(tip, { maxLength: 30 }), (tips: RankedTip[]) => {
        const sorted = [...tips].sort(compareRecommended);
        for (let i = 1; i < sorted.length; i += 1) {
          const [a, b] = [sorted[i - 1]!, sorted[i]!];
          expect(a.sharedCount >= b.sharedCount).toBe(true);
          if (a.sharedCount === b.sharedCount) expect(a.publishedAt >= b.publishedAt).toBe(true);
        }
      }),
    );
  });
});

describe('what the team may do to a tip', () => {
  it('takes down only what members see or will see, and publishes anything not yet out except a declined suggestion', () => {
    expect(tipStatuses.filter((status) => tipAllows('unpublish', status))).toEqual([
      'scheduled',
      'published',
    ]);
    expect(tipStatuses.filter((status) => tipAllows('publish', status))).toEqual([
      'draft',
      'scheduled',
      'unpublished',
      'suggested',
    ]);
  });
});
