/**
 * The search index in shards: consecutive years of articles, each indexed on its own and
 * searched in the browser one shard at a time, only those a search needs (shardsToSearch).
 *
 * Why: Pagefind holds a whole index in memory while it builds it, about 2 GB per 10,000
 * articles, so one index of 100,000 articles needs more memory than a build machine has.
 * Shards of at most `maxPages` articles are indexed each in a fresh Pagefind process, as
 * many at once as the memory budget allows (./shard-schedule.ts), so the peak stays that of
 * the shards running. The newest year is always a shard
 * of its own: new articles land there, and adding one re-indexes only that year (the other
 * shards are reused from the build cache, src/integrations/pagefind.ts).
 *
 * The first shard (oldest years) sits in `/pagefind/` itself with Pagefind's script and
 * WebAssembly; the others in `/pagefind/years-FROM-TO/`, holding only index files. Each
 * folder also holds the facet table of its own pages (./facets.ts). A manifest of fixed
 * name lists the shards, oldest first, with everything needed before any shard is loaded:
 * their years, their Pagefind entry files and the counts over the whole archive.
 */
import { PAGEFIND_PATH, searchShardPath } from "../permalink.ts";
import type { DateRange } from "./dates.ts";
import type { Counts } from "./facets.ts";
import type { SortOrder } from "./state.ts";

export interface Shard {
  /** Years (`YYYY`), oldest first, consecutive among the years that have articles. */
  years: string[];
  /** Article pages in these years. */
  pages: number;
  /** Its folder below `/pagefind/`, or null for the first shard, which is `/pagefind/` itself. */
  folder: string | null;
  /** URL path of the shard's index folder, ending in `/`. */
  path: string;
}

/** The manifest the search page reads first (a fixed name, so it must be revalidated). */
export const SHARD_MANIFEST_FILE = "search-shards.json";

export interface ManifestShard {
  /** URL path of the index folder, ending in `/`. */
  path: string;
  /** First and last year. */
  years: [string, string];
  pages: number;
  /** File name of the shard's facet table, in its folder (named after its content). */
  facets: string;
  /** The folder's `pagefind-entry.json`, so loading the shard starts with its meta file. */
  entry: unknown;
}

export interface ShardManifest {
  version: 2;
  /** Index folders, oldest years first; the first holds Pagefind's script (`/pagefind/`). */
  shards: ManifestShard[];
  /** Facet counts over the whole archive: what the empty search page shows. */
  totals: Counts;
}

/** What decides which shards a search reads (see shardsToSearch). */
export interface ShardNeeds {
  /** The date range as narrowing applies it; an impossible (reversed) one reads nothing. */
  range: DateRange;
  /** Selected years (the `year` facet); none selected reads every year. */
  years: readonly string[];
  order: SortOrder;
}

/**
 * The shards (indexes into `shards`, oldest first) a search reads, in the order to read
 * them: only those with a day in the range and a selected year, newest first for relevance
 * and "newest", oldest first for "oldest", so the first shard read holds the first results
 * of a date order and the newest of relevance.
 */
export function shardsToSearch(
  shards: readonly Pick<ManifestShard, "years">[],
  { range, years, order }: ShardNeeds,
): number[] {
  if (range.start && range.end && range.start > range.end) return [];
  const firstYear = range.start?.slice(0, 4);
  const lastYear = range.end?.slice(0, 4);
  const wanted = shards.flatMap(({ years: [first, last] }, i) => {
    if (firstYear && last < firstYear) return [];
    if (lastYear && first > lastYear) return [];
    if (years.length > 0 && !years.some((year) => year >= first && year <= last)) return [];
    return [i];
  });
  return order === "oldest" ? wanted : wanted.reverse();
}

/**
 * Years still to search, for the page's status: the shards' years, neighbours (by index)
 * joined into one span, in the order given: `["2001–2014"]`, `["2019", "2001–2014"]`.
 */
export function pendingYears(
  shards: readonly Pick<ManifestShard, "years">[],
  pending: readonly number[],
): string[] {
  const sorted = [...pending].sort((a, b) => a - b);
  const spans: [number, number][] = [];
  for (const i of sorted) {
    const last = spans[spans.length - 1];
    if (last && last[1] === i - 1) last[1] = i;
    else spans.push([i, i]);
  }
  const text = ([a, b]: [number, number]) => {
    const first = shards[a]!.years[0];
    const last = shards[b]!.years[1];
    return first === last ? first : `${first}–${last}`;
  };
  const newestFirst = pending.length > 1 && pending[0]! > pending[pending.length - 1]!;
  return (newestFirst ? spans.reverse() : spans).map(text);
}

/** Names of shard folders below `/pagefind/`: `year-2024`, `years-2001-2010`. */
export const SHARD_FOLDER = /^years?-\d{4}(-\d{4})?$/;

function folderOf(years: readonly string[]): string {
  const first = years[0]!;
  const last = years[years.length - 1]!;
  return first === last ? `year-${first}` : `years-${first}-${last}`;
}

/**
 * Shards for article counts per year: the newest year alone (unless `newestAlone` is false),
 * then the older years grouped, oldest first, into runs of at most `maxPages` (a single
 * year larger than that is a shard of its own, whatever its size).
 */
export function planShards(
  pagesPerYear: ReadonlyMap<string, number>,
  maxPages: number,
  newestAlone = true,
): Shard[] {
  if (!(maxPages >= 1)) throw new Error(`The largest shard must hold at least 1 page`);
  const years = [...pagesPerYear.keys()].filter((year) => pagesPerYear.get(year)! > 0).sort();
  if (years.length === 0) return [];
  const newest = newestAlone ? years.pop()! : null;
  const groups: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const year of years) {
    const pages = pagesPerYear.get(year)!;
    if (current.length > 0 && size + pages > maxPages) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(year);
    size += pages;
  }
  if (current.length > 0) groups.push(current);
  if (newest !== null) groups.push([newest]);
  return groups.map((group, i) => {
    const folder = i === 0 ? null : folderOf(group);
    return {
      years: group,
      pages: group.reduce((sum, year) => sum + pagesPerYear.get(year)!, 0),
      folder,
      path: folder === null ? PAGEFIND_PATH : searchShardPath(folder),
    };
  });
}

/** `articles/2019/12/11/slug/` (a built page's pathname) to its year, or null. */
export function articleYearOf(pathname: string): string | null {
  const match = /^\/?articles\/(\d{4})\/\d{2}\/\d{2}\/[^/]+\/$/.exec(pathname);
  return match ? match[1]! : null;
}

/** Built pages (pathnames) of articles, by year; other pages are left out. */
export function articlePagesByYear(pathnames: Iterable<string>): Map<string, string[]> {
  const byYear = new Map<string, string[]>();
  for (const pathname of pathnames) {
    const year = articleYearOf(pathname);
    if (year === null) continue;
    const paths = byYear.get(year);
    if (paths) paths.push(pathname);
    else byYear.set(year, [pathname]);
  }
  return byYear;
}

/** End of the element that starts at `start` (its name `tag`), counting nested ones. */
function elementEnd(html: string, start: number, tag: string): number {
  const pattern = new RegExp(`<(/?)${tag}(?=[\\s>/])`, "gi");
  pattern.lastIndex = start;
  let depth = 0;
  for (let match = pattern.exec(html); match; match = pattern.exec(html)) {
    depth += match[1] ? -1 : 1;
    if (depth === 0) {
      const close = html.indexOf(">", match.index);
      return close === -1 ? html.length : close + 1;
    }
  }
  return html.length;
}

/**
 * What Pagefind reads of a page, as a string: the `data-pagefind-body` element and every
 * tag with a `data-pagefind-meta`, `-filter` or `-sort` attribute (with its text). Two
 * builds of a page with the same fingerprint index the same; the rest of the page (links
 * to the newer and older article, which change when an article is added next to it) does
 * not count, so adding an article does not invalidate the older years' shards.
 */
export function indexFingerprint(html: string): string {
  const parts: string[] = [];
  const body = /<([a-z][a-z0-9]*)\b[^>]*\sdata-pagefind-body\b[^>]*>/i.exec(html);
  if (body) parts.push(html.slice(body.index, elementEnd(html, body.index, body[1]!)));
  const tagged = /<[a-z][^>]*\sdata-pagefind-(?:meta|filter|sort)\b[^>]*>[^<]*/gi;
  for (const match of html.matchAll(tagged)) parts.push(match[0]);
  return parts.join("\n");
}

/** What one word of a query found on its own, across all shards. */
export interface WordMatches {
  /** Pages holding exactly the word (its quoted search): empty while a word is half typed. */
  exact: readonly string[];
  /** Pages found for the word as typed (its prefix search), when the query has other words. */
  prefix?: ReadonlySet<string>;
}

/**
 * Whether a word needs its prefix search too: only a word no article holds exactly (one
 * still being typed), in a query of several words. Every other case is settled by `exact`.
 */
export function needsPrefixSearch(words: number, exactMatches: number): boolean {
  return words > 1 && exactMatches === 0;
}

/**
 * Makes a search over several shards answer as one index would. Pagefind, within one index,
 * ignores a word it has no entry for and falls back to the longest indexed word that
 * starts the one typed (`Hasanova` finds `Hasanov`). One index has such an entry whenever
 * any article has the word; a shard only when its own years do. So a page found in a shard
 * is kept only if, for every word of the query,
 * - some article holds the word exactly, and the page's shard holds it exactly too (the
 *   shard neither ignored the word nor fell back to a shorter one); or
 * - no article holds it exactly (it is still being typed), and the page is among those
 *   found for the word alone (`prefix`, when the query has other words to AND it with).
 */
export function keepAcrossShards(
  ids: readonly string[],
  words: readonly WordMatches[],
  shardOf: (id: string) => number | undefined,
): string[] {
  const checks = words.map((word): ((id: string) => boolean) => {
    if (word.exact.length > 0) {
      const shards = new Set(word.exact.map(shardOf));
      return (id) => shards.has(shardOf(id));
    }
    const prefix = word.prefix;
    return prefix ? (id) => prefix.has(id) : () => true;
  });
  return ids.filter((id) => checks.every((check) => check(id)));
}

/** Whether two lists of article pages by year hold the same pages each year, in any order. */
export function samePagesByYear(
  a: ReadonlyMap<string, readonly string[]>,
  b: ReadonlyMap<string, readonly string[]>,
): boolean {
  if (a.size !== b.size) return false;
  for (const [year, pages] of a) {
    const other = b.get(year);
    if (!other || other.length !== pages.length) return false;
    const sorted = [...other].sort();
    if ([...pages].sort().some((page, i) => page !== sorted[i])) return false;
  }
  return true;
}
