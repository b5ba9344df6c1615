export type TextCheckResult = { ok: true } | { ok: false; reason: string };

/** Checks user text before it is saved; production asks WeChat, dev and tests use local rules. */
export interface TextChecker {
  checkText(text: string, options?: { openid?: string }): Promise<TextCheckResult>;
}
