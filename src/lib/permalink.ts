/**
 * The only place any URL of the site is built. Article URLs come from frontmatter `date`
 * and `slug`, never from a file path or a title, so they never move once published.
 * Every path has a trailing slash (directory output), except files such as original.txt.
 */
import { dateParts } from "./dates.ts";
import { slugify } from "./slug.ts";

export interface ArticleKey {
  date: string;
  slug: string;
}

export const HOME_PATH = "/";
export const ARCHIVE_PATH = "/articles/";
export const SEARCH_PATH = "/search/";
export const SOURCES_PATH = "/sources/";
export const AUTHORS_PATH = "/authors/";
export const ORIGINAL_FILE = "original.txt";

/** `/articles/2019/12/11/<slug>/`: the article's permanent URL path. */
export function permalinkFor(article: ArticleKey): string {
  return `${dayPath(article.date)}${article.slug}/`;
}

/** `/articles/2019/12/11/<slug>/original.txt`: the raw text, byte for byte. */
export function originalTextPathFor(article: ArticleKey): string {
  return `${permalinkFor(article)}${ORIGINAL_FILE}`;
}

/** `2019/12/11/<slug>`: where the entry lives under `articles/`, without extension. */
export function entryPathFor(article: ArticleKey): string {
  const { year, month, day } = dateParts(article.date);
  return `${year}/${month}/${day}/${article.slug}`;
}

export function yearPath(year: string): string {
  return `${ARCHIVE_PATH}${year}/`;
}

export function monthPath(year: string, month: string): string {
  return `${yearPath(year)}${month}/`;
}

/** `/articles/2019/12/11/` for a `YYYY-MM-DD` date. */
export function dayPath(isoDate: string): string {
  const { year, month, day } = dateParts(isoDate);
  return `${monthPath(year, month)}${day}/`;
}

export function sourcePath(source: string): string {
  return `${SOURCES_PATH}${nameSlug(source, "source")}/`;
}

export function authorPath(author: string): string {
  return `${AUTHORS_PATH}${nameSlug(author, "author")}/`;
}

/** `/search/?q=...`: search state lives in the query string. */
export function searchPath(params: Record<string, string | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value) query.set(key, value);
  }
  const qs = query.toString();
  return qs ? `${SEARCH_PATH}?${qs}` : SEARCH_PATH;
}

/** Absolute URL of a site path, for canonical links, feeds and the shown permalink. */
export function absoluteUrl(path: string, site: string | URL): string {
  return new URL(path, site).href;
}

function nameSlug(name: string, kind: string): string {
  const slug = slugify(name, 100);
  if (!slug) throw new Error(`The ${kind} ${JSON.stringify(name)} has no letters usable in a URL`);
  return slug;
}

/**
 * Route parameters of src/pages/articles/[year]/[month]/[day]/[slug]/: the same parts
 * permalinkFor joins, so the route and the permalink cannot disagree.
 */
export function articleParams(article: ArticleKey) {
  return { ...dateParts(article.date), slug: article.slug };
}
