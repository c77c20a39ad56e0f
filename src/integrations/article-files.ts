import { copyFile, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import matter from "gray-matter";
import { validateFrontmatter } from "../lib/article-schema.ts";
import { citationFileText, citationInputFor } from "../lib/citation.ts";
import { originalFileFor } from "../lib/entry-check.ts";
import { CITATION_FORMATS, citationPathFor, originalTextPathFor } from "../lib/permalink.ts";
import { archiveDirFrom, SITE_NAME } from "../lib/site.ts";

/** Files written at once: enough to keep the disk busy, few enough to bound memory. */
const PARALLEL = 32;

/**
 * Writes the files that sit beside every article page, `original.txt` and the citation
 * downloads, straight from the archive folder at the end of the build. As Astro routes
 * they were four renders an article (most of a 10,000-article build); here they are a file
 * copy and three small writes. The content collection has already checked every entry
 * (schema, path, sha256) by the time this runs.
 */
export default function articleFiles(): AstroIntegration {
  let site = "";
  return {
    name: "news-archive:article-files",
    hooks: {
      "astro:config:done": ({ config }) => {
        site = config.site ?? "";
      },
      "astro:build:done": async ({ dir, logger }) => {
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        const articlesDir = resolve(archiveDirFrom(process.env), "articles");
        const entries = (await readdir(articlesDir, { recursive: true }))
          .filter((file) => file.endsWith(".md"))
          .map((file) => join(articlesDir, file));
        const writeOne = async (entry: string) => {
          // An options object turns off gray-matter's cache of every file it has parsed.
          const parsed = validateFrontmatter(matter(await readFile(entry, "utf8"), {}).data);
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
        };
        for (let i = 0; i < entries.length; i += PARALLEL) {
          await Promise.all(entries.slice(i, i + PARALLEL).map(writeOne));
        }
        const ms = Math.round(performance.now() - started);
        logger.info(`Wrote original.txt and citations of ${entries.length} articles in ${ms} ms`);
      },
    },
  };
}
