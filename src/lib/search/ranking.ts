/**
 * Relevance over index shards, equal to that of one index of all their pages.
 *
 * Pagefind scores a page for a word with BM25: idf(N, n) · tf, where N is the pages of its
 * own index and n those holding any word that starts with the query word (so a shard's
 * scores are not comparable with another's). With `pageLength: 0` (BM25's b), tf and the
 * title boost depend on the page and word alone, so V = score / idf_s is the same in
 * whichever shard the page sits. The archive's relevance of a page is then
 * Σ over query words of idf(N, n) · V, with N and n summed over every shard.
 *
 * Pagefind computes in 32-bit floats: V recovered from two shards may differ by about 1e-7
 * of its value. Relevances within RELATIVE_TOLERANCE of each other count as equal (a run of
 * them sorted by value), then ties break on a key that does not depend on any shard.
 */

/** Pagefind's ranking options, on every index instance (merged ones do not inherit them). */
export const RANKING = { pageLength: 0 } as const;

/** One query word's hits in one shard, as Pagefind scored them. */
export interface TermHits {
  /** Pages in the shard. */
  shardPages: number;
  /** Every page of the shard matching the word (unfiltered), with its score. */
  hits: readonly { id: string; score: number }[];
}

/** Relevances closer than this fraction of their size are the same relevance. */
export const RELATIVE_TOLERANCE = 1e-5;

const f32 = Math.fround;

/** Pagefind's inverse document frequency, in 32-bit floats as it computes it. */
export function idf(pages: number, matching: number): number {
  // Every step rounded as Rust's f32 arithmetic rounds it: dividing a score by this idf
  // then cancels Pagefind's own rounding of it (the ln of 1 + a tiny ratio loses digits).
  const ratio = f32(f32(f32(pages - matching) + 0.5) / f32(matching + 0.5));
  return f32(Math.log(f32(ratio + 1)));
}

/**
 * Relevance of every page hit, from `words[w][s]`: query word `w` in shard `s` (every shard
 * listed for every word, in the same order, so N is the archive's page count).
 */
export function relevanceOf(words: readonly (readonly TermHits[])[]): Map<string, number> {
  const relevance = new Map<string, number>();
  for (const shards of words) {
    const pages = shards.reduce((sum, shard) => sum + shard.shardPages, 0);
    const matching = shards.reduce((sum, shard) => sum + shard.hits.length, 0);
    const global = idf(pages, matching);
    for (const shard of shards) {
      const local = idf(shard.shardPages, shard.hits.length);
      for (const { id, score } of shard.hits) {
        const unit = local > 0 ? score / local : 0;
        relevance.set(id, (relevance.get(id) ?? 0) + global * unit);
      }
    }
  }
  return relevance;
}

/**
 * `candidates` by relevance, highest first (a candidate without one counts as 0); equal
 * relevances (see RELATIVE_TOLERANCE) in `tieBreak` order.
 */
export function orderByRelevance<T>(
  candidates: readonly T[],
  relevance: (candidate: T) => number | undefined,
  tieBreak: (a: T, b: T) => number,
): T[] {
  const scored = candidates.map((candidate) => ({ candidate, value: relevance(candidate) ?? 0 }));
  scored.sort((a, b) => b.value - a.value);
  // Runs of values each within the tolerance of the one before share a class.
  const classOf = new Map<T, number>();
  let cls = 0;
  scored.forEach(({ candidate, value }, i) => {
    const before = scored[i - 1]?.value;
    if (before !== undefined && before - value > RELATIVE_TOLERANCE * Math.abs(before)) cls++;
    classOf.set(candidate, cls);
  });
  return scored
    .map(({ candidate }) => candidate)
    .sort((a, b) => classOf.get(a)! - classOf.get(b)! || tieBreak(a, b));
}

/** `candidates` (page ids) ranked by their relevance over every shard (see relevanceOf). */
export function rankByRelevance(
  words: readonly (readonly TermHits[])[],
  candidates: readonly string[],
  tieBreak: (a: string, b: string) => number,
): string[] {
  const relevance = relevanceOf(words);
  return orderByRelevance(candidates, (id) => relevance.get(id), tieBreak);
}
