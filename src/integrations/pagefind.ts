/**
 * Indexes the built site with Pagefind's Node API at `astro:build:done`, so `astro build`
 * alone yields a searchable `dist/` (no second CLI step). Which parts of a page are
 * indexed, and with what filters, sort keys and metadata, is decided by the data-pagefind-*
 * attributes in src/layouts and src/components.
 *
 * Each language in its own grammar (issue 16): Pagefind splits each shard's index by the
 * pages' `<html lang>` and stems each language's part with its own stemmer, Azerbaijani
 * pages as Turkish (src/lib/search/index-language.ts, ./pagefind/stage-pages.ts); the search
 * page searches every part and joins them as it joins shards, so all languages are still
 * searched together and told apart by the `language` filter.
 *
 * The index is built in shards of consecutive years (src/lib/search/shards.ts), each in a
 * Pagefind process of its own (./pagefind/shard-indexer.ts), as many at once as the cores
 * and the memory budget allow (src/lib/search/shard-schedule.ts). Shards whose pages index the
 * same as in the last build come from the build cache (./pagefind/shard-cache.ts).
 *
 * Pagefind starts as soon as the pages are rendered (the `start` integration, first of the
 * `astro:build:done` hooks) and works in its own processes while this one writes the
 * article files, the dataset and the deploy files, sweeps `dist/` and writes the `.gz`
 * copies; the `finish` integration, after those, waits for it and puts the shards in place. Into each shard's
 * folder it writes that shard's facet table (src/lib/search/facets.ts): each indexed page's
 * id, date and filter values, read back from the fragments Pagefind wrote
 * (./pagefind/fragments.ts). Then the manifest (./pagefind/manifest.ts).
 */
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration, AstroIntegrationLogger } from "astro";
import { filesUnder } from "../lib/files-under.ts";
import { PAGEFIND_FOLDER, PAGEFIND_PATH } from "../lib/permalink.ts";
import type { FacetRecord } from "../lib/search/facet-table.ts";
import { facetTotals } from "../lib/search/facets.ts";
import { INDEXED_AS } from "../lib/search/index-language.ts";
import { DEFAULT_SETTINGS } from "../lib/settings.ts";
import { parseSlice } from "../lib/slice.ts";
import { generation, WrittenPages } from "../lib/written-pages.ts";
import {
  articlePagesByYear,
  samePagesByYear,
  type ManifestShard,
  type Shard,
} from "../lib/search/shards.ts";
import {
  indexOptions,
  indexShards,
  type IndexedShards,
  type IndexOptions,
} from "./pagefind/index-shards.ts";
import { removeStaleShards, writeManifest, writeShardTable } from "./pagefind/manifest.ts";
import { indexSettingsKey, ShardCache } from "./pagefind/shard-cache.ts";
import { shardsToIndex, sliceShards } from "./pagefind/slice-plan.ts";
import { watchGeneration } from "./pagefind/watch-generation.ts";
import { ownOutputFolder } from "./output-sweep.ts";
import { precompressFiles } from "./precompress.ts";

export type { IndexOptions } from "./pagefind/index-shards.ts";

/** The options of the integration: {@link IndexOptions}, each with its default. */
export type PagefindOptions = Partial<Omit<IndexOptions, "slice">> & { slice?: string };

/** What `astro:build:done` gives the indexer, and the build cache it keeps shards in. */
export interface BuildOutput {
  dir: URL;
  pages: readonly { pathname: string }[];
  cacheDir: string;
  logger: AstroIntegrationLogger;
  /** Which pages are written yet, while the build renders; without it, all of them. */
  written?: WrittenPages;
}

/** Indexing started when the pages were listed or rendered, to be finished after the other steps. */
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
 * cache holds each (./pagefind/index-shards.ts: keyed by its pages once they are written,
 * indexed from them unless the cache has it: ./pagefind/stage-pages.ts), without waiting
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
  void indexing.done.finally(() => (indexing.settled = performance.now())).catch(() => undefined);
  // Awaited by finishIndexing; a failure meanwhile is not one nobody handles.
  indexing.done.catch(() => undefined);
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

/**
 * The search index, begun when the pages are rendered (`start`: first of the integrations
 * that act when the build is done) and finished after the output sweep and the `.gz` step
 * (`finish`, which writes its folder's `.gz` copies); options as in astro.config.mjs.
 */
export default function pagefindIntegration(options: PagefindOptions = {}): {
  start: AstroIntegration;
  finish: AstroIntegration;
} {
  const settings: IndexOptions = {
    enabled: options.enabled ?? DEFAULT_SETTINGS.searchIndex,
    shardPages: options.shardPages ?? DEFAULT_SETTINGS.searchShardPages,
    newestShard: options.newestShard ?? DEFAULT_SETTINGS.searchNewestShard,
    maxFragments: options.maxFragments ?? DEFAULT_SETTINGS.pagefindMaxFragments,
    cores: options.cores ?? DEFAULT_SETTINGS.buildCores,
    memoryMb: options.memoryMb ?? DEFAULT_SETTINGS.buildMemoryMb,
    slice: parseSlice(options.slice ?? DEFAULT_SETTINGS.buildSlice),
    archiveDir: options.archiveDir ?? DEFAULT_SETTINGS.archiveDir,
  };
  let cacheDir = "";
  let outDir: URL | null = null;
  let sequential = false;
  /** This build's generation, once Astro has listed what it generates. */
  let written: WrittenPages | null = null;
  /** Indexing started then (see `listed` below). */
  let early: Promise<Indexing | null> | null = null;
  let indexing: Indexing | null = null;
  const start: AstroIntegration = {
    name: "news-archive:pagefind",
    hooks: {
      "astro:config:done": ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
        outDir = config.outDir;
        // Pages generated one after another: a page starting says the ones before are written.
        sequential = config.build.concurrency === 1;
        // Its shards and tables in the kept dist/ are replaced and removed here.
        ownOutputFolder(PAGEFIND_PATH);
      },
      // A slice that would split a shard fails before anything is rendered.
      "astro:build:start": async ({ setPrerenderer, logger }) => {
        indexing = null;
        written = null;
        early = null;
        if (!settings.enabled || settings.slice?.kind === "site") return;
        if (settings.slice?.kind === "years") await sliceShards(settings);
        if (!sequential || !outDir) return;
        const dir = outDir;
        // A failed shard fails the build at the next page, not after the last.
        let failure: { error: unknown } | null = null;
        setPrerenderer((astro) =>
          watchGeneration(astro, {
            listed: (paths) => {
              // Before Astro's first page line, which its page lines complete.
              logger.info(
                `Search index: each shard indexed once its pages are written, unless the ` +
                  `build cache has it (${Math.max(1, settings.cores - 1)} at once while the ` +
                  `build renders and runs its other steps)`,
              );
              const { order, pages } = generation(paths);
              written = new WrittenPages(order);
              early = startIndexing(settings, {
                dir,
                pages: pages.map((pathname) => ({ pathname })),
                cacheDir,
                logger,
                written,
              });
              early.then(
                (started) => started?.done.catch((error: unknown) => (failure ??= { error })),
                (error: unknown) => (failure ??= { error }),
              );
            },
            rendering: (pathname) => {
              if (failure) throw failure.error;
              written?.starting(pathname);
            },
            failed: (error) => written?.failed(error),
          }),
        );
      },
      "astro:build:generated": () => {
        written?.finished();
      },
      "astro:build:done": async ({ dir, pages, logger }) => {
        const started = await early;
        const built = articlePagesByYear(pages.map((page) => page.pathname));
        if (started && samePagesByYear(started.byYear, built)) {
          indexing = started;
          return;
        }
        if (started) {
          // Not expected: Astro wrote other pages than it listed. Indexed again from those.
          logger.warn("The pages built are not those listed before rendering: indexing again");
          started.stepsDone();
          await started.done.catch(() => undefined);
        }
        indexing = await startIndexing(settings, { dir, pages, cacheDir, logger });
      },
    },
  };
  const finish: AstroIntegration = {
    name: "news-archive:pagefind-finish",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        if (!indexing) return;
        await finishIndexing(indexing, settings, logger);
        // Its .gz copies: the .gz step, which ran while Pagefind worked, left its folder.
        const outDir = fileURLToPath(dir);
        const files = await filesUnder(join(outDir, PAGEFIND_FOLDER));
        await precompressFiles(
          outDir,
          files.map((file) => `${PAGEFIND_FOLDER}/${file}`),
        );
      },
    },
  };
  return { start, finish };
}
