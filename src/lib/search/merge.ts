/**
 * Joining what several index shards found into one answer, as one index of the whole
 * archive would give it: which pages stay (keptAcrossShards, by the rule of
 * ./shards.ts keepAcrossShards) and in what order they show (orderHits). Pure, so the
 * search worker can call it after every shard that answers and again at the end, and the
 * final answer does not depend on the order the shards answered in.
 */
import { orderByRelevance, relevanceOf, type TermHits } from "./ranking.ts";
import { keepAcrossShards, type WordMatches } from "./shards.ts";
import type { SortOrder } from "./state.ts";
import type { Combination, WordRef } from "./plan.ts";

/** What one shard found for one term: the query's loose words, or one of its phrases. */
export interface TermFindings<R extends { id: string }> {
  /** Pages holding every word, in the shard's own rank order. */
  results: R[];
  /** Per word of the term: see WordMatches. */
  words: WordMatches[];
  /** Per word, its own search's results with their scores, when the term is ranked by them. */
  wordHits?: (R & { score: number })[][];
}

/** What one shard found: `terms[0]` for the words, then one per phrase. */
export interface ShardFindings<R extends { id: string }> {
  shard: number;
  terms: TermFindings<R>[];
}

/** The ids kept of one term over all shards that answered. */
function keptOfTerm<R extends { id: string }>(
  found: readonly ShardFindings<R>[],
  term: number,
): Set<string> {
  const shardOf = new Map<string, number>();
  const ids: string[] = [];
  const words: { exact: string[]; prefix?: Set<string> }[] = [];
  for (const { shard, terms } of found) {
    const findings = terms[term]!;
    for (const result of findings.results) {
      shardOf.set(result.id, shard);
      ids.push(result.id);
    }
    findings.words.forEach((word, i) => {
      const joined = (words[i] ??= { exact: [] });
      for (const id of word.exact) {
        shardOf.set(id, shard);
        joined.exact.push(id);
      }
      if (word.prefix) {
        joined.prefix ??= new Set();
        for (const id of word.prefix) joined.prefix.add(id);
      }
    });
  }
  return new Set(keepAcrossShards(ids, words, (id) => shardOf.get(id)));
}

/** The plain query's combination: every term must match, the first one's results the pool. */
function allTerms<R extends { id: string }>(found: readonly ShardFindings<R>[]): Combination {
  const terms = found[0]?.terms.length ?? 0;
  return {
    clauses: Array.from({ length: terms }, (_, term) => [[term]]),
    exclude: [],
    pool: terms ? [0] : [],
  };
}

/**
 * Whether a page is kept, by the terms kept over every shard that answered (keptOfTerm, by
 * the rule of keepAcrossShards): each clause has an alternative whose terms all kept the
 * page, and no excluded alternative has. Sets of whole-archive answers, so their union
 * (OR) and difference (exclusion) are whole-archive answers too.
 */
export function keepRule<R extends { id: string }>(
  found: readonly ShardFindings<R>[],
  { clauses, exclude }: Omit<Combination, "pool">,
): (id: string) => boolean {
  const kept = new Map<number, Set<string>>();
  const keptBy = (term: number) => {
    if (!kept.has(term)) kept.set(term, keptOfTerm(found, term));
    return kept.get(term)!;
  };
  const all = (id: string) => (terms: number[]) => terms.every((term) => keptBy(term).has(id));
  return (id) => clauses.every((clause) => clause.some(all(id))) && !exclude.some(all(id));
}

/**
 * Per shard, the candidates (results of the `pool` terms, in their shard's rank order, each
 * page once) that keepRule keeps. Without a combination: every term must match, the
 * candidates being the first term's results (the loose words, then each phrase).
 */
export function keptAcrossShards<R extends { id: string }>(
  found: readonly ShardFindings<R>[],
  combination: Combination = allTerms(found),
): Map<number, R[]> {
  const keep = keepRule(found, combination);
  return new Map(
    found.map(({ shard, terms }) => {
      const candidates = new Map<string, R>();
      for (const term of combination.pool) {
        for (const result of terms[term]!.results) {
          if (!candidates.has(result.id)) candidates.set(result.id, result);
        }
      }
      return [shard, [...candidates.values()].filter((result) => keep(result.id))];
    }),
  );
}

/**
 * Each page's relevance over the shards that answered (./ranking.ts): per word `rankBy`
 * names (by default each of the first term's words), the archive-wide idf times the page's
 * shard-independent score. A shard without the word itself, where another shard has it, is
 * taken to have fallen back to a shorter word (keepAcrossShards) and counts for neither.
 * Null for a term ranked by Pagefind's own score (a phrase: the same in every shard).
 */
export function relevanceAcrossShards<R extends { id: string }>(
  found: readonly ShardFindings<R>[],
  shardPages: (shard: number) => number,
  rankBy?: readonly WordRef[] | null,
): Map<string, number> | null {
  const first = found[0]?.terms[0];
  const refs =
    rankBy === undefined ? first?.wordHits?.map((_, word) => ({ term: 0, word })) : rankBy;
  if (!refs || !found.length) return null;
  const words: TermHits[][] = refs.map(({ term, word: w }) => {
    const exactAnywhere = found.some(({ terms }) => terms[term]!.words[w]!.exact.length > 0);
    return found.map(({ shard, terms }) => {
      const fellBack = exactAnywhere && terms[term]!.words[w]!.exact.length === 0;
      const hits = fellBack ? [] : terms[term]!.wordHits![w]!;
      return { shardPages: shardPages(shard), hits };
    });
  });
  return relevanceOf(words);
}

/** A page to show: its shard, its row in that shard's facet table, date and score. */
export interface Hit {
  shard: number;
  row: number;
  /** `YYYY-MM-DD`. */
  date: string;
  /** Its relevance across shards (relevanceAcrossShards), or Pagefind's score (0 browsing). */
  score: number;
}

/**
 * The order to show hits in, the same whichever order the shards answered in (shards are
 * numbered oldest first, and each holds whole years, so equal dates share a shard).
 * - A search by relevance: by score (./ranking.ts orderByRelevance: equal up to f32 noise),
 *   then newest first, then by row (permalink order) in the shard.
 * - Browsing: newest shard first, each in its own order (newest first).
 * - Newest or oldest: by date, equal dates in relevance order.
 */
export function orderHits<H extends Hit>(
  perShard: ReadonlyMap<number, readonly H[]>,
  order: SortOrder,
  browse: boolean,
): H[] {
  const newestFirst = (a: H, b: H) =>
    a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.shard - b.shard || a.row - b.row;
  const shards = [...perShard.keys()].sort((a, b) => b - a);
  const hits = shards.flatMap((shard) => perShard.get(shard)!);
  // Browsing: each shard's own order (newest first), newest shard first.
  const ranked = browse ? hits : orderByRelevance(hits, (hit) => hit.score, newestFirst);
  if (order === "relevance") return ranked;
  const direction = order === "newest" ? -1 : 1;
  return ranked.sort((a, b) => (a.date === b.date ? 0 : a.date < b.date ? -direction : direction));
}
