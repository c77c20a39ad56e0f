/**
 * Where the words of a search occur in a text, for marking them on the article a search
 * result opened. The rules follow the index: case and diacritics do not matter, Azerbaijani
 * letters match their plain and English-style spellings, a hyphenated word matches by its
 * parts or whole (`JF-17`, `JF17`, `JF 17`), loose words also match longer forms
 * (`cooperat` → `cooperation`), and a phrase matches only word for word.
 */
import { parseBooleanQuery, positiveAtoms } from "./boolean-query.ts";
import { baseFold, searchableForms } from "./spelling.ts";

export interface TextRange {
  start: number;
  end: number;
}

interface Token extends TextRange {
  /** Folded forms of the whole token, parts joined (`jf17`). */
  whole: string[];
  /** Folded forms of each part (`jf`, `17`). */
  parts: string[][];
}

const TOKEN = /[\p{L}\p{M}\p{N}]+(?:['’\p{Pd}][\p{L}\p{M}\p{N}]+)*/gu;
const SEPARATOR = /['’\p{Pd}]/u;

function formsOf(word: string): string[] {
  return searchableForms(word.replace(/['’]/g, ""));
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const raw = match[0];
    const parts = raw.split(SEPARATOR).filter(Boolean);
    tokens.push({
      start: match.index,
      end: match.index + raw.length,
      whole: formsOf(parts.join("")),
      parts: parts.map(formsOf),
    });
  }
  return tokens;
}

/** English suffixes Pagefind's stemmer removes, so `discussed` also marks `discusses`. */
export function stem(word: string): string {
  const stripped = word.replace(/(?:ing|ed|es|s|ly)$/u, "");
  return stripped.length >= 3 ? stripped : word;
}

const prefixOf = (word: string) => stem(baseFold(word));

function wordMatches(token: Token, word: string): boolean {
  const wanted = prefixOf(word);
  const starts = (forms: string[]) => forms.some((form) => form.startsWith(wanted));
  return starts(token.whole) || token.parts.some(starts);
}

/**
 * Where a typed group of several parts (`JF-17` → `jf`, `17`) occurs: one token whose whole
 * form starts with the parts joined (`JF-17`, `JF17`), or consecutive tokens, one per part
 * (`JF 17`), the last matching as a prefix.
 */
function groupRanges(tokens: Token[], group: string[]): TextRange[] {
  const joined = group.map(baseFold).join("");
  const ranges: TextRange[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.whole.some((form) => form.startsWith(joined))) {
      ranges.push(token);
      continue;
    }
    const run = group.every((part, j) => {
      const next = tokens[i + j];
      const folded = baseFold(part);
      const last = j === group.length - 1;
      return (
        next !== undefined &&
        next.whole.some((form) => (last ? form.startsWith(folded) : form === folded))
      );
    });
    if (run) ranges.push({ start: token.start, end: tokens[i + group.length - 1]!.end });
  }
  return ranges;
}

function phraseMatchesAt(tokens: Token[], at: number, phrase: Token[]): boolean {
  return phrase.every((word, i) => {
    const token = tokens[at + i];
    return token !== undefined && token.whole.some((form) => form === word.whole[0]);
  });
}

/** Ranges of `text` to mark for the search `query` (as typed), sorted and not overlapping. */
export function highlightRanges(text: string, query: string): TextRange[] {
  // Only what the page was searched for: not excluded words, operators or `source:` fields.
  const atoms = positiveAtoms(parseBooleanQuery(query));
  const groups = atoms.flatMap((atom) => (atom.kind === "words" ? [atom.group] : []));
  const phrases = atoms.flatMap((atom) => (atom.kind === "phrase" ? [atom.text] : []));
  if (!groups.length && !phrases.length) return [];
  const tokens = tokenize(text);
  const ranges: TextRange[] = [];
  for (const group of groups) {
    if (group.length === 1) {
      for (const token of tokens) if (wordMatches(token, group[0]!)) ranges.push(token);
    } else {
      ranges.push(...groupRanges(tokens, group));
    }
  }
  for (const phrase of phrases.map(tokenize)) {
    if (!phrase.length) continue;
    for (let i = 0; i + phrase.length <= tokens.length; i++) {
      if (phraseMatchesAt(tokens, i, phrase)) {
        ranges.push({ start: tokens[i]!.start, end: tokens[i + phrase.length - 1]!.end });
      }
    }
  }
  return mergeRanges(ranges);
}

/** Sorted, with overlapping or touching ranges joined. */
export function mergeRanges(ranges: TextRange[]): TextRange[] {
  const sorted = ranges
    .map(({ start, end }) => ({ start, end }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: TextRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push(range);
  }
  return merged;
}
