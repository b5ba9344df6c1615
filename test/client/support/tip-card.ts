import type { TipCardView, TipDetailView } from '@/domain/contract/tips';

/** A published tip card as the feed answers it; `n` makes the id, title and age (n minutes ago). */
export function tipCard(n: number, overrides: Partial<TipCardView> = {}): TipCardView {
  return {
    id: `t${n}`,
    communityId: 'c1',
    title: `技巧${n}`,
    body: `第一行${n}\n第二行`,
    minutes: 3,
    tags: ['烘焙'],
    status: 'published',
    author: { id: 'u9', nickname: '王小雪' },
    suggested: false,
    publishedAt: new Date(Date.now() - n * 60_000).toISOString(),
    publishAt: null,
    imageUrl: null,
    likeCount: 0,
    saveCount: 0,
    tryCount: n,
    version: 1,
    ...overrides,
  };
}

/** The tip as its detail page reads it: card fields plus steps and my marks, nothing marked yet. */
export function tipDetail(n: number, overrides: Partial<TipDetailView> = {}): TipDetailView {
  return {
    ...tipCard(n),
    steps: ['切掉两头'],
    liked: false,
    saved: false,
    myTry: null,
    declineReason: null,
    canManage: false,
    createdAt: new Date().toISOString(),
    ...overrides,
  };
}
