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
export const ABOUT_PATH = "/about/";
export const RSS_PATH = "/rss.xml";
export const ATOM_PATH = "/atom.xml";
export const FAVICON_PATH = "/favicon.svg";
/** @astrojs/sitemap writes `<base>-index.xml` (and `<base>-0.xml`, ...) at the site root. */
export const SITEMAP_BASENAME = "sitemap";
export const SITEMAP_PATH = `/${SITEMAP_BASENAME}-index.xml`;
export const ORIGINAL_FILE = "original.txt";
/** The archive as a dataset: the page explaining it and its files (src/lib/dataset/). */
export const DATA_PATH = "/data/";
/** Where Pagefind writes its index and `pagefind.js` (src/integrations/pagefind.ts). */
export const PAGEFIND_PATH = "/pagefind/";
/** The same folder as a path inside `dist/` (`pagefind`), for the steps that write it. */
export const PAGEFIND_FOLDER = PAGEFIND_PATH.slice(1, -1);

/** `/pagefind/years-2001-2010/`: a search index shard's folder (src/lib/search/shards.ts). */
export function searchShardPath(folder: string): string {
  return `${PAGEFIND_PATH}${folder}/`;
}
/** The segment before a page number: `/sources/azernews/page/2/`. */
export const PAGE_SEGMENT = "page";

/** Citation downloads built next to each article page: `cite.bib`, `cite.ris`, `cite.json`. */
export const CITATION_FORMATS = ["bib", "ris", "json"] as const;
export type CitationFormat = (typeof CITATION_FORMATS)[number];

/** `/articles/2019/12/11/<slug>/`: the article's permanent URL path. */
export function permalinkFor(article: ArticleKey): string {
  return `${dayPath(article.date)}${article.slug}/`;
}

/** `/data/<file>`: a file of the dataset, beside its page. */
export function dataFilePath(file: string): string {
  return `${DATA_PATH}${file}`;
}

/** `/articles/2019/12/11/<slug>/original.txt`: the raw text, byte for byte. */
export function originalTextPathFor(article: ArticleKey): string {
  return `${permalinkFor(article)}${ORIGINAL_FILE}`;
}

/** `/articles/2019/12/11/<slug>/cite.bib`: a citation file next to the article page. */
export function citationPathFor(article: ArticleKey, format: CitationFormat): string {
  return `${permalinkFor(article)}${citationFileName(format)}`;
}

/** `cite.bib`: the file name of a citation download (also the route's output name). */
export function citationFileName(format: CitationFormat): string {
  return `cite.${format}`;
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
  return `${SOURCES_PATH}${sourceSlug(source)}/`;
}

export function authorPath(author: string): string {
  return `${AUTHORS_PATH}${authorSlug(author)}/`;
}

/** The URL segment of a source: names that differ only in case or punctuation share it. */
export function sourceSlug(source: string): string {
  return nameSlug(source, "source");
}

/** The URL segment of an author, as for sources. */
export function authorSlug(author: string): string {
  return nameSlug(author, "author");
}

/**
 * Page `n` of a paginated list whose first page is `firstPagePath`:
 * `/sources/azernews/` for 1, `/sources/azernews/page/2/` for 2.
 */
export function pagedPath(firstPagePath: string, page: number): string {
  if (!Number.isInteger(page) || page < 1) throw new Error(`Not a page number: ${page}`);
  return page === 1 ? firstPagePath : `${firstPagePath}${PAGE_SEGMENT}/${page}/`;
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

/**
 * `/search/?q=JF-17&source=Azernews&source=Trend`: a search state as ordered parameters,
 * a key repeated for several values.
 */
export function searchPathFor(params: Iterable<readonly [string, string]>): string {
  const qs = new URLSearchParams([...params].map(([key, value]) => [key, value])).toString();
  return qs ? `${SEARCH_PATH}?${qs}` : SEARCH_PATH;
}

/** The query parameter that carries a search into the article it opened, for highlighting. */
export const HIGHLIGHT_PARAM = "highlight";

/** `/articles/…/<slug>/?highlight=JF-17`: a result link that marks the search terms. */
export function highlightedPath(path: string, query: string): string {
  const q = query.replace(/\s+/g, " ").trim();
  if (!q) return path;
  const [base, hash = ""] = path.split("#", 2) as [string, string?];
  const separator = base.includes("?") ? "&" : "?";
  const param = new URLSearchParams([[HIGHLIGHT_PARAM, q]]).toString();
  return `${base}${separator}${param}${hash ? `#${hash}` : ""}`;
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
