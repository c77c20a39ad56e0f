/**
 * Loading the search index in the search worker, only as far as a search needs it: the
 * shard manifest first (nothing else until a search or the search box asks), then, per
 * shard, one Pagefind instance and the shard's facet table, each created once, when first
 * needed. Pagefind's `pagefind.js` and WebAssembly come from the build's /pagefind/ folder.
 *
 * A shard's index has a part per language (src/lib/search/index-language.ts), each searched
 * by an instance of its own, with its language's stemmer: Pagefind keeps one WebAssembly
 * module (one stemmer) per copy of `pagefind.js`, so each language imports a copy of its
 * own (`pagefind.js?language=ru`), and picks the part by the page's `<html lang>`, which a
 * worker has not, so it is given one while the instance is created.
 *
 * Every instance is a primary one and would fetch its WebAssembly from its own folder and
 * its `pagefind-entry.json` (never cached: Pagefind adds `?ts=<now>`). A wrapper around the
 * worker's `fetch` fetches each WebAssembly file once, and answers the second from the
 * manifest, which inlines it. It also fetches each `.pf_meta` file once, for Pagefind and
 * for the facet table, which takes its page ids from it.
 */
import { PAGEFIND_PATH } from "../lib/permalink.ts";
import {
  decodeFacetTable,
  type EncodedFacetTable,
  type FacetTable,
} from "../lib/search/facet-table.ts";
import { indexPartsOf, type IndexPart } from "../lib/search/index-language.ts";
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

/** One request per key (a path) however many ask, and asked again after a failure. */
function once(original: typeof fetch) {
  const fetched = new Map<string, Promise<ArrayBuffer>>();
  return async (path: string, key = path): Promise<Response> => {
    let bytes = fetched.get(key);
    if (!bytes) {
      bytes = original(path).then((response) => {
        if (!response.ok) throw new Error(`${response.status} fetching ${path}`);
        return response.arrayBuffer();
      });
      fetched.set(key, bytes);
      bytes.catch(() => fetched.delete(key));
    }
    return new Response((await bytes).slice(0));
  };
}

/**
 * Wraps the worker's `fetch` for Pagefind and the facet tables (see the file's comment):
 * every `…/wasm.<language>.pagefind` is fetched once (from the first folder asked), every `.pf_meta`
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
    // Each shard has the WebAssembly of its own languages: one language's is the same in all.
    if (wasm !== undefined) return fetchOnce(pathname, wasm);
    if (pathname.endsWith(".pf_meta")) return fetchOnce(pathname);
    return original(input, init);
  };
}

/**
 * Per language, its copy of `pagefind.js` and its first instance, once ready. A copy's
 * WebAssembly glue is shared by its instances and starts once, but two instances starting
 * it at the same time each start it, and the first one's index is lost (its searches find
 * nothing): the others wait for the first.
 */
const modules = new Map<
  string,
  { module: Promise<PagefindModule>; first?: Promise<unknown> | undefined }
>();

/** `module.createInstance` for the part of `language`, which Pagefind reads from the page. */
function createInstanceFor(module: PagefindModule, path: string, language: string) {
  const scope = globalThis as { document?: unknown };
  scope.document = { querySelector: () => ({ getAttribute: () => language }) };
  try {
    return module.createInstance(instanceOptions(path));
  } finally {
    delete scope.document;
  }
}

async function createPagefind(path: string, language: string): Promise<PagefindApi> {
  let copy = modules.get(language);
  if (!copy) {
    const url = `${PAGEFIND_PATH}pagefind.js?language=${encodeURIComponent(language)}`;
    copy = { module: import(/* @vite-ignore */ url) as Promise<PagefindModule> };
    modules.set(language, copy);
  }
  const module = await copy.module;
  const start = async () => {
    const instance = createInstanceFor(module, path, language);
    await instance.init();
    // `init` does not wait for the index: an empty search does (and finds nothing).
    await instance.search("");
    return instance;
  };
  const waiting = copy.first;
  if (!waiting) {
    const first = start();
    const started = copy;
    started.first = first.catch(() => (started.first = undefined));
    return first;
  }
  await waiting;
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

/**
 * One shard: per language part, its Pagefind instance; its facet table and every page, each
 * loaded on first use.
 */
export class ShardIndex {
  readonly shard: ManifestShard;
  /** Its index's language parts, in its entry's order. */
  readonly parts: readonly IndexPart[];
  /** Times every Pagefind call (creating the instance and loading fragments included). */
  readonly #clock: BusyClock;
  readonly #pagefind = new Map<string, Promise<PagefindApi>>();
  #table: Promise<FacetTable> | undefined;
  #everything: Promise<Map<string, PagefindResult>> | undefined;
  /** The facet table, once `table()` has resolved. */
  loadedTable: FacetTable | undefined;

  constructor(shard: ManifestShard, clock: BusyClock) {
    this.shard = shard;
    this.parts = indexPartsOf(shard.entry);
    this.#clock = clock;
  }

  /** The instance searching the part of `language` (the first part's by default). */
  pagefind(language = this.parts[0]!.language): Promise<PagefindApi> {
    let pagefind = this.#pagefind.get(language);
    if (!pagefind) {
      pagefind = this.#clock
        .time(() => createPagefind(this.shard.path, language))
        .then((instance) => timed(instance, this.#clock));
      this.#pagefind.set(language, pagefind);
      // A failure (the network) is not kept: the next search tries again.
      pagefind.catch(() => this.#pagefind.delete(language));
    }
    return pagefind;
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
    this.#everything ??= Promise.all(
      this.parts.map(async ({ language }) => (await this.pagefind(language)).search(null)),
    ).then((answers) => new Map(answers.flatMap(({ results }) => results.map((r) => [r.id, r]))));
    return this.#everything;
  }

  /** A result's fragment, timed as Pagefind's. */
  fragment(result: PagefindResult): Promise<ResultFragment> {
    return this.#clock.time(() => result.data());
  }
}
