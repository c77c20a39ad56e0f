/**
 * What a reader types, turned into what Pagefind is asked. Pagefind ANDs words, matches the
 * last one as a prefix, and treats a query as an exact phrase only when the whole of it is
 * in quotes; hyphenated words are indexed whole (`jf17`) and in parts (`jf`, `17`). So:
 *
 * - loose words are split at hyphens and slashes, and where letters meet digits, so `JF-17`,
 *   `JF17` and `JF 17` find `JF-17`, `JF 17` and `JF17` (the index carries `jf 17` for a
 *   joined `JF17`, see search-spelling.ts), and `Nagorno-Karabakh` finds
 *   `Nagorno Karabakh` too;
 * - a phrase keeps its hyphens, which Pagefind joins (`"JF-17 Thunder"` → `jf17 thunder`),
 *   matching how the hyphenated word sits in the index;
 * - a query mixing phrases and words searches all the words, then keeps the pages that
 *   also match each phrase exactly.
 */
import { letterDigitParts } from "./spelling.ts";

export interface ParsedQuery {
  /** Loose words; each must occur, the last may be the start of a word. */
  words: string[];
  /** The loose words grouped as typed: `JF-17` is one group, `["JF", "17"]`. */
  groups: string[][];
  /** Quoted phrases; each must occur word for word. */
  phrases: string[];
}

export type QueryPlan =
  /** No words at all: list pages by filters only (`pagefind.search(null, …)`). */
  | { kind: "browse" }
  /** Words only. */
  | { kind: "words"; term: string }
  /** The whole query is one phrase: Pagefind's exact mode. */
  | { kind: "phrase"; term: string }
  /** Phrases and words: search `term`, then keep pages matching every exact `phrases` term. */
  | { kind: "mixed"; term: string; phrases: string[] }
  /**
   * With `OR` (./plan.ts): every clause must hold, a clause when all Pagefind terms of one
   * of its alternatives match.
   */
  | { kind: "any"; clauses: string[][][] };

const QUOTE = /["“”„«»]/u;
const HAS_WORD_CHARACTER = /[\p{L}\p{N}]/u;

const trimPunctuation = (word: string) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");

/**
 * Loose text as typed tokens, each split at hyphens, slashes and where letters meet digits:
 * `JF-17` and `JF17` → `["JF", "17"]`.
 */
export function looseGroups(text: string): string[][] {
  return text
    .split(/\s+/u)
    .map((token) =>
      token
        .split(/[\p{Pd}/\\]+/u)
        .flatMap(letterDigitParts)
        .map(trimPunctuation)
        .filter((word) => HAS_WORD_CHARACTER.test(word)),
    )
    .filter((group) => group.length > 0);
}

/** Splits loose text into words, breaking hyphenated tokens and slashes into their parts. */
export function looseWords(text: string): string[] {
  return looseGroups(text).flat();
}

function normalisePhrase(text: string): string | null {
  const phrase = text.replace(/\s+/g, " ").trim();
  return HAS_WORD_CHARACTER.test(phrase) ? phrase : null;
}

/** Reads quoted phrases (straight or typographic quotes; an unclosed one runs to the end). */
export function parseQuery(raw: string): ParsedQuery {
  const groups: string[][] = [];
  const phrases: string[] = [];
  let inPhrase = false;
  let buffer = "";
  const flush = () => {
    if (inPhrase) {
      const phrase = normalisePhrase(buffer);
      if (phrase) phrases.push(phrase);
    } else {
      groups.push(...looseGroups(buffer));
    }
    buffer = "";
  };
  for (const char of raw) {
    if (QUOTE.test(char)) {
      flush();
      inPhrase = !inPhrase;
    } else {
      buffer += char;
    }
  }
  flush();
  return { words: groups.flat(), groups, phrases };
}

/** The Pagefind searches that answer a query. */
export function planQuery(query: ParsedQuery): QueryPlan {
  const { words, phrases } = query;
  if (phrases.length === 0) {
    return words.length ? { kind: "words", term: words.join(" ") } : { kind: "browse" };
  }
  if (phrases.length === 1 && words.length === 0) {
    return { kind: "phrase", term: `"${phrases[0]}"` };
  }
  const allWords = [...phrases.flatMap(looseWords), ...words];
  return { kind: "mixed", term: allWords.join(" "), phrases: phrases.map((p) => `"${p}"`) };
}

/** The query as a reader would quote it back: trimmed, inner whitespace collapsed. */
export function displayQuery(raw: string): string {
  return raw.replace(/\s+/g, " ").trim();
}
