/**
 * The one rule for text people type, used by the forms as they type and by the server before it
 * stores anything. Three kinds of field:
 * - `single-line`: names, titles, nicknames, goals, reasons. No line breaks or tabs, and no
 *   bidirectional controls (U+202E can make "gpj.exe" show as "exe.jpg", or a nickname pose as another).
 * - `multi-line`: bodies, rules, descriptions. Line breaks and tabs are kept; direction controls are
 *   left alone there because they cannot leak out of their paragraph.
 * - `link`: an address. Nothing invisible at all, so what is shown is where it goes.
 * Every kind refuses control characters (NUL breaks PostgreSQL text), unpaired surrogates (half an
 * emoji: not text, and refused by JSON columns) and text that is empty once invisible characters go.
 */
export type TextKind = 'single-line' | 'multi-line' | 'link';

export const textKinds: readonly TextKind[] = ['single-line', 'multi-line', 'link'];

/** The schema keyword that marks a string field as text of a kind (an OpenAPI `x-` extension). */
export const textKindKeyword = 'x-text';

/**
 * Characters that take no space on screen: soft hyphen, combining grapheme joiner, Hangul and
 * Khmer fillers, Mongolian vowel separator, zero-width space/non-joiner/joiner, word joiner and the
 * invisible operators, variation selectors, braille blank, BOM, and the Unicode tag characters.
 * ZWJ and variation selectors belong inside emoji, so they are only refused when nothing else is there.
 */
const invisibleCharacters =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: joiners and variation selectors are matched one by one on purpose.
  /[\u00AD\u034F\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200D\u2060-\u2064\u2800\u3164\uFE00-\uFE0F\uFEFF\uFFA0]|\uDB40[\uDC00-\uDC7F]/g;

/** Embeddings and overrides (U+202A-202E), isolates (U+2066-2069), LRM/RLM and the Arabic letter mark. */
const bidiControls = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** C0 controls, DEL and C1 controls; multi-line text keeps tab, line feed and carriage return. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const controlCharacters = /[\u0000-\u001F\u007F-\u009F]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const controlCharactersExceptLineBreaks = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** Line and paragraph separators break a line as surely as "\n". */
const lineBreaks = /[\n\r\u2028\u2029]/;

export const textProblemMessages = {
  unpairedSurrogate: '包含无法识别的字符，请删掉后重新输入',
  control: '包含不允许的控制字符',
  lineBreak: '不能换行',
  bidi: '不能包含改变文字方向的控制字符',
  invisible: '不能只有看不见的字符',
  linkInvisible: '链接里不能有看不见的字符或空格',
} as const;

/** Half of a surrogate pair without its other half: JavaScript strings allow it, UTF-8 and JSON do not. */
export function hasUnpairedSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i += 1;
      else return true;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      return true;
    }
  }
  return false;
}

/** Control characters no field may hold; line breaks and tabs are allowed here (multi-line fields keep them). */
export function hasForbiddenControlCharacter(text: string): boolean {
  return controlCharactersExceptLineBreaks.test(text);
}

/** The text without invisible characters and direction controls: what a reader actually sees. */
export function visibleText(text: string): string {
  return text.replace(invisibleCharacters, '').replace(bidiControls, '');
}

/** Empty, or nothing left to see once invisible characters and spaces are removed. */
export function isBlankText(text: string): boolean {
  return visibleText(text).trim().length === 0;
}

/**
 * Null when the text may be stored in a field of this kind, else the reason in Chinese. The empty
 * string passes: whether a field is required is the field's own rule (and its length limits).
 */
export function textProblem(text: string, kind: TextKind): string | null {
  if (hasUnpairedSurrogate(text)) return textProblemMessages.unpairedSurrogate;
  if (kind !== 'multi-line' && lineBreaks.test(text)) return textProblemMessages.lineBreak;
  if (kind === 'multi-line' ? controlCharactersExceptLineBreaks.test(text) : controlCharacters.test(text))
    return textProblemMessages.control;
  if (text.length > 0 && isBlankText(text)) return textProblemMessages.invisible;
  if (kind === 'link' && (visibleText(text) !== text || /\s/.test(text)))
    return textProblemMessages.linkInvisible;
  // A fresh test each time: a global regex remembers where it stopped.
  if (kind === 'single-line' && new RegExp(bidiControls.source).test(text)) return textProblemMessages.bidi;
  return null;
}

/** The first problem among a form's text fields, named by its label, or null: what a form shows before sending. */
export function formTextProblem(
  fields: ReadonlyArray<readonly [label: string, text: string, kind: TextKind]>,
): string | null {
  for (const [label, text, kind] of fields) {
    const problem = textProblem(text.trim(), kind);
    if (problem) return `${label}：${problem}`;
  }
  return null;
}
