/**
 * Shards indexed while the build renders: each once its pages are written, in the order
 * they are written, from the pages on disk then (real Pagefind processes, a few pages).
 */
import { afterEach, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { AstroIntegrationLogger } from "astro";
import { indexShards, type IndexOptions } from "../../../src/integrations/pagefind/index-shards.ts";
import { ShardCache } from "../../../src/integrations/pagefind/shard-cache.ts";
import { articlePagesByYear, planShards } from "../../../src/lib/search/shards.ts";
import { WrittenPages } from "../../../src/lib/written-pages.ts";

const page = (date: string, text: string) =>
  `<!DOCTYPE html><html lang="en"><head><title>${text}</title></head><body>` +
  `<main data-pagefind-body><h1>${text}</h1><p data-pagefind-meta="date:${date}">${text} ` +
  `harbour report</p></main></body></html>`;

/** Newest first, as the build renders them; then a listing. */
const ORDER = [
  "articles/2024/03/02/ferry/",
  "articles/2024/01/05/storm/",
  "articles/2023/11/20/grain/",
  "articles/2023/02/14/bridge/",
  "articles/",
];
const ARTICLES = ORDER.slice(0, 4);

const OPTIONS: IndexOptions = {
  enabled: true,
  shardPages: 10_000,
  maxFragments: 100_000,
  cores: 2,
  memoryMb: 8_000,
};

const logger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  debug: () => undefined,
} as unknown as AstroIntegrationLogger;

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "index-shards-"));
});
afterEach(() => rm(root, { recursive: true, force: true }));

async function writePage(pathname: string) {
  const folder = join(root, "dist", pathname);
  await mkdir(folder, { recursive: true });
  const [, year, month, day, slug] = pathname.split("/");
  await writeFile(join(folder, "index.html"), page(`${year}-${month}-${day}`, slug!));
}

/** The shards the cache holds complete, by their years. */
async function cachedYears(cacheDir: string): Promise<string[]> {
  const dir = join(cacheDir, "search-shards");
  const names = existsSync(dir) ? await readdir(dir) : [];
  return names.filter((name) => existsSync(join(dir, name, "complete.json"))).sort();
}

async function until(what: string, check: () => Promise<boolean>) {
  for (const started = Date.now(); !(await check()); await sleep(50)) {
    if (Date.now() - started > 30_000) assert.fail(`waited 30 s for ${what}`);
  }
}

test("a shard is indexed once its pages are written, the first written first, while older ones render", async () => {
  const outDir = join(root, "dist");
  const cacheDir = join(root, "cache");
  // The 2024 pages are written; the 2023 ones are still to render.
  for (const pathname of ARTICLES.slice(0, 2)) await writePage(pathname);
  const byYear = articlePagesByYear(ARTICLES);
  const shards = planShards(
    new Map([...byYear].map(([year, pages]) => [year, pages.length])),
    OPTIONS.shardPages,
  );
  assert.deepEqual(
    shards.map((shard) => shard.years),
    [["2023"], ["2024"]],
  );
  const cache = await ShardCache.open(cacheDir, "test");
  const written = new WrittenPages(ORDER);
  let stepsDone = () => undefined as void;
  const indexing = indexShards(shards, cache, OPTIONS, {
    outDir,
    byYear,
    logger,
    // Rendering: one core for Pagefind, so the shard first written must go first.
    stepsDone: new Promise<void>((resolve) => (stepsDone = resolve)),
    written,
  });
  let settled = false;
  void indexing.finally(() => (settled = true)).catch(() => undefined);

  written.starting(ARTICLES[2]!);
  await until("the 2024 shard", async () => (await cachedYears(cacheDir)).length === 1);
  await sleep(200);
  assert.equal((await cachedYears(cacheDir)).length, 1, "the 2023 shard waits for its pages");
  assert.equal(settled, false);

  written.rendered(ARTICLES[2]!);
  for (const pathname of ARTICLES.slice(2)) await writePage(pathname);
  written.starting("articles/");
  stepsDone();
  const { keys, indexed } = await indexing;
  assert.equal(indexed, 2);
  assert.equal(keys.length, 2);
  const records = await Promise.all(keys.map((key) => cache.records(key)));
  assert.deepEqual(
    records.map((shard) => shard.map((record) => record.date).sort()),
    [
      ["2023-02-14", "2023-11-20"],
      ["2024-01-05", "2024-03-02"],
    ],
  );
});

test("a failed render stops the shards still waiting for their pages", async () => {
  const outDir = join(root, "dist");
  const byYear = articlePagesByYear(ARTICLES);
  const shards = planShards(
    new Map([...byYear].map(([year, pages]) => [year, pages.length])),
    OPTIONS.shardPages,
  );
  const cacheDir = join(root, "cache");
  const written = new WrittenPages(ORDER);
  const indexing = indexShards(shards, await ShardCache.open(cacheDir, "test"), OPTIONS, {
    outDir,
    byYear,
    logger,
    stepsDone: Promise.resolve(),
    written,
  });
  written.failed(new Error("the page of 2024-03-02 failed to render"));
  await assert.rejects(indexing, /2024-03-02 failed to render/);
  assert.deepEqual(await cachedYears(cacheDir), []);
});
