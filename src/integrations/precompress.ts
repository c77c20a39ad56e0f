import { readdir, readFile, rm, rmdir, stat, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { gzip as gzipCallback, constants } from "node:zlib";
import type { AstroIntegration } from "astro";
import { isGzipDownload, isPrecompressed } from "../lib/deploy/caching.ts";
import { inBatches } from "../lib/in-batches.ts";
import { filesUnder } from "../lib/files-under.ts";

const gzip = promisify(gzipCallback);
/** Files compressed at once: keeps both cores busy without holding many files in memory. */
const PARALLEL = 16;
/** The suffix of a compressed copy beside its file (the output sweep keeps them too). */
export const GZ = ".gz";

/**
 * Removes the folders that removed `.gz` files left empty (the sweep removed the folder's
 * other files but not the folder, which still held them), deepest first, one at a time.
 */
async function removeEmptyFolders(outDir: string, files: readonly string[]): Promise<void> {
  const folders = [...new Set(files.map((file) => dirname(file)))].sort().reverse();
  for (const folder of folders) {
    for (let dir = folder; relative(outDir, dir) !== ""; dir = dirname(dir)) {
      const left = await readdir(dir).catch(() => null);
      if (left === null) continue; // removed already, from a deeper folder
      if (left.length > 0) break;
      await rmdir(dir);
    }
  }
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
  const packed = await gzip(body, { level: constants.Z_BEST_COMPRESSION });
  if (packed.length < body.length) await writeFile(path + GZ, packed);
}

/**
 * Writes `<file>.gz` beside each text file of the site that a reader's pages load (html,
 * css, js, json, xml, svg; `isPrecompressed`), for nginx's `gzip_static`: compressed once at
 * level 9 instead of on every request. Last of all, after the search index. A `.gz` newer
 * than its file is kept (the output sweep keeps a `.gz` while its file is kept); one that
 * would not be smaller is not written, and one the rules no longer ask for (a file too
 * small, `original.txt`) is removed.
 */
export function precompress(): AstroIntegration {
  return {
    name: "news-archive:precompress",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        const files = await filesUnder(outDir);
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
            orphans.push(path);
            return;
          }
          // A file whose name never gets a `.gz` is here for a copy an earlier rule wrote.
          const source = isPrecompressed(file, Infinity) ? await stat(path) : null;
          if (!source || !isPrecompressed(file, source.size)) {
            // Written by an earlier build under other rules, or before the file shrank.
            if (present.has(file + GZ)) await rm(path + GZ);
            return;
          }
          if (present.has(file + GZ) && (await stat(path + GZ)).mtimeMs >= source.mtimeMs) return;
          const body = await readFile(path);
          const packed = await gzip(body, { level: constants.Z_BEST_COMPRESSION });
          if (packed.length < body.length) {
            await writeFile(path + GZ, packed);
            written += 1;
          } else if (present.has(file + GZ)) await rm(path + GZ);
        };
        await inBatches(toLookAt, PARALLEL, one);
        await removeEmptyFolders(outDir, orphans);
        const ms = Math.round(performance.now() - started);
        logger.info(`Wrote ${written} .gz file(s) for gzip_static in ${ms} ms`);
      },
    },
  };
}
