/**
 * The archive as the pages see it: the one place routes read the content collection.
 * Sorting and every other rule live in src/lib; this file only binds them to Astro.
 */
import { getCollection, type CollectionEntry } from "astro:content";
import { compareNewestFirst } from "./lib/dates.ts";

export type Article = CollectionEntry<"articles">;

let cached: Promise<Article[]> | undefined;

/** Every article, newest first (ties by entry id, so the order is stable). */
export function getArticles(): Promise<Article[]> {
  cached ??= getCollection("articles").then((entries) =>
    entries.sort((a, b) =>
      compareNewestFirst({ date: a.data.date, key: a.id }, { date: b.data.date, key: b.id }),
    ),
  );
  return cached;
}
