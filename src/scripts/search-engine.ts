/**
 * The search page's engine: Pagefind's JS API finds and ranks the words, the facet table
 * (src/lib/search-facets.ts) narrows them to the selected facets and dates, counts the
 * facets and orders by date. Pagefind itself is the `pagefind.js` the build writes next to
 * the index (same origin, no CDN); it runs in the page's thread, with no filter loaded, so a
 * search of 10,000 articles takes tens of milliseconds.
 */
import { PAGEFIND_PATH } from "../lib/permalink.ts";
import { parseDateRange, type RangeProblem } from "../lib/search-dates.ts";
import {
  allRowsNewestFirst,
  decodeFacetTable,
  facetTableFile,
  narrow,
  ROW_ORDER_SORT_KEY,
  sortByDate,
  type Counts,
  type EncodedFacetTable,
  type FacetTable,
  type PagefindEntry,
} from "../lib/search-facets.ts";
import { parseQuery, planQuery, type QueryPlan } from "../lib/search-query.ts";
import { effectiveSort, type SearchState, type SortOrder } from "../lib/search-state.ts";

export interface PagefindFragment {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}

export interface PagefindResult {
  id: string;
  data: () => Promise<PagefindFragment>;
}

interface PagefindApi {
  init: () => Promise<void>;
  search: (
    term: string | null,
    options?: { sort?: Record<string, "asc" | "desc"> },
  ) => Promise<{ results: PagefindResult[] }>;
}

interface PagefindModule {
  createInstance: (options: Record<string, unknown>) => PagefindApi;
}

export interface SearchOutcome {
  /** Matching pages, in the order to show them. */
  results: PagefindResult[];
  counts: Counts;
  rangeProblems: RangeProblem[];
}

async function gunzipIfNeeded(bytes: ArrayBuffer): Promise<string> {
  const head = new Uint8Array(bytes, 0, 2);
  if (head[0] !== 0x1f || head[1] !== 0x8b) return new TextDecoder().decode(bytes);
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Response(stream).text();
}

async function loadFacetTable(): Promise<EncodedFacetTable> {
  const entryResponse = await fetch(`${PAGEFIND_PATH}pagefind-entry.json?ts=${Date.now()}`);
  const entry = (await entryResponse.json()) as PagefindEntry;
  const response = await fetch(`${PAGEFIND_PATH}${facetTableFile(entry)}`);
  if (!response.ok) throw new Error(`${response.status} fetching the facet table`);
  return JSON.parse(await gunzipIfNeeded(await response.arrayBuffer())) as EncodedFacetTable;
}

async function loadPagefind(): Promise<PagefindApi> {
  const url = `${PAGEFIND_PATH}pagefind.js`;
  const module = (await import(/* @vite-ignore */ url)) as PagefindModule;
  // No worker: one file less before the first result; without filters loaded, searches
  // take milliseconds and do not hold up typing.
  const pagefind = module.createInstance({ noWorker: true, excerptLength: 30 });
  await pagefind.init();
  return pagefind;
}

export class SearchEngine {
  readonly table: FacetTable;
  /** Counts over the whole archive. */
  readonly totals: Counts;
  private readonly pagefind: PagefindApi;
  /** Every page as a Pagefind result, by table row. */
  private readonly everything: PagefindResult[];
  private lastKey = "";
  private last: Promise<SearchOutcome> | undefined;

  private constructor(pagefind: PagefindApi, table: FacetTable, everything: PagefindResult[]) {
    this.pagefind = pagefind;
    this.table = table;
    this.everything = everything;
    this.totals = narrow(table, allRowsNewestFirst(table), {
      facets: { source: [], author: [], year: [], language: [], section: [] },
      range: { start: null, end: null },
    }).counts;
  }

  static async start(): Promise<SearchEngine> {
    const [pagefind, encoded] = await Promise.all([loadPagefind(), loadFacetTable()]);
    // Every page, in the table's row order: ids for the table, results for browsing.
    const { results } = await pagefind.search(null, { sort: { [ROW_ORDER_SORT_KEY]: "asc" } });
    const table = decodeFacetTable(
      encoded,
      results.map((result) => result.id),
    );
    return new SearchEngine(pagefind, table, results);
  }

  /**
   * Results, counts and order for a state. The same search asked again (a closing quote
   * or a trailing space changes the words typed, not the search) returns the same outcome.
   */
  search(state: SearchState): Promise<SearchOutcome> {
    const plan = planQuery(parseQuery(state.q));
    const order = effectiveSort(state, plan.kind !== "browse");
    const key = JSON.stringify([plan, state.facets, state.from.trim(), state.to.trim(), order]);
    if (key !== this.lastKey || !this.last) {
      this.lastKey = key;
      this.last = this.run(plan, state, order);
      this.last.catch(() => (this.last = undefined));
    }
    return this.last;
  }

  private async run(plan: QueryPlan, state: SearchState, order: SortOrder): Promise<SearchOutcome> {
    const { range, problems } = parseDateRange(state.from, state.to);
    const found = await this.find(plan);
    const { rows, counts } = narrow(this.table, [...found.keys()], {
      facets: state.facets,
      range: problems.includes("reversed") ? { start: "9999-12-31", end: "0000-01-01" } : range,
    });
    const ordered = order === "relevance" ? rows : sortByDate(this.table, rows, order);
    return {
      results: ordered.map((row) => found.get(row)!),
      counts,
      rangeProblems: problems,
    };
  }

  /** Pagefind's results for a plan, as table rows (in rank order) to results. */
  private async find(plan: QueryPlan): Promise<Map<number, PagefindResult>> {
    if (plan.kind === "browse") {
      return new Map(allRowsNewestFirst(this.table).map((row) => [row, this.everything[row]!]));
    }
    let results: PagefindResult[];
    if (plan.kind === "mixed") {
      // All the words, then only the pages that also hold each phrase word for word.
      const [words, ...phrases] = await Promise.all([
        this.pagefind.search(plan.term),
        ...plan.phrases.map((phrase) => this.pagefind.search(phrase)),
      ]);
      const keep = phrases.map((response) => new Set(response.results.map((r) => r.id)));
      results = words!.results.filter((r) => keep.every((ids) => ids.has(r.id)));
    } else {
      results = (await this.pagefind.search(plan.term)).results;
    }
    const found = new Map<number, PagefindResult>();
    for (const result of results) {
      const row = this.table.rowOf.get(result.id);
      if (row !== undefined) found.set(row, result);
    }
    return found;
  }
}
