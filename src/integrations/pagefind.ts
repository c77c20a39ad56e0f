/**
 * Indexes the site with Pagefind's Node API while `astro build` runs, so `astro build`
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
 * Each shard starts as soon as its pages are written (the `start` integration): Astro renders
 * article pages newest first, so the newest years' shards index beside the rendering of
 * older years (./pagefind/watch-generation.ts, src/lib/written-pages.ts), and the rest
 * while this process writes the article files, the dataset and the deploy files, sweeps
 * `dist/` and writes the `.gz` copies; the `finish` integration, after those, waits for it
 * and puts the shards in place. Into each shard's folder it writes that shard's facet table
 * (src/lib/search/facets.ts): each indexed page's id, date and filter values, read back from
 * the fragments Pagefind wrote (./pagefind/fragments.ts). Then the manifest
 * (./pagefind/manifest.ts); from start to finish in ./pagefind/indexing.ts.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { filesUnder } from "../lib/files-under.ts";
import { PAGEFIND_FOLDER, PAGEFIND_PATH } from "../lib/permalink.ts";
import { DEFAULT_SETTINGS } from "../lib/settings.ts";
import { parseSlice } from "../lib/slice.ts";
import { generation, WrittenPages } from "../lib/written-pages.ts";
import { articlePagesByYear, samePagesByYear } from "../lib/search/shards.ts";
import type { IndexOptions } from "./pagefind/index-shards.ts";
import {
  finishIndexing,
  startIndexing,
  type BuildOutput,
  type Indexing,
} from "./pagefind/indexing.ts";
import { sliceShards } from "./pagefind/slice-plan.ts";
import { watchGeneration, type GenerationWatcher } from "./pagefind/watch-generation.ts";
import { ownOutputFolder } from "./output-sweep.ts";
import { precompressFiles } from "./precompress.ts";

export type { IndexOptions } from "./pagefind/index-shards.ts";
export { indexSite, type BuildOutput } from "./pagefind/indexing.ts";

/** The options of the integration: {@link IndexOptions}, each with its default. */
export type PagefindOptions = Partial<Omit<IndexOptions, "slice">> & { slice?: string };

/** What the start integration keeps of indexing begun while one build renders. */
interface EarlyIndexing {
  /** Which pages are written, once Astro has listed what it generates. */
  written: WrittenPages | null;
  /** The indexing begun then. */
  indexing: Promise<Indexing | null> | null;
}

/**
 * What to tell of Astro's generation (./pagefind/watch-generation.ts) to index while it
 * renders: once it lists its pages, indexing starts, each shard once its pages are written
 * (kept in `early`); a failed shard fails the build at the next page, not after the last.
 */
function indexWhileRendering(
  settings: IndexOptions,
  build: Omit<BuildOutput, "pages" | "written">,
  early: EarlyIndexing,
  atOnce: number,
): GenerationWatcher {
  let failure: { error: unknown } | null = null;
  return {
    listed: (paths) => {
      // Before Astro's first page line, which its page lines complete.
      build.logger.info(
        `Search index: each shard indexed once its pages are written, unless the build ` +
          `cache has it (${Math.max(1, settings.cores - 1)} at once while the build renders ` +
          `and runs its other steps)`,
      );
      const { order, pages } = generation(paths);
      const written = new WrittenPages(order, atOnce);
      early.written = written;
      early.indexing = startIndexing(settings, {
        ...build,
        pages: pages.map((pathname) => ({ pathname })),
        written,
      });
      void early.indexing.then(
        (started) => started?.done.catch((error: unknown) => (failure ??= { error })),
        (error: unknown) => (failure ??= { error }),
      );
    },
    rendering: (pathname) => {
      if (failure) throw failure.error;
      early.written?.starting(pathname);
    },
    rendered: (pathname) => early.written?.rendered(pathname),
    failed: (error) => early.written?.failed(error),
  };
}

/**
 * The search index, begun while the pages render (`start`, shard by shard as their pages are
 * written; when the build is done, if Astro's prerenderer could not be watched) and finished
 * after the output sweep and the `.gz` step (`finish`, which writes its folder's `.gz`
 * copies); options as in astro.config.mjs.
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
  let atOnce = 1;
  let early: EarlyIndexing = { written: null, indexing: null };
  let indexing: Indexing | null = null;
  const start: AstroIntegration = {
    name: "news-archive:pagefind",
    hooks: {
      "astro:config:done": ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
        outDir = config.outDir;
        // How many pages Astro generates at a time: what a page starting says of the others.
        atOnce = config.build.concurrency;
        // Its shards and tables in the kept dist/ are replaced and removed here.
        ownOutputFolder(PAGEFIND_PATH);
      },
      // A slice that would split a shard fails before anything is rendered.
      "astro:build:start": async ({ setPrerenderer, logger }) => {
        indexing = null;
        early = { written: null, indexing: null };
        if (!settings.enabled || settings.slice?.kind === "site") return;
        if (settings.slice?.kind === "years") await sliceShards(settings);
        if (!outDir) return;
        const build = { dir: outDir, cacheDir, logger };
        const watcher = indexWhileRendering(settings, build, early, atOnce);
        setPrerenderer((astro) => watchGeneration(astro, watcher));
      },
      "astro:build:generated": () => {
        early.written?.finished();
      },
      "astro:build:done": async ({ dir, pages, logger }) => {
        const started = await early.indexing;
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
