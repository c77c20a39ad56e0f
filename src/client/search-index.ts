/**
 * Loading the search index in the search worker, only as far as a search needs it: the
 * shard manifest first (nothing else until a search or the search box asks), then, per
 * shard, one Pagefind instance and the shard's facet table, each created once, when first
 * needed. Pagefind's `pagefind.js` and WebAssembly come from the build's /pagefind/ folder.
 *
 * Every instance is a primary one and would fetch the WebAssembly from its own folder
 * (where only the first shard has it) and its `pagefind-entry.json` (never cached: Pagefind
 * adds `?ts=<now>`). A wrapper around the worker's `fetch` serves the first from one copy
 * and the second from the manifest, which inlines it. It also fetches each `.pf_meta` file
 * once, for Pagefind and for the facet table, which takes its page ids from it.
 */
import { PAGEFIND_PATH } from "../lib/permalink.ts";
import {
  decodeFacetTable,
  type EncodedFacetTable,
  type FacetTable,
} from "../lib/search/facet-table.ts";
import { metaFilesOf, pageIdsOfMeta } from "../lib/search/pagefind-meta.ts";
import {
  SHARD_MANIFEST_FILE,
  type ManifestShard,
  type ShardManifest,
} from "../lib/search/shards.ts";
import type { ResultFragment } from "./search-protocol.ts";
import type { BusyClock } from "./busy-clock.ts";

export interface PagefindResult {
  id: string;
  score: number;
  /** The fragment (with more fields than the page uses). */
  data: () => Promise<ResultFragment>;
}

export interface PagefindApi {
  init: () => Promise<void>;
  search: (term: string | null) => Promise<{ results: PagefindResult[] }>;
  /** Loads the index chunks a search of `term` needs, and stops. */
  preload: (term: string) => Promise<void>;
}

interface PagefindModule {
  createInstance: (options: Record<string, unknown>) => PagefindApi;
}

/**
 * Options of every shard's instance. Already in a worker: no nested one (Pagefind's own
 * would need its classic script and could not share our steps); in a worker Pagefind
 * cannot find its own path, so each gets its folder. `pageLength: 0` turns off length
 * normalisation, whose average length is a shard's own, so scores mean the same in every
 * shard.
 */
const instanceOptions = (path: string) => ({
  noWorker: true,
  basePath: path,
  excerptLength: 30,
  ranking: { pageLength: 0 },
});

/** The bytes, un-gzipped if they are gzip (Pagefind's files are; a host may have undone it). */
async function gunzipIfNeeded(bytes: ArrayBuffer): Promise<Uint8Array> {
  const head = new Uint8Array(bytes, 0, Math.min(2, bytes.byteLength));
  if (head[0] !== 0x1f || head[1] !== 0x8b) return new Uint8Array(bytes);
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status} fetching ${url}`);
  return gunzipIfNeeded(await response.arrayBuffer());
}

/** The index's shards and counts: a fixed name, so always revalidated. */
export async function loadManifest(): Promise<ShardManifest> {
  const response = await fetch(`${PAGEFIND_PATH}${SHARD_MANIFEST_FILE}`, { cache: "no-cache" });
  if (!response.ok) throw new Error(`${response.status} fetching the search index manifest`);
  const manifest = (await response.json()) as ShardManifest;
  // Typed 2, but read from a file an older or newer build may have written.
  const version: number = manifest.version;
  if (version !== 2) throw new Error(`Unknown search index manifest version ${version}`);
  return manifest;
}

/** One request per path however many ask, and asked again after a failure. */
function once(original: typeof fetch) {
  const fetched = new Map<string, Promise<ArrayBuffer>>();
  return async (path: string): Promise<Response> => {
    let bytes = fetched.get(path);
    if (!bytes) {
      bytes = original(path).then((response) => {
        if (!response.ok) throw new Error(`${response.status} fetching ${path}`);
        return response.arrayBuffer();
      });
      fetched.set(path, bytes);
      bytes.catch(() => fetched.delete(path));
    }
    return new Response((await bytes).slice(0));
  };
}

/**
 * Wraps the worker's `fetch` for Pagefind and the facet tables (see the file's comment):
 * every `…/wasm.<language>.pagefind` is fetched once, from /pagefind/, every `.pf_meta`
 * once, and every shard's `pagefind-entry.json` is answered from the manifest.
 */
export function wrapFetch(manifest: ShardManifest): void {
  const original = globalThis.fetch.bind(globalThis);
  const entries = new Map(
    manifest.shards.map((shard) => [
      `${shard.path}pagefind-entry.json`,
      JSON.stringify(shard.entry),
    ]),
  );
  const fetchOnce = once(original);
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const href = input instanceof Request ? input.url : String(input);
    const { pathname } = new URL(href, location.href);
    const entry = entries.get(pathname);
    if (entry !== undefined) {
      return Promise.resolve(
        new Response(entry, { headers: { "content-type": "application/json" } }),
      );
    }
    const wasm = /\/(wasm\.[^/]+\.pagefind)$/.exec(pathname)?.[1];
    if (wasm !== undefined) return fetchOnce(`${PAGEFIND_PATH}${wasm}`);
    if (pathname.endsWith(".pf_meta")) return fetchOnce(pathname);
    return original(input, init);
  };
}

let pagefindModule: Promise<PagefindModule> | undefined;
/**
 * The first instance, once ready. Pagefind's WebAssembly glue is shared by every instance
 * and starts once, but two instances starting it at the same time each start it, and the
 * first one's index is lost (its searches find nothing): the others wait for the first.
 */
let firstInstance: Promise<unknown> | undefined;

async function createPagefind(path: string): Promise<PagefindApi> {
  pagefindModule ??= import(
    /* @vite-ignore */ `${PAGEFIND_PATH}pagefind.js`
  ) as Promise<PagefindModule>;
  const module = await pagefindModule;
  const start = async () => {
    const instance = module.createInstance(instanceOptions(path));
    await instance.init();
    // `init` does not wait for the index: an empty search does (and finds nothing).
    await instance.search("");
    return instance;
  };
  if (!firstInstance) {
    const first = start();
    firstInstance = first.catch(() => (firstInstance = undefined));
    return first;
  }
  await firstInstance;
  return start();
}

/** `pagefind` with each call timed on `clock`. */
function timed(pagefind: PagefindApi, clock: BusyClock): PagefindApi {
  return {
    init: () => clock.time(() => pagefind.init()),
    search: (term) => clock.time(() => pagefind.search(term)),
    preload: (term) => clock.time(() => pagefind.preload(term)),
  };
}

/** One shard: its Pagefind instance, facet table and every page, each loaded on first use. */
export class ShardIndex {
  readonly shard: ManifestShard;
  /** Times every Pagefind call (creating the instance and loading fragments included). */
  readonly #clock: BusyClock;
  #pagefind: Promise<PagefindApi> | undefined;
  #table: Promise<FacetTable> | undefined;
  #everything: Promise<Map<string, PagefindResult>> | undefined;
  /** The facet table, once `table()` has resolved. */
  loadedTable: FacetTable | undefined;

  constructor(shard: ManifestShard, clock: BusyClock) {
    this.shard = shard;
    this.#clock = clock;
  }

  pagefind(): Promise<PagefindApi> {
    this.#pagefind ??= this.#clock
      .time(() => createPagefind(this.shard.path))
      .then((pagefind) => timed(pagefind, this.#clock));
    // A failure (the network) is not kept: the next search tries again.
    this.#pagefind.catch(() => (this.#pagefind = undefined));
    return this.#pagefind;
  }

  table(): Promise<FacetTable> {
    this.#table ??= (async () => {
      const { path, facets, entry } = this.shard;
      const metas = metaFilesOf(entry).map((name) => fetchBytes(`${path}${name}`));
      const text = new TextDecoder().decode(await fetchBytes(`${path}${facets}`));
      const metaIds = (await Promise.all(metas)).flatMap((bytes) => pageIdsOfMeta(bytes));
      const encoded = JSON.parse(text) as EncodedFacetTable;
      return (this.loadedTable = decodeFacetTable(encoded, metaIds));
    })();
    this.#table.catch(() => (this.#table = undefined));
    return this.#table;
  }

  /** Every page of the shard as a Pagefind result, by id (for browsing without words). */
  everything(): Promise<Map<string, PagefindResult>> {
    this.#everything ??= this.pagefind()
      .then((pagefind) => pagefind.search(null))
      .then(({ results }) => new Map(results.map((result) => [result.id, result])));
    return this.#everything;
  }

  /** A result's fragment, timed as Pagefind's. */
  fragment(result: PagefindResult): Promise<ResultFragment> {
    return this.#clock.time(() => result.data());
  }
}
