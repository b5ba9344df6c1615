import type { TextChecker, TextCheckResult } from './text-checker';

const bannedWords = ['赌博', '博彩', '色情', '代开发票', '枪支', '毒品', '刷单'];

/**
 * Our own rule from the essay: no pulling members into other groups in the open. Matched after
 * removing spaces and punctuation, so "加 群" and "加·我·微信" are caught too.
 */
const groupInvitePhrases = ['加群', '进群', '扫码进群', '群二维码', '加我微信', '加微信', '加我v', '加v'];

function comparable(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

export function checkTextLocally(text: string): TextCheckResult {
  const plain = comparable(text);
  const banned = bannedWords.find((word) => plain.includes(word));
  if (banned) return { ok: false, reason: `包含违规词「${banned}」` };
  const invite = groupInvitePhrases.find((phrase) => plain.includes(phrase));
  if (invite) return { ok: false, reason: `不能在这里拉人进群或留微信（「${invite}」）` };
  return { ok: true };
}

export const localTextChecker: TextChecker = {
  checkText: async (text) => checkTextLocally(text),
};
