/**
 * Side by side with Hugo (issue 7, item 3; issue 12, item 5): builds the same archive with
 * Hugo, from the minimal templates in bench/hugo-site/, and with our Astro site (`astro
 * build`, Pagefind indexing included), one build each in one run, and prints our time over
 * Hugo's. Both build the same kinds of pages and files: an article page, day, month and year
 * lists, source and author lists (Hugo taxonomies) and their indexes, paginated 50 a page,
 * a home page, feeds and sitemap, and beside each article its original text and three
 * citation files (BibTeX, RIS, CSL-JSON). What each side wrote is counted by kind (HTML
 * pages, redirect pages, files by extension) and saved with the times. What only we do:
 * the search index (timed apart: "w/o index"), the search, about and 404 pages.
 *
 *   node bench/hugo.ts [--articles 10000] [--seed 1] [--vocabulary news|classic]
 *                      [--archive DIR] [--keep]
 *
 * Without --archive it generates N raw texts in a temp dir (never in the repository) and
 * imports them with the CLI into a temp archive; with --archive it builds that archive as
 * it is. Hugo runs in a temp project: a copy of bench/hugo-site/ whose content/articles
 * holds hard links to the archive's entries and original texts, and an `_index.md` for
 * every year, month and day (bench/lib/hugo-project.ts). Astro builds into
 * node_modules/.cache/bench-hugo/ (its outDir must be inside the project).
 *
 * Wall time, CPU time and peak RSS of each process tree are measured here, around the
 * process (bench/lib/measure.ts); only the split of our time into indexing and the rest
 * comes from the build's own log ("Indexed N pages in X ms"), marked `fromLog` in the JSON.
 * The machine (cores, CPU model, memory, load average at start and end) is read from the
 * OS. Writes bench/results/hugo-<N>.json. Temp folders and outputs are removed unless --keep.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import process from "node:process";
import { parseArgs } from "node:util";
import { ROOT } from "../tests/support/build-site.ts";
import { generateRawArticles, vocabularyOption, type CorpusLanguage } from "./generate-raw.ts";
import { indexTime, indexWait, pagesBuilt } from "./lib/build-log.ts";
import { comparisonTable } from "./lib/hugo-table.ts";
import { linkArchiveContent } from "./lib/hugo-project.ts";
import { describeMachine, machineAtStart } from "./lib/machine.ts";
import { folderStats, mb, measureCommand, type Measured } from "./lib/measure.ts";
import { entryKeys, missingPages, outputOf, warningLines } from "./lib/output.ts";

const USAGE =
  "usage: node bench/hugo.ts [--articles N] [--seed S] [--vocabulary news|classic] " +
  "[--archive DIR] [--keep]\n";

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "10000" },
    seed: { type: "string", default: "1" },
    vocabulary: { type: "string", default: "news" },
    archive: { type: "string" },
    keep: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const requested = Number(values.articles);
const seed = Number(values.seed);
if (!Number.isInteger(requested) || requested < 1 || !Number.isInteger(seed)) {
  process.stderr.write(USAGE);
  process.exit(2);
}
const vocabulary = vocabularyOption(values.vocabulary);
const machine = machineAtStart();

const HUGO_SITE = join(ROOT, "bench/hugo-site");
const IMPORT_CLI = join(ROOT, "src/cli/import.ts");
const ASTRO = join(ROOT, "node_modules/astro/bin/astro.mjs");
const ASTRO_BUILDS = join(ROOT, "node_modules/.cache/bench-hugo");
const RESULTS = join(ROOT, "bench/results");

const hugoVersion = spawnSync("hugo", ["version"], { encoding: "utf8" });
if (hugoVersion.status !== 0) {
  process.stderr.write("hugo not found on PATH (apt-get install hugo)\n");
  process.exit(1);
}

const log = (line: string) => process.stdout.write(`${line}\n`);
const seconds = (ms: number) => (ms / 1000).toFixed(2);
const count = (n: number) => n.toLocaleString("en-US");

function failed(what: string, run: Measured): never {
  process.stderr.write(`${what} exited ${run.code}:\n${run.output.slice(-4000)}\n`);
  throw new Error(`${what} failed`);
}

/** Generates and imports N articles into `<temp>/archive`; returns the import's wall time. */
function generateArchive(temp: string, archive: string) {
  const corpus = generateRawArticles(join(temp, "raw"), requested, seed, undefined, vocabulary);
  log(
    `generated ${count(corpus.files)} raw texts (${mb(corpus.bytes)}, ` +
      `${corpus.duplicates} exact duplicates, ${count(corpus.distinctWords)} distinct words, ` +
      `${vocabulary} vocabulary) under ${corpus.dir}`,
  );
  const started = performance.now();
  for (const lang of Object.keys(corpus.languages) as CorpusLanguage[]) {
    const { dir, files } = corpus.languages[lang];
    if (files === 0) continue;
    const run = spawnSync(
      process.execPath,
      [IMPORT_CLI, "--lang", lang, "--out", join(archive, "articles"), dir],
      {
        cwd: ROOT,
        encoding: "utf8",
        stdio: ["ignore", "ignore", "pipe"],
        maxBuffer: 256 * 1024 * 1024,
      },
    );
    const summary = /imported \d+, duplicates \d+, failed \d+.*/.exec(run.stderr ?? "")?.[0];
    if (run.status !== 0) {
      throw new Error(`import --lang ${lang} exited ${run.status}: ${summary ?? run.stderr}`);
    }
    log(`  import --lang ${lang}: ${summary ?? "done"}`);
  }
  const importMs = performance.now() - started;
  log(`imported into ${archive} in ${seconds(importMs)} s`);
  return {
    requested,
    seed,
    vocabulary,
    distinctWords: corpus.distinctWords,
    importMs: Math.round(importMs),
  };
}

const temp = mkdtempSync(join(tmpdir(), "news-archive-hugo-"));
mkdirSync(ASTRO_BUILDS, { recursive: true });
const astroOut = mkdtempSync(join(ASTRO_BUILDS, "dist-"));
const astroCache = `${astroOut}-cache`;
let exitCode = 0;

try {
  // 1. The archive: given, or generated and imported into the temp dir.
  const archive = values.archive !== undefined ? resolve(values.archive) : join(temp, "archive");
  if (values.archive !== undefined && !existsSync(join(archive, "articles"))) {
    throw new Error(`${archive} has no articles/ folder`);
  }
  const generated = values.archive === undefined ? generateArchive(temp, archive) : null;
  const articlesDir = join(archive, "articles");
  const keys = entryKeys(articlesDir);
  const articles = keys.length;
  if (articles === 0) throw new Error(`no entries (*.md) under ${articlesDir}`);
  const label = values.archive !== undefined ? articles : requested;

  // 2. Hugo, in a temp project whose content/articles links the archive's entries.
  const project = join(temp, "hugo-project");
  cpSync(HUGO_SITE, project, { recursive: true });
  const content = linkArchiveContent(articlesDir, join(project, "content", "articles"));
  // Write back what the import and the links left in memory, so no build is timed doing it.
  spawnSync("sync", { stdio: "ignore" });
  const hugoOut = join(temp, "hugo-public");
  log(`building ${count(articles)} articles with Hugo...`);
  const hugo = await measureCommand(
    "hugo",
    ["--source", project, "--destination", hugoOut, "--cacheDir", join(temp, "hugo-cache")],
    { cwd: project },
  );
  if (hugo.code !== 0) failed("hugo", hugo);
  const hugoCpuMs = hugo.cpuMs;
  const hugoOutput = outputOf(hugoOut);
  const hugoMissing = missingPages(hugoOut, keys);

  // 3. Astro, as `npm run build` does for an archive (ARCHIVE_DIR), Pagefind included.
  log(`building ${count(articles)} articles with Astro...`);
  const astro = await measureCommand(process.execPath, [ASTRO, "build"], {
    cwd: ROOT,
    env: {
      ...process.env,
      ARCHIVE_DIR: archive,
      OUT_DIR: astroOut,
      CACHE_DIR: astroCache,
      ASTRO_TELEMETRY_DISABLED: "1",
    },
  });
  if (astro.code !== 0) failed("astro build", astro);
  const astroCpuMs = astro.cpuMs;
  const done = machine.finish();
  const indexed = indexTime(astro.output);
  if (!indexed) throw new Error(`astro build logged no "Indexed N pages in X ms" line`);
  const built = pagesBuilt(astro.output);
  const astroOutput = outputOf(astroOut);
  const withoutIndex = outputOf(astroOut, (path) => path.startsWith("pagefind/"));
  const pagefind = folderStats(join(astroOut, "pagefind"));
  const astroMissing = missingPages(astroOut, keys);
  // Less what the index added to the build's time: the part it waited for.
  const astroNoIndexMs = astro.ms - (indexWait(astro.output) ?? indexed).seconds * 1000;

  // 4. The table.
  log("");
  log(
    `${count(articles)} articles, one build each (${hugoVersion.stdout.trim().split(" ")[1]}; ` +
      `astro build with Pagefind); ${describeMachine(done)}`,
  );
  const table = comparisonTable({
    hugo: { ...hugoOutput, ms: hugo.ms, cpuMs: hugoCpuMs, peakRssBytes: hugo.peakRssBytes },
    astro: { ...astroOutput, ms: astro.ms, cpuMs: astroCpuMs, peakRssBytes: astro.peakRssBytes },
    withoutIndex: { ...withoutIndex, ms: astroNoIndexMs },
    articles,
  });
  for (const line of table) log(line);
  log("");
  log(
    `Astro: ${built ? count(built.pages) : "?"} pages built in ${built?.took ?? "?"}; ` +
      `Pagefind indexed ${count(indexed.pages)} pages in ${indexed.seconds.toFixed(2)} s by ` +
      `its log (${count(pagefind.files)} files, ${mb(pagefind.bytes)}); peak RSS by process: ` +
      Object.entries(astro.peakRssByName)
        .map(([name, bytes]) => `${name} ${mb(bytes)}`)
        .join(", "),
  );
  log(
    `Hugo content: ${count(content.entries)} entries, ${content.years} years, ` +
      `${count(content.months)} months, ${count(content.days)} days as sections`,
  );
  log(
    `our build time over Hugo's: ${(astro.ms / hugo.ms).toFixed(2)}x ` +
      `(${(astroNoIndexMs / hugo.ms).toFixed(2)}x without Pagefind indexing, from its log)`,
  );
  if (hugoMissing.length || astroMissing.length) {
    log(
      `article pages missing at /articles/YYYY/MM/DD/<slug>/: Hugo ${hugoMissing.length}, ` +
        `Astro ${astroMissing.length} (first: ${hugoMissing[0] ?? astroMissing[0]})`,
    );
    exitCode = 1;
  } else {
    log(`all ${count(articles)} article permalinks present in both outputs`);
  }
  const hugoWarnings = warningLines(hugo.output);
  const astroWarnings = warningLines(astro.output);
  for (const [name, lines] of [
    ["Hugo", hugoWarnings],
    ["Astro", astroWarnings],
  ] as const) {
    if (lines.length)
      log(`${name} warnings (${lines.length}):\n  ${lines.slice(0, 10).join("\n  ")}`);
  }

  // 5. The results file.
  mkdirSync(RESULTS, { recursive: true });
  const resultFile = join(RESULTS, `hugo-${label}.json`);
  const result = {
    date: new Date().toISOString(),
    command: `node bench/hugo.ts ${process.argv.slice(2).join(" ")}`.trim(),
    machine: { ...done, hugo: hugoVersion.stdout.trim() },
    articles,
    generated,
    hugo: {
      wallMs: Math.round(hugo.ms),
      cpuMs: Math.round(hugoCpuMs),
      msPerArticle: hugo.ms / articles,
      peakRssBytes: hugo.peakRssBytes,
      peakRssByName: hugo.peakRssByName,
      content,
      output: hugoOutput,
      missingArticlePages: hugoMissing.length,
      warnings: hugoWarnings,
    },
    astro: {
      wallMs: Math.round(astro.ms),
      cpuMs: Math.round(astroCpuMs),
      index: indexed,
      wallMsWithoutIndex: { ms: Math.round(astroNoIndexMs), fromLog: true },
      pagesBuilt: built,
      msPerArticle: astro.ms / articles,
      peakRssBytes: astro.peakRssBytes,
      peakRssByName: astro.peakRssByName,
      output: astroOutput,
      outputWithoutIndex: withoutIndex,
      missingArticlePages: astroMissing.length,
      warnings: astroWarnings,
    },
    oursOverHugo: {
      wall: astro.ms / hugo.ms,
      wallWithoutIndex: { ratio: astroNoIndexMs / hugo.ms, fromLog: true },
      cpu: astroCpuMs / hugoCpuMs,
      peakRss: astro.peakRssBytes / hugo.peakRssBytes,
      htmlPages: astroOutput.htmlPages / hugoOutput.htmlPages,
      filesWithoutIndex: withoutIndex.files / hugoOutput.files,
    },
  };
  writeFileSync(resultFile, `${JSON.stringify(result, null, 2)}\n`);
  log(`wrote ${relative(ROOT, resultFile)}`);
  if (values.keep) {
    log(`kept ${temp} (Hugo project and output) and ${astroOut} (Astro output)`);
  }
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  exitCode = 1;
} finally {
  if (!values.keep) {
    // The Hugo project holds hard links and copies only: removing it leaves the archive.
    rmSync(temp, { recursive: true, force: true });
    rmSync(astroOut, { recursive: true, force: true });
    rmSync(astroCache, { recursive: true, force: true });
  }
}
process.exit(exitCode);
