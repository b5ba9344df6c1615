import { normaliseTag } from '../../src/domain/tags';
import {
  hasUnpairedSurrogate,
  isBlankText,
  textProblemMessages as says,
  textProblem,
  visibleText,
} from '../../src/domain/text';

describe('text people type', () => {
  const accepted: Array<[string, 'single-line' | 'multi-line' | 'link']> = [
    ['李根', 'single-line'],
    ['一起走上10万+之路 🍰', 'single-line'],
    ['👨‍👩‍👧 亲子烘焙', 'single-line'], // ZWJ inside an emoji
    ['❤️ 手冲咖啡', 'single-line'], // a variation selector after the heart
    ['مرحبا', 'single-line'], // right-to-left text itself is fine: only the controls are refused
    ['第一条\n第二条\r\n\t第三条', 'multi-line'],
    ['引用：\u202E反转\u202C 的说明', 'multi-line'],
    ['https://example.com/article?id=1', 'link'],
    ['', 'single-line'],
  ];
  it.each(accepted)('accepts %j as %s', (text, kind) => {
    expect(textProblem(text, kind)).toBeNull();
  });

  const refused: Array<[string, string, 'single-line' | 'multi-line' | 'link', string]> = [
    ['zero-width spaces only', '\u200B\u200B', 'single-line', says.invisible],
    ['joiners and a BOM only', '\u200D\u2060\uFEFF', 'multi-line', says.invisible],
    ['a Hangul filler', '\u3164', 'single-line', says.invisible],
    ['blank braille and an ideographic space', '\u2800\u3000', 'single-line', says.invisible],
    ['Unicode tag characters', '\u{E0041}\u{E0042}', 'single-line', says.invisible],
    ['direction controls only', '\u202E\u2066', 'multi-line', says.invisible],
    ['a right-to-left override in a name', '李\u202Egnp.exe', 'single-line', says.bidi],
    ['an isolate in a nickname', '\u2067管理员\u2069', 'single-line', says.bidi],
    ['a right-to-left mark in a goal', '每周\u200F进步', 'single-line', says.bidi],
    ['the Arabic letter mark', '\u061C标题', 'single-line', says.bidi],
    ['NUL', 'a\u0000b', 'multi-line', says.control],
    ['an escape sequence', '\u001b[31m红字', 'single-line', says.control],
    ['a C1 control', 'a\u0085b', 'multi-line', says.control],
    ['DEL', 'a\u007Fb', 'single-line', says.control],
    ['a line break on one line', '第一行\n第二行', 'single-line', says.lineBreak],
    ['a line separator on one line', '第一行\u2028第二行', 'single-line', says.lineBreak],
    ['a lone high surrogate', 'a\uD800b', 'multi-line', says.unpairedSurrogate],
    ['a lone low surrogate', '\uDFFF', 'single-line', says.unpairedSurrogate],
    ['a pair the wrong way round', '\uDFFF\uD800', 'single-line', says.unpairedSurrogate],
    ['a zero-width space in a link', 'https://exam\u200Bple.com', 'link', says.linkInvisible],
    ['a space in a link', 'https://example.com/a b', 'link', says.linkInvisible],
    ['a direction control in a link', 'https://example.com/\u202Efdp.exe', 'link', says.linkInvisible],
  ];
  it.each(refused)('refuses %s', (_, text, kind, reason) => {
    expect(textProblem(text, kind)).toBe(reason);
  });

  it('sees what a reader sees', () => {
    expect(visibleText('\u200B李\u200D根\u202E')).toBe('李根');
    expect(isBlankText(' \u200B \uFEFF ')).toBe(true);
    expect(isBlankText('\u200B.')).toBe(false);
  });

  it('tells whole surrogate pairs from halves', () => {
    expect(hasUnpairedSurrogate('😀🍰')).toBe(false);
    expect(hasUnpairedSurrogate('😀'.slice(0, 1))).toBe(true);
    expect(hasUnpairedSurrogate('😀'.slice(1))).toBe(true);
  });

  it('gives tags the same rule: invisible-only is empty, direction controls are refused', () => {
    expect(normaliseTag('\u200D')).toEqual({ ok: false, problem: 'TAG_EMPTY' });
    expect(normaliseTag('\u200B\uFE0F')).toEqual({ ok: false, problem: 'TAG_EMPTY' });
    expect(normaliseTag('摄\u202E影')).toEqual({ ok: false, problem: 'TAG_INVALID_CHARACTERS' });
    expect(normaliseTag('摄\uD800影')).toEqual({ ok: false, problem: 'TAG_INVALID_CHARACTERS' });
  });
});
