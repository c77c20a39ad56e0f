/**
 * Indexes the shards the build cache lacks, each in a Pagefind process of its own
 * (./run-shard.ts), as many at once as the cores and the memory budget allow
 * (src/lib/search/shard-schedule.ts), into the cache (./shard-cache.ts).
 */
import type { AstroIntegrationLogger } from "astro";
import type * as pagefind from "pagefind";
import type { FacetRecord } from "../../lib/search/facet-table.ts";
import {
  oversizedShards,
  runWithinBudget,
  shardMemoryMb,
  type BuildLimits,
} from "../../lib/search/shard-schedule.ts";
import { articleYearOf, type Shard } from "../../lib/search/shards.ts";
import type { BuildSlice } from "../../lib/slice.ts";
import type { WrittenPages } from "../../lib/written-pages.ts";
import { facetRecordsFrom, readFragments } from "./fragments.ts";
import { runShardIndexer, type ShardJob } from "./run-shard.ts";
import type { ShardCache } from "./shard-cache.ts";

/** The options indexing needs (src/integrations/pagefind.ts gives each its default). */
export interface IndexOptions {
  /** Write the search index at all; off, any index an earlier build left is removed. */
  enabled: boolean;
  /** The largest shard, in articles (about 2 GB of Pagefind memory per 10,000). */
  shardPages: number;
  /** The newest year is a shard of its own (`SEARCH_NEWEST_SHARD`); on when not given. */
  newestShard?: boolean;
  /** Past this many pages in a shard, Pagefind bundles fragments into shared files. */
  maxFragments: number;
  /** Shards indexed at once, at most (`BUILD_CORES`). */
  cores: number;
  /** Memory the Pagefind processes may use together, in MB (`BUILD_MEMORY_MB`). */
  memoryMb: number;
  /** What this build makes (`BUILD_SLICE`): a year slice indexes its years' shards only. */
  slice?: BuildSlice;
  /** The archive, whose years a slice's shards are planned over (`ARCHIVE_DIR`). */
  archiveDir?: string;
}

/** Pagefind's options, the same for every shard. */
export function indexOptions(maxFragments: number) {
  return { maxFragments } as const satisfies pagefind.PagefindServiceConfig;
}

/** The years a shard holds, for messages: `2019` or `2001–2010`. */
export function yearsOf(shard: Shard): string {
  const first = shard.years[0]!;
  const last = shard.years[shard.years.length - 1]!;
  return first === last ? first : `${first}–${last}`;
}

/**
 * Indexes one shard's article `pages` (its years) of `outDir` into `folder`, in a Pagefind process of its own,
 * and returns its pages' facet records. A Pagefind failure is logged and rethrown with the
 * shard it was indexing and what to try.
 */
async function indexShard(
  { outDir, logger }: IndexingContext,
  shard: Shard,
  pages: readonly string[],
  folder: string,
  options: IndexOptions,
): Promise<FacetRecord[]> {
  const job: ShardJob = {
    outDir,
    years: shard.years,
    pages,
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

/** Says when a shard is estimated to need more memory than the budget: it runs alone. */
function warnOversized(shard: Shard, limits: BuildLimits, logger: AstroIntegrationLogger) {
  const estimate = shardMemoryMb(shard.pages);
  if (oversizedShards([estimate], limits).length === 0) return;
  logger.warn(
    `The search shard of ${yearsOf(shard)} (${shard.pages} articles) needs about ` +
      `${estimate} MB to index, more than BUILD_MEMORY_MB (${limits.memoryMb}): it is ` +
      `indexed alone. Smaller shards (SEARCH_SHARD_PAGES) fit the budget.`,
  );
}

/** Where indexing reads and reports. */
export interface IndexingContext {
  /** The built site. */
  outDir: string;
  /** Its article pages by year (pathnames): what each shard indexes. */
  byYear: ReadonlyMap<string, readonly string[]>;
  logger: AstroIntegrationLogger;
  /** Settles when the build's other steps are done. */
  stepsDone: Promise<void>;
  /**
   * Which pages are written yet, while the build renders (src/lib/written-pages.ts): each
   * shard waits for its own. Without it, all are.
   */
  written?: WrittenPages;
}

/** Each shard's cache key, in the order planned, and how many shards were indexed afresh. */
export interface IndexedShards {
  keys: string[];
  indexed: number;
}

/**
 * Makes sure the cache holds every shard: each, once its pages are written, is keyed by
 * them (./shard-cache.ts) and indexed unless the cache has it. As many at once as the
 * budget allows: one core fewer until `stepsDone` settles, as the build renders or runs its
 * own steps beside them till then (two Pagefind processes and the build on two cores made a
 * clean build 10% slower). Shards start in the order their pages are written.
 */
export async function indexShards(
  shards: readonly Shard[],
  cache: ShardCache,
  options: IndexOptions,
  context: IndexingContext,
): Promise<IndexedShards> {
  const { logger, stepsDone, written } = context;
  const limits: BuildLimits = { cores: options.cores, memoryMb: options.memoryMb };
  const pagesOf = (shard: Shard) => shard.years.flatMap((year) => context.byYear.get(year) ?? []);
  const jobs = shards.map((shard, planned) => ({ shard, planned, pages: pagesOf(shard) }));
  if (written) {
    const last = jobs.map(({ pages }) => written.lastOf(pages));
    jobs.sort((a, b) => last[a.planned]! - last[b.planned]! || a.planned - b.planned);
  }
  const keys = new Array<string>(shards.length);
  let indexed = 0;
  await runWithinBudget(
    jobs,
    ({ shard }) => shardMemoryMb(shard.pages),
    { ...limits, cores: Math.max(1, limits.cores - 1) },
    async ({ shard, planned, pages }) => {
      await written?.whenWritten(pages);
      const key = await cache.keyOf(context.outDir, pages);
      keys[planned] = key;
      if (cache.has(key)) return;
      warnOversized(shard, limits, logger);
      indexed += 1;
      await cache.fill(key, shard, (folder) => indexShard(context, shard, pages, folder, options));
    },
    { limits, from: stepsDone },
  );
  return { keys, indexed };
}
