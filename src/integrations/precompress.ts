import { mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import process from "node:process";
import { promisify } from "node:util";
import { gzip as gzipCallback } from "node:zlib";
import type { AstroIntegration } from "astro";
import {
  GZ,
  GZIP_DOWNLOAD_SUFFIXES,
  isGzipDownload,
  isPrecompressed,
  PRECOMPRESS_MIN_BYTES,
  PRECOMPRESSED_EXTENSIONS,
} from "../lib/deploy/caching.ts";
import { replaceFile } from "./replace-file.ts";
import { inBatches } from "../lib/in-batches.ts";
import { filesUnder, removeEmptyFolders } from "../lib/files-under.ts";
import { sweptFiles } from "./output-sweep.ts";

const gzip = promisify(gzipCallback);
/**
 * zlib's default level, not its best (9): on 1,500 article pages of the bench corpus, 9 took
 * 240-364 ms and 6 took 134-156 ms, for copies 0.06% larger.
 */
const LEVEL = 6;
/** What the copies depend on besides their files: the rules, the level and zlib's version. */
const RULES = JSON.stringify([
  PRECOMPRESSED_EXTENSIONS,
  PRECOMPRESS_MIN_BYTES,
  GZIP_DOWNLOAD_SUFFIXES,
  LEVEL,
  process.versions.zlib,
]);
/** The build cache's record of the last complete run. */
const RUN_RECORD = "precompress.json";
/**
 * Taken off a run's start: a file system stamps times from a clock that may lag the one
 * `Date.now()` reads by a tick, so a file written just after the start may look older.
 */
const CLOCK_MARGIN_MS = 2000;

/** What the last complete run over a folder says of its copies. */
interface LastRun {
  /** When it started (less the margin): each file written before has the copy it left. */
  lookedAtBefore: number;
  /** It ran under other rules (another level, zlib): no copy it left is as these make it. */
  otherRules: boolean;
}

/** The last complete run over `outDir`; nothing known (0, false) without a record. */
async function lastCompleteRun(cacheDir: string, outDir: string): Promise<LastRun> {
  try {
    const run = JSON.parse(await readFile(join(cacheDir, RUN_RECORD), "utf8")) as {
      rules?: unknown;
      outDir?: unknown;
      startedAt?: unknown;
    };
    if (run.outDir !== outDir) return { lookedAtBefore: 0, otherRules: false };
    if (run.rules !== RULES) return { lookedAtBefore: 0, otherRules: true };
    const startedAt = typeof run.startedAt === "number" ? run.startedAt - CLOCK_MARGIN_MS : 0;
    return { lookedAtBefore: startedAt, otherRules: false };
  } catch {
    return { lookedAtBefore: 0, otherRules: false };
  }
}

async function recordCompleteRun(cacheDir: string, outDir: string, startedAt: number) {
  await mkdir(cacheDir, { recursive: true });
  await replaceFile(
    join(cacheDir, RUN_RECORD),
    JSON.stringify({ rules: RULES, outDir, startedAt }),
  );
}
/** Files compressed at once: keeps both cores busy without holding many files in memory. */
const PARALLEL = 16;

/**
 * The files of `outDir` this step compresses: what this build's output sweep left
 * (./output-sweep.ts), or, without a sweep, a walk of its own (at 100,000 articles a walk of
 * `dist/` is 730,000 files). The folders the sweep did not look into are their owners' to
 * compress ({@link precompressFiles}), once they are written: the search index's is written
 * last, while this step runs.
 */
async function outputFiles(outDir: string): Promise<{ files: string[]; swept: boolean }> {
  const swept = sweptFiles(outDir);
  return swept ? { files: swept, swept: true } : { files: await filesUnder(outDir), swept: false };
}

/**
 * Writes `<file>.gz` beside one file of `outDir` (a `/`-separated path) if the rules ask for
 * one and it is smaller, as {@link precompress} does; removes a stale one otherwise. For
 * files written after the build (`npm run merge`).
 */
export async function precompressFile(outDir: string, file: string): Promise<void> {
  const path = join(outDir, file);
  const body = await readFile(path);
  await rm(path + GZ, { force: true });
  if (!isPrecompressed(file, body.length)) return;
  const packed = await gzip(body, { level: LEVEL });
  if (packed.length < body.length) await writeFile(path + GZ, packed);
}

/**
 * Writes `<file>.gz` beside each of `files` (`/`-separated, relative to `outDir`: every file
 * of the part of `outDir` looked at, the `.gz` copies included) that the rules ask one for,
 * unless a copy newer than its file is there; removes the copies the rules no longer ask
 * for and those whose file is gone, and the folders that leaves empty. Returns how many
 * copies it wrote. A file last written before `lookedAtBefore` (ms since the epoch) is
 * taken as a complete earlier run of the same rules over the same folder left it; with
 * `rewrite`, every copy is written again (they were made under other rules), so a kept
 * `dist/` holds the copies a clean build makes.
 */
export async function precompressFiles(
  outDir: string,
  files: readonly string[],
  { lookedAtBefore = 0, rewrite = false }: { lookedAtBefore?: number; rewrite?: boolean } = {},
): Promise<number> {
  const present = new Set(files);
  let written = 0;
  const orphans: string[] = [];
  // Only the files a rule acts on: most (original.txt, citation and search files, the
  // `.gz` copies of files still there) need no look at all, not even a `stat`.
  const toLookAt = files.filter((file) => {
    if (isGzipDownload(file)) return false;
    if (file.endsWith(GZ)) return !present.has(file.slice(0, -GZ.length));
    if (file.startsWith(".")) return false;
    return isPrecompressed(file, Infinity) || present.has(file + GZ);
  });
  const one = async (file: string): Promise<void> => {
    const path = join(outDir, file);
    if (file.endsWith(GZ)) {
      // A copy whose file is gone (the only copies looked at).
      await rm(path);
      orphans.push(file);
      return;
    }
    // A file whose name never gets a `.gz` is here for a copy an earlier rule wrote.
    const source = isPrecompressed(file, Infinity) ? await stat(path) : null;
    if (!source || !isPrecompressed(file, source.size)) {
      // Written by an earlier build under other rules, or before the file shrank.
      if (present.has(file + GZ)) await rm(path + GZ);
      return;
    }
    // Last written before a complete run of these rules looked at it: that run left its copy,
    // or none, as the rules ask (one `stat` a file fewer: 115,000 at 100,000 articles).
    if (source.mtimeMs < lookedAtBefore) return;
    const copy = !rewrite && present.has(file + GZ) ? await stat(path + GZ) : null;
    if (copy && copy.mtimeMs >= source.mtimeMs) return;
    const body = await readFile(path);
    const packed = await gzip(body, { level: LEVEL });
    if (packed.length < body.length) {
      await writeFile(path + GZ, packed);
      written += 1;
    } else if (present.has(file + GZ)) await rm(path + GZ);
  };
  await inBatches(toLookAt, PARALLEL, one);
  await removeEmptyFolders(outDir, orphans);
  return written;
}

/**
 * Writes `<file>.gz` beside each text file of the site that a reader's pages load (html,
 * css, js, json, xml, svg; `isPrecompressed`), for nginx's `gzip_static`: compressed once at
 * build time instead of on every request. After the output sweep, from its list, while the
 * search index may still be at work: the index's folder is compressed when it is put in
 * place (./pagefind.ts, with {@link precompressFiles}). A `.gz` newer
 * than its file is kept (the output sweep keeps a `.gz` while its file is kept), unless the
 * last run was under other rules (then every copy is written again, once); one that
 * would not be smaller is not written, and one the rules no longer ask for (a file too
 * small, `original.txt`) is removed.
 */
export function precompress(): AstroIntegration {
  let cacheDir = "";
  return {
    name: "news-archive:precompress",
    hooks: {
      "astro:config:done": ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      "astro:build:done": async ({ dir, logger }) => {
        const started = performance.now();
        const startedAt = Date.now();
        const outDir = fileURLToPath(dir);
        const { files, swept } = await outputFiles(outDir);
        const { lookedAtBefore, otherRules } = await lastCompleteRun(cacheDir, outDir);
        const written = await precompressFiles(outDir, files, {
          lookedAtBefore,
          rewrite: otherRules,
        });
        await recordCompleteRun(cacheDir, outDir, startedAt);
        const ms = Math.round(performance.now() - started);
        const listed = swept ? "the output sweep's list" : "a walk of its own";
        logger.info(
          `Wrote ${written} .gz file(s) for gzip_static in ${ms} ms (${files.length} files, ` +
            `from ${listed})`,
        );
      },
    },
  };
}
