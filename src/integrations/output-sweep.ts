import { readdir, rm, rmdir, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { isGzipDownload } from "../lib/deploy/caching.ts";
import { GZ } from "./precompress.ts";

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

/** What one sweep knows, and what it removed. */
interface Sweep {
  outDir: string;
  /** A folder an integration cleans itself (`ownOutputFolder`). */
  isOwned: (path: string) => boolean;
  /** A file this build made or kept (`path` relative to dist/, `full` absolute). */
  isLive: (path: string, full: string) => Promise<boolean>;
  removed: number;
}

/**
 * Removes what this build did not make from `folder` and below; true if it is left empty.
 * Files first, then their .gz copies (./precompress.ts), which live while their file
 * does, so finding them needs no walk of its own.
 */
async function sweepFolder(folder: string, sweep: Sweep): Promise<boolean> {
  let empty = true;
  const entries = await readdir(folder, { withFileTypes: true });
  const names = new Set(entries.map((entry) => entry.name));
  const live = new Set<string>();
  const pathOf = (full: string) => relative(sweep.outDir, full).split(sep).join("/");
  /** A file stays if the build made or kept it, a copy also while its file stays. */
  const keepOrRemove = async (name: string, full: string, copy: boolean) => {
    if ((copy && live.has(name.slice(0, -GZ.length))) || (await sweep.isLive(pathOf(full), full))) {
      live.add(name);
    } else {
      await rm(full);
      sweep.removed += 1;
    }
  };
  const copies: string[] = [];
  for (const entry of entries) {
    const full = join(folder, entry.name);
    const path = pathOf(full);
    // Astro's own build folders (`.prerender`), and folders others manage.
    if (path.startsWith(".") || sweep.isOwned(path)) {
      empty = false;
    } else if (entry.isDirectory()) {
      if (await sweepFolder(full, sweep)) await rmdir(full);
      else empty = false;
    } else if (
      entry.name.endsWith(GZ) &&
      names.has(entry.name.slice(0, -GZ.length)) &&
      !isGzipDownload(path)
    ) {
      copies.push(entry.name);
    } else await keepOrRemove(entry.name, full, false);
  }
  for (const name of copies) await keepOrRemove(name, join(folder, name), true);
  return empty && live.size === 0;
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
      },
      // Runs after the build:done of integrations that write into dist/ (sitemap, article
      // files), before the search index reads the pages: see astro.config.mjs.
      "astro:build:done": async ({ dir, assets, logger }) => {
        const outDir = fileURLToPath(dir);
        // Output files of every route's pages, rendered or kept (Astro's `distURL`s).
        const pages = new Set(
          [...assets.values()].flat().map((url) => relative(outDir, fileURLToPath(url))),
        );
        const sweep: Sweep = {
          outDir,
          isOwned: (path) =>
            [...owned].some((folder) => path === folder || path.startsWith(`${folder}/`)),
          isLive: async (path, full) =>
            pages.has(path) || kept.has(path) || (await stat(full)).mtimeMs >= started,
          removed: 0,
        };
        await sweepFolder(outDir, sweep);
        if (sweep.removed > 0) {
          logger.info(`Removed ${sweep.removed} file(s) an earlier build left`);
        }
      },
    },
  };
}
