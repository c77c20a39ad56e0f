/**
 * `node bench/index-shards.ts --dist DIR`: the search-index step alone, on a site already
 * built into DIR (e.g. by `npm run bench -- --keep`, or `npm run build` with `OUT_DIR`),
 * with an empty shard cache, so every shard is indexed. It runs the build's own step
 * (`indexSite`, src/integrations/pagefind.ts) with the settings in the environment
 * (`BUILD_CORES`, `BUILD_MEMORY_MB`, `SEARCH_SHARD_PAGES`), in a child process whose tree
 * it measures, and prints the step's wall and CPU time, the peak memory of the process tree
 * and the largest Pagefind process, and the load average. DIR's `pagefind/` is rewritten.
 *
 *   BUILD_CORES=1 node bench/index-shards.ts --dist DIR   (one shard at a time)
 *   node bench/index-shards.ts --dist DIR                 (as many as the machine allows)
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import process from "node:process";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import type { AstroIntegrationLogger } from "astro";
import { indexSite } from "../src/integrations/pagefind.ts";
import { settingsFrom } from "../src/lib/settings.ts";
import { describeMachine, machineAtStart } from "./lib/machine.ts";
import { mb, measureCommand } from "./lib/measure.ts";

const { values } = parseArgs({
  options: { dist: { type: "string" }, child: { type: "string" } },
});

/** In the child: index `dist` with a fresh cache in `cacheDir`. */
async function indexOnly(dist: string, cacheDir: string) {
  const settings = settingsFrom(process.env, {
    cores: availableParallelism(),
    memoryMb: totalmem() / 1024 / 1024,
  });
  const pages = readdirSync(join(dist, "articles"), { recursive: true })
    .map(String)
    .filter((path) => path.endsWith("/index.html"))
    .map((path) => ({ pathname: `articles/${path.slice(0, -"index.html".length)}` }));
  const say = (level: string) => (message: string) => console.error(`[${level}] ${message}`);
  const logger = { info: say("info"), warn: say("warn"), error: say("error") };
  await indexSite(
    {
      enabled: true,
      shardPages: settings.searchShardPages,
      maxFragments: settings.pagefindMaxFragments,
      cores: settings.buildCores,
      memoryMb: settings.buildMemoryMb,
    },
    {
      dir: pathToFileURL(`${dist}/`),
      pages,
      cacheDir,
      logger: logger as unknown as AstroIntegrationLogger,
    },
  );
}

if (values.child !== undefined) {
  await indexOnly(resolve(values.dist!), values.child);
} else {
  if (!values.dist) throw new Error("usage: node bench/index-shards.ts --dist DIR");
  const machine = machineAtStart();
  const cacheDir = mkdtempSync(join(tmpdir(), "news-archive-index-shards-"));
  try {
    const run = await measureCommand(
      process.execPath,
      [fileURLToPath(import.meta.url), "--dist", values.dist, "--child", cacheDir],
      { cwd: process.cwd(), echo: true },
    );
    if (run.code !== 0) throw new Error(`indexing failed (exit code ${run.code})`);
    const pagefind = Object.entries(run.peakRssByName)
      .filter(([name]) => name.startsWith("pagefind"))
      .reduce((peak, [, bytes]) => Math.max(peak, bytes), 0);
    console.log(
      `index step ${(run.ms / 1000).toFixed(1)} s wall, CPU ${(run.cpuMs / 1000).toFixed(1)} s; ` +
        `peak RSS ${mb(run.peakRssBytes)} ` +
        `(process tree), largest Pagefind process ${mb(pagefind)}`,
    );
    console.log(describeMachine(machine.finish()));
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}
