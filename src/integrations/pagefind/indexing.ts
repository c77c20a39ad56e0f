/**
 * One build's search index from start to finish (../pagefind.ts wires it into the build):
 * shards planned from the article pages, each made sure of in the build cache
 * (./index-shards.ts), then placed in `/pagefind/` with their facet tables and the manifest.
 */
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegrationLogger } from "astro";
import { PAGEFIND_PATH } from "../../lib/permalink.ts";
import type { FacetRecord } from "../../lib/search/facet-table.ts";
import { facetTotals } from "../../lib/search/facets.ts";
import { INDEXED_AS } from "../../lib/search/index-language.ts";
import { articlePagesByYear, type ManifestShard, type Shard } from "../../lib/search/shards.ts";
import type { WrittenPages } from "../../lib/written-pages.ts";
import {
  indexOptions,
  indexShards,
  type IndexedShards,
  type IndexOptions,
} from "./index-shards.ts";
import { removeStaleShards, writeManifest, writeShardTable } from "./manifest.ts";
import { indexSettingsKey, ShardCache } from "./shard-cache.ts";
import { shardsToIndex } from "./slice-plan.ts";

/**
 * The site the indexer reads, as `astro:build:done` gives it or as Astro lists its pages
 * before rendering them, and the build cache it keeps shards in.
 */
export interface BuildOutput {
  dir: URL;
  pages: readonly { pathname: string }[];
  cacheDir: string;
  logger: AstroIntegrationLogger;
  /** Which pages are written yet, while the build renders; without it, all of them. */
  written?: WrittenPages;
}

/** Indexing begun while the pages render, or once they are, finished after the other steps. */
export interface Indexing {
  outDir: string;
  shards: Shard[];
  /** The article pages by year it indexes (pathnames). */
  byYear: ReadonlyMap<string, readonly string[]>;
  cache: ShardCache;
  /** Settles when every shard is in the cache, with their keys. */
  done: Promise<IndexedShards>;
  /** When the start began, and when `done` settled (`performance.now()`). */
  started: number;
  settled: number;
  /** What the build spent in the start, in ms, before its other steps went on. */
  startMs: number;
  /** Says the build's other steps are done: the index may use every core. */
  stepsDone: () => void;
}

/**
 * Plans the shards of the site in `build.dir` from its pages, and starts making sure the
 * cache holds each (./index-shards.ts: keyed by its pages once they are written,
 * indexed from them unless the cache has it: ./stage-pages.ts), without waiting
 * for it. Null when the build writes no index (its old one removed).
 */
export async function startIndexing(
  options: IndexOptions,
  build: BuildOutput,
): Promise<Indexing | null> {
  const { dir, pages, cacheDir, logger, written } = build;
  const outDir = fileURLToPath(dir);
  // For measuring the render alone on archives too large to index on one machine.
  // The site slice indexes nothing: the year slices write the index, the merge its manifest.
  if (!options.enabled || options.slice?.kind === "site") {
    // (Nor one kept from an earlier build into this dist/: it would be stale.)
    await rm(join(outDir, PAGEFIND_PATH), { recursive: true, force: true });
    if (!options.enabled) logger.warn("SEARCH_INDEX=off: no search index written");
    return null;
  }
  const started = performance.now();
  const byYear = articlePagesByYear(pages.map((page) => page.pathname));
  const shards = await shardsToIndex(options, byYear);
  const cache = await ShardCache.open(
    cacheDir,
    // Which language is indexed as which decides the index too.
    indexSettingsKey({ ...indexOptions(options.maxFragments), indexedAs: INDEXED_AS }),
  );
  let stepsDone = () => undefined as void;
  const context = {
    outDir,
    byYear,
    logger,
    stepsDone: new Promise<void>((resolve) => (stepsDone = resolve)),
    ...(written ? { written } : {}),
  };
  const indexing: Indexing = {
    outDir,
    shards,
    byYear,
    cache,
    done: indexShards(shards, cache, options, context),
    started,
    settled: started,
    startMs: 0,
    stepsDone,
  };
  // Awaited by finishIndexing; a failure meanwhile is not one nobody handles.
  void indexing.done.finally(() => (indexing.settled = performance.now())).catch(() => undefined);
  indexing.startMs = performance.now() - started;
  return indexing;
}

/**
 * Waits for the indexing `startIndexing` began, places every shard in `/pagefind/`, and
 * writes the facet tables and the manifest.
 */
export async function finishIndexing(
  indexing: Indexing,
  options: IndexOptions,
  logger: AstroIntegrationLogger,
): Promise<void> {
  const finishing = performance.now();
  const { outDir, shards, cache } = indexing;
  indexing.stepsDone();
  const { keys, indexed } = await indexing.done;
  const records: FacetRecord[] = [];
  const listed: ManifestShard[] = [];
  for (const [i, shard] of shards.entries()) {
    const key = keys[i]!;
    const folder = join(outDir, shard.path);
    await cache.place(key, folder, shard.folder === null);
    const shardRecords = await cache.records(key);
    records.push(...shardRecords);
    listed.push(await writeShardTable(folder, shard, shardRecords));
  }
  await cache.close();
  const bundleDir = join(outDir, PAGEFIND_PATH);
  await removeStaleShards(bundleDir, shards);
  await writeManifest(bundleDir, { version: 2, shards: listed, totals: facetTotals(records) });
  const finished = performance.now();
  // Its own time: the start and the indexing, then putting it in place once both were done.
  const placed = finished - Math.max(finishing, indexing.settled);
  const ms = Math.round(indexing.settled - indexing.started + placed);
  const waited = Math.round(indexing.startMs + (finished - finishing));
  logger.info(
    `Indexed ${records.length} pages in ${ms} ms: ${shards.length} shard(s), ${indexed} ` +
      `indexed, ${shards.length - indexed} reused; up to ${options.cores} at once in ` +
      `${options.memoryMb} MB; the build waited ${waited} ms for it beside its other steps`,
  );
}

/** Indexes the built site into `/pagefind/`, start to finish (bench/index-shards.ts). */
export async function indexSite(options: IndexOptions, build: BuildOutput): Promise<void> {
  const indexing = await startIndexing(options, build);
  if (indexing) await finishIndexing(indexing, options, build.logger);
}
