/**
 * Indexes the built site with Pagefind's Node API at `astro:build:done`, so `astro build`
 * alone yields a searchable `dist/` (no second CLI step). Which parts of a page are
 * indexed, and with what filters, sort keys and metadata, is decided by the data-pagefind-*
 * attributes in src/layouts and src/components.
 *
 * Each language in its own grammar (issue 16): Pagefind splits each shard's index by the
 * pages' `<html lang>` and stems each language's part with its own stemmer, Azerbaijani
 * pages as Turkish (src/lib/search/index-language.ts, ./pagefind/add-pages.ts); the search
 * page searches every part and joins them as it joins shards, so all languages are still
 * searched together and told apart by the `language` filter.
 *
 * The index is built in shards of consecutive years (src/lib/search/shards.ts), each in a
 * Pagefind process of its own (./pagefind/shard-indexer.ts), as many at once as the cores
 * and the memory budget allow (src/lib/search/shard-schedule.ts). Shards whose pages index the
 * same as in the last build come from the build cache (./pagefind/shard-cache.ts).
 *
 * Into each shard's folder it writes that shard's facet table (src/lib/search/facets.ts):
 * each indexed page's id, date and filter values, read back from the fragments Pagefind
 * wrote (./pagefind/fragments.ts), gzipped as Pagefind's own files are and named after its
 * content. Then the manifest: the shards, their tables and Pagefind entry files, and the
 * facet counts of the whole archive, so the search page needs no shard until a search.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import type { AstroIntegration, AstroIntegrationLogger } from "astro";
import type * as pagefind from "pagefind";
import { PAGEFIND_PATH } from "../lib/permalink.ts";
import { encodeFacetTable, type FacetRecord } from "../lib/search/facet-table.ts";
import { facetTotals } from "../lib/search/facets.ts";
import { INDEXED_AS } from "../lib/search/index-language.ts";
import {
  oversizedShards,
  runWithinBudget,
  shardMemoryMb,
  type BuildLimits,
} from "../lib/search/shard-schedule.ts";
import { DEFAULT_SETTINGS } from "../lib/settings.ts";
import { parseSlice, type BuildSlice } from "../lib/slice.ts";
import {
  articlePagesByYear,
  articleYearOf,
  SHARD_FOLDER,
  SHARD_MANIFEST_FILE,
  type ManifestShard,
  type Shard,
  type ShardManifest,
} from "../lib/search/shards.ts";
import { facetRecordsFrom, readFragments, readMetaIds } from "./pagefind/fragments.ts";
import { runShardIndexer, type ShardJob } from "./pagefind/run-shard.ts";
import { indexSettingsKey, ShardCache } from "./pagefind/shard-cache.ts";
import { shardsToIndex, sliceShards } from "./pagefind/slice-plan.ts";
import { ownOutputFolder } from "./output-sweep.ts";

export interface PagefindOptions {
  /** Write the search index at all; off, any index an earlier build left is removed. */
  enabled?: boolean;
  /** The largest shard, in articles (about 2 GB of Pagefind memory per 10,000). */
  shardPages?: number;
  /** The newest year is a shard of its own (`SEARCH_NEWEST_SHARD`). */
  newestShard?: boolean;
  /** Past this many pages in a shard, Pagefind bundles fragments into shared files. */
  maxFragments?: number;
  /** Shards indexed at once, at most (`BUILD_CORES`). */
  cores?: number;
  /** Memory the Pagefind processes may use together, in MB (`BUILD_MEMORY_MB`). */
  memoryMb?: number;
  /** What this build makes (`BUILD_SLICE`): a year slice indexes its years' shards only. */
  slice?: string;
  /** The archive, whose years a slice's shards are planned over (`ARCHIVE_DIR`). */
  archiveDir?: string;
}

/** The options indexing needs: all of them (the newest shard's rule defaults to on). */
type IndexOptions = Required<Omit<PagefindOptions, "newestShard" | "slice" | "archiveDir">> &
  Pick<PagefindOptions, "newestShard" | "archiveDir"> & { slice?: BuildSlice };

/** What `astro:build:done` gives the indexer, and the build cache it keeps shards in. */
export interface BuildOutput {
  dir: URL;
  pages: readonly { pathname: string }[];
  cacheDir: string;
  logger: AstroIntegrationLogger;
}

/** Pagefind's options, the same for every shard. */
function indexOptions(maxFragments: number) {
  return { maxFragments } as const satisfies pagefind.PagefindServiceConfig;
}

/** The years a shard holds, for messages: `2019` or `2001–2010`. */
function yearsOf(shard: Shard): string {
  const first = shard.years[0]!;
  const last = shard.years[shard.years.length - 1]!;
  return first === last ? first : `${first}–${last}`;
}

/**
 * Indexes one shard's years of `outDir` into `folder`, in a Pagefind process of its own,
 * and returns its pages' facet records. A Pagefind failure is logged and rethrown with the
 * shard it was indexing and what to try.
 */
async function indexShard(
  outDir: string,
  shard: Shard,
  folder: string,
  options: IndexOptions,
  logger: AstroIntegrationLogger,
): Promise<FacetRecord[]> {
  const job: ShardJob = {
    outDir,
    years: shard.years,
    folder,
    config: indexOptions(options.maxFragments),
  };
  const outcome = await runShardIndexer(job);
  if (!outcome.ok) {
    const what = `Pagefind failed ${outcome.step}, indexing the shard of ${yearsOf(shard)} (${shard.pages} articles, ${shard.path})`;
    logger.error(`${what}: ${outcome.message}`);
    throw new Error(
      `${what}. Its message is logged above. If it ran out of memory, make shards smaller ` +
        `(SEARCH_SHARD_PAGES, now ${options.shardPages}) or index fewer at once ` +
        `(BUILD_CORES, now ${options.cores}); SEARCH_INDEX=off builds without search.`,
      { cause: new Error(outcome.message) },
    );
  }
  const records = facetRecordsFrom(await readFragments(folder));
  for (const record of records) {
    const year = record.date.slice(0, 4);
    if (!shard.years.includes(year) || articleYearOf(record.url) !== year) {
      throw new Error(
        `Indexed page ${record.url} (${record.date}) is outside the ${shard.path} shard`,
      );
    }
  }
  return records;
}

/** Says which shards are estimated to need more memory than the budget: each runs alone. */
function warnOversized(
  shards: readonly Shard[],
  limits: BuildLimits,
  logger: AstroIntegrationLogger,
) {
  const estimates = shards.map((shard) => shardMemoryMb(shard.pages));
  for (const i of oversizedShards(estimates, limits)) {
    logger.warn(
      `The search shard of ${yearsOf(shards[i]!)} (${shards[i]!.pages} articles) needs about ` +
        `${estimates[i]} MB to index, more than BUILD_MEMORY_MB (${limits.memoryMb}): it is ` +
        `indexed alone. Smaller shards (SEARCH_SHARD_PAGES) fit the budget.`,
    );
  }
}

/** Shard folders an earlier build left in `/pagefind/`. */
async function removeStaleShards(bundleDir: string, shards: readonly Shard[]) {
  const live = new Set(shards.map((shard) => shard.folder));
  for (const name of await readdir(bundleDir)) {
    if (SHARD_FOLDER.test(name) && !live.has(name)) {
      await rm(join(bundleDir, name), { recursive: true, force: true });
    }
  }
}

/**
 * Writes a shard's facet table into its folder (unless a kept `dist/` has it: the name is
 * its content's hash), removes any other table there, and returns its manifest entry.
 */
async function writeShardTable(
  folder: string,
  shard: Shard,
  records: readonly FacetRecord[],
): Promise<ManifestShard> {
  const entry: unknown = JSON.parse(await readFile(join(folder, "pagefind-entry.json"), "utf8"));
  const table = encodeFacetTable(records, await readMetaIds(folder, entry));
  const bytes = gzipSync(JSON.stringify(table), { level: 9 });
  const facets = `facets.${createHash("sha256").update(bytes).digest("hex").slice(0, 16)}.pf_facets`;
  for (const name of await readdir(folder)) {
    if (/^facets\..*\.pf_facets$/.test(name) && name !== facets) await rm(join(folder, name));
  }
  if (!existsSync(join(folder, facets))) await writeFile(join(folder, facets), bytes);
  return {
    path: shard.path,
    years: [shard.years[0]!, shard.years[shard.years.length - 1]!],
    pages: records.length,
    facets,
    entry,
  };
}

/** Writes the manifest (a year slice's lists its own shards; the merge joins them). */
export async function writeManifest(bundleDir: string, manifest: ShardManifest): Promise<void> {
  await mkdir(bundleDir, { recursive: true });
  await writeFile(join(bundleDir, SHARD_MANIFEST_FILE), JSON.stringify(manifest));
}

/**
 * Indexes the shards the build cache lacks into it, as many at once as the budget allows,
 * and returns how many.
 */
async function indexMissing(
  shards: readonly Shard[],
  keys: readonly string[],
  cache: ShardCache,
  options: IndexOptions,
  { outDir, logger }: { outDir: string; logger: AstroIntegrationLogger },
): Promise<number> {
  const missing = shards.flatMap((shard, i) =>
    cache.has(keys[i]!) ? [] : [{ shard, key: keys[i]! }],
  );
  const limits: BuildLimits = { cores: options.cores, memoryMb: options.memoryMb };
  warnOversized(
    missing.map(({ shard }) => shard),
    limits,
    logger,
  );
  await runWithinBudget(
    missing,
    ({ shard }) => shardMemoryMb(shard.pages),
    limits,
    ({ shard, key }) =>
      cache.fill(key, shard, (folder) => indexShard(outDir, shard, folder, options, logger)),
  );
  return missing.length;
}

/**
 * Indexes the built site in `build.dir` into `/pagefind/`: plans the shards, indexes those
 * the build cache lacks, places all of them, and writes the facet table and the manifest.
 */
export async function indexSite(options: IndexOptions, build: BuildOutput): Promise<void> {
  const { dir, pages, cacheDir, logger } = build;
  const outDir = fileURLToPath(dir);
  // For measuring the render alone on archives too large to index on one machine.
  // The site slice indexes nothing: the year slices write the index, the merge its manifest.
  if (!options.enabled || options.slice?.kind === "site") {
    // (Nor one kept from an earlier build into this dist/: it would be stale.)
    await rm(join(outDir, PAGEFIND_PATH), { recursive: true, force: true });
    if (!options.enabled) logger.warn("SEARCH_INDEX=off: no search index written");
    return;
  }
  const started = performance.now();
  const byYear = articlePagesByYear(pages.map((page) => page.pathname));
  const shards = await shardsToIndex(options, byYear);
  const cache = await ShardCache.open(
    cacheDir,
    // Which language is indexed as which decides the index too.
    indexSettingsKey({ ...indexOptions(options.maxFragments), indexedAs: INDEXED_AS }),
  );
  const keys: string[] = [];
  for (const shard of shards) {
    keys.push(
      await cache.keyOf(
        outDir,
        shard.years.flatMap((year) => byYear.get(year) ?? []),
      ),
    );
  }
  const indexed = await indexMissing(shards, keys, cache, options, { outDir, logger });
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
  const ms = Math.round(performance.now() - started);
  logger.info(
    `Indexed ${records.length} pages in ${ms} ms: ${shards.length} shard(s), ${indexed} ` +
      `indexed, ${shards.length - indexed} reused; up to ${options.cores} at once in ` +
      `${options.memoryMb} MB`,
  );
}

/** The search index, written at the end of `astro build`; options as in astro.config.mjs. */
export default function pagefindIntegration(options: PagefindOptions = {}): AstroIntegration {
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
  return {
    name: "news-archive:pagefind",
    hooks: {
      "astro:config:done": ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
        // Its shards and tables in the kept dist/ are replaced and removed here.
        ownOutputFolder(PAGEFIND_PATH);
      },
      // A slice that would split a shard fails before anything is rendered.
      "astro:build:start": async () => {
        if (settings.enabled && settings.slice?.kind === "years") await sliceShards(settings);
      },
      "astro:build:done": ({ dir, pages, logger }) =>
        indexSite(settings, { dir, pages, cacheDir, logger }),
    },
  };
}
