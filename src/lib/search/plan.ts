/**
 * A typed query (./boolean-query.ts) as the Pagefind searches each index shard runs, and
 * how their answers combine (./merge.ts keptAcrossShards): which terms must match, which
 * leave a page out, which pages are candidates and which words rank them. A query without
 * `OR` keeps the plan of ./query.ts (planQuery) exactly, so its results and order do not
 * change; exclusions only remove pages from it.
 */
import { FIELDS, parseBooleanQuery, type Alternative, type Field } from "./boolean-query.ts";
import { looseWords, planQuery, type ParsedQuery, type QueryPlan } from "./query.ts";
import { plainFold } from "./spelling.ts";
import type { Facet } from "./state.ts";

export interface SearchPlan {
  query: QueryPlan;
  /** Pages matching every term of any of these are left out. */
  exclude: string[][];
  /** Facet values typed with a prefix (`source:Trend`), as typed. */
  fields: Record<Field, string[]>;
}

export interface TermSearch {
  /** A Pagefind query: loose words, or a quoted phrase. */
  term: string;
  /** Whether each of its words' own search is kept, to rank by (ranking.ts). */
  rank: boolean;
}

/** A word of a searched term: `searches[term]`, its `word`-th keyword (termKeywords). */
export interface WordRef {
  term: number;
  word: number;
}

/** How the answers of `searches` (by index) combine into the kept pages. */
export interface Combination {
  /** Every clause must hold; a clause holds if all terms of one of its alternatives match. */
  clauses: number[][][];
  /** A page matching all terms of any of these is left out. */
  exclude: number[][];
  /** Terms whose results are the candidates (in this order, the first result of a page wins). */
  pool: number[];
}

export interface Evaluation extends Combination {
  searches: TermSearch[];
  /** Words whose scores rank the results, or null: rank by Pagefind's score (a phrase). */
  rankBy: WordRef[] | null;
}

/** The lowercase words Pagefind looks up for a term, each once, in order. */
export function termKeywords(term: string): string[] {
  return [...new Set(looseWords(term.replaceAll('"', " ")).map((w) => w.toLowerCase()))];
}

/** An alternative's Pagefind terms: its loose words as one term, each phrase as one. */
function termsOf(alternative: Alternative): string[] {
  const words = alternative.flatMap((atom) => (atom.kind === "words" ? atom.group : []));
  const phrases = alternative.flatMap((atom) => (atom.kind === "phrase" ? [`"${atom.text}"`] : []));
  return [...(words.length ? [words.join(" ")] : []), ...phrases];
}

/** An excluded alternative's terms: each typed word exactly, as a phrase of itself. */
function excludedTermsOf(alternative: Alternative): string[] {
  return alternative.map((atom) =>
    atom.kind === "phrase" ? `"${atom.text}"` : `"${atom.group.join("-")}"`,
  );
}

/** Reads a typed query into its plan. */
export function planSearch(raw: string): SearchPlan {
  const { clauses, exclude, fields } = parseBooleanQuery(raw);
  // Clauses without OR keep the plain plan: their words searched together, phrases apart.
  const single = clauses.filter((clause) => clause.length === 1).flatMap((clause) => clause[0]!);
  const parsed: ParsedQuery = { words: [], groups: [], phrases: [] };
  for (const atom of single) {
    if (atom.kind === "words") parsed.groups.push(atom.group);
    else parsed.phrases.push(atom.text);
  }
  parsed.words = parsed.groups.flat();
  const either = clauses.filter((clause) => clause.length > 1);
  const excluded = exclude.map(excludedTermsOf);
  if (either.length === 0) return { query: planQuery(parsed), exclude: excluded, fields };
  const base = [
    ...(parsed.words.length ? [[[parsed.words.join(" ")]]] : []),
    ...parsed.phrases.map((phrase) => [[`"${phrase}"`]]),
  ];
  const any = [...base, ...either.map((clause) => clause.map(termsOf))];
  return { query: { kind: "any", clauses: any }, exclude: excluded, fields };
}

/** The searches a plan runs in each shard, and how their answers combine. */
export function evaluationOf(plan: SearchPlan): Evaluation {
  const searches: TermSearch[] = [];
  const indexOf = (term: string, rank: boolean): number => {
    const found = searches.findIndex((search) => search.term === term);
    if (found >= 0) {
      searches[found]!.rank ||= rank;
      return found;
    }
    return searches.push({ term, rank }) - 1;
  };
  const { query } = plan;
  let clauses: number[][][] = [];
  let rankBy: WordRef[] | null = null;
  if (query.kind === "words" || query.kind === "mixed") {
    clauses = [[[indexOf(query.term, true)]]];
    rankBy = termKeywords(query.term).map((_, word) => ({ term: 0, word }));
  }
  if (query.kind === "phrase") clauses = [[[indexOf(query.term, false)]]];
  if (query.kind === "mixed") clauses.push(...query.phrases.map((p) => [[indexOf(p, false)]]));
  if (query.kind === "any") {
    clauses = query.clauses.map((clause) =>
      clause.map((alternative) => alternative.map((term) => indexOf(term, true))),
    );
    rankBy = [];
    const seen = new Set<string>();
    for (const [term, { rank, term: text }] of searches.entries()) {
      if (!rank) continue;
      termKeywords(text).forEach((keyword, word) => {
        if (!seen.has(keyword)) rankBy!.push({ term, word });
        seen.add(keyword);
      });
    }
  }
  const pool = query.kind === "any" ? searches.map((_, i) => i) : clauses.length ? [0] : [];
  const exclude = plan.exclude.map((terms) => terms.map((term) => indexOf(term, false)));
  return { searches, clauses, exclude, pool, rankBy };
}

const YEARS = /^(\d{4})\s*[-–—/]\s*(\d{4})$/u;

/** The archive's values a typed field value stands for (none known: itself, finding nothing). */
function valuesFor(field: Field, typed: string, known: readonly string[]): string[] {
  const years = field === "year" ? YEARS.exec(typed) : null;
  if (years) {
    const [from, to] = [years[1]!, years[2]!].sort();
    const inRange = known.filter((year) => year >= from! && year <= to!);
    return inRange.length ? inRange.sort() : [typed];
  }
  const wanted = plainFold(typed);
  const exact = known.filter((value) => plainFold(value) === wanted);
  if (exact.length) return exact;
  const within = known.filter((value) => plainFold(value).includes(wanted));
  return within.length ? within : [typed];
}

/**
 * The selected facets with a plan's typed fields added, as if ticked: a value names the
 * archive's value equal to it (case and Azerbaijani letters aside), else those containing
 * it (`author:hasanov`); `year:2015-2019` names every year of the span.
 */
export function withFields(
  facets: Readonly<Record<Facet, string[]>>,
  fields: Readonly<Record<Field, string[]>>,
  known: Readonly<Record<Facet, Record<string, number>>>,
): Record<Facet, string[]> {
  const merged = { ...facets };
  for (const field of FIELDS) {
    if (!fields[field].length) continue;
    const values = Object.keys(known[field]);
    const typed = fields[field].flatMap((value) => valuesFor(field, value, values));
    merged[field] = [...new Set([...facets[field], ...typed])];
  }
  return merged;
}
