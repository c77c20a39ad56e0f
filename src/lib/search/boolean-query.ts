/**
 * The search box's operators, read into a small tree the search plan (./query.ts) turns
 * into Pagefind searches:
 *
 * - words and `"quoted phrases"` must all match (in any order, mixed freely);
 * - `OR` (in capitals) between two of them: either will do; it binds tighter than the
 *   implied AND, so `military cooperation OR treaty` is military AND (cooperation OR treaty);
 * - `(…)` groups, one level deep: `(military cooperation) OR treaty`;
 * - `-word`, `-"a phrase"`, `-(…)` or `NOT` before any of them: pages matching it are left out;
 * - `source:`, `author:`, `year:` (value a word, a quoted phrase or `2015-2019`) select
 *   that facet's values, as ticking them would.
 *
 * Nothing is an error: an unclosed quote runs to the end, a lone `-`, `NOT` or `OR` with
 * nothing to apply to is ignored, an unmatched parenthesis is dropped, nested parentheses
 * count as one level, and lowercase `or` / `not` are plain words. A hyphen inside a word
 * (`JF-17`) is a hyphen, never an exclusion.
 */
import { looseGroups } from "./query.ts";

/** One thing to match: a typed word (its hyphenated parts as one group) or a phrase. */
export type Atom =
  { kind: "words"; group: string[]; typed: string } | { kind: "phrase"; text: string };

/** Atoms that must all match (the words and phrases inside one pair of parentheses). */
export type Alternative = Atom[];

export const FIELDS = ["source", "author", "year"] as const;
export type Field = (typeof FIELDS)[number];

export interface BooleanQuery {
  /** Clauses that must all hold; a clause holds when any of its alternatives matches. */
  clauses: Alternative[][];
  /** A page matching any of these alternatives is left out. */
  exclude: Alternative[];
  /** Facet values typed with a prefix, as typed (`source:azernews` → `azernews`). */
  fields: Record<Field, string[]>;
}

type Token =
  | { type: "atom"; atom: Atom; negated: boolean }
  | { type: "field"; field: Field; value: string; negated: boolean }
  | { type: "open" | "close" | "or" | "not" | "minus" };

const QUOTE = /["“”„«»]/u;
const SPACE = /\s/u;
const HAS_WORD_CHARACTER = /[\p{L}\p{N}]/u;
const FIELD_PREFIX = /^(source|author|year):/iu;
/** Alternatives a group may expand to (products of ORs inside parentheses). */
const MAX_ALTERNATIVES = 32;

function phraseAtom(text: string): Atom | null {
  const phrase = text.replace(/\s+/g, " ").trim();
  return HAS_WORD_CHARACTER.test(phrase) ? { kind: "phrase", text: phrase } : null;
}

/** Reads a quoted run starting after the quote at `at`: its text and where it ends. */
function readQuoted(raw: string, at: number): [string, number] {
  let end = at;
  while (end < raw.length && !QUOTE.test(raw[end]!)) end++;
  return [raw.slice(at, end), end + 1];
}

/** A bare run of text (not space, quote or parenthesis) as tokens. */
function wordTokens(word: string, negated: boolean): Token[] {
  if (word === "OR" || word === "|" || word === "||") return [{ type: "or" }];
  if (word === "NOT") return [{ type: "not" }];
  if (word === "AND" || word === "&&") return [];
  const field = FIELD_PREFIX.exec(word);
  if (field) {
    const value = word.slice(field[0].length);
    const name = field[1]!.toLowerCase() as Field;
    return value ? [{ type: "field", field: name, value, negated }] : [];
  }
  return looseGroups(word).map((group) => ({
    type: "atom",
    atom: { kind: "words", group, typed: word },
    negated,
  }));
}

/** The query as tokens; a `-` starting a word, phrase or group negates it. */
function tokenize(raw: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < raw.length) {
    const char = raw[i]!;
    if (SPACE.test(char)) {
      i++;
    } else if (char === "(" || char === ")") {
      tokens.push({ type: char === "(" ? "open" : "close" });
      i++;
    } else if (QUOTE.test(char)) {
      const [text, next] = readQuoted(raw, i + 1);
      const atom = phraseAtom(text);
      if (atom) tokens.push({ type: "atom", atom, negated: false });
      i = next;
    } else {
      let end = i;
      while (end < raw.length && !/[\s()"“”„«»]/u.test(raw[end]!)) end++;
      let word = raw.slice(i, end);
      i = end;
      const negated = /^\p{Pd}./u.test(word) && !/^\p{Pd}+$/u.test(word);
      if (negated) word = word.replace(/^\p{Pd}+/u, "");
      const quoted = i < raw.length && QUOTE.test(raw[i]!);
      const field = FIELD_PREFIX.exec(word);
      if (quoted && field && word.length === field[0].length) {
        // `source:"Azeri Press Agency"`: the phrase is the field's value.
        const [text, next] = readQuoted(raw, i + 1);
        i = next;
        const value = text.replace(/\s+/g, " ").trim();
        const name = field[1]!.toLowerCase() as Field;
        if (value) tokens.push({ type: "field", field: name, value, negated });
      } else if (/^\p{Pd}+$/u.test(word)) {
        // `-"phrase"` or `-(group)`: the minus applies to what follows it directly; a dash
        // standing alone (`Baku - Ganja`) is punctuation.
        if (quoted || raw[i] === "(") tokens.push({ type: "minus" });
      } else {
        tokens.push(...wordTokens(word, negated));
      }
    }
  }
  return tokens;
}

/** What the query means so far: the same shape for the whole query and inside a group. */
interface Meaning {
  clauses: Alternative[][];
  exclude: Alternative[];
}

/** Every way to pick one alternative per clause, as one alternative each (capped). */
function product(clauses: Alternative[][]): Alternative[] {
  let result: Alternative[] = [[]];
  for (const clause of clauses) {
    result = result.flatMap((prefix) => clause.map((alt) => [...prefix, ...alt]));
    if (result.length > MAX_ALTERNATIVES) result = result.slice(0, MAX_ALTERNATIVES);
  }
  return result.filter((alt) => alt.length > 0);
}

/** One read piece of a query: a clause's alternatives, an `OR`, or alternatives to exclude. */
type Item = Alternative[] | "or" | { negated: Alternative[] };

/** Combines a run of tokens (the whole query, or one group's inside) into a Meaning. */
function combine(items: readonly Item[]): Meaning {
  const meaning: Meaning = { clauses: [], exclude: [] };
  let joinNext = false;
  for (const item of items) {
    if (item === "or") {
      joinNext = meaning.clauses.length > 0;
    } else if (!Array.isArray(item)) {
      meaning.exclude.push(...item.negated);
      joinNext = false;
    } else if (item.length > 0) {
      if (joinNext) meaning.clauses[meaning.clauses.length - 1]!.push(...item);
      else meaning.clauses.push(item);
      joinNext = false;
    }
  }
  return meaning;
}

/** Reads the tokens into clauses, exclusions and fields. */
export function parseBooleanQuery(raw: string): BooleanQuery {
  const fields: Record<Field, string[]> = { source: [], author: [], year: [] };
  const top: Item[] = [];
  /** The open group's items, and exclusions inside it (they apply to the whole query). */
  let group: { items: Item[]; negated: boolean; exclude: Item[] } | null = null;
  let negateNext = false;
  const closeGroup = () => {
    if (!group) return;
    const { items, negated, exclude } = group;
    group = null;
    const alternatives = product(combine(items).clauses);
    top.push(negated ? { negated: alternatives } : alternatives, ...exclude);
  };
  for (const token of tokenize(raw)) {
    switch (token.type) {
      case "not":
      case "minus":
        negateNext = true;
        continue;
      case "or":
        (group?.items ?? top).push("or");
        break;
      case "open":
        group ??= { items: [], negated: negateNext, exclude: [] };
        break;
      case "close":
        closeGroup();
        break;
      case "field":
        if (!token.negated && !negateNext) fields[token.field].push(token.value);
        break;
      case "atom":
        if (token.negated || negateNext) (group?.exclude ?? top).push({ negated: [[token.atom]] });
        else (group?.items ?? top).push([[token.atom]]);
        break;
    }
    negateNext = false;
  }
  // An unclosed group runs to the end.
  closeGroup();
  return { ...combine(top), fields };
}

/** The words and phrases a page is searched for (not those excluded), for highlighting. */
export function positiveAtoms(query: BooleanQuery): Atom[] {
  return query.clauses.flat(2);
}
