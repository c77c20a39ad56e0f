/**
 * `npm run bench:search -- --articles N`: issue 13's search figures on a generated archive,
 * each against its target. The corpus is bench/generate-raw.ts's (news vocabulary), imported
 * and built in a temp dir; `--archive DIR` builds an archive already imported, `--dist DIR`
 * reuses a built site (with `--archive`, the archive it was built from, for the query set;
 * else the same corpus is generated and imported again: it is deterministic).
 *
 *   npm run bench:search -- [--articles 10000] [--seed 1] [--queries K] [--no-throttle]
 *                           [--throttled-queries K] (the throttled passes run the first K)
 *                           [--cpu-slowdown 4] [--archive DIR] [--dist DIR] [--keep]
 *                           [--vocabulary news|classic]
 *
 * The query set comes from the corpus (bench/lib/query-set.ts): at least 30 queries, rare and
 * common words, two and three words, a phrase and a name, plain, with a date range, with a
 * source facet, newest and oldest first. Each runs in a fresh browser context (cold cache):
 * /search/ opens with the filters and sort in the URL, the words are typed at 120 ms a key
 * (bench/lib/search-measure.ts). Then the whole set again with Lighthouse's mobile network
 * throttling, and with `--cpu-slowdown`, once more with the CPU slowed too. Prints a table
 * (bench/lib/search-figures.ts) and writes bench/results/search-<N>.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { Browser } from "playwright-core";
import { ROOT } from "../tests/support/build-site.ts";
import { launchBrowser } from "../tests/support/browser.ts";
import { serveStatic, type StaticServer } from "../tests/support/static-server.ts";
import { vocabularyOption } from "./generate-raw.ts";
import { archiveDocs, entryFiles } from "./lib/archive-docs.ts";
import { buildArchive, importCorpus } from "./lib/bench-site.ts";
import { describeMachine, machineAtStart } from "./lib/machine.ts";
import {
  anchorIndexes,
  chooseBases,
  commonWords,
  corpusStats,
  matchBases,
  withVariants,
  type BenchQuery,
} from "./lib/query-set.ts";
import {
  formatRows,
  queryFigures,
  throttledRows,
  unthrottledRows,
  type FigureRow,
  type MeasuredQuery,
} from "./lib/search-figures.ts";
import { KEY_DELAY_MS, LIGHTHOUSE_MOBILE, runQuery, type Throttle } from "./lib/search-measure.ts";

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "10000" },
    seed: { type: "string", default: "1" },
    queries: { type: "string" },
    "no-throttle": { type: "boolean", default: false },
    "throttled-queries": { type: "string" },
    "cpu-slowdown": { type: "string", default: "0" },
    keep: { type: "boolean", default: false },
    archive: { type: "string" },
    dist: { type: "string" },
    vocabulary: { type: "string", default: "news" },
  },
});
const N = Number(values.articles);
const seed = Number(values.seed);
const cpuSlowdown = Number(values["cpu-slowdown"]);
const machine = machineAtStart();
const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)}%`;

/** The query set, printed with the document frequencies it was chosen by. */
function querySet(archive: string): { articles: number; queries: BenchQuery[] } {
  const files = entryFiles(archive);
  const docs = archiveDocs(files);
  const stats = corpusStats(docs, anchorIndexes(files.length, seed));
  const common = commonWords(stats);
  console.log(
    `\n${stats.articles} articles, ${stats.df.size} distinct words; ${common.length} content words ` +
      `in >= 10% of articles. Commonest (articles holding them):`,
  );
  console.log(
    `  ${common
      .slice(0, 12)
      .map(([w, n]) => `${w} ${pct(n, stats.articles)}`)
      .join(", ")}`,
  );
  const bases = chooseBases(stats, seed);
  const found = matchBases(docs, bases);
  console.log("query words (articles holding each word; articles matching the whole query):");
  bases.forEach((base, i) => {
    const dfs = base.words.map((w) => `${w} ${stats.df.get(w) ?? 0}`).join(", ");
    console.log(
      `  ${base.kind.padEnd(11)} ${base.q.padEnd(34)} ${dfs}; matching ${found[i]!.length}`,
    );
  });
  const all = withVariants(bases, found, seed);
  const limit = values.queries ? Number(values.queries) : all.length;
  return { articles: stats.articles, queries: all.slice(0, limit) };
}

interface Pass {
  name: string;
  throttle: Throttle | null;
  queries: (BenchQuery & MeasuredQuery)[];
  /** Queries that did not finish (a timeout, a page error): left out of the figures. */
  failed: (BenchQuery & { error: string })[];
}

async function measurePass(
  browser: Browser,
  server: StaticServer,
  queries: BenchQuery[],
  name: string,
  throttle: Throttle | null,
): Promise<Pass> {
  console.log(`\n${name}:`);
  const measured: Pass["queries"] = [];
  const failed: Pass["failed"] = [];
  const label = (query: BenchQuery) =>
    `${`${query.kind}/${query.variant}`.padEnd(22)} ${JSON.stringify(query.q).padEnd(36)}`;
  for (const query of queries) {
    let run;
    try {
      run = await runQuery(browser, {
        origin: server.origin,
        path: query.path,
        q: query.q,
        throttle,
      });
    } catch (error) {
      const message = error instanceof Error ? error.message.split("\n")[0]! : String(error);
      failed.push({ ...query, error: message });
      console.log(`  ${label(query)} FAILED: ${message}`);
      continue;
    }
    const figures = queryFigures(run.marks, run.requests);
    measured.push({ ...query, filtered: Boolean(query.source || query.from || query.to), figures });
    console.log(
      `  ${label(query)} ${String(figures.results).padStart(6)} ${figures.results === 1 ? "result " : "results"}  ` +
        `first ${figures.firstResultMs.toFixed(0).padStart(5)} ms (${figures.firstStatus}), ` +
        `complete ${figures.completeMs.toFixed(0).padStart(5)} ms, ` +
        `${(figures.query.gzipBytes / 1024).toFixed(1)} KB gzip in ${figures.query.requests} requests`,
    );
  }
  return { name, throttle, queries: measured, failed };
}

const temp = mkdtempSync(join(tmpdir(), "news-archive-search-bench-"));
let server: StaticServer | undefined;
let browser: Browser | undefined;
try {
  let archive = values.archive;
  let distinctWords: number | null = null;
  if (!archive) {
    ({ archive, distinctWords } = importCorpus(temp, N, seed, vocabularyOption(values.vocabulary)));
  }
  const dist = values.dist ?? (await buildArchive(archive, temp));
  const { articles, queries } = querySet(archive);
  server = await serveStatic(dist);
  browser = await launchBrowser();
  // One throwaway query, so the first measured one does not pay for Chromium's start-up.
  await runQuery(browser, { origin: server.origin, path: "/search/", q: queries[0]!.q });

  const passes = [await measurePass(browser, server, queries, "unthrottled", null)];
  // Throttled, a large archive's complete answers take minutes each: the first K may do.
  const slowQueries = queries.slice(0, Number(values["throttled-queries"] ?? queries.length));
  if (!values["no-throttle"]) {
    passes.push(
      await measurePass(browser, server, slowQueries, LIGHTHOUSE_MOBILE.name, LIGHTHOUSE_MOBILE),
    );
  }
  if (cpuSlowdown > 1) {
    const throttle = {
      ...LIGHTHOUSE_MOBILE,
      cpuRate: cpuSlowdown,
      name: `${LIGHTHOUSE_MOBILE.name} + CPU ${cpuSlowdown}x`,
    };
    passes.push(await measurePass(browser, server, slowQueries, throttle.name, throttle));
  }
  const rows: FigureRow[] = [
    ...unthrottledRows(passes[0]!.queries),
    ...passes
      .slice(1)
      .flatMap((pass, i) =>
        throttledRows(i === 0 ? "throttled" : `throttled + CPU ${cpuSlowdown}x`, pass.queries),
      ),
  ];
  const partial = passes[0]!.queries.filter((q) => q.figures.firstStatus === "partial").length;
  console.log(
    `\n${queries.length} queries, each in a fresh browser context, typed at ${KEY_DELAY_MS} ms a key; KB as a host sends them (gzip), "sent" as served here (no compression)`,
  );
  console.log(formatRows(rows).join("\n"));
  console.log(
    `first results: ${partial} of ${queries.length} queries painted \`partial\` results first; the others' first paint is \`ready\`.\n` +
      "network = time with a search request in flight (request log); in Pagefind = the worker's time in Pagefind's calls\n" +
      "(its fetches included, so it overlaps the network time; the page's data-pagefind-ms); our code = the rest.",
  );
  for (const pass of passes) {
    if (pass.failed.length) {
      console.log(
        `${pass.name}: ${pass.failed.length} queries FAILED, left out of the figures above`,
      );
    }
  }
  const results = {
    articles: N,
    /** Articles in the archive (the generator's exact duplicates are not imported). */
    imported: articles,
    date: new Date().toISOString(),
    machine: machine.finish(),
    options: {
      seed,
      vocabulary: values.vocabulary,
      distinctWords,
      keyDelayMs: KEY_DELAY_MS,
      archive: values.archive ?? null,
      dist: values.dist ?? null,
    },
    rows,
    passes,
  };
  mkdirSync(join(ROOT, "bench/results"), { recursive: true });
  writeFileSync(
    join(ROOT, `bench/results/search-${N}.json`),
    JSON.stringify(results, null, 2) + "\n",
  );
  console.log(
    `machine: ${describeMachine(results.machine)}\nwritten bench/results/search-${N}.json`,
  );
} finally {
  await browser?.close();
  await server?.close();
  if (values.keep) console.log(`kept ${temp}`);
  else rmSync(temp, { recursive: true, force: true });
}
