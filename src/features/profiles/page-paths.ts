/**
 * Pages of profiles and tags. Dependencies go one way: profiles uses the tags feature
 * (editor, cloud), never the reverse; tag components take navigation callbacks from pages.
 */
export const profilePages = {
  memberProfile: '/member/profile/index',
  editProfile: '/member/profile/edit',
  peopleLikeMe: '/member/people-like-me/index',
  tag: '/member/tag/index',
  tagCuration: '/owner/tags/index',
} as const;

export function memberProfilePath(userId: string): string {
  return `${profilePages.memberProfile}?userId=${encodeURIComponent(userId)}`;
}

export function tagPath(tag: string): string {
  return `${profilePages.tag}?tag=${encodeURIComponent(tag)}`;
}
