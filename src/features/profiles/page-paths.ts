/**
 * Pages of profiles and tags. Dependencies go one way: profiles uses the tags feature
 * (editor, cloud), never the reverse; tag components take navigation callbacks from pages.
 */
export const profilePages = {
  memberProfile: '/pages/profile/index',
  editProfile: '/pages/profile/edit',
  peopleLikeMe: '/pages/people-like-me/index',
  tag: '/pages/tag/index',
  tagCuration: '/owner/tags/index',
} as const;

export function memberProfilePath(userId: string): string {
  return `${profilePages.memberProfile}?userId=${encodeURIComponent(userId)}`;
}

export function tagPath(tag: string): string {
  return `${profilePages.tag}?tag=${encodeURIComponent(tag)}`;
}

/** Upload URLs are relative to the API; the weapp needs them absolute. */
export function imageSrc(url: string): string {
  return url.startsWith('/') ? `${process.env.TARO_APP_API_BASE ?? ''}${url}` : url;
}
