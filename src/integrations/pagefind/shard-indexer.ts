/**
 * Indexes one search shard in a Node process of its own, forked by ../pagefind.ts: the
 * process's Pagefind Node API starts its own `pagefind` binary (the API keeps one per
 * module instance, and its `close()` ends that one for every index in it), so shards index
 * in parallel, each on its own core, and each binary's memory is given back, and the binary
 * reaped, when its shard is written. (A worker thread would do, but a binary started from a
 * thread that has ended is never reaped: it stays a zombie until the build ends.)
 *
 * It gets one {@link ShardJob} as a message and answers with one {@link ShardOutcome}.
 */
import { existsSync, readFileSync, rmSync } from "node:fs";
import * as pagefind from "pagefind";
import { stagePages } from "./stage-pages.ts";

export interface ShardJob {
  /** The built site. */
  outDir: string;
  /** The shard's years, for messages. */
  years: readonly string[];
  /** Its article pages, by pathname (`/articles/2019/12/11/slug/`). */
  pages: readonly string[];
  /** Where the shard's index is written. */
  folder: string;
  /** Pagefind's options (the same for every shard). */
  config: pagefind.PagefindServiceConfig;
}

/** Done, or the step that failed and Pagefind's message. */
export type ShardOutcome = { ok: true } | { ok: false; step: string; message: string };

/**
 * What the process sends: the step it starts (so a Pagefind binary that dies without an
 * answer, which leaves the API waiting forever, is still reported with its step), then its
 * outcome.
 */
export type ShardMessage = { step: string } | ShardOutcome;

const send = (message: ShardMessage) =>
  new Promise<void>((resolve) => process.send!(message, () => resolve()));

/** This process's child processes, where Linux's /proc lists them (elsewhere none). */
function childProcesses(): number[] {
  try {
    const list = readFileSync(`/proc/self/task/${process.pid}/children`, "utf8");
    return list.trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/**
 * Waits, up to `ms`, until the processes `pids` are gone. Pagefind's `close()` kills its
 * binary without waiting for it; this process, ending at once, would leave it to be reaped
 * by another, and its CPU time would count in nobody's children's: not in the build's as
 * `time` or the benches read it. Node reaps a child it started as soon as it ends.
 */
async function whenGone(pids: readonly number[], ms = 5000): Promise<void> {
  const until = performance.now() + ms;
  while (pids.some((pid) => existsSync(`/proc/${pid}`)) && performance.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function indexShard(job: ShardJob): Promise<ShardOutcome> {
  let step = "to start";
  // In the build cache beside the shard's folder (one a crash leaves goes when the cache
  // closes): mostly on dist/'s file system, so the pages are linked, not copied.
  const staged = `${job.folder}-pages`;
  try {
    const { index, errors } = await pagefind.createIndex(job.config);
    if (!index) throw new Error(errors.join("\n"));
    const years = [...new Set([job.years[0], job.years.at(-1)])].join("–");
    step = `to gather the pages of ${years} into ${staged}`;
    await send({ step });
    stagePages(job.outDir, job.pages, staged);
    step = `to read the pages of ${years}`;
    await send({ step });
    const added = await index.addDirectory({ path: staged, glob: "**/*.html" });
    if (added.errors.length) throw new Error(added.errors.join("\n"));
    step = `to write the index to ${job.folder}`;
    await send({ step });
    const written = await index.writeFiles({ outputPath: job.folder });
    if (written.errors.length) throw new Error(written.errors.join("\n"));
    return { ok: true };
  } catch (error) {
    return { ok: false, step, message: error instanceof Error ? error.message : String(error) };
  } finally {
    const binary = childProcesses();
    await pagefind.close();
    rmSync(staged, { recursive: true, force: true });
    await whenGone(binary);
  }
}

let answered = false;
process.once("message", (job: ShardJob) => {
  void indexShard(job).then((outcome) =>
    send(outcome).then(() => {
      answered = true;
      process.disconnect();
    }),
  );
});
// The build ended before the shard did (another step failed while Pagefind worked): stop,
// and with this process its Pagefind binary, whose input closes.
process.once("disconnect", () => {
  if (!answered) process.exit(1);
});
