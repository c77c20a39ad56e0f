/**
 * The messages between the search page (src/client/search-client.ts) and its search worker
 * (src/client/search-worker.ts): plain data only, as they cross a thread. The page numbers
 * every search (`generation`); the worker drops a search as soon as a newer generation
 * arrives, and the page drops any answer that is not for its latest one. A search answers
 * once per index shard it reads: partial answers (`pending` years still to search), then
 * the complete one (`pending` empty).
 */
import type { RangeProblem } from "../lib/search/dates.ts";
import type { Counts } from "../lib/search/facets.ts";
import type { MonthCounts } from "../lib/search/histogram.ts";
import type { SearchState } from "../lib/search/state.ts";

/** Results shown at first, and added by each "Show more results". */
export const PAGE_SIZE = 10;

/**
 * Test-only: a sessionStorage key whose value (milliseconds) makes every search busy-wait
 * that long in the worker after Pagefind answers, to prove typing stays responsive while a
 * search is slow (tests/e2e/search.test.ts). Unset, nothing waits.
 */
export const TEST_DELAY_KEY = "news-archive:test-search-delay-ms";

/** What the page shows of one result: Pagefind's fragment, cut to the fields it uses. */
export interface ResultFragment {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}

/** The answer to one search. */
export interface SearchAnswer {
  /** Names the outcome: the same search asked again (a trailing space) gets the same number. */
  outcome: number;
  /** Matching pages (Pagefind ids), in the order to show them. */
  ids: string[];
  counts: Counts;
  /** Matching pages per month, for the histogram (counted from the dates the worker holds). */
  months: MonthCounts;
  rangeProblems: RangeProblem[];
  /** The first page of results; null when the page said it shows this outcome already. */
  fragments: ResultFragment[] | null;
  /** Years still to search (`2001–2014`), newest first or in the order searched; empty when complete. */
  pending: string[];
  /** Milliseconds this search has spent in Pagefind's calls so far (for the benchmark). */
  pagefindMs: number;
}

export type ToWorker =
  | { type: "start"; testDelayMs: number }
  /** The reader is about to search: start loading where searches begin. */
  | { type: "warm" }
  /** `shown`: the outcome on the page, so an unchanged one comes back without fragments. */
  | { type: "search"; generation: number; state: SearchState; shown: number | null }
  /** A newer generation that needs no search (yet): whatever runs for older ones stops. */
  | { type: "cancel"; generation: number }
  | { type: "more"; request: number; outcome: number; offset: number };

export type FromWorker =
  /** The manifest has loaded; `totals` are the counts over the whole archive. */
  | { type: "ready"; totals: Counts }
  | { type: "load-failed"; message: string }
  | { type: "answer"; generation: number; answer: SearchAnswer }
  | { type: "failed"; generation: number; message: string }
  /** `fragments` null: that outcome is no longer kept. */
  | { type: "more"; request: number; fragments: ResultFragment[] | null };
