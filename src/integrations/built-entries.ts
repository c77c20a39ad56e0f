import { readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { CHECKED_ENTRIES_FILE, fileSignature, parseChecked } from "../lib/checked-entries.ts";
import { filesUnder } from "../lib/files-under.ts";
import { permalinkOfKey } from "../lib/import-plan.ts";
import { inBatches } from "../lib/in-batches.ts";

/** An archive entry whose page this build rendered. */
export interface BuiltEntry {
  /** Path below `articles/`, `/`-separated: `2019/12/11/<slug>.md`. */
  file: string;
  /** Absolute path of the `.md` file. */
  path: string;
  /**
   * Another string whenever the entry's text may have changed: what the content collection
   * recorded of its files' stats this build (src/lib/checked-entries.ts), or, for an entry
   * it did not record, the file's own stats. Integrations key what they made by it.
   */
  signature: string;
}

/** Entry files read at once. */
const AT_ONCE = 64;

/** The `.md` entries under `archiveDir/articles/`, `/`-separated, in path order. */
async function entryFiles(archiveDir: string): Promise<string[]> {
  return (await filesUnder(resolve(archiveDir, "articles"), { links: true }))
    .filter((file) => file.endsWith(".md"))
    .sort();
}

/**
 * The entries of `files`, each with its signature. The content collection stats every
 * entry when the build starts and records them in the build cache; reading that record
 * spares the integrations 100,000 `stat` calls each at 100,000 articles.
 */
async function withSignatures(
  archiveDir: string,
  cacheDir: string,
  files: readonly string[],
): Promise<BuiltEntry[]> {
  const articlesDir = resolve(archiveDir, "articles");
  const recorded = parseChecked(
    await readFile(join(cacheDir, CHECKED_ENTRIES_FILE), "utf8").catch(() => ""),
  );
  const entries = files.map((file) => ({
    file,
    path: join(articlesDir, file),
    signature: recorded.get(file.slice(0, -".md".length)) ?? "",
  }));
  await inBatches(
    entries.filter((entry) => entry.signature === ""),
    AT_ONCE,
    async (entry) => (entry.signature = fileSignature(await stat(entry.path, { bigint: true }))),
  );
  return entries;
}

/** What Astro gives every `astro:build:done` hook of one build. */
export interface BuildDone {
  /** The output folder: the same object for every hook of one build. */
  dir: URL;
  pages: readonly { pathname: string }[];
}

/**
 * One list a build and archive, for the integrations that each need it (article files,
 * dataset, redirects): at 100,000 articles each list took a walk of the archive and a read
 * of the checked entries' 20 MB record. Keyed by the build's `dir` object, so a later build
 * (a new object) lists its entries again.
 */
const listed = new WeakMap<URL, Map<string, Promise<BuiltEntry[]>>>();

/**
 * The `.md` entries of `archiveDir` whose article page is among the build's `pages`: an
 * entry an import adds while the build runs is left to the next build, whole, rather than
 * given its files or redirects now without its page.
 */
export function builtEntries(
  archiveDir: string,
  cacheDir: string,
  build: BuildDone,
): Promise<BuiltEntry[]> {
  const ofBuild = listed.get(build.dir) ?? new Map<string, Promise<BuiltEntry[]>>();
  listed.set(build.dir, ofBuild);
  const key = `${archiveDir}\0${cacheDir}`;
  const entries = ofBuild.get(key) ?? listBuiltEntries(archiveDir, cacheDir, build.pages);
  ofBuild.set(key, entries);
  return entries;
}

async function listBuiltEntries(
  archiveDir: string,
  cacheDir: string,
  pages: readonly { pathname: string }[],
): Promise<BuiltEntry[]> {
  const built = new Set(pages.map(({ pathname }) => `/${pathname.replace(/^\//, "")}`));
  const files = (await entryFiles(archiveDir)).filter((file) =>
    built.has(permalinkOfKey(file.slice(0, -".md".length))),
  );
  return withSignatures(archiveDir, cacheDir, files);
}

/**
 * Every `.md` entry of `archiveDir`, built or not: what a slice build needs of the whole
 * archive beyond its own pages (the site slice's redirects).
 */
export async function archiveEntries(archiveDir: string, cacheDir: string): Promise<BuiltEntry[]> {
  return withSignatures(archiveDir, cacheDir, await entryFiles(archiveDir));
}

/** Entries by year (`2019/...` -> `2019`), each year's in the order given. */
export function entriesByYear(entries: readonly BuiltEntry[]): Map<string, BuiltEntry[]> {
  const years = new Map<string, BuiltEntry[]>();
  for (const entry of entries) {
    const year = entry.file.slice(0, entry.file.indexOf("/"));
    const list = years.get(year);
    if (list) list.push(entry);
    else years.set(year, [entry]);
  }
  return years;
}

/**
 * Articles per year of the whole archive, from its folders (`articles/YYYY/...`: the
 * build fails when an entry's folder disagrees with its date), without reading an entry.
 */
export async function articlesPerYear(archiveDir: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const file of await entryFiles(archiveDir)) {
    const year = file.slice(0, 4);
    counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  return counts;
}
