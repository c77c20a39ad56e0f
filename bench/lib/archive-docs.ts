/**
 * The articles of an imported archive as the query set reads them (bench/lib/query-set.ts):
 * date, source, headline and body of every `articles/**\/*.md`, in path order, so two runs
 * over one archive see the same articles in the same order.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import matter from "gray-matter";
import type { CorpusDoc } from "./query-set.ts";

/** The entry files of an archive, sorted. */
export function entryFiles(archive: string): string[] {
  const articles = join(archive, "articles");
  return readdirSync(articles, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".md"))
    .sort()
    .map((file) => join(articles, file));
}

/** Reads the files one at a time: an iterable to walk more than once. */
export function archiveDocs(files: readonly string[]): Iterable<CorpusDoc> {
  return {
    *[Symbol.iterator]() {
      for (const file of files) {
        // Options given, so gray-matter does not keep every file in its cache.
        const { data, content } = matter(readFileSync(file, "utf8"), {});
        const date =
          data["date"] instanceof Date ? data["date"].toISOString() : String(data["date"]);
        yield {
          date: date.slice(0, 10),
          source: String(data["source"] ?? ""),
          title: String(data["title"] ?? ""),
          body: content,
        };
      }
    },
  };
}
