import { existsSync } from "node:fs";
import { copyFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { replaceFile } from "./replace-file.ts";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import matter from "gray-matter";
import { validateFrontmatter } from "../lib/article-schema.ts";
import { citationInputFor } from "../lib/citation.ts";
import { citationFileText } from "../lib/citation-files.ts";
import { originalFileFor } from "../lib/entry-check.ts";
import { CITATION_FORMATS, permalinkFor } from "../lib/permalink.ts";
import {
  articleFilePaths,
  articleOfEntryFile,
  parseArticleFiles,
  serializeArticleFiles,
  type ArticleFilesRecord,
} from "../lib/article-files-record.ts";
import { DEFAULT_SETTINGS } from "../lib/settings.ts";
import { SITE_NAME } from "../lib/site.ts";
import { builtEntries, type BuiltEntry } from "./built-entries.ts";
import { keepOutput } from "./output-sweep.ts";

/** Files written at once: enough to keep the disk busy, few enough to bound memory. */
const PARALLEL = 32;

export interface ArticleFilesOptions {
  /** The folder holding `articles/` (relative to the working directory, or absolute). */
  archiveDir?: string;
}

/** The record of the last build's files, in the build cache. */
const RECORD_FILE = "article-files.txt";

/** The files beside the page of entry `file` (`2019/12/11/<slug>.md`), relative to `dist/`. */
const filesOfEntry = (file: string) =>
  articleFilePaths(articleOfEntryFile(file)).map((path) => path.slice(1));

/**
 * Writes the files that sit beside every article page, `original.txt` and the citation
 * downloads, straight from the archive folder at the end of the build. As Astro routes
 * they were four renders an article (most of a 10,000-article build); here they are a file
 * copy and three small writes. The content collection has already checked every entry
 * (schema, path, sha256) by the time this runs.
 *
 * `dist/` is kept between builds (./output-sweep.ts): an article whose entry file (by its
 * signature, ./built-entries.ts) and site URL are those of the last build, and whose last
 * written file is still there, is not written again. One look an article: its files are
 * written in order, and a build that stops halfway leaves the record of the build before
 * (looking at all four took 2.6 s at 100,000 articles; another file removed from `dist/` by
 * hand comes back once the record below is removed, or in a build into an empty folder).
 * What was written is remembered in the build cache (src/lib/article-files-record.ts).
 */
export default function articleFiles(options: ArticleFilesOptions = {}): AstroIntegration {
  const archiveDir = options.archiveDir ?? DEFAULT_SETTINGS.archiveDir;
  let site = "";
  let cacheDir = "";
  return {
    name: "news-archive:article-files",
    hooks: {
      "astro:config:done": ({ config }) => {
        site = config.site ?? "";
        cacheDir = fileURLToPath(config.cacheDir);
      },
      "astro:build:done": async ({ dir, pages, logger }) => {
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        const entries = await builtEntries(archiveDir, cacheDir, { dir, pages });
        const recordPath = join(cacheDir, RECORD_FILE);
        const before = parseArticleFiles(site, await readFile(recordPath, "utf8").catch(() => ""));
        const after: ArticleFilesRecord = new Map();
        let written = 0;
        const writeOne = async ({ file, path: entry, signature }: BuiltEntry) => {
          const files = filesOfEntry(file);
          // The entry's signature stands for its text (./built-entries.ts).
          if (before.get(file) === signature && existsSync(join(outDir, files.at(-1)!))) {
            files.forEach(keepOutput);
            after.set(file, signature);
            return;
          }
          const text = await readFile(entry, "utf8");
          // An options object turns off gray-matter's cache of every file it has parsed.
          const parsed = validateFrontmatter(matter(text, {}).data);
          if (!parsed.ok) throw new Error(`${entry}: ${parsed.errors.join("; ")}`);
          const data = parsed.data;
          // The same files as `filesOfEntry(file)`: the content collection failed the build
          // if the entry's folder and name were not its date and slug.
          const [original, ...citations] = articleFilePaths(data);
          await mkdir(join(outDir, permalinkFor(data)), { recursive: true });
          await copyFile(originalFileFor(entry), join(outDir, original!));
          const citation = citationInputFor(data, site, SITE_NAME);
          for (const [i, format] of CITATION_FORMATS.entries()) {
            await writeFile(join(outDir, citations[i]!), citationFileText(format, citation));
          }
          after.set(file, signature);
          files.forEach(keepOutput);
          written += 1;
        };
        for (let i = 0; i < entries.length; i += PARALLEL) {
          await Promise.all(entries.slice(i, i + PARALLEL).map(writeOne));
        }
        await mkdir(cacheDir, { recursive: true });
        await replaceFile(recordPath, serializeArticleFiles(site, after));
        // The record's earlier form (one JSON of every file), not read any more.
        await rm(join(cacheDir, "article-files.json"), { force: true });
        const ms = Math.round(performance.now() - started);
        logger.info(
          `Wrote original.txt and citations of ${written} articles in ${ms} ms ` +
            `(${entries.length - written} unchanged)`,
        );
      },
    },
  };
}
