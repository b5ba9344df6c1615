import {
  communityLimits,
  inviteCodeAlphabet,
  isWellFormedInviteCode,
  normaliseInviteCode,
  textLength,
} from '../../src/domain/community-rules';
import { hasRoleAtLeast, isTeamRole, roles } from '../../src/domain/roles';

describe('normaliseInviteCode', () => {
  it.each([
    ['qy2k26', 'QY2K26'],
    [' QY 2K 26 ', 'QY2K26'],
    ['ＱＹ２ｋ２６', 'QY2K26'],
    ['qy\t2k26\n', 'QY2K26'],
  ])('%j -> %s', (raw, expected) => {
    expect(normaliseInviteCode(raw)).toBe(expected);
  });
});

describe('isWellFormedInviteCode', () => {
  it('accepts six characters of the alphabet', () => {
    expect(isWellFormedInviteCode('QY2K26')).toBe(true);
    expect(isWellFormedInviteCode('QY2345')).toBe(true);
  });

  it('refuses look-alike characters and wrong lengths', () => {
    for (const code of ['QY234O', 'QY2341', 'QY234I', 'QY234', 'QY23456']) {
      expect(isWellFormedInviteCode(code)).toBe(false);
    }
  });

  it('has no look-alike characters in the alphabet', () => {
    for (const ch of '01OIL') expect(inviteCodeAlphabet).not.toContain(ch);
  });
});

describe('textLength', () => {
  it('counts CJK characters and emoji as one', () => {
    expect(textLength('一起走上10万+之路')).toBe(10);
    expect(textLength('🎉👍')).toBe(2);
    expect('🎉👍'.length).toBe(4);
  });

  it('fits the essay community name within the limit', () => {
    expect(textLength('一起走上10万+之路')).toBeLessThanOrEqual(communityLimits.nameMax);
  });
});

describe('roles', () => {
  it('orders owner > admin > secretary > member', () => {
    expect(hasRoleAtLeast('owner', 'admin')).toBe(true);
    expect(hasRoleAtLeast('admin', 'owner')).toBe(false);
    expect(hasRoleAtLeast('secretary', 'member')).toBe(true);
    expect(hasRoleAtLeast('member', 'secretary')).toBe(false);
    for (const role of roles) expect(hasRoleAtLeast(role, role)).toBe(true);
  });

  it('treats everyone but plain members as the team', () => {
    expect(roles.filter(isTeamRole)).toEqual(['owner', 'admin', 'secretary']);
  });
});
