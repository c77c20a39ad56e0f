/**
 * The search page's engine: Pagefind's JS API finds and ranks the words, the facet table
 * (src/lib/search/facets.ts) narrows them to the selected facets and dates, counts the
 * facets and orders by date. Pagefind itself is the `pagefind.js` the build writes next to
 * the index (same origin, no CDN); it runs in the page's thread, with no filter loaded, so a
 * search of 10,000 articles takes tens of milliseconds.
 */
import { PAGEFIND_PATH } from "../lib/permalink.ts";
import { parseDateRange, type RangeProblem } from "../lib/search/dates.ts";
import {
  allRowsNewestFirst,
  decodeFacetTable,
  mergedPositionsOfRows,
  narrow,
  ROW_ORDER_SORT_KEY,
  sortByDate,
  type Counts,
  type EncodedFacetTable,
  type FacetTable,
} from "../lib/search/facets.ts";
import {
  keepAcrossShards,
  needsPrefixSearch,
  SHARD_MANIFEST_FILE,
  shardOfRows,
  type ShardManifest,
  type WordMatches,
} from "../lib/search/shards.ts";
import { looseWords, parseQuery, planQuery, type QueryPlan } from "../lib/search/query.ts";
import { effectiveSort, type SearchState, type SortOrder } from "../lib/search/state.ts";

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
  mergeIndex: (path: string) => Promise<void>;
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

/** The index's shards and facet table: a fixed name, so always revalidated. */
async function loadManifest(): Promise<ShardManifest> {
  const response = await fetch(`${PAGEFIND_PATH}${SHARD_MANIFEST_FILE}`, { cache: "no-cache" });
  if (!response.ok) throw new Error(`${response.status} fetching the search index manifest`);
  return (await response.json()) as ShardManifest;
}

async function loadFacetTable(manifest: ShardManifest): Promise<EncodedFacetTable> {
  const response = await fetch(`${PAGEFIND_PATH}${manifest.facets}`);
  if (!response.ok) throw new Error(`${response.status} fetching the facet table`);
  return JSON.parse(await gunzipIfNeeded(await response.arrayBuffer())) as EncodedFacetTable;
}

/**
 * Pagefind over every shard: the first (oldest years, with the script and WebAssembly) is
 * the primary index, the others are merged into it in order, so results of a search sorted
 * by permalink come oldest shard first, as the facet table's rows do.
 */
async function loadPagefind(manifest: ShardManifest): Promise<PagefindApi> {
  const url = `${PAGEFIND_PATH}pagefind.js`;
  const module = (await import(/* @vite-ignore */ url)) as PagefindModule;
  // No worker: one file less before the first result; without filters loaded, searches
  // take milliseconds and do not hold up typing.
  const pagefind = module.createInstance({ noWorker: true, excerptLength: 30 });
  await pagefind.init();
  await Promise.all(manifest.shards.slice(1).map((shard) => pagefind.mergeIndex(shard.path)));
  return pagefind;
}

export class SearchEngine {
  readonly table: FacetTable;
  /** Counts over the whole archive. */
  readonly totals: Counts;
  private readonly pagefind: PagefindApi;
  /** Index shards merged into `pagefind`. */
  private readonly shards: number;
  /** The shard of each table row. */
  private readonly shardOfRow: number[];
  /** Every page as a Pagefind result, by table row. */
  private readonly everything: PagefindResult[];
  private lastKey = "";
  private last: Promise<SearchOutcome> | undefined;

  private constructor(
    pagefind: PagefindApi,
    table: FacetTable,
    everything: PagefindResult[],
    segments: number[],
  ) {
    this.pagefind = pagefind;
    this.shards = segments.length;
    this.shardOfRow = shardOfRows(segments);
    this.table = table;
    this.everything = everything;
    this.totals = narrow(table, allRowsNewestFirst(table), {
      facets: { source: [], author: [], year: [], language: [], section: [] },
      range: { start: null, end: null },
    }).counts;
  }

  static async start(): Promise<SearchEngine> {
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
    return new SearchEngine(pagefind, table, results, encoded.segments);
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

  /**
   * Pages holding every word of `term`, best first. Over several shards, each word is also
   * looked up exactly (and, while half typed, alone), from the chunks already loaded, so
   * the merged answer is the one a single index would give (see keepAcrossShards).
   */
  private async searchAllWords(term: string): Promise<PagefindResult[]> {
    const keywords =
      this.shards < 2
        ? []
        : [...new Set(looseWords(term.replaceAll('"', " ")).map((w) => w.toLowerCase()))];
    const ids = (found: { results: PagefindResult[] }) => found.results.map((r) => r.id);
    const [response, ...exact] = await Promise.all([
      this.pagefind.search(term),
      ...keywords.map((word) => this.pagefind.search(`"${word}"`)),
    ]);
    if (keywords.length === 0) return response.results;
    const words = await Promise.all(
      keywords.map(async (word, i): Promise<WordMatches> => {
        const found = ids(exact[i]!);
        if (!needsPrefixSearch(keywords.length, found.length)) return { exact: found };
        return { exact: found, prefix: new Set(ids(await this.pagefind.search(word))) };
      }),
    );
    const kept = new Set(
      keepAcrossShards(ids(response), words, (id) => {
        const row = this.table.rowOf.get(id);
        return row === undefined ? undefined : this.shardOfRow[row];
      }),
    );
    return response.results.filter((r) => kept.has(r.id));
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
        this.searchAllWords(plan.term),
        ...plan.phrases.map((phrase) => this.searchAllWords(phrase)),
      ]);
      const keep = phrases.map((found) => new Set(found.map((r) => r.id)));
      results = words.filter((r) => keep.every((ids) => ids.has(r.id)));
    } else {
      results = await this.searchAllWords(plan.term);
    }
    const found = new Map<number, PagefindResult>();
    for (const result of results) {
      const row = this.table.rowOf.get(result.id);
      if (row !== undefined) found.set(row, result);
    }
    return found;
  }
}
