import type { CommunityView } from '@/domain/contract/communities';

export function communityView(overrides: Partial<CommunityView> = {}): CommunityView {
  return {
    id: 'c1',
    name: '早起读书会',
    goal: '每天早起读书三十分钟',
    rules: '不发广告；每周分享一次读书笔记',
    capacity: 100,
    memberCount: 37,
    myRole: 'member',
    inviteCode: null,
    joinApproval: false,
    wechatGroupBound: false,
    lateCancelHours: 2,
    gentleRule: false,
    createdAt: '2026-11-01T08:00:00.000Z',
    ...overrides,
  };
}
