/**
 * Browsing the archive: articles grouped by year, month, day, source and author, with
 * counts, the previous and next group that has articles, and pagination. Everything is
 * computed once, in one pass over a list already sorted newest first, so that each page
 * of a 100,000-article archive does O(page) work rather than re-scanning the collection.
 */
import { dateParts, monthName } from "./dates.ts";
import {
  ARCHIVE_PATH,
  authorPath,
  authorSlug,
  dayPath,
  monthPath,
  pagedPath,
  sourcePath,
  sourceSlug,
  yearPath,
} from "./permalink.ts";

/** Articles per page of every paginated list. */
export const PAGE_SIZE = 50;

/** What browsing needs to know about an article. */
export interface BrowseFields {
  /** `YYYY-MM-DD`. */
  date: string;
  source: string;
  authors: readonly string[];
}

interface Linked<G> {
  /** The next group later in time that has articles. */
  newer: G | undefined;
  /** The next group earlier in time that has articles. */
  older: G | undefined;
}

export interface DayGroup<T> extends Linked<DayGroup<T>> {
  date: string;
  year: string;
  month: string;
  day: string;
  path: string;
  /** Newest first, as in the archive. */
  items: T[];
}

export interface MonthGroup<T> extends Linked<MonthGroup<T>> {
  year: string;
  month: string;
  path: string;
  items: T[];
  /** Days that have articles, in calendar order (1st first). */
  days: DayGroup<T>[];
}

export interface YearGroup<T> extends Linked<YearGroup<T>> {
  year: string;
  path: string;
  items: T[];
  /** Months that have articles, in calendar order (January first). */
  months: MonthGroup<T>[];
}

/** A source or an author: the names that share one URL slug, and their articles. */
export interface NameGroup<T> {
  slug: string;
  /** The name as the newest article writes it. */
  name: string;
  /** Every spelling seen (`Today.Az`, `Today.az`), the display name first. */
  names: string[];
  path: string;
  items: T[];
}

export interface BrowseIndex<T> {
  /** Every article, newest first (the input order). */
  items: readonly T[];
  /** Newest first. */
  years: YearGroup<T>[];
  /** Newest first, across all years. */
  months: MonthGroup<T>[];
  /** Newest first, across all months. */
  days: DayGroup<T>[];
  /** Alphabetical by name. */
  sources: NameGroup<T>[];
  /** Alphabetical by name. */
  authors: NameGroup<T>[];
}

/**
 * Groups articles (sorted newest first) by date, source and author in one pass. `fieldsOf`
 * reads the fields of an item, so this works on content entries and on plain test data.
 */
export function buildBrowseIndex<T>(
  items: readonly T[],
  fieldsOf: (item: T) => BrowseFields,
): BrowseIndex<T> {
  const years: YearGroup<T>[] = [];
  const months: MonthGroup<T>[] = [];
  const days: DayGroup<T>[] = [];
  const sources = new Map<string, NameGroup<T>>();
  const authors = new Map<string, NameGroup<T>>();
  let previousDate: string | undefined;

  for (const item of items) {
    const fields = fieldsOf(item);
    if (previousDate !== undefined && fields.date > previousDate) {
      throw new Error(`Articles must be sorted newest first: ${fields.date} after ${previousDate}`);
    }
    previousDate = fields.date;
    const { year, month, day } = dateParts(fields.date);

    let yearGroup = years.at(-1);
    if (yearGroup?.year !== year) {
      yearGroup = {
        year,
        path: yearPath(year),
        items: [],
        months: [],
        newer: yearGroup,
        older: undefined,
      };
      years.push(yearGroup);
    }
    let monthGroup = months.at(-1);
    if (monthGroup?.year !== year || monthGroup.month !== month) {
      monthGroup = {
        year,
        month,
        path: monthPath(year, month),
        items: [],
        days: [],
        newer: monthGroup,
        older: undefined,
      };
      months.push(monthGroup);
      yearGroup.months.push(monthGroup);
    }
    let dayGroup = days.at(-1);
    if (dayGroup?.date !== fields.date) {
      dayGroup = {
        date: fields.date,
        year,
        month,
        day,
        path: dayPath(fields.date),
        items: [],
        newer: dayGroup,
        older: undefined,
      };
      days.push(dayGroup);
      monthGroup.days.push(dayGroup);
    }
    yearGroup.items.push(item);
    monthGroup.items.push(item);
    dayGroup.items.push(item);

    addToNameGroup(sources, fields.source, item, sourceSlug, sourcePath);
    // A name repeated in one byline counts the article once.
    const seen = new Set<string>();
    for (const author of fields.authors) {
      const slug = authorSlug(author);
      if (seen.has(slug)) continue;
      seen.add(slug);
      addToNameGroup(authors, author, item, () => slug, authorPath);
    }
  }

  linkOlder(years);
  linkOlder(months);
  linkOlder(days);
  // Built newest first; calendars read oldest first.
  for (const year of years) year.months.reverse();
  for (const month of months) month.days.reverse();

  return {
    items,
    years,
    months,
    days,
    sources: sortByName([...sources.values()]),
    authors: sortByName([...authors.values()]),
  };
}

function addToNameGroup<T>(
  groups: Map<string, NameGroup<T>>,
  name: string,
  item: T,
  slugOf: (name: string) => string,
  pathOf: (name: string) => string,
): void {
  const slug = slugOf(name);
  let group = groups.get(slug);
  if (!group) {
    group = { slug, name, names: [name], path: pathOf(name), items: [] };
    groups.set(slug, group);
  } else if (!group.names.includes(name)) {
    group.names.push(name);
  }
  group.items.push(item);
}

/** Each group's `newer` was set while building; this sets `older` from it. */
function linkOlder<G extends Linked<G>>(groups: G[]): void {
  for (const group of groups) if (group.newer) group.newer.older = group;
}

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

function sortByName<T>(groups: NameGroup<T>[]): NameGroup<T>[] {
  return groups.sort((a, b) => collator.compare(a.name, b.name) || (a.slug < b.slug ? -1 : 1));
}

/** The articles just before and after position `index` of a newest-first list. */
export function neighboursAt<T>(
  items: readonly T[],
  index: number,
): { newer: T | undefined; older: T | undefined } {
  return { newer: index > 0 ? items[index - 1] : undefined, older: items[index + 1] };
}

/** One page of a paginated list. */
export interface Page<T> {
  /** 1-based. */
  number: number;
  /** How many pages the list has (at least 1). */
  count: number;
  items: T[];
  /** How many items the whole list has. */
  total: number;
  /** 1-based position of the first item on this page in the whole list (0 when empty). */
  first: number;
  /** 1-based position of the last item on this page. */
  last: number;
  path: string;
  previousPath: string | undefined;
  nextPath: string | undefined;
}

/**
 * Splits a list into pages of `size` (the first at `firstPagePath`, then `.../page/2/`).
 * An empty list still has one, empty, page.
 */
export function paginate<T>(
  items: readonly T[],
  firstPagePath: string,
  size: number = PAGE_SIZE,
): Page<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`Not a page size: ${size}`);
  const count = Math.max(1, Math.ceil(items.length / size));
  const pages: Page<T>[] = [];
  for (let number = 1; number <= count; number++) {
    const start = (number - 1) * size;
    const pageItems = items.slice(start, start + size);
    pages.push({
      number,
      count,
      items: pageItems,
      total: items.length,
      first: pageItems.length ? start + 1 : 0,
      last: start + pageItems.length,
      path: pagedPath(firstPagePath, number),
      previousPath: number > 1 ? pagedPath(firstPagePath, number - 1) : undefined,
      nextPath: number < count ? pagedPath(firstPagePath, number + 1) : undefined,
    });
  }
  return pages;
}

/** Summary counts, e.g. for the about page. */
export interface ArchiveStats {
  articles: number;
  sources: number;
  authors: number;
  years: number;
  /** `YYYY-MM-DD` of the oldest and newest article, when there are any. */
  oldest: string | undefined;
  newest: string | undefined;
}

export function archiveStats<T>(index: BrowseIndex<T>, dateOf: (item: T) => string): ArchiveStats {
  const newest = index.items[0];
  const oldest = index.items.at(-1);
  return {
    articles: index.items.length,
    sources: index.sources.length,
    authors: index.authors.length,
    years: index.years.length,
    oldest: oldest === undefined ? undefined : dateOf(oldest),
    newest: newest === undefined ? undefined : dateOf(newest),
  };
}

/**
 * The weeks of a month for a calendar, Monday first: each week is seven day numbers,
 * `null` for the days outside the month.
 */
export function calendarWeeks(year: string | number, month: string | number): (number | null)[][] {
  const y = Number(year);
  const m = Number(month);
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  // getUTCDay: 0 is Sunday; shift so Monday is 0.
  const lead = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7;
  const cells: (number | null)[] = Array.from({ length: lead }, () => null);
  for (let day = 1; day <= daysInMonth; day++) cells.push(day);
  while (cells.length % 7) cells.push(null);
  const weeks: (number | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** Weekday names for calendar headings, Monday first. */
export const WEEKDAYS = [
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
  "Sunday",
] as const;

/** `1 article`, `52 articles`: a count with its noun (English plural in -s). */
export function countOf(count: number, noun: string): string {
  return `${count.toLocaleString("en")} ${noun}${count === 1 ? "" : "s"}`;
}

/** A link in a breadcrumb trail. */
export interface Crumb {
  label: string;
  href: string;
}

/**
 * The date hierarchy above (and including) a year, month or day:
 * `Articles > 2019 > December > 11`, each linked to its browse page.
 */
export function dateCrumbs(
  parts: { year: string; month?: string; day?: string } | string,
): Crumb[] {
  const { year, month, day } = typeof parts === "string" ? dateParts(parts) : parts;
  const crumbs: Crumb[] = [
    { label: "Articles", href: ARCHIVE_PATH },
    { label: year, href: yearPath(year) },
  ];
  if (month !== undefined) {
    crumbs.push({ label: monthName(month), href: monthPath(year, month) });
    if (day !== undefined) {
      crumbs.push({ label: String(Number(day)), href: dayPath(`${year}-${month}-${day}`) });
    }
  }
  return crumbs;
}
