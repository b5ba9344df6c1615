import { AppError } from '../../app-error';
import type { UserRow } from '../auth/user-repository';
import type { TextChecker, TextScene } from './text-checker';

/** The check's reason for each refused field; fields without text are skipped. */
export async function refusedTexts(
  textChecker: TextChecker,
  user: Pick<UserRow, 'openid'>,
  scene: TextScene,
  texts: Record<string, string | undefined>,
): Promise<Record<string, string>> {
  const refused: Record<string, string> = {};
  for (const [field, text] of Object.entries(texts)) {
    if (!text) continue;
    const result = await textChecker.checkText(text, { scene, openid: user.openid });
    if (!result.ok) refused[field] = result.reason;
  }
  return refused;
}

/**
 * Runs before any transaction (it may call WeChat): user text that the check refuses is never
 * stored, and every refused field is reported at once, for the form to show.
 */
export async function requireAcceptableTexts(
  textChecker: TextChecker,
  user: Pick<UserRow, 'openid'>,
  scene: TextScene,
  texts: Record<string, string | undefined>,
): Promise<void> {
  rejectRefusedTexts(await refusedTexts(textChecker, user, scene, texts));
}

export function rejectRefusedTexts(refused: Record<string, string>): void {
  if (Object.keys(refused).length > 0) throw new AppError('CONTENT_REJECTED', 422, refused);
}
