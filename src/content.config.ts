import { statSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { defineCollection } from "astro:content";
import type { Loader } from "astro/loaders";
import matter from "gray-matter";
import { articleSchema } from "./lib/article-schema.ts";
import {
  CHECKED_ENTRIES_FILE,
  checkedRecord,
  entrySignature,
  parseChecked,
  serializeChecked,
  type CheckedEntries,
} from "./lib/checked-entries.ts";
import { entryProblems, originalFileFor } from "./lib/entry-check.ts";
import { filesUnder } from "./lib/files-under.ts";
import { settingsFrom } from "./lib/settings.ts";

// The one module besides astro.config.mjs that reads the environment: Astro imports this
// file itself and gives a loader only the Astro config, which has no room for our settings.
// It reads them with the same settingsFrom, so ARCHIVE_DIR means what the config says.
const settings = settingsFrom(process.env);
const articlesDir = resolve(settings.archiveDir, "articles");
/** Entries the last build read and found sound, by their files' stats (./lib/checked-entries.ts). */
const checkedFile = resolve(settings.cacheDir, CHECKED_ENTRIES_FILE);
/** Files read at once. */
const PARALLEL = 64;
/** Changes when what the loader stores changes, so cached entries from before are redone. */
const STORE_FORMAT = "no-body-1";

/**
 * Every `articles/**\/*.md` entry, with the two promises each must keep or the build fails:
 * its sha256 matches the `.original.txt` beside it, and its path agrees with its date and
 * slug. Ids are the path under articles/ (`2019/12/11/<slug>`), unique and checkable.
 *
 * A loader of our own rather than glob(): bodies are plain text shown literally
 * (src/lib/article-text.ts), so the Markdown pass glob() runs on every entry at sync, or
 * defers into one Vite module per entry, is pure cost (measured: 10,000 entries took
 * 10 s to sync with glob(), and deferRender added 30 s of bundling).
 */
const articlesLoader: Loader = {
  name: "archive-articles",
  load: async (context) => {
    const { store, logger } = context;
    const started = performance.now();
    const files = (await filesUnder(articlesDir, { links: true }))
      .filter((file) => file.endsWith(".md"))
      .sort();
    const seen = new Set<string>();
    const failures: string[] = [];
    const before = parseChecked(await readFile(checkedFile, "utf8").catch(() => ""));
    const checked: CheckedEntries = new Map();
    let parsed = 0;
    let read = 0;
    const loadOne = async (file: string) => {
      const id = file.slice(0, -".md".length);
      const path = join(articlesDir, file);
      seen.add(id);
      // Stats first: a file written after them gets new ones, and is read next time. On
      // this thread: at 100,000 entries, 200,000 stats as promises took 4.1 s, here 2.2 s.
      const entryStats = statSync(path, { bigint: true });
      const originalStats = statSync(originalFileFor(path), {
        bigint: true,
        throwIfNoEntry: false,
      });
      const signature = originalStats && entrySignature(entryStats, originalStats);
      const kept = store.get(id);
      if (signature && kept && before.get(id) === checkedRecord(signature, String(kept.digest))) {
        checked.set(id, before.get(id)!);
        return;
      }
      read++;
      const [text, original] = await Promise.all([
        readFile(path, "utf8"),
        readFile(originalFileFor(path)).catch(() => null),
      ]);
      const digest = context.generateDigest(STORE_FORMAT + text);
      let entry = kept;
      if (entry?.digest !== digest) {
        // An options object turns off gray-matter's cache of every file it has parsed.
        const { data } = matter(text, {});
        const valid = await context.parseData({ id, data, filePath: path });
        // No body: pages read it from the file (src/archive.ts articleBody). Astro bundles
        // the data store as one string, which at 100,000 bodies outgrew V8's string limit.
        entry = { id, data: valid, filePath: relative(process.cwd(), path), digest };
        store.set(entry);
        parsed++;
      }
      const data = entry.data as { date: string; slug: string; sha256: string };
      const problems = entryProblems(id, data, original);
      for (const problem of problems) failures.push(`${path}: ${problem}`);
      if (problems.length === 0 && signature) checked.set(id, checkedRecord(signature, digest));
    };
    for (let i = 0; i < files.length; i += PARALLEL) {
      await Promise.all(files.slice(i, i + PARALLEL).map(loadOne));
    }
    for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
    if (failures.length) throw new Error(`Archive check failed:\n${failures.sort().join("\n")}`);
    await mkdir(dirname(checkedFile), { recursive: true });
    await writeFile(`${checkedFile}.partial`, serializeChecked(checked));
    await rename(`${checkedFile}.partial`, checkedFile);
    const ms = Math.round(performance.now() - started);
    logger.info(
      `${files.length} articles checked (${parsed} parsed) in ${ms} ms: ${read} read, ` +
        `${files.length - read} unchanged since the last check`,
    );
  },
};

export const collections = {
  articles: defineCollection({ loader: articlesLoader, schema: articleSchema }),
};
