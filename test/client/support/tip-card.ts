import type { TipCardView } from '@/domain/api-types';

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
    ...overrides,
  };
}
