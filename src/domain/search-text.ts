/**
 * Search words for tips, without a Chinese word splitter (neither PGlite nor Debian's PostgreSQL has
 * one, and trigrams find nothing for a two-character word). Chinese, Japanese and Korean text is cut
 * into overlapping character pairs (烘焙课 -> 烘焙, 焙课) plus the last character of each run, so a
 * two-character word is one pair and a single character is a prefix of some pair or that last
 * character; Latin words and numbers are whole words. The server keeps the words of each tip in a
 * GIN-indexed `tsvector` column built from `tipSearchDocument`, and asks with `tipSearchQuery`.
 */

/** Longer words are kept out of the index (a lexeme must stay far below PostgreSQL's 2 KB). */
const wordMax = 60;
/** A query of more pairs than this is cut: the first ones already narrow it down. */
const queryTokensMax = 32;
/** PostgreSQL's largest word position. */
const positionMax = 16383;

const ideographic = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const wordCharacter = /[\p{L}\p{N}]/u;

type Run = { kind: 'ideographic' | 'word'; text: string[] };

function runsOf(text: string): Run[] {
  const runs: Run[] = [];
  let current: Run | undefined;
  for (const character of text.normalize('NFKC').toLowerCase()) {
    const kind = ideographic.test(character) ? 'ideographic' : wordCharacter.test(character) ? 'word' : null;
    if (kind === null) {
      current = undefined;
      continue;
    }
    if (current?.kind !== kind) {
      current = { kind, text: [] };
      runs.push(current);
    }
    current.text.push(character);
  }
  return runs;
}

/** The words of a text, in order, as the index keeps them. */
export function searchTokens(text: string): string[] {
  return runsOf(text).flatMap((run) => {
    if (run.kind === 'word') {
      const word = run.text.join('');
      return run.text.length <= wordMax ? [word] : [];
    }
    const pairs = run.text.slice(0, -1).map((character, index) => character + run.text[index + 1]);
    return [...pairs, run.text[run.text.length - 1]!];
  });
}

/** A word as a quoted lexeme of PostgreSQL's tsvector / tsquery syntax. */
function lexeme(token: string): string {
  return `'${token.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** Title words weigh most (A), then tags and steps (B), then the body (C): `ts_rank` counts them so. */
const fieldWeights = [
  ['title', 'A'],
  ['tags', 'B'],
  ['steps', 'B'],
  ['body', 'C'],
] as const;

export interface SearchableTip {
  title: string;
  body: string;
  steps: readonly string[];
  tags: readonly string[];
}

/** The tip's words (title, tags, steps, body) as a `tsvector` literal (`'烘焙':1A,7C '焙课':2A`), cast with `::tsvector`. */
export function tipSearchDocument(tip: SearchableTip): string {
  const positions = new Map<string, string[]>();
  let position = 0;
  for (const [field, weight] of fieldWeights) {
    const text = field === 'steps' || field === 'tags' ? tip[field].join('\n') : tip[field];
    for (const token of searchTokens(text)) {
      position = Math.min(position + 1, positionMax);
      const list = positions.get(token) ?? [];
      list.push(`${position}${weight}`);
      positions.set(token, list);
    }
  }
  return [...positions].map(([token, list]) => `${lexeme(token)}:${list.join(',')}`).join(' ');
}

export interface TipSearchQuery {
  /** Every word of the query anywhere in the tip: `'烘焙' & '红薯'`. */
  anywhere: string;
  /** Every word of the query in the title. */
  inTitle: string;
}

/**
 * The query's words joined with `&` (all must be there), as `tsquery` literals; null when the query
 * has no word at all (only punctuation or emoji). A lone character matches as a prefix (粥 finds 粥铺).
 */
export function tipSearchQuery(text: string): TipSearchQuery | null {
  const terms = new Set<string>();
  for (const run of runsOf(text)) {
    if (run.kind === 'word') {
      if (run.text.length <= wordMax) terms.add(lexeme(run.text.join('')));
    } else if (run.text.length === 1) {
      terms.add(`${lexeme(run.text[0]!)}:*`);
    } else {
      for (let index = 0; index + 1 < run.text.length; index += 1)
        terms.add(lexeme(run.text[index]! + run.text[index + 1]));
    }
  }
  const chosen = [...terms].slice(0, queryTokensMax);
  if (chosen.length === 0) return null;
  return {
    anywhere: chosen.join(' & '),
    // A weight follows the colon (`'烘焙':A`), after the prefix mark when there is one (`'粥':*A`).
    inTitle: chosen.map((term) => (term.endsWith(':*') ? `${term}A` : `${term}:A`)).join(' & '),
  };
}
