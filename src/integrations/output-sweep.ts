import { readdir, rm, rmdir, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";

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
 * (`keepOutput`), and the folders they manage themselves (`ownOutputFolder`). Anything
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
        const isOwned = (path: string) =>
          [...owned].some((folder) => path === folder || path.startsWith(`${folder}/`));
        let removed = 0;
        const sweep = async (folder: string): Promise<boolean> => {
          let empty = true;
          for (const entry of await readdir(folder, { withFileTypes: true })) {
            const full = join(folder, entry.name);
            const path = relative(outDir, full).split(sep).join("/");
            // Astro's own build folders (`.prerender`), and folders others manage.
            if (path.startsWith(".") || isOwned(path)) {
              empty = false;
              continue;
            }
            if (entry.isDirectory()) {
              if (await sweep(full)) await rmdir(full);
              else empty = false;
              continue;
            }
            const live = pages.has(path) || kept.has(path) || (await stat(full)).mtimeMs >= started;
            if (live) empty = false;
            else {
              await rm(full);
              removed += 1;
            }
          }
          return empty;
        };
        await sweep(outDir);
        if (removed > 0) logger.info(`Removed ${removed} file(s) an earlier build left`);
      },
    },
  };
}
