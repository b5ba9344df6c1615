/**
 * Closing one's account (注销账号) and downloading one's own data (下载我的数据): the words both the
 * server and the mini program use, so the refusal, the confirmation and the file agree.
 */

/** What a closed account is called wherever something of theirs stays (a published tip, an attendance list). */
export const closedAccountName = '已注销用户';

/** The confirmation the request must carry: the second step of the page names exactly this. */
export const accountClosureConfirmation = '注销账号';

/** The refusal while the caller still owns communities, naming them (`「读书会」「烘焙社」`). */
export function ownsCommunitiesMessage(communityNames: string[]): string {
  const named = communityNames.map((name) => `「${name}」`).join('');
  return `你还是${named}的群主，请先转让群主再注销账号`;
}

/** The downloaded file's name. */
export const myDataFileName = '群友圈-我的数据.xlsx';
