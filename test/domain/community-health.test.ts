import {
  barPercents,
  fillPercent,
  sizeAdvice,
  sizeStatus,
  teamAdvice,
} from '../../src/domain/community-health';

describe('community health advice', () => {
  it('places the member count against the 60-100 band', () => {
    expect(sizeStatus(59)).toBe('below');
    expect(sizeStatus(60)).toBe('within');
    expect(sizeStatus(100)).toBe('within');
    expect(sizeStatus(101)).toBe('above');
    expect(sizeAdvice(42)).toBe('还差 18 人到推荐的 60-100 人，邀请志同道合的朋友吧');
    expect(sizeAdvice(80)).toBe('在推荐的 60-100 人之间，正合适');
    expect(sizeAdvice(130)).toContain('已超过推荐的 100 人');
  });

  it('notes a team larger than one admin and one secretary, and a missing role', () => {
    expect(teamAdvice({ admins: 1, secretaries: 1 })).toBeNull();
    expect(teamAdvice({ admins: 2, secretaries: 1 })).toContain('社群是一个群，不是一座监狱');
    expect(teamAdvice({ admins: 1, secretaries: 3 })).toContain('不是一座监狱');
    expect(teamAdvice({ admins: 0, secretaries: 1 })).toBe('还缺一位管理员，分担发布和排期');
    expect(teamAdvice({ admins: 0, secretaries: 0 })).toBe('还缺一位管理员和一位秘书，分担发布和排期');
  });

  it('rounds the fill rate and scales bars to the largest value', () => {
    expect(fillPercent(4, 10)).toBe(40);
    expect(fillPercent(2, 3)).toBe(67);
    expect(fillPercent(0, 0)).toBe(0);
    expect(barPercents([0, 2, 4])).toEqual([0, 50, 100]);
    expect(barPercents([0, 0])).toEqual([0, 0]);
  });
});
