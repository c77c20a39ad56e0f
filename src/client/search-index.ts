/**
 * Loading the search index in the search worker: the shard manifest, the facet table and
 * Pagefind (its `pagefind.js` and WebAssembly, from the build's /pagefind/ folder).
 */
import { PAGEFIND_PATH } from "../lib/permalink.ts";
import type { EncodedFacetTable } from "../lib/search/facets.ts";
import { RANKING } from "../lib/search/ranking.ts";
import { SHARD_MANIFEST_FILE, type ShardManifest } from "../lib/search/shards.ts";
import type { ResultFragment } from "./search-protocol.ts";

export interface PagefindResult {
  id: string;
  /** Pagefind's score within its own index (shard). */
  score: number;
  /** The fragment (with more fields than the page uses). */
  data: () => Promise<ResultFragment>;
}

export interface PagefindApi {
  init: () => Promise<void>;
  mergeIndex: (path: string, options?: Record<string, unknown>) => Promise<void>;
  search: (
    term: string | null,
    options?: { sort?: Record<string, "asc" | "desc"> },
  ) => Promise<{ results: PagefindResult[] }>;
  /** Loads the index chunks a search of `term` needs, and stops. */
  preload: (term: string) => Promise<void>;
}

interface PagefindModule {
  createInstance: (options: Record<string, unknown>) => PagefindApi;
}

async function gunzipIfNeeded(bytes: ArrayBuffer): Promise<string> {
  const head = new Uint8Array(bytes, 0, 2);
  if (head[0] !== 0x1f || head[1] !== 0x8b) return new TextDecoder().decode(bytes);
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Response(stream).text();
}

/** The index's shards and facet table: a fixed name, so always revalidated. */
export async function loadManifest(): Promise<ShardManifest> {
  const response = await fetch(`${PAGEFIND_PATH}${SHARD_MANIFEST_FILE}`, { cache: "no-cache" });
  if (!response.ok) throw new Error(`${response.status} fetching the search index manifest`);
  return (await response.json()) as ShardManifest;
}

export async function loadFacetTable(manifest: ShardManifest): Promise<EncodedFacetTable> {
  const response = await fetch(`${PAGEFIND_PATH}${manifest.facets}`);
  if (!response.ok) throw new Error(`${response.status} fetching the facet table`);
  return JSON.parse(await gunzipIfNeeded(await response.arrayBuffer())) as EncodedFacetTable;
}

/**
 * Pagefind over every shard: the first (oldest years, with the script and WebAssembly) is
 * the primary index, the others are merged into it in order, so results of a search sorted
 * by permalink come oldest shard first, as the facet table's rows do.
 */
export async function loadPagefind(manifest: ShardManifest): Promise<PagefindApi> {
  const url = `${PAGEFIND_PATH}pagefind.js`;
  const module = (await import(/* @vite-ignore */ url)) as PagefindModule;
  // Already in a worker: no nested one (Pagefind's own would need its classic script and
  // could not share our steps). In a worker Pagefind cannot find its own path: give it.
  const pagefind = module.createInstance({
    noWorker: true,
    basePath: PAGEFIND_PATH,
    excerptLength: 30,
    ranking: RANKING,
  });
  await pagefind.init();
  // Merged indexes do not inherit the ranking: scores must be comparable (ranking.ts).
  await Promise.all(
    manifest.shards.slice(1).map((shard) => pagefind.mergeIndex(shard.path, { ranking: RANKING })),
  );
  return pagefind;
}
