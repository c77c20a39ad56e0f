import { existsSync } from "node:fs";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { replaceFile } from "./replace-file.ts";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import matter from "gray-matter";
import { validateFrontmatter } from "../lib/article-schema.ts";
import { citationInputFor } from "../lib/citation.ts";
import { citationFileText } from "../lib/citation-files.ts";
import { originalFileFor } from "../lib/entry-check.ts";
import { CITATION_FORMATS, citationPathFor, originalTextPathFor } from "../lib/permalink.ts";
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

/** Per entry file: what its files were made from, and the files (relative to `dist/`). */
type Written = Record<string, { key: string; files: string[] }>;

/**
 * Writes the files that sit beside every article page, `original.txt` and the citation
 * downloads, straight from the archive folder at the end of the build. As Astro routes
 * they were four renders an article (most of a 10,000-article build); here they are a file
 * copy and three small writes. The content collection has already checked every entry
 * (schema, path, sha256) by the time this runs.
 *
 * `dist/` is kept between builds (./output-sweep.ts): an article whose entry file (by its
 * signature, ./built-entries.ts) and site URL are those of the last build, and whose files
 * are still there, is not written again.
 * What was written is remembered in the build cache (`article-files.json`).
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
        const entries = await builtEntries(archiveDir, cacheDir, pages);
        const record = join(cacheDir, "article-files.json");
        const before: Written = existsSync(record)
          ? (JSON.parse(await readFile(record, "utf8")) as Written)
          : {};
        const after: Written = {};
        let written = 0;
        const writeOne = async ({ path: entry, signature }: BuiltEntry) => {
          // The entry's signature stands for its text (./built-entries.ts).
          const key = `${site}\0${signature}`;
          const last = before[entry];
          if (last?.key === key && last.files.every((file) => existsSync(join(outDir, file)))) {
            last.files.forEach(keepOutput);
            after[entry] = last;
            return;
          }
          const text = await readFile(entry, "utf8");
          // An options object turns off gray-matter's cache of every file it has parsed.
          const parsed = validateFrontmatter(matter(text, {}).data);
          if (!parsed.ok) throw new Error(`${entry}: ${parsed.errors.join("; ")}`);
          const data = parsed.data;
          await mkdir(join(outDir, originalTextPathFor(data), ".."), { recursive: true });
          await copyFile(originalFileFor(entry), join(outDir, originalTextPathFor(data)));
          const citation = citationInputFor(data, site, SITE_NAME);
          for (const format of CITATION_FORMATS) {
            await writeFile(
              join(outDir, citationPathFor(data, format)),
              citationFileText(format, citation),
            );
          }
          const files = [
            originalTextPathFor(data),
            ...CITATION_FORMATS.map((format) => citationPathFor(data, format)),
          ].map((path) => path.replace(/^\//, ""));
          after[entry] = { key, files };
          files.forEach(keepOutput);
          written += 1;
        };
        for (let i = 0; i < entries.length; i += PARALLEL) {
          await Promise.all(entries.slice(i, i + PARALLEL).map(writeOne));
        }
        await mkdir(cacheDir, { recursive: true });
        await replaceFile(record, JSON.stringify(after));
        const ms = Math.round(performance.now() - started);
        logger.info(
          `Wrote original.txt and citations of ${written} articles in ${ms} ms ` +
            `(${entries.length - written} unchanged)`,
        );
      },
    },
  };
}
