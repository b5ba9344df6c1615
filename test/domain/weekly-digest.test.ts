import {
  assembleDigest,
  type DigestCandidates,
  digestShareTitle,
  digestText,
  isDigestWeekOpen,
  isDigestWeekStarted,
  isEmptyDigest,
  nonEmptySections,
  weeklyDigestLimits,
} from '../../src/domain/weekly-digest';

const none: DigestCandidates = { newTips: [], mostTried: [], sessions: [], promotions: [], newcomers: [] };

function tip(id: string, title: string, tryCount = 0) {
  return { id, title, minutes: 2, tryCount };
}

describe('本周群周报 rules', () => {
  it('shows a tip tried most this week there, not again among the new tips', () => {
    const content = assembleDigest({
      ...none,
      newTips: [tip('a', '猕猴桃去皮'), tip('b', '红薯烤得更甜')],
      mostTried: [tip('b', '红薯烤得更甜', 4), tip('c', 'PPT 标题层级', 2)],
    });
    expect(content.mostTried.map((t) => t.id)).toEqual(['b', 'c']);
    expect(content.newTips.map((t) => t.id)).toEqual(['a']);
  });

  it('advertises only sessions with seats left, and caps every list', () => {
    const content = assembleDigest({
      ...none,
      sessions: [
        { id: 's1', title: '满员的课', startsAt: '2026-12-01T12:00:00.000Z', seatsLeft: 0 },
        { id: 's2', title: '还有位置', startsAt: '2026-12-02T12:00:00.000Z', seatsLeft: 3 },
      ],
      newTips: Array.from({ length: 9 }, (_, i) => tip(`t${i}`, `技巧${i}`)),
    });
    expect(content.sessions.map((s) => s.id)).toEqual(['s2']);
    expect(content.newTips).toHaveLength(weeklyDigestLimits.newTipsMax);
  });

  it('leaves empty sections out, and an empty week has no digest', () => {
    expect(isEmptyDigest(assembleDigest(none))).toBe(true);
    // A full session alone is nothing to tell.
    const onlyFull = assembleDigest({
      ...none,
      sessions: [{ id: 's', title: '满员', startsAt: '2026-12-01T12:00:00.000Z', seatsLeft: 0 }],
    });
    expect(isEmptyDigest(onlyFull)).toBe(true);
    const newcomersOnly = assembleDigest({
      ...none,
      newcomers: [{ userId: 'u', nickname: '小林', invitedBy: null, tags: [] }],
    });
    expect(nonEmptySections(newcomersOnly)).toEqual(['newcomers']);
  });

  it('writes the text to paste: sections in order, no @, a newcomer without tags simply welcomed', () => {
    const content = assembleDigest({
      newTips: [tip('a', '猕猴桃去皮')],
      mostTried: [tip('b', '@红薯烤得更甜', 4)],
      sessions: [{ id: 's', title: '周二烘焙课', startsAt: '2026-12-01T12:00:00.000Z', seatsLeft: 2 }],
      promotions: [{ id: 'p', title: '手作蛋糕店开业', authorNickname: '＠王小雪', slotStartsAt: '' }],
      newcomers: [
        { userId: 'u1', nickname: '阿青', invitedBy: '张三丰', tags: ['烘焙', '写作'] },
        { userId: 'u2', nickname: '@小林', invitedBy: null, tags: [] },
      ],
    });
    const text = digestText('一起走上10万+之路', '2026-11-23', '这周大家都很活跃！', content);
    expect(text.split('\n')).toEqual([
      '本周群周报｜一起走上10万+之路（11月23日-11月29日）',
      '这周大家都很活跃！',
      '',
      '【本周新技巧】',
      '· 猕猴桃去皮（2分钟就能试）',
      '',
      '【大家都在试】',
      '· 红薯烤得更甜（4 人试过）',
      '',
      '【下周活动，还有名额】',
      '· 12月1日 周二 20:00 周二烘焙课（还剩 2 个名额）',
      '',
      '【本周推广】',
      '· 手作蛋糕店开业（王小雪）',
      '',
      '【欢迎新朋友】',
      '· 阿青（张三丰 邀请）：烘焙、写作',
      '· 小林',
      '',
      '在「群友圈」小程序里打开本周群周报，看详情、报名活动。',
    ]);
    expect(text).not.toMatch(/[@＠]|还没有/);
  });

  it('names the share card after the community and the week', () => {
    expect(digestShareTitle('读书会', '2026-11-23')).toBe('本周群周报｜读书会 11月23日-11月29日');
  });

  it('keeps this week and last week open to the team; a week to come has no digest', () => {
    const thursday = new Date('2026-11-26T04:00:00Z');
    expect(isDigestWeekOpen('2026-11-23', thursday)).toBe(true);
    expect(isDigestWeekOpen('2026-11-16', thursday)).toBe(true);
    expect(isDigestWeekOpen('2026-11-09', thursday)).toBe(false);
    expect(isDigestWeekStarted('2026-11-30', thursday)).toBe(false);
    expect(isDigestWeekStarted('2026-11-09', thursday)).toBe(true);
  });
});
