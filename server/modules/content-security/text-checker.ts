export type TextCheckResult = { ok: true } | { ok: false; reason: string };

/**
 * What kind of text it is: WeChat's msgSecCheck (v2) judges each kind by its own scene, so a
 * member's nickname is held to 资料's rules and a tip to 论坛's.
 * - `profile` (1 资料): names, bios, tags, a community's name, goal and rules
 * - `comment` (2 评论): short words to others: notes, check-in comments, reasons, join requests
 * - `forum` (3 论坛): what is posted to the group: tips, promotions, sessions, the weekly digest
 * - `socialLog` (4 社交日志): a diary-like post (nothing in the product yet)
 */
export const textScenes = { profile: 1, comment: 2, forum: 3, socialLog: 4 } as const;
export type TextScene = keyof typeof textScenes;

/** Checks user text before it is saved; production asks WeChat, dev and tests use local rules. */
export interface TextChecker {
  checkText(text: string, options: { scene: TextScene; openid?: string }): Promise<TextCheckResult>;
}
