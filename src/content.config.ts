import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import type { Loader } from "astro/loaders";
import { articleSchema } from "./lib/article-schema.ts";
import { entryProblems, originalFileFor } from "./lib/entry-check.ts";
import { archiveDirFrom } from "./lib/site.ts";

const articlesDir = resolve(archiveDirFrom(process.env), "articles");

/** Entry ids are the path under articles/ (`2019/12/11/<slug>`): unique, and checkable. */
const articleGlob = glob({
  base: articlesDir,
  pattern: "**/*.md",
  generateId: ({ entry }) => entry.replace(/\.md$/, ""),
});

/** The glob loader, then the two promises every entry must keep, or the build fails. */
const articlesLoader: Loader = {
  name: "archive-articles",
  load: async (context) => {
    await articleGlob.load(context);
    const failures: string[] = [];
    for (const entry of context.store.values()) {
      const data = entry.data as { date: string; slug: string; sha256: string };
      const file = resolve(articlesDir, `${entry.id}.md`);
      const original = await readFile(originalFileFor(file)).catch(() => null);
      for (const problem of entryProblems(entry.id, data, original)) {
        failures.push(`${file}: ${problem}`);
      }
    }
    if (failures.length) {
      throw new Error(`Archive check failed:\n${failures.join("\n")}`);
    }
  },
};

export const collections = {
  articles: defineCollection({ loader: articlesLoader, schema: articleSchema }),
};
