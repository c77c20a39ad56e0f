import { readdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { permalinkOfKey } from "../lib/import-plan.ts";

/** An archive entry whose page this build rendered. */
export interface BuiltEntry {
  /** Path below `articles/`: `2019/12/11/<slug>.md`. */
  file: string;
  /** Absolute path of the `.md` file. */
  path: string;
}

/**
 * The `.md` entries of `archiveDir` whose article page is among the build's `pages`: an
 * entry an import adds while the build runs is left to the next build, whole, rather than
 * given its files or redirects now without its page.
 */
export async function builtEntries(
  archiveDir: string,
  pages: readonly { pathname: string }[],
): Promise<BuiltEntry[]> {
  const built = new Set(pages.map(({ pathname }) => `/${pathname.replace(/^\//, "")}`));
  const articlesDir = resolve(archiveDir, "articles");
  return (await readdir(articlesDir, { recursive: true }))
    .filter((file) => file.endsWith(".md"))
    .filter((file) => built.has(permalinkOfKey(file.slice(0, -".md".length))))
    .map((file) => ({ file, path: join(articlesDir, file) }));
}

/**
 * Every `.md` entry of `archiveDir`, built or not: what a slice build needs of the whole
 * archive beyond its own pages (the site slice's redirects, the years every slice shares).
 */
export async function archiveEntries(archiveDir: string): Promise<BuiltEntry[]> {
  const articlesDir = resolve(archiveDir, "articles");
  return (await readdir(articlesDir, { recursive: true }))
    .filter((file) => file.endsWith(".md"))
    .sort()
    .map((file) => ({ file, path: join(articlesDir, file) }));
}

/**
 * Articles per year of the whole archive, from its folders (`articles/YYYY/...`: the
 * build fails when an entry's folder disagrees with its date), without reading an entry.
 */
export async function articlesPerYear(archiveDir: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const { file } of await archiveEntries(archiveDir)) {
    const year = file.slice(0, 4);
    counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  return counts;
}
