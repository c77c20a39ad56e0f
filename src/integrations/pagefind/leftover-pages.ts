/**
 * Pages an earlier build left in the year folders about to be indexed. Pagefind reads a
 * year's pages from its folder, and starts as soon as the pages are rendered, before the
 * output sweep (../output-sweep.ts) has removed what this build no longer makes: a page
 * taken down or moved would be indexed again. So the indexer first removes, from the years
 * it indexes, each page the build did not make, as the sweep would (only Astro writes `.html`
 * files under `articles/`, so a page file is live exactly when it is one of the build's pages).
 */
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { filesUnder, removeEmptyFolders } from "../../lib/files-under.ts";

/**
 * Removes from `articles/<year>/` of `outDir`, for each of `years`, every `.html` file not
 * among `pages` (this build's pathnames, `articles/2024/01/31/slug/`), and the folders that
 * leaves empty. Returns the files removed, `/`-separated and relative to `outDir`.
 */
export async function removeLeftoverPages(
  outDir: string,
  years: readonly string[],
  pages: readonly string[],
): Promise<string[]> {
  const made = new Set(pages.map((pathname) => `${pathname.replace(/^\/+/, "")}index.html`));
  const removed: string[] = [];
  for (const year of years) {
    const folder = `articles/${year}`;
    const files = await filesUnder(join(outDir, folder)).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return []; // a year no page of is left in dist/
      throw error;
    });
    for (const file of files) {
      const path = `${folder}/${file}`;
      if (!path.endsWith(".html") || made.has(path)) continue;
      await rm(join(outDir, path));
      removed.push(path);
    }
  }
  await removeEmptyFolders(outDir, removed);
  return removed;
}
