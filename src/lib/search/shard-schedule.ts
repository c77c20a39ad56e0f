/**
 * Which search shards (./shards.ts) are indexed at once: each in a Pagefind process of its
 * own, at most one per core, and together within a memory budget, since Pagefind holds a
 * whole shard's index in memory while it builds it. The order they finish in does not
 * matter: the index files of each shard and the table of all are the same either way.
 */

/**
 * Peak memory of one Pagefind process, in MB per 1,000 article pages, rounded up from peak
 * resident memory measured on the 10,000-article benchmark archive (news vocabulary):
 * 2,943 MB for a shard of 9,568 pages, 960 MB for 3,000, 696 MB for 2,000 (README's
 * "Scale"). It grows about linearly with a shard's pages, and with the words they hold.
 */
export const PAGEFIND_MB_PER_1000_PAGES = 350;
/** What a Pagefind process takes before it reads a page (its binary and runtime). */
export const PAGEFIND_BASE_MB = 20;

/** A shard's estimated peak memory while Pagefind indexes it, in MB. */
export function shardMemoryMb(pages: number): number {
  return PAGEFIND_BASE_MB + Math.ceil((pages * PAGEFIND_MB_PER_1000_PAGES) / 1000);
}

export interface BuildLimits {
  /** Processes at once (`BUILD_CORES`). */
  cores: number;
  /** Their memory together, in MB (`BUILD_MEMORY_MB`). */
  memoryMb: number;
}

/**
 * The waiting shards to start now, as indexes into `waiting` (estimates in MB, in the order
 * they should start), given the estimates of those running. In order, each shard that fits
 * starts: while fewer than `cores` run and its estimate fits in what the running ones leave
 * of the budget. A shard larger than the whole budget starts only when nothing else runs,
 * alone (see {@link oversizedShards}), so the build still tries rather than stops.
 */
export function shardsToStart(
  waiting: readonly number[],
  running: readonly number[],
  limits: BuildLimits,
): number[] {
  const cores = Math.max(1, limits.cores);
  let count = running.length;
  let used = running.reduce((sum, mb) => sum + mb, 0);
  const start: number[] = [];
  for (const [i, mb] of waiting.entries()) {
    if (count >= cores) break;
    if (count > 0 && used + mb > limits.memoryMb) continue;
    start.push(i);
    count += 1;
    used += mb;
    // Alone, and over budget: nothing may join it.
    if (used > limits.memoryMb) break;
  }
  return start;
}

/** The shards (indexes into `estimates`, in MB) too large for the budget even alone. */
export function oversizedShards(estimates: readonly number[], limits: BuildLimits): number[] {
  return estimates.flatMap((mb, i) => (mb > limits.memoryMb ? [i] : []));
}

/** Limits that apply from when `from` settles on (e.g. once the other work is done). */
export interface LaterLimits {
  limits: BuildLimits;
  from: Promise<void>;
}

/**
 * Runs `task` for every item, starting them as {@link shardsToStart} allows, under `limits`
 * and, once `later.from` settles, under `later.limits`; resolves with the results in the
 * order of `items`, whatever order they finish in. On the first failure it starts no more,
 * waits for those running, and rejects with that failure.
 */
export async function runWithinBudget<T, R>(
  items: readonly T[],
  estimateMb: (item: T) => number,
  initial: BuildLimits,
  task: (item: T) => Promise<R>,
  later?: LaterLimits,
): Promise<R[]> {
  let limits = initial;
  // -1: the later limits apply now (a task's index is never negative).
  let widen: Promise<number> | null = later
    ? later.from.then(() => {
        limits = later.limits;
        return -1;
      })
    : null;
  const results: R[] = new Array<R>(items.length);
  let waiting = items.map((_, i) => i);
  const running = new Map<number, Promise<number>>();
  let failure: { error: unknown } | null = null;
  while (waiting.length > 0 || running.size > 0) {
    if (failure === null) {
      const estimates = waiting.map((i) => estimateMb(items[i]!));
      const runningMb = [...running.keys()].map((i) => estimateMb(items[i]!));
      const starting = shardsToStart(estimates, runningMb, limits).map((j) => waiting[j]!);
      for (const i of starting) {
        running.set(
          i,
          task(items[i]!).then(
            (result) => {
              results[i] = result;
              return i;
            },
            (error: unknown) => {
              failure ??= { error };
              return i;
            },
          ),
        );
      }
      waiting = waiting.filter((i) => !starting.includes(i));
    } else waiting = [];
    if (running.size === 0) break;
    const next = await Promise.race(widen ? [...running.values(), widen] : running.values());
    if (next === -1) widen = null;
    else running.delete(next);
  }
  if (failure !== null) throw (failure as { error: unknown }).error;
  return results;
}
