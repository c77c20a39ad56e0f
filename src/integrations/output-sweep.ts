import { rm, stat } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { GZ, isGzipDownload } from "../lib/deploy/caching.ts";
import { filesUnder, removeEmptyFolders } from "../lib/files-under.ts";
import { inBatches } from "../lib/in-batches.ts";

/**
 * Keeps `dist/` from one build to the next, and removes what a build no longer makes.
 *
 * Astro empties `dist/` before every build, then (with `experimental.incrementalBuild`)
 * copies back every unchanged page from its cache: at 10,000 articles, deleting 67,000
 * files and copying 17,000 back took 15 of the 33 seconds of a rebuild after adding one
 * article. Kept, unchanged pages stay where they are (Astro logs them `(cached)`), and
 * the other integrations leave their unchanged files alone too.
 *
 * What the build made is: every page Astro generated or kept (its routes' output files),
 * every file written during this build, the files other integrations say they kept
 * (`keepOutput`), the `.gz` copy beside each of those (./precompress.ts rewrites it if its
 * file changed), and the folders they manage themselves (`ownOutputFolder`). Anything
 * else in `dist/` is left over from an earlier build, a page or file that no longer
 * exists, and is deleted, so the folder is the same as after a clean build (checked by
 * tests/e2e/incremental.test.ts).
 */
const kept = new Set<string>();
const owned = new Set<string>();

/**
 * A file (path relative to `dist/`, `/`-separated) this build made or kept unchanged: a
 * file listed here needs no look at its mtime, which at 40,000 files takes seconds.
 */
export function keepOutput(path: string): void {
  kept.add(path.replace(/^\/+/, ""));
}

/**
 * A folder of `dist/` an integration cleans itself, so the sweep does not look inside:
 * declared when the config is done, as the sweep may run before that integration's build.
 */
export function ownOutputFolder(path: string): void {
  owned.add(path.replace(/^\/+|\/+$/g, ""));
}

/** The files a sweep left in its `dist/`, outside the folders it did not look into. */
let swept: { outDir: string; files: string[] } | null = null;

/**
 * The files this build's sweep of `outDir` left there (`/`-separated, relative to it),
 * outside the folders others manage (`ownOutputFolder`) and Astro's own (`.prerender`),
 * or null if no sweep of it ran in this build: a later step need not walk `dist/` again.
 */
export function sweptFiles(outDir: string): string[] | null {
  return swept?.outDir === outDir ? swept.files : null;
}

/** Files whose liveness is looked at once: most need no `stat`. */
const AT_ONCE = 64;

/**
 * Removes what this build did not make from `outDir` (the folders others manage and
 * Astro's own left alone), then the folders that leaves empty. `isMade` says whether the
 * build made or kept a file by its path alone (`/`-separated, relative to `outDir`),
 * `isWritten` looks at a file it cannot place so; a .gz copy (./precompress.ts) lives while
 * its file does. Returns the files left.
 */
async function sweepOutput(
  outDir: string,
  isMade: (path: string) => boolean,
  isWritten: (path: string) => Promise<boolean>,
): Promise<{ left: string[]; removed: number }> {
  const folders = [...owned];
  const isOwned = (path: string) =>
    path.startsWith(".") ||
    folders.some((folder) => path === folder || path.startsWith(`${folder}/`));
  const files = (await filesUnder(outDir, { skip: isOwned })).filter((path) => !isOwned(path));
  const present = new Set(files);
  const isCopy = (path: string) =>
    path.endsWith(GZ) && present.has(path.slice(0, -GZ.length)) && !isGzipDownload(path);
  // Most files are placed by their path, with no promise or `stat` each (600,000 files at
  // 100,000 articles); only the rest are looked at, then the copies follow their files.
  const live = new Set<string>();
  const toLookAt: string[] = [];
  const copies: string[] = [];
  for (const path of files) {
    if (isCopy(path)) copies.push(path);
    else if (isMade(path)) live.add(path);
    else toLookAt.push(path);
  }
  const removed: string[] = [];
  await inBatches(toLookAt, AT_ONCE, async (path) => {
    if (await isWritten(path)) live.add(path);
    else removed.push(path);
  });
  for (const path of copies) {
    if (live.has(path.slice(0, -GZ.length))) live.add(path);
    else removed.push(path);
  }
  await inBatches(removed, AT_ONCE, (path) => rm(join(outDir, path)));
  await removeEmptyFolders(outDir, removed);
  return { left: files.filter((path) => live.has(path)), removed: removed.length };
}

export default function outputSweep(): AstroIntegration {
  let started = 0;
  return {
    name: "news-archive:output-sweep",
    hooks: {
      "astro:config:setup": ({ updateConfig }) => {
        updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      "astro:build:start": () => {
        started = Date.now();
        kept.clear();
        swept = null;
      },
      // Runs after the build:done of integrations that write into dist/ (sitemap, article
      // files), before the search index is put in place: see astro.config.mjs.
      "astro:build:done": async ({ dir, assets, logger }) => {
        const outDir = fileURLToPath(dir);
        // Output files of every route's pages, rendered or kept (Astro's `distURL`s).
        const pages = new Set(
          [...assets.values()].flat().map((url) => relative(outDir, fileURLToPath(url))),
        );
        const { left, removed } = await sweepOutput(
          outDir,
          (path) => pages.has(path) || kept.has(path),
          async (path) => (await stat(join(outDir, path))).mtimeMs >= started,
        );
        swept = { outDir, files: left };
        if (removed > 0) logger.info(`Removed ${removed} file(s) an earlier build left`);
      },
    },
  };
}
