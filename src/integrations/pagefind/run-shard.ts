/**
 * The build's side of ./shard-indexer.ts: forks it for one shard, sends the job, and
 * waits for its outcome. (The indexer is a module of its own because it is a process's
 * entry point: importing it here would run it.)
 */
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { ShardJob, ShardMessage, ShardOutcome } from "./shard-indexer.ts";

export type { ShardJob, ShardOutcome } from "./shard-indexer.ts";

/** The process that indexes one shard (./shard-indexer.ts). */
const SHARD_INDEXER = fileURLToPath(new URL("./shard-indexer.ts", import.meta.url));

/**
 * Runs one shard's job in a process of its own. Its outcome, or, if the process ends
 * without one (the Pagefind binary died, e.g. out of memory), a failure at its last step.
 */
export function runShardIndexer(job: ShardJob): Promise<ShardOutcome> {
  return new Promise((resolve) => {
    // Without Astro's flags (its heap size): the process only relays Pagefind's messages.
    const child = fork(SHARD_INDEXER, {
      execArgv: [],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    let step = "to start";
    let outcome: ShardOutcome | null = null;
    child.on("message", (message: ShardMessage) => {
      if ("ok" in message) outcome = message;
      else step = message.step;
    });
    const failed = (message: string) => resolve(outcome ?? { ok: false, step, message });
    child.once("error", (error) => failed(error.message));
    child.once("exit", (code, signal) =>
      failed(
        `Pagefind stopped without an answer (its process ended with ` +
          `${signal ?? `exit code ${code}`}; Pagefind's own output, if any, is above)`,
      ),
    );
    child.send(job);
  });
}
