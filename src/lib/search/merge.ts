/**
 * Joining what several index shards found into one answer, as one index of the whole
 * archive would give it: which pages stay (keptAcrossShards, by the rule of
 * ./shards.ts keepAcrossShards) and in what order they show (orderHits). Pure, so the
 * search worker can call it after every shard that answers and again at the end, and the
 * final answer does not depend on the order the shards answered in.
 */
import { keepAcrossShards, type WordMatches } from "./shards.ts";
import type { SortOrder } from "./state.ts";

/** What one shard found for one term: the query's loose words, or one of its phrases. */
export interface TermFindings<R extends { id: string }> {
  /** Pages holding every word, in the shard's own rank order. */
  results: R[];
  /** Per word of the term (none in a one-shard index): see WordMatches. */
  words: WordMatches[];
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

/** A page to show: its shard, its row in that shard's facet table, date and score. */
export interface Hit {
  shard: number;
  row: number;
  /** `YYYY-MM-DD`. */
  date: string;
  /** Pagefind's score in its shard (0 when browsing). */
  score: number;
}

/**
 * The order to show hits in, from each shard's hits in that shard's own order (rank order
 * for a search, newest first for browsing; shards numbered oldest first).
 * - A search by relevance: by score, highest first; equal scores oldest shard first, then
 *   in the shard's order (as Pagefind orders a search over merged indexes).
 * - Browsing: newest shard first, each in its own order (newest first).
 * - Newest or oldest: by date, equal dates in the order above.
 */
export function orderHits<H extends Hit>(
  perShard: ReadonlyMap<number, readonly H[]>,
  order: SortOrder,
  browse: boolean,
): H[] {
  const shards = [...perShard.keys()].sort((a, b) => (browse ? b - a : a - b));
  const hits = shards.flatMap((shard) => perShard.get(shard)!);
  if (!browse) hits.sort((a, b) => b.score - a.score);
  if (order === "relevance") return hits;
  const direction = order === "newest" ? -1 : 1;
  return hits.sort((a, b) => (a.date === b.date ? 0 : a.date < b.date ? -direction : direction));
}
