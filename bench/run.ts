/**
 * `npm run bench -- --articles N`: the archive at scale, end to end, on this machine.
 * Generates N raw texts (bench/generate-raw.ts) in a temp dir, imports them with the CLI
 * into a temp archive, builds and indexes it with `astro build`, adds one article dated the
 * corpus's last day and builds again, then one dated an older year (bench/lib/add-one.ts),
 * serves the result and measures a first search in Chromium. Prints one table and writes bench/results/<N>.json.
 * Corpora and builds live outside git (os.tmpdir(), node_modules/.cache) and are removed
 * unless --keep.
 *
 *   npm run bench -- [--articles 10000] [--seed 1] [--heap 8192] [--keep] [--no-query]
 *                    [--no-index]   (render only, SEARCH_INDEX=off: for archives too large to index)
 *                    [--no-add-one] (skip both rebuilds after adding one article)
 *                    [--no-back-dated] (skip the second: one article dated 2010-06-15)
 *                    [--vocabulary news|classic] (the corpus's words: bench/lib/vocabulary.ts)
 *
 * Times are wall clock around each process, measured here, with the CPU time (user +
 * system) and peak memory of its whole process tree (bench/lib/measure.ts); the render,
 * sync, index and article-file times inside one `astro build` can only come from the
 * build's own log lines (bench/lib/build-log.ts), so the JSON marks them `fromLog: true`
 * and the table "(log)". A log line that is missing stops the run rather than reading as
 * 0 s. The machine (cores, CPU model, memory, load average at start and end, Node) is read
 * from the OS.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import { parseArgs } from "node:util";
import { ROOT } from "../tests/support/build-site.ts";
import { generateRawArticles, vocabularyOption, type CorpusLanguage } from "./generate-raw.ts";
import { addOneArticle, describeAdded, type AddOneSetup } from "./lib/add-one.ts";
import {
  articleFilesTime,
  indexTime,
  indexWait,
  required,
  shardSummary,
  syncTime,
  type LoggedTime,
} from "./lib/build-log.ts";
import { describeMachine, machineAtStart } from "./lib/machine.ts";
import { folderStats, kb, mb, measureCommand, type Measured } from "./lib/measure.ts";
import { measureFirstQueries } from "./lib/first-query.ts";
import { breakdownOf, perThousand } from "./lib/output-kinds.ts";
import { filesOf } from "./lib/output.ts";

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "10000" },
    seed: { type: "string", default: "1" },
    heap: { type: "string", default: "8192" },
    keep: { type: "boolean", default: false },
    "no-query": { type: "boolean", default: false },
    "no-index": { type: "boolean", default: false },
    "no-add-one": { type: "boolean", default: false },
    "no-back-dated": { type: "boolean", default: false },
    vocabulary: { type: "string", default: "news" },
  },
});
const vocabulary = vocabularyOption(values.vocabulary);
const machine = machineAtStart();
const N = Number(values.articles);
const temp = mkdtempSync(join(tmpdir(), `news-archive-bench-${N}-`));
// Inside the project, as Astro needs (see tests/support/build-site.ts), apart from test builds.
const BENCH_BUILDS = join(ROOT, "node_modules/.cache/news-archive-bench");
mkdirSync(BENCH_BUILDS, { recursive: true });
const outDir = mkdtempSync(join(BENCH_BUILDS, `${N}-`));
const dist = join(outDir, "dist");
const archive = join(temp, "archive");
const node = process.execPath;
const log = (line: string) => console.error(`[bench] ${line}`);

/** The back-dated article's day: an older year, whose shard is not the newest year's. */
const BACK_DATE = "2010-06-15";
const secondsOf = (time: LoggedTime | null) => (time ? time.seconds.toFixed(1) : "missing");

try {
  // 1. Generate and import.
  const corpus = generateRawArticles(
    join(temp, "raw"),
    N,
    Number(values.seed),
    undefined,
    vocabulary,
  );
  log(
    `generated ${corpus.files} raw texts, ${mb(corpus.bytes)}, ` +
      `${corpus.distinctWords} distinct words (${vocabulary} vocabulary)`,
  );
  const imports: Measured[] = [];
  for (const lang of Object.keys(corpus.languages) as CorpusLanguage[]) {
    const { dir, files } = corpus.languages[lang];
    if (!files) continue;
    const run = await measureCommand(
      node,
      ["src/cli/import.ts", "--lang", lang, "--out", join(archive, "articles"), dir],
      { cwd: ROOT },
    );
    if (run.code !== 0) throw new Error(`import failed:\n${run.output}`);
    imports.push(run);
  }
  const importMs = imports.reduce((sum, run) => sum + run.ms, 0);
  const imported = (readFileSync(join(archive, "permalinks.txt"), "utf8").match(/\n/g) ?? [])
    .length;
  log(`imported ${imported} articles in ${(importMs / 1000).toFixed(1)} s`);

  // 2. Build and index: one `astro build`, its steps told apart by their log lines.
  const env = {
    ...process.env,
    ARCHIVE_DIR: archive,
    OUT_DIR: dist,
    CACHE_DIR: join(outDir, "cache"),
    ASTRO_TELEMETRY_DISABLED: "1",
    ...(values["no-index"] ? { SEARCH_INDEX: "off" } : {}),
  };
  const buildArgs = [
    `--max-old-space-size=${values.heap}`,
    "node_modules/astro/bin/astro.mjs",
    "build",
  ];
  const build = await measureCommand(node, buildArgs, { cwd: ROOT, env, echo: false });
  if (build.code !== 0) throw new Error(`build failed:\n${build.output.slice(-4000)}`);
  const indexed = values["no-index"]
    ? null
    : required(indexTime(build.output), "index", build.output);
  // What the index added to the build's time: the part it waited for (older logs: all).
  const indexMs = indexed ? (indexWait(build.output) ?? indexed).seconds * 1000 : 0;
  const sync = syncTime(build.output);
  const articleFiles = articleFilesTime(build.output);
  log(
    `built in ${(build.ms / 1000).toFixed(1)} s, CPU ${(build.cpuMs / 1000).toFixed(1)} s ` +
      `(index ${secondsOf(indexed)} s by its log)`,
  );

  // 3. One article more, built again with the caches of the last build: today's, as an
  // archive grows (the corpus's last day), then one back-dated to an older year (a back-fill).
  const setup: AddOneSetup = {
    temp,
    archive,
    dist,
    node,
    buildArgs,
    env,
    seed: Number(values.seed),
    vocabulary,
    indexed: !values["no-index"],
  };
  const addOne = values["no-add-one"] ? null : await addOneArticle(setup, "2024-12-31", 7919);
  if (addOne) log(`one article added: ${describeAdded(addOne)}`);
  const backDated =
    values["no-add-one"] || values["no-back-dated"]
      ? null
      : await addOneArticle(setup, BACK_DATE, 2 * 7919);
  if (backDated) log(`one article back-dated: ${describeAdded(backDated)}`);

  // 4. What the build produced.
  const site = folderStats(dist);
  // By kind, .gz copies apart (bench/output-breakdown.ts prints the same for any build).
  const output = breakdownOf(filesOf(dist));
  const perThousandArticles = perThousand(output.total, output.articles);
  const index = values["no-index"]
    ? { bytes: 0, files: 0, largestFolder: { path: "", files: 0 } }
    : folderStats(join(dist, "pagefind"));
  const firstArticle = readFileSync(join(archive, "permalinks.txt"), "utf8").split("\n")[0]!;
  const html = readFileSync(join(dist, firstArticle, "index.html"), "utf8");
  const assets = (pattern: RegExp) =>
    [...html.matchAll(pattern)].reduce((sum, m) => sum + readFileSync(join(dist, m[1]!)).length, 0);
  const page = {
    html: Buffer.byteLength(html),
    css: assets(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g),
    js: assets(/<script[^>]+src="([^"]+)"/g),
  };

  const shardLine = values["no-index"] ? null : shardSummary(build.output);

  // 5. A first search in Chromium, as a reader would type it.
  const queries = values["no-query"] || values["no-index"] ? [] : await measureFirstQueries(dist);

  const results = {
    articles: imported,
    date: new Date().toISOString(),
    machine: machine.finish(),
    corpus: {
      vocabulary,
      seed: Number(values.seed),
      files: corpus.files,
      bytes: corpus.bytes,
      distinctWords: corpus.distinctWords,
    },
    import: {
      seconds: importMs / 1000,
      filesPerSecond: Math.round(corpus.files / (importMs / 1000)),
      peakRssBytes: Math.max(...imports.map((r) => r.peakRssBytes)),
    },
    build: {
      // The wall time less what the index added to it (the part of the index time the build
      // waited for, by its log): partly from the log.
      renderSeconds: { seconds: (build.ms - indexMs) / 1000, fromLog: indexed !== null },
      msPerArticle: (build.ms - indexMs) / imported,
      sync,
      articleFiles,
      peakRssBytes:
        build.peakRssByName["MainThread"] ?? build.peakRssByName["node"] ?? build.peakRssBytes,
    },
    index: {
      ...(values["no-index"] ? { skipped: "--no-index" } : {}),
      time: indexed,
      peakRssBytes: Math.max(
        0,
        ...Object.entries(build.peakRssByName)
          .filter(([name]) => name.startsWith("pagefind"))
          .map(([, v]) => v),
      ),
      shards: shardLine,
    },
    total: {
      wallSeconds: build.ms / 1000,
      cpuSeconds: build.cpuMs / 1000,
      peakRssBytes: build.peakRssBytes,
    },
    addOneArticle: addOne,
    backDatedArticle: backDated,
    dist: { bytes: site.bytes, files: site.files },
    pagefind: {
      bytes: index.bytes,
      files: index.files,
      largestFolder: {
        path: index.largestFolder.path.replace(dist, "dist"),
        files: index.largestFolder.files,
      },
    },
    articlePage: page,
    output,
    firstQuery: queries,
  };
  mkdirSync(join(ROOT, "bench/results"), { recursive: true });
  writeFileSync(join(ROOT, `bench/results/${N}.json`), JSON.stringify(results, null, 2) + "\n");

  const rows: [string, string][] = [
    ["articles", String(imported)],
    ["import", `${results.import.filesPerSecond} files/s, peak ${mb(results.import.peakRssBytes)}`],
    ["machine", describeMachine(results.machine)],
    ["corpus", `${vocabulary} vocabulary, ${corpus.distinctWords} distinct words`],
    [
      `build (render)${indexed ? " (wall - index wait by log)" : ""}`,
      `${results.build.renderSeconds.seconds.toFixed(1)} s, ${results.build.msPerArticle.toFixed(2)} ms/article, peak ${mb(results.build.peakRssBytes)}`,
    ],
    ["  of which sync + checks (log)", `${secondsOf(sync)} s`],
    ["  of which original/cite files (log)", `${secondsOf(articleFiles)} s`],
    [
      "index (Pagefind) (log)",
      indexed
        ? `${secondsOf(indexed)} s (the build waited ${(indexMs / 1000).toFixed(1)} s), peak ${mb(results.index.peakRssBytes)}`
        : "not built (--no-index)",
    ],
    [
      "build + index",
      `${results.total.wallSeconds.toFixed(1)} s, CPU ${results.total.cpuSeconds.toFixed(1)} s, ` +
        `peak ${mb(results.total.peakRssBytes)} (process tree)`,
    ],
    ["one article added", addOne ? describeAdded(addOne) : "not measured (--no-add-one)"],
    [
      `one article back-dated (${BACK_DATE})`,
      backDated
        ? describeAdded(backDated)
        : `not measured (${values["no-add-one"] ? "--no-add-one" : "--no-back-dated"})`,
    ],
    ["dist", `${mb(site.bytes)}, ${site.files} files`],
    [
      "  per 1,000 articles",
      `${Math.round(perThousandArticles.files)} files, ${(perThousandArticles.bytes / 1e6).toFixed(1)} MB ` +
        `(10^6 bytes), + ${Math.round(perThousandArticles.gzFiles)} .gz files, ` +
        `${(perThousandArticles.gzBytes / 1e6).toFixed(1)} MB`,
    ],
    ["search index", shardLine ?? "not built"],
    [
      "dist/pagefind",
      `${mb(index.bytes)}, ${index.files} files; largest folder ${index.largestFolder.files} files`,
    ],
    ["article page", `HTML ${kb(page.html)}, CSS ${kb(page.css)}, JS ${kb(page.js)}`],
    ...queries.map((q): [string, string] => [
      `first query "${q.query}"`,
      `${q.ms.toFixed(0)} ms to first result; ${kb(q.queryBytes)} for the query + ${kb(q.pageBytes)} opening the page (${kb(q.gzipBytes)} gzip in all)`,
    ]),
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join("\n"));
  console.log(`\nwritten bench/results/${N}.json`);
} finally {
  if (values.keep) log(`kept ${temp} and ${outDir}`);
  else {
    rmSync(temp, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  }
}
