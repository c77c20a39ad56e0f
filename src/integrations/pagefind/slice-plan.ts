/**
 * The search shards one build indexes: all of them in a whole build; in a year slice those
 * of its years, planned over the whole archive so they are the shards a whole build makes
 * (src/lib/slice.ts refuses a slice that would split one).
 */
import { planShards, type Shard } from "../../lib/search/shards.ts";
import { DEFAULT_SETTINGS } from "../../lib/settings.ts";
import { shardsOfSlice, WHOLE_SITE, type BuildSlice } from "../../lib/slice.ts";
import { articlesPerYear } from "../built-entries.ts";

export interface ShardPlanOptions {
  /** The whole site when not given. */
  slice?: BuildSlice | undefined;
  archiveDir?: string | undefined;
  shardPages: number;
  newestShard?: boolean | undefined;
}

/** The archive's shards that `slice` indexes (throws if it would split one). */
export async function sliceShards(options: ShardPlanOptions): Promise<Shard[]> {
  const whole = planShards(
    await articlesPerYear(options.archiveDir ?? DEFAULT_SETTINGS.archiveDir),
    options.shardPages,
    options.newestShard,
  );
  return shardsOfSlice(options.slice ?? WHOLE_SITE, whole);
}

/**
 * The shards to index, given the built article pages by year: a whole build plans them
 * from what it built, a year slice from the whole archive.
 */
export async function shardsToIndex(
  options: ShardPlanOptions,
  byYear: ReadonlyMap<string, readonly string[]>,
): Promise<Shard[]> {
  if (options.slice && options.slice.kind !== "all") return sliceShards(options);
  return planShards(
    new Map([...byYear].map(([year, paths]) => [year, paths.length])),
    options.shardPages,
    options.newestShard,
  );
}
