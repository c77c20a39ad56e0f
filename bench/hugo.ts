/**
 * Side by side with Hugo (issue 7, item 3): builds the same archive with Hugo, from the
 * minimal templates in bench/hugo-site/ (an article page like ours: head with title,
 * description, canonical and Open Graph, header, h1, byline, paragraphs, footer; a home
 * page; paginated section lists; RSS and sitemap), and with our Astro site (`astro build`,
 * Pagefind indexing included), one build each in one run, and prints our time over Hugo's.
 *
 *   node bench/hugo.ts [--articles 10000] [--seed 1] [--archive DIR] [--keep]
 *
 * Without --archive it generates N raw texts in a temp dir (never in the repository) and
 * imports them with the CLI into a temp archive; with --archive it builds that archive as
 * it is. Hugo runs in a temp project: a copy of bench/hugo-site/ whose content/articles is
 * a symbolic link to `<archive>/articles` (Hugo reads our YAML frontmatter; `date` and
 * `slug` give the same permalinks, /articles/YYYY/MM/DD/<slug>/; the `.original.txt`
 * files are ignored). Astro builds into node_modules/.cache/bench-hugo/ (its outDir must
 * be inside the project). Wall time and peak RSS of each process tree come from
 * bench/lib/measure.ts; Astro's time without indexing subtracts the "Indexed N pages in
 * X ms" its Pagefind integration logs. Writes bench/results/hugo-<N>.json. Temp folders
 * and build outputs are removed unless --keep.
 */
import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join, relative, resolve } from "node:path";
import process from "node:process";
import { parseArgs } from "node:util";
import { ROOT } from "../tests/support/build-site.ts";
import { generateRawArticles, type CorpusLanguage } from "./generate-raw.ts";
import { folderStats, mb, measureCommand, type Measured } from "./lib/measure.ts";

const USAGE = "usage: node bench/hugo.ts [--articles N] [--seed S] [--archive DIR] [--keep]\n";

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "10000" },
    seed: { type: "string", default: "1" },
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

const clockTicks = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout) || 100;

/**
 * CPU time (user + system) of the children this process has waited for, and of theirs:
 * `cutime` + `cstime` of /proc/self/stat. Its growth over a build is the CPU the build
 * used, which, unlike wall time, does not grow when other work shares the cores.
 */
function childrenCpuMs(): number {
  const stat = readFileSync("/proc/self/stat", "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / clockTicks;
}

/** `YYYY/MM/DD/<slug>` of every entry under `articles/`, from the file paths. */
function entryKeys(articlesDir: string): string[] {
  const keys: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".md")) keys.push(relative(articlesDir, path).slice(0, -3));
    }
  };
  walk(articlesDir);
  return keys;
}

function htmlFiles(dir: string): number {
  let found = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith(".html")) found++;
  }
  return found;
}

/** Entries whose page is missing at /articles/YYYY/MM/DD/<slug>/ in a build. */
function missingPages(outDir: string, keys: string[]): string[] {
  return keys.filter((key) => !existsSync(join(outDir, "articles", key, "index.html")));
}

/** Warning and error lines of a build's output. */
function warningLines(output: string): string[] {
  return output
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => /^(WARN|ERROR)\b|\[(warn|error)\]|\bwarning\b/i.test(line));
}

function failed(what: string, run: Measured): never {
  process.stderr.write(`${what} exited ${run.code}:\n${run.output.slice(-4000)}\n`);
  throw new Error(`${what} failed`);
}

interface Output {
  htmlPages: number;
  files: number;
  bytes: number;
}

function outputOf(dir: string): Output {
  const stats = folderStats(dir);
  return { htmlPages: htmlFiles(dir), files: stats.files, bytes: stats.bytes };
}

const temp = mkdtempSync(join(tmpdir(), "news-archive-hugo-"));
mkdirSync(ASTRO_BUILDS, { recursive: true });
const astroOut = mkdtempSync(join(ASTRO_BUILDS, "dist-"));
const astroCache = `${astroOut}-cache`;
const contentLink = join(temp, "hugo-project", "content", "articles");
let exitCode = 0;

try {
  // 1. The archive: given, or generated and imported into the temp dir.
  let archive: string;
  let importMs: number | undefined;
  if (values.archive !== undefined) {
    archive = resolve(values.archive);
    if (!existsSync(join(archive, "articles"))) {
      throw new Error(`${archive} has no articles/ folder`);
    }
  } else {
    archive = join(temp, "archive");
    const corpus = generateRawArticles(join(temp, "raw"), requested, seed);
    log(
      `generated ${count(corpus.files)} raw texts (${mb(corpus.bytes)}, ` +
        `${corpus.duplicates} exact duplicates) under ${corpus.dir}`,
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
    importMs = performance.now() - started;
    log(`imported into ${archive} in ${seconds(importMs)} s`);
  }
  const articlesDir = join(archive, "articles");
  const keys = entryKeys(articlesDir);
  const articles = keys.length;
  if (articles === 0) throw new Error(`no entries (*.md) under ${articlesDir}`);
  const label = values.archive !== undefined ? articles : requested;
  // Write back what the import left in memory, so neither build is timed doing it.
  spawnSync("sync", { stdio: "ignore" });

  // 2. Hugo, in a temp project whose content/articles is the archive's articles/.
  const project = join(temp, "hugo-project");
  cpSync(HUGO_SITE, project, { recursive: true });
  mkdirSync(join(project, "content"), { recursive: true });
  symlinkSync(articlesDir, contentLink, "dir");
  const hugoOut = join(temp, "hugo-public");
  const loadBefore = loadavg()[0]!;
  log(`building ${count(articles)} articles with Hugo...`);
  let cpuBefore = childrenCpuMs();
  const hugo = await measureCommand(
    "hugo",
    [
      "--source",
      project,
      "--destination",
      hugoOut,
      "--cacheDir",
      join(temp, "hugo-cache"),
      "--printPathWarnings",
    ],
    { cwd: project },
  );
  if (hugo.code !== 0) failed("hugo", hugo);
  const hugoCpuMs = childrenCpuMs() - cpuBefore;
  const hugoOutput = outputOf(hugoOut);
  const hugoMissing = missingPages(hugoOut, keys);
  const hugoReportedMs = Number(/Total in (\d+) ms/.exec(hugo.output)?.[1] ?? NaN);

  // 3. Astro, as `npm run build` does for an archive (ARCHIVE_DIR), Pagefind included.
  log(`building ${count(articles)} articles with Astro...`);
  cpuBefore = childrenCpuMs();
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
  const astroCpuMs = childrenCpuMs() - cpuBefore;
  const loadAfter = loadavg()[0]!;
  const astroLog = astro.output.replace(/\x1b\[[0-9;]*m/g, "");
  const indexed = /Indexed (\d+) pages in (\d+) ms/.exec(astroLog);
  const indexMs = Number(indexed?.[2] ?? NaN);
  const indexedPages = Number(indexed?.[1] ?? NaN);
  const builtLine = /(\d+) page\(s\) built in (\d+m \d+s|[\d.]+m?s)/.exec(astroLog);
  const astroPagesBuilt = Number(builtLine?.[1] ?? NaN);
  const astroBuiltIn = builtLine?.[2] ?? "?";
  const astroOutput = outputOf(astroOut);
  const pagefindDir = join(astroOut, "pagefind");
  const pagefind = existsSync(pagefindDir) ? folderStats(pagefindDir) : { files: 0, bytes: 0 };
  const astroMissing = missingPages(astroOut, keys);
  const astroNoIndexMs = astro.ms - indexMs;

  // 4. The table.
  const ratio = (ours: number, theirs: number) =>
    Number.isFinite(ours) && theirs > 0 ? `${(ours / theirs).toFixed(2)}x` : "-";
  const rows: [string, string, string, string, string, string][] = [
    ["", "Hugo", "Astro (ours)", "ours w/o index", "ours/Hugo", "w/o index/Hugo"],
    [
      "HTML pages",
      count(hugoOutput.htmlPages),
      count(astroOutput.htmlPages),
      count(astroOutput.htmlPages),
      ratio(astroOutput.htmlPages, hugoOutput.htmlPages),
      ratio(astroOutput.htmlPages, hugoOutput.htmlPages),
    ],
    [
      "files output",
      count(hugoOutput.files),
      count(astroOutput.files),
      count(astroOutput.files - pagefind.files),
      ratio(astroOutput.files, hugoOutput.files),
      ratio(astroOutput.files - pagefind.files, hugoOutput.files),
    ],
    [
      "output size",
      mb(hugoOutput.bytes),
      mb(astroOutput.bytes),
      mb(astroOutput.bytes - pagefind.bytes),
      ratio(astroOutput.bytes, hugoOutput.bytes),
      ratio(astroOutput.bytes - pagefind.bytes, hugoOutput.bytes),
    ],
    [
      "wall s",
      seconds(hugo.ms),
      seconds(astro.ms),
      Number.isFinite(astroNoIndexMs) ? seconds(astroNoIndexMs) : "-",
      ratio(astro.ms, hugo.ms),
      ratio(astroNoIndexMs, hugo.ms),
    ],
    [
      "ms per article",
      (hugo.ms / articles).toFixed(2),
      (astro.ms / articles).toFixed(2),
      Number.isFinite(astroNoIndexMs) ? (astroNoIndexMs / articles).toFixed(2) : "-",
      ratio(astro.ms, hugo.ms),
      ratio(astroNoIndexMs, hugo.ms),
    ],
    [
      "CPU s (user+sys)",
      seconds(hugoCpuMs),
      seconds(astroCpuMs),
      "-",
      ratio(astroCpuMs, hugoCpuMs),
      "-",
    ],
    [
      "peak RSS",
      mb(hugo.peakRssBytes),
      mb(astro.peakRssBytes),
      "-",
      ratio(astro.peakRssBytes, hugo.peakRssBytes),
      "-",
    ],
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  log("");
  log(
    `${count(articles)} articles, ${cpus().length} cores, one build each ` +
      `(${hugoVersion.stdout.trim().split(" ")[1] ?? "hugo"}; astro build with Pagefind), ` +
      `load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after`,
  );
  for (const row of rows) {
    log(
      row
        .map((cell, column) =>
          column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!),
        )
        .join("  "),
    );
  }
  log("");
  log(
    `Astro: ${Number.isFinite(astroPagesBuilt) ? count(astroPagesBuilt) : "?"} pages built in ${astroBuiltIn}; ` +
      `Pagefind indexed ${Number.isFinite(indexedPages) ? count(indexedPages) : "?"} pages in ` +
      `${Number.isFinite(indexMs) ? seconds(indexMs) : "?"} s (${count(pagefind.files)} files, ` +
      `${mb(pagefind.bytes)}); peak RSS by process: ` +
      Object.entries(astro.peakRssByName)
        .map(([name, bytes]) => `${name} ${mb(bytes)}`)
        .join(", "),
  );
  log(
    `Hugo: reports "Total in ${hugoReportedMs} ms" (the process wall time above includes start-up)`,
  );
  log(
    `our build time over Hugo's: ${ratio(astro.ms, hugo.ms)} ` +
      `(${ratio(astroNoIndexMs, hugo.ms)} without Pagefind indexing)`,
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
  const astroWarnings = warningLines(astroLog);
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
    machine: {
      cores: cpus().length,
      memoryBytes: totalmem(),
      loadAverage: { before: loadBefore, after: loadAfter },
      node: process.version,
      hugo: hugoVersion.stdout.trim(),
    },
    articles,
    generated: values.archive === undefined ? { requested, seed, importMs } : null,
    hugo: {
      wallMs: Math.round(hugo.ms),
      cpuMs: Math.round(hugoCpuMs),
      reportedTotalMs: hugoReportedMs,
      msPerArticle: hugo.ms / articles,
      peakRssBytes: hugo.peakRssBytes,
      peakRssByName: hugo.peakRssByName,
      ...hugoOutput,
      missingArticlePages: hugoMissing.length,
      warnings: hugoWarnings,
    },
    astro: {
      wallMs: Math.round(astro.ms),
      cpuMs: Math.round(astroCpuMs),
      pagesBuiltIn: astroBuiltIn,
      indexMs,
      indexedPages,
      wallMsWithoutIndex: Math.round(astroNoIndexMs),
      pagesBuilt: astroPagesBuilt,
      msPerArticle: astro.ms / articles,
      msPerArticleWithoutIndex: astroNoIndexMs / articles,
      peakRssBytes: astro.peakRssBytes,
      peakRssByName: astro.peakRssByName,
      ...astroOutput,
      pagefind: { files: pagefind.files, bytes: pagefind.bytes },
      missingArticlePages: astroMissing.length,
      warnings: astroWarnings,
    },
    oursOverHugo: {
      wall: astro.ms / hugo.ms,
      wallWithoutIndex: astroNoIndexMs / hugo.ms,
      cpu: astroCpuMs / hugoCpuMs,
      peakRss: astro.peakRssBytes / hugo.peakRssBytes,
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
    // Unlink the archive's symbolic link first: removing the temp dir must never follow it.
    try {
      unlinkSync(contentLink);
    } catch {
      // Not made yet.
    }
    rmSync(temp, { recursive: true, force: true });
    rmSync(astroOut, { recursive: true, force: true });
    rmSync(astroCache, { recursive: true, force: true });
  }
}
process.exit(exitCode);
