/**
 * A shard's process (src/integrations/pagefind/shard-indexer.ts) ends only once its Pagefind
 * binary is gone, so the binary's CPU time counts in the build's: in the CPU time of the
 * process's children, as `time` and the benches read it.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { runShardIndexer } from "../../../src/integrations/pagefind/run-shard.ts";

const TICKS = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout) || 100;

/** Fields of /proc/PID/stat after the command name, in clock ticks where CPU times. */
function statOf(pid: number | "self"): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}
/** A process's own CPU time (user + system), in ticks. */
const ownCpu = (pid: number) => {
  const fields = statOf(pid);
  return fields ? Number(fields[11]) + Number(fields[12]) : null;
};
/** The CPU time of this process's waited-for children and theirs, in ticks. */
const childrenCpu = () => {
  const fields = statOf("self")!;
  return Number(fields[13]) + Number(fields[14]);
};
const childrenOf = (pid: number) => {
  try {
    const list = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8");
    return list.trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
};

let root: string;
const pages: string[] = [];
before(() => {
  root = mkdtempSync(join(tmpdir(), "shard-indexer-"));
  // Enough pages of enough distinct words that Pagefind works for a measurable while.
  let seed = 7;
  const word = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed.toString(36).slice(0, 3 + (seed % 6));
  };
  for (let i = 0; i < 600; i++) {
    const pathname = `/articles/2019/01/01/page-${i}/`;
    const folder = join(root, "dist", pathname);
    mkdirSync(folder, { recursive: true });
    const text = Array.from({ length: 400 }, word).join(" ");
    writeFileSync(
      join(folder, "index.html"),
      `<!DOCTYPE html><html lang="en"><head><title>${i}</title></head>` +
        `<body><main data-pagefind-body><h1>Page ${i}</h1><p>${text}</p></main></body></html>`,
    );
    pages.push(pathname);
  }
});
after(() => rmSync(root, { recursive: true, force: true }));

test("the Pagefind binary's CPU time counts in the indexing process's, so in the build's", async () => {
  const before = childrenCpu();
  const last = new Map<number, number>();
  const binaries = new Set<number>();
  // Each process's CPU as last seen alive: the binary's own ends with it.
  const watch = setInterval(() => {
    for (const indexer of childrenOf(process.pid)) {
      for (const pid of [indexer, ...childrenOf(indexer)]) {
        const cpu = ownCpu(pid);
        if (cpu !== null) last.set(pid, cpu);
        if (pid !== indexer) binaries.add(pid);
      }
    }
  }, 5);
  const outcome = await runShardIndexer({
    outDir: join(root, "dist"),
    years: ["2019"],
    pages,
    folder: join(root, "shard"),
    config: {},
  });
  clearInterval(watch);
  assert.deepEqual(outcome, { ok: true });
  const grown = childrenCpu() - before;
  const binaryCpu = [...binaries].reduce((sum, pid) => sum + (last.get(pid) ?? 0), 0);
  const seen = [...last.values()].reduce((sum, cpu) => sum + cpu, 0);
  // The premise: Pagefind worked long enough to tell its time from the rest.
  assert.ok(binaryCpu >= 10, `Pagefind used ${binaryCpu} ticks, too few to tell`);
  assert.ok(
    grown >= seen - 2,
    `children's CPU grew ${grown} ticks (of ${TICKS} a second); the indexer and its ` +
      `Pagefind binary were seen using ${seen}, the binary ${binaryCpu}`,
  );
});
