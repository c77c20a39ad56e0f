/**
 * What one shard's Pagefind instance finds for a term, in steps a newer search can stop
 * between (src/client/search-steps.ts); the engine (./search-engine.ts) joins the shards.
 */
import type { TermFindings } from "../lib/search/merge.ts";
import { needsPrefixSearch, type WordMatches } from "../lib/search/shards.ts";
import { termKeywords } from "../lib/search/plan.ts";
import type { Step } from "./search-steps.ts";
import type { PagefindApi, PagefindResult } from "./search-index.ts";

/**
 * Pagefind's results for each term, one search at a time (their chunks load together
 * first), so a stale search stops between them (`step` throws).
 */
async function searchEach(
  pagefind: PagefindApi,
  terms: string[],
  step: Step,
): Promise<PagefindResult[][]> {
  await Promise.all(terms.map((term) => pagefind.preload(term)));
  const found: PagefindResult[][] = [];
  for (const term of terms) {
    await step();
    found.push((await pagefind.search(term)).results);
  }
  return found;
}

/**
 * What one shard finds for `term`: pages holding every word, best first. Each word is also
 * looked up exactly (and, while half typed, alone), from the chunks already loaded, so that
 * joining the shards' answers (keptAcrossShards) gives the answer a single index would.
 * With `rank`, each word's own search is kept too: its scores rank the joined answer
 * (relevanceAcrossShards); a one-word term's own search is that word's search.
 */
export async function searchAllWords(
  pagefind: PagefindApi,
  term: string,
  rank: boolean,
  step: Step,
): Promise<TermFindings<PagefindResult>> {
  const keywords = termKeywords(term);
  const ids = (results: PagefindResult[]) => results.map((r) => r.id);
  const alone = keywords.length === 1 && keywords[0] === term.toLowerCase();
  const loose = rank && !alone ? keywords : [];
  const [results, ...rest] = await searchEach(
    pagefind,
    [term, ...keywords.map((word) => `"${word}"`), ...loose],
    step,
  );
  const words: WordMatches[] = [];
  const wordHits: PagefindResult[][] = [];
  for (const [i, word] of keywords.entries()) {
    const exact = rest[i]!;
    let hits = alone ? results! : rest[keywords.length + i];
    if (hits === undefined && needsPrefixSearch(keywords.length, exact.length)) {
      await step();
      hits = (await pagefind.search(word)).results;
    }
    wordHits.push(hits ?? []);
    words.push(
      needsPrefixSearch(keywords.length, exact.length)
        ? { exact: ids(exact), prefix: new Set(ids(hits!)) }
        : { exact: ids(exact) },
    );
  }
  return rank ? { results: results!, words, wordHits } : { results: results!, words };
}
