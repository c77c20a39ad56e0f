/**
 * The search engine, run in the search worker (src/client/search-worker.ts): Pagefind's JS
 * API finds and ranks the words, the facet table (src/lib/search/facets.ts) narrows them to
 * the selected facets and dates, counts the facets and orders by date. Pagefind itself is
 * the `pagefind.js` the build writes next to the index (same origin, no CDN), with no filter
 * loaded. A common word can keep Pagefind's WebAssembly busy for seconds on a large archive:
 * in the worker that never blocks the page, and a search that a newer one made stale stops
 * at its next step (a WebAssembly call under way cannot be stopped).
 */
import { parseDateRange, type RangeProblem } from "../lib/search/dates.ts";
import {
  allRowsNewestFirst,
  decodeFacetTable,
  mergedPositionsOfRows,
  narrow,
  ROW_ORDER_SORT_KEY,
  sortByDate,
  type Counts,
  type FacetTable,
} from "../lib/search/facets.ts";
import {
  keepAcrossShards,
  needsPrefixSearch,
  shardOfRows,
  type WordMatches,
} from "../lib/search/shards.ts";
import { looseWords, parseQuery, planQuery, type QueryPlan } from "../lib/search/query.ts";
import { orderByRelevance, relevanceOf } from "../lib/search/ranking.ts";
import { effectiveSort, type SearchState, type SortOrder } from "../lib/search/state.ts";
import type { ResultFragment } from "./search-protocol.ts";
import {
  loadFacetTable,
  loadManifest,
  loadPagefind,
  type PagefindApi,
  type PagefindResult,
} from "./search-index.ts";

export interface SearchOutcome {
  /** Numbers outcomes: a search asked again returns the same outcome, with its number. */
  serial: number;
  /** Matching pages, in the order to show them. */
  results: PagefindResult[];
  counts: Counts;
  rangeProblems: RangeProblem[];
}

/** Thrown at the next step of a search that a newer one has replaced. */
export class StaleSearch extends Error {
  constructor() {
    super("a newer search replaced this one");
  }
}

/** Says whether the search asking is still the latest one. */
export type IsCurrent = () => boolean;

/** Resolvers waiting for their turn on `turns` (see nextTask). */
const waiting: (() => void)[] = [];
const turns = new MessageChannel();
turns.port1.onmessage = () => waiting.shift()?.();

/**
 * Lets the thread take its next task, so a message from the page that came meanwhile (a
 * newer search) is read before the next step: Pagefind's calls on chunks already loaded
 * resolve without ever yielding. A message, unlike `setTimeout(0)`, is never held back.
 */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    turns.port2.postMessage(null);
  });
}

/** Test-only: keeps the thread busy for `ms`, as a long WebAssembly call would. */
function busyWait(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // Busy on purpose: nothing else may run on this thread meanwhile.
  }
}

/** The fields the page shows of each result, as plain data. */
export async function fragmentsOf(results: readonly PagefindResult[]): Promise<ResultFragment[]> {
  const fragments = await Promise.all(results.map((result) => result.data()));
  return fragments.map(({ url, excerpt, meta, filters }) => ({ url, excerpt, meta, filters }));
}

/** One word of a query: its exact (quoted) search, and its own search (for ranking). */
interface WordHits {
  exact: PagefindResult[];
  hits: PagefindResult[];
}

/** Pages holding every word of a term, and what each word found alone. */
interface Found {
  results: PagefindResult[];
  words: WordHits[];
}

/** Between two steps of a search: throws StaleSearch if a newer search has come. */
type Step = () => Promise<void>;

/** A search under way; a newer generation asking the same search takes it over. */
interface Job {
  key: string;
  asking: { isCurrent: IsCurrent };
  outcome: Promise<SearchOutcome>;
}

export class SearchEngine {
  readonly table: FacetTable;
  /** Counts over the whole archive. */
  readonly totals: Counts;
  private readonly pagefind: PagefindApi;
  /** Pages of each index shard merged into `pagefind`, oldest first. */
  private readonly segments: readonly number[];
  /** The shard of each table row. */
  private readonly shardOfRow: number[];
  /** Every page as a Pagefind result, by table row. */
  private readonly everything: PagefindResult[];
  /** Test-only busy time after each search's Pagefind step (TEST_DELAY_KEY). */
  private readonly testDelayMs: number;
  private serial = 0;
  private running: Job | undefined;
  private last: { key: string; outcome: SearchOutcome } | undefined;

  private constructor(
    pagefind: PagefindApi,
    table: FacetTable,
    everything: PagefindResult[],
    segments: number[],
    testDelayMs: number,
  ) {
    this.pagefind = pagefind;
    this.segments = segments;
    this.shardOfRow = shardOfRows(segments);
    this.table = table;
    this.everything = everything;
    this.testDelayMs = testDelayMs;
    this.totals = narrow(table, allRowsNewestFirst(table), {
      facets: { source: [], author: [], year: [], language: [], section: [] },
      range: { start: null, end: null },
    }).counts;
  }

  static async start({ testDelayMs = 0 } = {}): Promise<SearchEngine> {
    const manifest = await loadManifest();
    const [pagefind, encoded] = await Promise.all([
      loadPagefind(manifest),
      loadFacetTable(manifest),
    ]);
    // Every page, in the table's row order: ids for the table, results for browsing.
    const { results: merged } = await pagefind.search(null, {
      sort: { [ROW_ORDER_SORT_KEY]: "asc" },
    });
    // (Of another length, the table does not describe this index: decoding says so.)
    const results =
      merged.length === encoded.rows
        ? mergedPositionsOfRows(encoded.segments).map((position) => merged[position]!)
        : merged;
    const table = decodeFacetTable(
      encoded,
      results.map((result) => result.id),
    );
    return new SearchEngine(pagefind, table, results, encoded.segments, testDelayMs);
  }

  /**
   * Results, counts and order for a state, while `isCurrent` holds (else StaleSearch). The
   * same search asked again (a closing quote or a trailing space changes the words typed,
   * not the search) returns the same outcome, or takes over the run still under way.
   */
  search(state: SearchState, isCurrent: IsCurrent): Promise<SearchOutcome> {
    const plan = planQuery(parseQuery(state.q));
    const order = effectiveSort(state, plan.kind !== "browse");
    const key = JSON.stringify([plan, state.facets, state.from.trim(), state.to.trim(), order]);
    if (this.last?.key === key) return Promise.resolve(this.last.outcome);
    if (this.running?.key === key) {
      this.running.asking.isCurrent = isCurrent;
      return this.running.outcome;
    }
    const asking = { isCurrent };
    const job: Job = {
      key,
      asking,
      outcome: this.run(plan, state, order, () => asking.isCurrent()),
    };
    this.running = job;
    const done = () => {
      if (this.running === job) this.running = undefined;
    };
    job.outcome.then((outcome) => {
      this.last = { key, outcome };
      done();
    }, done);
    return job.outcome;
  }

  private async run(
    plan: QueryPlan,
    state: SearchState,
    order: SortOrder,
    isCurrent: IsCurrent,
  ): Promise<SearchOutcome> {
    const step = async () => {
      await nextTask();
      if (!isCurrent()) throw new StaleSearch();
    };
    const { range, problems } = parseDateRange(state.from, state.to);
    const found = await this.find(plan, step);
    await step();
    if (this.testDelayMs > 0) busyWait(this.testDelayMs);
    await step();
    const { rows, counts } = narrow(this.table, [...found.keys()], {
      facets: state.facets,
      range: problems.includes("reversed") ? { start: "9999-12-31", end: "0000-01-01" } : range,
    });
    const ordered = order === "relevance" ? rows : sortByDate(this.table, rows, order);
    return {
      serial: ++this.serial,
      results: ordered.map((row) => found.get(row)!),
      counts,
      rangeProblems: problems,
    };
  }

  /**
   * Pagefind's results for each term, one search at a time (their chunks load together
   * first), so a stale search stops between them (`step` throws).
   */
  private async searchEach(terms: string[], step: Step): Promise<PagefindResult[][]> {
    await Promise.all(terms.map((term) => this.pagefind.preload(term)));
    const found: PagefindResult[][] = [];
    for (const term of terms) {
      await step();
      found.push((await this.pagefind.search(term)).results);
    }
    return found;
  }

  /**
   * Pages holding every word of `term`, with each word's own hits when `rank` asks for them.
   * Each word is also looked up exactly (and, while half typed, alone) from the chunks
   * already loaded, so the merged answer holds the pages a single index would give (see
   * keepAcrossShards).
   */
  private async searchAllWords(term: string, step: Step, rank: boolean): Promise<Found> {
    const keywords = [
      ...new Set(looseWords(term.replaceAll('"', " ")).map((w) => w.toLowerCase())),
    ];
    const ids = (results: PagefindResult[]) => results.map((r) => r.id);
    // A one-word query's own search is that word's search.
    const alone = keywords.length === 1 && keywords[0] === term.toLowerCase();
    const loose = rank && !alone ? keywords : [];
    const [results, ...rest] = await this.searchEach(
      [term, ...keywords.map((word) => `"${word}"`), ...loose],
      step,
    );
    const words: WordHits[] = [];
    const matches: WordMatches[] = [];
    for (const [i, word] of keywords.entries()) {
      const exact = rest[i]!;
      let hits = alone ? results : rest[keywords.length + i];
      if (hits === undefined && needsPrefixSearch(keywords.length, exact.length)) {
        await step();
        hits = (await this.pagefind.search(word)).results;
      }
      words.push({ exact, hits: hits ?? [] });
      matches.push(
        needsPrefixSearch(keywords.length, exact.length)
          ? { exact: ids(exact), prefix: new Set(ids(hits!)) }
          : { exact: ids(exact) },
      );
    }
    const kept = new Set(keepAcrossShards(ids(results!), matches, (id) => this.shardOf(id)));
    return { results: results!.filter((r) => kept.has(r.id)), words };
  }

  private shardOf(id: string): number | undefined {
    const row = this.table.rowOf.get(id);
    return row === undefined ? undefined : this.shardOfRow[row];
  }

  /**
   * Rows of `results` in the order one index of the whole archive gives (ranking.ts): by
   * relevance from each word's hits, or for a phrase by Pagefind's score (the same in every
   * shard); ties newest first, then by permalink (the row order).
   */
  private rank(results: readonly PagefindResult[], words: readonly WordHits[] | null): number[] {
    const rows = results.flatMap((r) => this.table.rowOf.get(r.id) ?? []);
    const tieBreak = (a: number, b: number) => {
      const [da, db] = [this.table.dates[a]!, this.table.dates[b]!];
      return da !== db ? (da < db ? 1 : -1) : a - b;
    };
    if (words === null) {
      const score = new Map(results.map((r) => [this.table.rowOf.get(r.id), r.score]));
      return orderByRelevance(rows, (row) => score.get(row), tieBreak);
    }
    const relevance = relevanceOf(
      words.map(({ exact, hits }) => {
        // A shard without the exact word is taken to have fallen back (keepAcrossShards).
        const exactShards = new Set(exact.map((r) => this.shardOf(r.id)));
        const perShard = this.segments.map((pages) => ({
          shardPages: pages,
          hits: [] as PagefindResult[],
        }));
        for (const hit of hits) {
          const shard = this.shardOf(hit.id);
          if (shard === undefined || (exact.length > 0 && !exactShards.has(shard))) continue;
          perShard[shard]!.hits.push(hit);
        }
        return perShard;
      }),
    );
    return orderByRelevance(rows, (row) => relevance.get(this.table.ids[row]!), tieBreak);
  }

  /** Pagefind's results for a plan, as table rows (in rank order) to results. */
  private async find(plan: QueryPlan, step: Step): Promise<Map<number, PagefindResult>> {
    if (plan.kind === "browse") {
      return new Map(allRowsNewestFirst(this.table).map((row) => [row, this.everything[row]!]));
    }
    let found: Found;
    if (plan.kind === "mixed") {
      // All the words, then only the pages that also hold each phrase word for word.
      found = await this.searchAllWords(plan.term, step, true);
      const keep: Set<string>[] = [];
      for (const phrase of plan.phrases) {
        const { results } = await this.searchAllWords(phrase, step, false);
        keep.push(new Set(results.map((r) => r.id)));
      }
      found.results = found.results.filter((r) => keep.every((ids) => ids.has(r.id)));
    } else {
      found = await this.searchAllWords(plan.term, step, plan.kind === "words");
    }
    const byRow = new Map(found.results.map((r) => [this.table.rowOf.get(r.id), r]));
    const ranked = this.rank(found.results, plan.kind === "phrase" ? null : found.words);
    return new Map(ranked.map((row) => [row, byRow.get(row)!]));
  }
}
