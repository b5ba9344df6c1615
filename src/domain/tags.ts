import { isBlankText } from './text';

/**
 * The one tag rule, used by the tag editor as the member types and by the server before it stores.
 * `#Pokemon Go#`, `＃ｐｏｋｅｍｏｎ　ｇｏ` and `pokemon go` are the same tag.
 */
export const tagLimits = { maxLength: 12, perMember: 8 } as const;

export type TagProblem = 'TAG_EMPTY' | 'TAG_TOO_LONG' | 'TAG_INVALID_CHARACTERS';

export type NormalisedTag = { ok: true; tag: string } | { ok: false; problem: TagProblem };

const fullWidthAscii = /[\uFF01-\uFF5E]/g;
// Controls, format characters (direction controls among them) and halves of surrogate pairs.
const controlCharacters = /[\p{Cc}\p{Cf}\p{Cs}]/u;
// Zero-width joiners and variation selectors are format characters, yet they belong inside emoji.
const emojiFormatCharacters = /[\u200D\uFE0E\uFE0F]/g;

function foldFullWidth(text: string): string {
  return text
    .replace(fullWidthAscii, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/** Counts what a reader sees as one character: a CJK character or a whole emoji is one. */
export function graphemeCount(text: string): number {
  if (typeof Intl !== 'undefined' && 'Segmenter' in Intl) {
    let count = 0;
    for (const _ of new Intl.Segmenter('zh', { granularity: 'grapheme' }).segment(text)) count++;
    return count;
  }
  return Array.from(text).length;
}

export function normaliseTag(raw: string): NormalisedTag {
  let tag = foldFullWidth(raw).trim();
  // `#tag#` is how members write tags in chat; a lone trailing sharp (C#) is part of the name.
  const marked = tag.startsWith('#');
  tag = tag.replace(/^#+/, '');
  if (marked) tag = tag.trim().replace(/#+$/, '');
  tag = tag.trim().replace(/\s+/g, ' ').toLowerCase();
  if (isBlankText(tag)) return { ok: false, problem: 'TAG_EMPTY' };
  if (controlCharacters.test(tag.replace(emojiFormatCharacters, '')))
    return { ok: false, problem: 'TAG_INVALID_CHARACTERS' };
  if (graphemeCount(tag) > tagLimits.maxLength) return { ok: false, problem: 'TAG_TOO_LONG' };
  return { ok: true, tag };
}

/** How a tag is shown everywhere: `#烘焙`. */
export function tagLabel(tag: string): string {
  return `#${tag}`;
}

/** Tags in a line of text: `#烘焙 #ppt技巧`. */
export function tagLine(tags: readonly string[]): string {
  return tags.map(tagLabel).join(' ');
}

export const tagProblemMessages: Record<TagProblem, string> = {
  TAG_EMPTY: '标签不能为空',
  TAG_TOO_LONG: `标签最多 ${tagLimits.maxLength} 个字`,
  TAG_INVALID_CHARACTERS: '标签包含无法显示的字符',
};

export type NormalisedTagList =
  | { ok: true; tags: string[] }
  | { ok: false; problem: TagProblem | 'TOO_MANY_TAGS'; index?: number };

/** Normalises a member's tag list: merges duplicates in first-seen order and enforces the per-member limit after merging. */
export function normaliseTagList(
  raw: readonly string[],
  limit: number = tagLimits.perMember,
): NormalisedTagList {
  const tags: string[] = [];
  for (const [index, item] of raw.entries()) {
    const result = normaliseTag(item);
    if (!result.ok) return { ok: false, problem: result.problem, index };
    if (!tags.includes(result.tag)) tags.push(result.tag);
  }
  if (tags.length > limit) return { ok: false, problem: 'TOO_MANY_TAGS' };
  return { ok: true, tags };
}
