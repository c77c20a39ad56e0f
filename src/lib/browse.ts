/**
 * Browsing the archive: articles grouped by year, month, day, source and author, with
 * counts and the previous and next group that has articles. Everything is
 * computed once, in one pass over a list already sorted newest first, so that each page
 * of a 100,000-article archive does O(page) work rather than re-scanning the collection.
 * Pages of a list are in paginate.ts, a month's calendar in calendar.ts, date crumbs in
 * breadcrumbs.ts.
 */
import { dateParts } from "./dates.ts";
import {
  authorPath,
  authorSlug,
  dayPath,
  monthPath,
  sourcePath,
  sourceSlug,
  yearPath,
} from "./permalink.ts";

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

/** `1 article`, `52 articles`: a count with its noun (English plural in -s). */
export function countOf(count: number, noun: string): string {
  return `${count.toLocaleString("en")} ${noun}${count === 1 ? "" : "s"}`;
}
