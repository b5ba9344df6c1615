/**
 * 新人欢迎: one message for the day's newcomers instead of an @ for each of them. The week's
 * newcomers are welcomed in 本周群周报 (weekly-digest.ts), with the same lines.
 */

/** Enough for any real day; a larger wave is better welcomed in parts. */
export const welcomeNewcomersMax = 50;

export interface WelcomeNewcomer {
  nickname: string;
  /** The member whose card or code brought them, by the name the group knows; null when unknown. */
  invitedBy: string | null;
  tags: string[];
  /** The newcomer's tags other members hold too, with how many of them. */
  sharedTags?: { tag: string; others: number }[];
}

/** Pasted text never mentions anyone: an @ in a nickname would read as one. */
export function withoutMentions(text: string): string {
  return text.replace(/[@＠]/g, '');
}

/**
 * `· 阿青（张三丰 邀请）：烘焙、写作（和 3 位群友一样喜欢烘焙）`. A newcomer without tags is simply
 * welcomed by name: the words never point at what someone has not filled in.
 */
export function newcomerLine({ nickname, invitedBy, tags, sharedTags = [] }: WelcomeNewcomer): string {
  const name = invitedBy
    ? `${withoutMentions(nickname)}（${withoutMentions(invitedBy)} 邀请）`
    : withoutMentions(nickname);
  if (tags.length === 0) return `· ${name}`;
  const line = `· ${name}：${tags.map(withoutMentions).join('、')}`;
  const best = [...sharedTags].sort((a, b) => b.others - a.others)[0];
  return best ? `${line}（和 ${best.others} 位群友一样喜欢${withoutMentions(best.tag)}）` : line;
}

/** The ready-to-copy Chinese message, or '' when nobody joined today. */
export function welcomeText(communityName: string, newcomers: WelcomeNewcomer[]): string {
  if (newcomers.length === 0) return '';
  return [
    `欢迎今天新加入「${withoutMentions(communityName)}」的 ${newcomers.length} 位朋友：`,
    ...newcomers.map(newcomerLine),
    '标签相同的朋友，可以在「和我相似的人」里找到彼此。',
  ].join('\n');
}
