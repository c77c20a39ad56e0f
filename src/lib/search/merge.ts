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

/**
 * Per shard, the pages kept of its words' results (in its rank order): those the rule of
 * keepAcrossShards keeps over every shard that answered, and that every phrase kept too.
 */
export function keptAcrossShards<R extends { id: string }>(
  found: readonly ShardFindings<R>[],
): Map<number, R[]> {
  const terms = found[0]?.terms.length ?? 0;
  const kept = Array.from({ length: terms }, (_, term) => keptOfTerm(found, term));
  return new Map(
    found.map(({ shard, terms: findings }) => [
      shard,
      findings[0]!.results.filter((result) => kept.every((ids) => ids.has(result.id))),
    ]),
  );
}

/**
 * Each page's relevance over the shards that answered (./ranking.ts): per word of the
 * query's loose words, the archive-wide idf times the page's shard-independent score. A
 * shard without the word itself, where another shard has it, is taken to have fallen back
 * to a shorter word (keepAcrossShards) and counts for neither. Null for a term ranked by
 * Pagefind's own score (a phrase: the same in every shard).
 */
export function relevanceAcrossShards<R extends { id: string }>(
  found: readonly ShardFindings<R>[],
  shardPages: (shard: number) => number,
): Map<string, number> | null {
  const first = found[0]?.terms[0];
  if (!first?.wordHits) return null;
  const words: TermHits[][] = first.wordHits.map((_, w) => {
    const exactAnywhere = found.some(({ terms }) => terms[0]!.words[w]!.exact.length > 0);
    return found.map(({ shard, terms }) => {
      const fellBack = exactAnywhere && terms[0]!.words[w]!.exact.length === 0;
      return { shardPages: shardPages(shard), hits: fellBack ? [] : terms[0]!.wordHits![w]! };
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
