/**
 * The archive as the pages see it: the one place routes read the content collection.
 * Sorting, grouping and every other rule live in src/lib; this file only binds them to
 * Astro and memoizes them, so a build sorts and groups the collection once, whatever the
 * number of pages.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { getCollection, type CollectionEntry } from "astro:content";
import { buildSlice, relatedTermsFile } from "virtual:build-slice";
import { authorsOf } from "./lib/article-schema.ts";
import {
  archiveStats,
  buildBrowseIndex,
  neighboursAt,
  type BrowseIndex,
  type ArchiveStats,
  type BrowseFields,
} from "./lib/browse.ts";
import { paginate, pageParam, type Page } from "./lib/paginate.ts";
import { bodyOfEntry, summaryAfterTitle } from "./lib/article-text.ts";
import { compareNewestFirst } from "./lib/dates.ts";
import { articleParams } from "./lib/permalink.ts";
import { relatedArticles } from "./lib/related/related.ts";
import { countAll, EMPTY_CACHE, type TermCache } from "./lib/related/term-cache.ts";
import { decodeTermCache, encodeTermCache } from "./lib/related/term-cache-file.ts";
import { replaceFile } from "./integrations/replace-file.ts";
import { buildsSite, buildsYear, keepsOutput, parseSlice } from "./lib/slice.ts";

export type Article = CollectionEntry<"articles">;

/**
 * What this build renders (`npm run build -- --slice X`): every slice reads the whole
 * archive, so its pages link across slices as a whole build's do, and lists only its own
 * pages in getStaticPaths.
 */
const slice = parseSlice(buildSlice);

/** Whether this build renders the pages of `year`: its articles, days, months and itself. */
export function rendersYear(year: string): boolean {
  return buildsYear(slice, year);
}

/** Whether this build renders what spans every year: sources, authors... */
export const rendersSite = buildsSite(slice);

/** Whether this build renders the page at `path` (alias pages: by the year in their path). */
export function rendersPath(path: string): boolean {
  return keepsOutput(slice, path);
}

let cached: Promise<Article[]> | undefined;
let cachedIndex: Promise<BrowseIndex<Article>> | undefined;

/** Every article, newest first (ties by entry id, so the order is stable). */
export function getArticles(): Promise<Article[]> {
  cached ??= getCollection("articles").then((entries) =>
    entries.sort((a, b) =>
      compareNewestFirst({ date: a.data.date, key: a.id }, { date: b.data.date, key: b.id }),
    ),
  );
  return cached;
}

/**
 * An article's body, read from its entry file when a page needs it. Bodies are kept out of
 * the content data store (see src/content.config.ts), so the store stays small at any size.
 */
export async function articleBody(article: Article): Promise<string> {
  return bodyOfEntry(await readFile(article.filePath!, "utf8"));
}

const excerpts = new Map<string, string>();

/** The first sentence of an article not already its title (at most 200 characters), for lists. */
export async function articleExcerpt(article: Article): Promise<string> {
  let excerpt = excerpts.get(article.id);
  if (excerpt === undefined) {
    excerpt = summaryAfterTitle(await articleBody(article), article.data.title, 200);
    excerpts.set(article.id, excerpt);
  }
  return excerpt;
}

export function browseFieldsOf(article: Article): BrowseFields {
  return { date: article.data.date, source: article.data.source, authors: authorsOf(article.data) };
}

/** Articles grouped by year, month, day, source and author: built once per build. */
export function getArchive(): Promise<BrowseIndex<Article>> {
  cachedIndex ??= getArticles().then((articles) => buildBrowseIndex(articles, browseFieldsOf));
  return cachedIndex;
}

export async function getArchiveStats(): Promise<ArchiveStats> {
  return archiveStats(await getArchive(), (article) => article.data.date);
}

/** The counted words of the last build, or none (first build, another format, damaged). */
async function loadTermCache(): Promise<TermCache> {
  try {
    return decodeTermCache(await readFile(relatedTermsFile));
  } catch {
    return EMPTY_CACHE;
  }
}

/**
 * Related coverage of the articles this build renders, by article index in `articles`
 * (src/lib/related/): every article's words count, so a slice relates across the archive
 * as one build does. Counted words are kept in the build cache by the entry's digest, so
 * only new and changed bodies are read; the lists are computed again (an added article
 * changes word frequencies archive-wide), and only pages whose list changed are rendered
 * again (cacheKey).
 */
async function relatedOf(articles: readonly Article[]): Promise<Article[][]> {
  const rendered = (index: number) => rendersYear(articles[index]!.data.date.slice(0, 4));
  if (!articles.some((_, index) => rendered(index))) return articles.map(() => []);
  const countable = articles.map(({ id, digest, data }) => ({
    key: `${id} ${String(digest)}`,
    title: data.title,
    date: data.date,
  }));
  const counted = await countAll(countable, await loadTermCache(), (index) =>
    articleBody(articles[index]!),
  );
  // Read by tests/e2e/related.test.ts: an added article is the one body counted again.
  console.info(`Related coverage: ${counted.read} of ${articles.length} bodies counted afresh`);
  if (counted.read > 0 || counted.cache.articles.size !== articles.length) {
    await mkdir(dirname(relatedTermsFile), { recursive: true });
    await replaceFile(relatedTermsFile, encodeTermCache(counted.cache));
  }
  const lists = relatedArticles(counted.counted, counted.documentFrequency, undefined, rendered);
  return lists.map((list) => list.map((index) => articles[index]!));
}

/** Props of an article page: the article, its neighbours in time and related coverage. */
export interface ArticlePageProps {
  article: Article;
  /** Other articles on the same story, most similar first (none when nothing is similar). */
  related: Article[];
  /** The next article later in time. */
  newer: Article | undefined;
  /** The next article earlier in time. */
  older: Article | undefined;
}

/**
 * The `cacheKey` of a page for Astro's incremental build: a page whose key (and code) did
 * not change since the last build is kept (or copied from the build cache) instead of
 * rendered. The key must cover everything the page shows that comes from the archive.
 */
function cacheKeyOf(shown: unknown): string {
  return createHash("sha256").update(JSON.stringify(shown)).digest("hex").slice(0, 32);
}

/** An article as a page shows it: its entry's digest covers its file, text and metadata. */
export function articleKey(article: Article | undefined): [string, string | number] | null {
  return article ? [article.id, article.digest ?? ""] : null;
}

/** getStaticPaths of the article pages. */
export async function articleStaticPaths() {
  const articles = await getArticles();
  const relatedLists = await relatedOf(articles);
  return articles.flatMap((article, index) => {
    if (!rendersYear(article.data.date.slice(0, 4))) return [];
    const neighbours = neighboursAt(articles, index);
    const related = relatedLists[index]!;
    return {
      params: articleParams(article.data),
      props: { article, ...neighbours, related } satisfies ArticlePageProps,
      // The page links to the newer and older article and to related ones by title.
      cacheKey: cacheKeyOf(
        [article, neighbours.newer, neighbours.older, ...related].map(articleKey),
      ),
    };
  });
}

/** A list that paginates: a group of the archive index, or an index of sources or authors. */
interface Paged<T> {
  path: string;
  items: readonly T[];
}

/** Props of a paginated listing page. */
export interface ListingProps<G, T> {
  group: G;
  page: Page<T>;
}

/** What a listing page shows of its group besides the page's items: names, links, counts. */
function groupShown(group: Paged<unknown>): unknown {
  const { path, items, name, names, older, newer, days, months } = group as Paged<unknown> & {
    name?: string;
    names?: string[];
    older?: Paged<unknown>;
    newer?: Paged<unknown>;
    days?: Paged<unknown>[];
    months?: Paged<unknown>[];
  };
  const counts = (list?: Paged<unknown>[]) => list?.map((g) => [g.path, g.items.length]);
  return [path, items.length, name, names, older?.path, newer?.path, counts(days), counts(months)];
}

/**
 * getStaticPaths of a paginated listing's `[...page]` route: every page of every group,
 * the first at the group's path (`page` undefined), the rest at `.../page/N/`. With
 * `itemKey` (what the page shows of an item), each page gets a `cacheKey` for incremental
 * builds.
 */
export function pagedStaticPaths<G extends Paged<unknown>, P extends Record<string, string>>(
  groups: readonly G[],
  paramsOf: (group: G) => P,
  itemKey?: (item: G["items"][number]) => unknown,
) {
  type T = G["items"][number];
  return groups.flatMap((group) =>
    paginate<T>(group.items, group.path).map((page) => ({
      params: { ...paramsOf(group), page: pageParam(page.number) },
      props: { group, page } satisfies ListingProps<G, T>,
      ...(itemKey && {
        cacheKey: cacheKeyOf([groupShown(group), page.number, page.count, page.items.map(itemKey)]),
      }),
    })),
  );
}
