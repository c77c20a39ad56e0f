/**
 * Import benchmark: generates raw texts in a temp dir (never in the repository), imports
 * them with the CLI into a temp archive (one run per language, each with its `--lang`),
 * then imports them again (every file a duplicate), and reports files/s and peak RSS.
 *
 *   node bench/import.ts [--files 10000] [--seed 1] [--keep]
 *
 * Target (issue 3): >= 2,000 files/s on a 2-core machine.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import process from "node:process";
import { parseArgs } from "node:util";
import { generateRawArticles, type CorpusLanguage } from "./generate-raw.ts";

const { values } = parseArgs({
  options: {
    files: { type: "string", default: "10000" },
    seed: { type: "string", default: "1" },
    keep: { type: "boolean", default: false },
  },
});
const files = Number(values.files);
const seed = Number(values.seed);
if (!Number.isInteger(files) || files < 1 || !Number.isInteger(seed)) {
  process.stderr.write("usage: node bench/import.ts [--files N] [--seed S] [--keep]\n");
  process.exit(2);
}

const root = resolve(dirname(import.meta.filename), "..");
const cli = join(root, "src/cli/import.ts");
const TIME = "/usr/bin/time";
const hasTime = existsSync(TIME);

interface Measured {
  seconds: number;
  /** CPU seconds in user space and in the kernel, from GNU time ("" without it). */
  cpu: string;
  peakRssMiB: number;
  summary: string;
  code: number | null;
}

/** Runs the CLI once; peak RSS from GNU time when present, else from the child itself. */
function runImport(args: string[]): Measured {
  const work = mkdtempSync(join(tmpdir(), "import-rss-"));
  const rssFile = join(work, "rss");
  // Without GNU time, the child reports its own peak RSS (KiB) as it exits.
  const reportRss = `process.on("exit", () => process.getBuiltinModule("node:fs").writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)))`;
  const command = hasTime
    ? [TIME, "-v", process.execPath, cli, ...args]
    : [
        process.execPath,
        "--import",
        `data:text/javascript,${encodeURIComponent(reportRss)}`,
        cli,
        ...args,
      ];
  const started = performance.now();
  const child = spawnSync(command[0]!, command.slice(1), {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "ignore", "pipe"],
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  const stderr = child.stderr ?? "";
  const kib = hasTime
    ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? NaN)
    : Number(readFileSync(rssFile, "utf8"));
  const user = /User time \(seconds\): ([\d.]+)/.exec(stderr)?.[1];
  const system = /System time \(seconds\): ([\d.]+)/.exec(stderr)?.[1];
  const cpu = user && system ? `user ${user} s, sys ${system} s` : "";
  rmSync(work, { recursive: true, force: true });
  const summary = /imported \d+, duplicates \d+, failed \d+.*/.exec(stderr)?.[0] ?? stderr.trim();
  return { seconds, cpu, peakRssMiB: kib / 1024, summary, code: child.status };
}

const temp = mkdtempSync(join(tmpdir(), "news-archive-bench-"));
try {
  const rawDir = join(temp, "raw");
  const out = join(temp, "archive", "articles");

  let started = performance.now();
  const corpus = generateRawArticles(rawDir, files, seed);
  const generated = (performance.now() - started) / 1000;
  console.log(
    `generated ${corpus.files} raw files (${(corpus.bytes / 1024 / 1024).toFixed(1)} MiB, ` +
      `${corpus.duplicates} exact duplicates; en ${corpus.languages.en.files}, az ${corpus.languages.az.files}, ` +
      `ru ${corpus.languages.ru.files}) in ${generated.toFixed(2)} s under ${rawDir}`,
  );

  // Flush the generated files to disk first, so their write-back is not timed as import.
  spawnSync("sync", { stdio: "ignore" });

  for (const pass of ["first import", "second import (all duplicates)"]) {
    let seconds = 0;
    let peak = 0;
    started = performance.now();
    for (const lang of Object.keys(corpus.languages) as CorpusLanguage[]) {
      const { dir, files: count } = corpus.languages[lang];
      if (count === 0) continue;
      const run = runImport(["--lang", lang, "--out", out, dir]);
      if (run.code !== 0) {
        throw new Error(`import of ${dir} exited ${run.code}: ${run.summary}`);
      }
      seconds += run.seconds;
      peak = Math.max(peak, run.peakRssMiB);
      console.log(
        `  ${pass}, --lang ${lang}: ${count} files in ${run.seconds.toFixed(2)} s ` +
          `(${Math.round(count / run.seconds)} files/s${run.cpu ? `; ${run.cpu}` : ""}), ` +
          `peak RSS ${run.peakRssMiB.toFixed(0)} MiB; ${run.summary}`,
      );
    }
    console.log(
      `${pass}: ${files} files in ${seconds.toFixed(2)} s = ${Math.round(files / seconds)} files/s ` +
        `(process start-up included, 3 runs), peak RSS ${peak.toFixed(0)} MiB` +
        `${hasTime ? " (GNU time)" : " (process.resourceUsage)"}`,
    );
  }
  if (values.keep) console.log(`kept ${temp}`);
} finally {
  if (!values.keep) rmSync(temp, { recursive: true, force: true });
}
