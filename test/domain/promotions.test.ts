import {
  isAllowedPromotionLink,
  overlappingScheduleEntries,
  promotionContentProblem,
  promotionEligibility,
  slotTimesFromSchedule,
} from '../../src/domain/promotions';

const day = 24 * 3600_000;
// Wednesday 2026-11-25 10:00 in Shanghai.
const now = new Date('2026-11-25T02:00:00.000Z');
const friday = [{ weekday: 5, startTime: '20:00', durationMinutes: 30, places: 3 }];

describe('slotTimesFromSchedule', () => {
  it('puts Friday 20:00 China time at 12:00 UTC for the next 4 weeks', () => {
    const slots = slotTimesFromSchedule(friday, now);
    expect(slots.map((slot) => slot.startsAt.toISOString())).toEqual([
      '2026-11-27T12:00:00.000Z',
      '2026-12-04T12:00:00.000Z',
      '2026-12-11T12:00:00.000Z',
      '2026-12-18T12:00:00.000Z',
    ]);
    expect(slots[0]!.endsAt.toISOString()).toBe('2026-11-27T12:30:00.000Z');
    expect(slots[0]!.places).toBe(3);
  });

  it('uses the China date, not the UTC one, near midnight', () => {
    // Friday 00:30 in Shanghai is still Thursday in UTC: Friday's 20:00 slot is today, not a week away.
    const slots = slotTimesFromSchedule(friday, new Date('2026-11-26T16:30:00.000Z'));
    expect(slots[0]!.startsAt.toISOString()).toBe('2026-11-27T12:00:00.000Z');
  });

  it('skips a slot that already started', () => {
    const slots = slotTimesFromSchedule(friday, new Date('2026-11-27T12:00:00.000Z'));
    expect(slots[0]!.startsAt.toISOString()).toBe('2026-12-04T12:00:00.000Z');
  });

  it('finds overlapping entries on the same weekday only', () => {
    expect(
      overlappingScheduleEntries([
        ...friday,
        { weekday: 5, startTime: '20:29', durationMinutes: 10, places: 1 },
      ]),
    ).toBe(true);
    expect(
      overlappingScheduleEntries([
        ...friday,
        { weekday: 5, startTime: '20:30', durationMinutes: 10, places: 1 },
      ]),
    ).toBe(false);
    expect(
      overlappingScheduleEntries([
        ...friday,
        { weekday: 6, startTime: '20:00', durationMinutes: 30, places: 1 },
      ]),
    ).toBe(false);
  });
});

describe('promotionEligibility', () => {
  const base = {
    now,
    joinedAt: new Date(now.getTime() - 60 * day),
    minTenureDays: 7,
    approvedSlotStarts: [],
    pendingCount: 0,
    earnedExtra: null,
  };

  it('lets a settled member with no promotion in 30 days request', () => {
    expect(promotionEligibility(base)).toMatchObject({
      eligible: true,
      problems: [],
      eligibleFrom: null,
      allowance: 1,
    });
  });

  it('tenure: eligible exactly N days after joining, not a millisecond earlier', () => {
    const joinedAt = new Date(now.getTime() - 7 * day + 1);
    const early = promotionEligibility({ ...base, joinedAt });
    expect(early.eligible).toBe(false);
    expect(early.problems[0]!.reason).toBe('tenure');
    expect(early.eligibleFrom).toEqual(new Date(joinedAt.getTime() + 7 * day));
    expect(early.problems[0]!.message).toContain('11月25日 10:00');
    expect(promotionEligibility({ ...base, joinedAt: new Date(now.getTime() - 7 * day) }).eligible).toBe(
      true,
    );
  });

  it('30-day window: a promotion 30 days ago still counts until the 30th day has passed', () => {
    const inside = promotionEligibility({
      ...base,
      approvedSlotStarts: [new Date(now.getTime() - 30 * day + 1)],
    });
    expect(inside.problems[0]!.reason).toBe('window-used');
    expect(inside.eligibleFrom).toEqual(new Date(now.getTime() + 1));
    const outside = promotionEligibility({
      ...base,
      approvedSlotStarts: [new Date(now.getTime() - 30 * day)],
    });
    expect(outside.eligible).toBe(true);
  });

  it('an approved promotion still to come uses the window until 30 days after its slot', () => {
    const coming = new Date(now.getTime() + 2 * day);
    const result = promotionEligibility({ ...base, approvedSlotStarts: [coming] });
    expect(result.eligibleFrom).toEqual(new Date(coming.getTime() + 30 * day));
  });

  it('a published tip or a hosted session earns one extra promotion', () => {
    const one = [new Date(now.getTime() - 3 * day)];
    expect(
      promotionEligibility({ ...base, approvedSlotStarts: one, earnedExtra: 'tip-published' }),
    ).toMatchObject({
      eligible: true,
      allowance: 2,
      usedInWindow: 1,
    });
    const two = [...one, new Date(now.getTime() - 10 * day)];
    const used = promotionEligibility({ ...base, approvedSlotStarts: two, earnedExtra: 'session-hosted' });
    expect(used.eligible).toBe(false);
    // The older of the two leaves the window first.
    expect(used.eligibleFrom).toEqual(new Date(now.getTime() + 20 * day));
  });

  it('one pending request at a time, with no date (it waits for review or a withdrawal)', () => {
    const result = promotionEligibility({ ...base, pendingCount: 1 });
    expect(result).toMatchObject({
      eligible: false,
      eligibleFrom: null,
      problems: [{ reason: 'pending-exists' }],
    });
  });

  it('reports every problem, and the latest date when all are time-bound', () => {
    const result = promotionEligibility({
      ...base,
      joinedAt: new Date(now.getTime() - 1 * day),
      approvedSlotStarts: [new Date(now.getTime() - 1 * day)],
    });
    expect(result.problems.map((problem) => problem.reason)).toEqual(['tenure', 'window-used']);
    expect(result.eligibleFrom).toEqual(new Date(now.getTime() + 29 * day));
  });
});

describe('promotion content rules', () => {
  it.each([
    '扫码领取资料',
    '扫 一 扫 进群',
    '群二维码见图',
    '感兴趣的加群',
    '详情加我微信',
    '微信：qunyou_2026',
    'vx abc12345',
    '私聊我拿优惠',
  ])('refuses %s', (text) => {
    expect(promotionContentProblem(text)).not.toBeNull();
  });

  it.each(['我的公众号文章，欢迎阅读', '周六烘焙小班，从戚风蛋糕做起', '微信公众号运营一年的复盘'])(
    'accepts %s',
    (text) => {
      expect(promotionContentProblem(text)).toBeNull();
    },
  );

  it('accepts https links only', () => {
    expect(isAllowedPromotionLink('https://mp.weixin.qq.com/s/abc')).toBe(true);
    expect(isAllowedPromotionLink('http://example.com')).toBe(false);
    expect(isAllowedPromotionLink('javascript:alert(1)')).toBe(false);
  });
});
