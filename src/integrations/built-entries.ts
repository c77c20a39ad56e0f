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
