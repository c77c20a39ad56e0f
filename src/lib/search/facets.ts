/**
 * Facets, date ranges and date order for search, computed in the browser from compact
 * tables of the indexed pages: each page's id, date and facet values. There is one table
 * per index shard (src/lib/search/shards.ts), written into the shard's folder and loaded
 * with it, so a search pays only for the years it reads.
 *
 * Why not Pagefind's own filters: Pagefind recounts every loaded filter value on every
 * search, which on 10,000 articles (880 authors, 300 sources) made a common word take
 * 250-400 ms instead of 35 ms, and it has no date ranges and no counts for a query mixing
 * phrases and words. Pagefind still finds and ranks the words; these tables, written at
 * build time from the very fragments Pagefind indexed (src/integrations/pagefind.ts),
 * answer "which of these pages are by Azernews, in 2019, between these days", count each
 * facet disjunctively (a facet's counts ignore its own selection, so choosing `Azernews`
 * still shows what `Trend` would add), and order by date. Counts of disjoint shards add up
 * (addCounts). Dates are `YYYY-MM-DD` strings compared as text, so no time zone is involved.
 *
 * Rows are in permalink order (date order). Search results carry Pagefind's page ids, which
 * the shard's `.pf_meta` lists in an order of Pagefind's own; the page downloads that file
 * anyway, so the table stores not the ids (half its size) but, for each page the meta lists,
 * its row, as differences (pages of one day sit together there: small numbers).
 */
import type { DateRange } from "./dates.ts";
import { FACETS, type Facet } from "./state.ts";

/** What the build reads from one Pagefind fragment. */
export interface FacetRecord {
  /** Pagefind's page id (`en_3658a67`), as search results carry it. */
  id: string;
  /** The page's URL path, its permalink: the row order. */
  url: string;
  /** `YYYY-MM-DD`. */
  date: string;
  /** Facet values as Pagefind filters hold them; `year` is taken from the date. */
  facets: Partial<Record<Facet, string[]>>;
}

/** One shard's table as written to disk: columns, values by index, dates as day deltas. */
export interface EncodedFacetTable {
  version: 5;
  /**
   * For each page in the order of the shard's `.pf_meta` files (./pagefind-meta.ts), its
   * row minus the row of the page before; rows in permalink order (oldest first).
   */
  order: number[];
  /** Days since 1970-01-01 of the first page, then the difference to the page before. */
  days: number[];
  /** Distinct values per facet (not `year`), most frequent first. */
  values: Partial<Record<Facet, string[]>>;
  /** Per facet, per page: a value index, several in an array, or -1 for none. */
  columns: Partial<Record<Facet, (number | number[])[]>>;
}

export interface FacetTable {
  ids: readonly string[];
  dates: string[];
  values: Record<Facet, string[]>;
  /** Value indexes of each page, per facet. */
  pageValues: Record<Facet, number[][]>;
  /** Row of each page id. */
  rowOf: Map<string, number>;
}

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoOfDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Facets stored as columns; `year` is derived from the date. */
const STORED: readonly Facet[] = FACETS.filter((facet) => facet !== "year");

/** Permalink order (dates first, as permalinks begin with them). */
function byUrl(a: FacetRecord, b: FacetRecord): number {
  return a.url < b.url ? -1 : a.url > b.url ? 1 : 0;
}

/** Row of each page listed in `metaIds`, as differences; throws unless they are `rows`' ids. */
function encodeOrder(rows: readonly FacetRecord[], metaIds: readonly string[]): number[] {
  const rowOf = new Map(rows.map((row, i) => [row.id, i]));
  if (metaIds.length !== rows.length || new Set(metaIds).size !== rows.length) {
    throw new Error(
      `The search index lists ${metaIds.length} pages but its fragments hold ${rows.length}`,
    );
  }
  let previous = 0;
  return metaIds.map((id) => {
    const row = rowOf.get(id);
    if (row === undefined) throw new Error(`The search index lists page ${id}, with no fragment`);
    const delta = row - previous;
    previous = row;
    return delta;
  });
}

/**
 * The table of one shard's pages, rows in permalink order. `metaIds`: the page ids as the
 * shard's `.pf_meta` files list them (./pagefind-meta.ts).
 */
export function encodeFacetTable(
  records: readonly FacetRecord[],
  metaIds: readonly string[],
): EncodedFacetTable {
  const rows = [...records].sort(byUrl);
  const values: Partial<Record<Facet, string[]>> = {};
  const columns: Partial<Record<Facet, (number | number[])[]>> = {};
  for (const facet of STORED) {
    const frequency = new Map<string, number>();
    for (const row of rows) {
      for (const value of row.facets[facet] ?? []) {
        frequency.set(value, (frequency.get(value) ?? 0) + 1);
      }
    }
    const ordered = [...frequency.keys()].sort(
      (a, b) => frequency.get(b)! - frequency.get(a)! || (a < b ? -1 : a > b ? 1 : 0),
    );
    const index = new Map(ordered.map((value, i) => [value, i]));
    values[facet] = ordered;
    columns[facet] = rows.map((row) => {
      const indexes = [...new Set(row.facets[facet] ?? [])].map((value) => index.get(value)!);
      return indexes.length === 0 ? -1 : indexes.length === 1 ? indexes[0]! : indexes;
    });
  }
  let previous = 0;
  const days = rows.map((row, i) => {
    const day = dayNumber(row.date);
    const delta = i === 0 ? day : day - previous;
    previous = day;
    return delta;
  });
  return { version: 5, order: encodeOrder(rows, metaIds), days, values, columns };
}

/** Each row's page id, from the table's `order` and the ids of the `.pf_meta` files. */
function idsOfRows(order: readonly number[], metaIds: readonly string[]): string[] {
  if (order.length !== metaIds.length) {
    throw new Error(`The facet table has ${order.length} rows; the index ${metaIds.length} pages`);
  }
  const ids = new Array<string>(order.length);
  let row = 0;
  order.forEach((delta, i) => {
    row += delta;
    if (row < 0 || row >= ids.length || ids[row] !== undefined) {
      throw new Error(`The facet table's row order is broken at page ${i}`);
    }
    ids[row] = metaIds[i]!;
  });
  return ids;
}

/**
 * A shard's table for use, with the page ids its `.pf_meta` files list (in their order).
 * Throws on a table of another version or one that does not fit those pages.
 */
export function decodeFacetTable(
  encoded: EncodedFacetTable,
  metaIds: readonly string[],
): FacetTable {
  // Typed 5, but read from a file an older or newer build may have written.
  const version: number = encoded.version;
  if (version !== 5) throw new Error(`Unknown facet table version ${version}`);
  const ids = idsOfRows(encoded.order, metaIds);
  if (encoded.days.length !== ids.length) {
    throw new Error(`The facet table has ${ids.length} rows for ${encoded.days.length} dates`);
  }
  let day = 0;
  const dates = encoded.days.map((delta, i) => isoOfDay((day = i === 0 ? delta : day + delta)));
  const values = {} as Record<Facet, string[]>;
  const pageValues = {} as Record<Facet, number[][]>;
  for (const facet of STORED) {
    values[facet] = encoded.values[facet] ?? [];
    const column = encoded.columns[facet] ?? [];
    pageValues[facet] = ids.map((_, i) => {
      const cell = column[i] ?? -1;
      return Array.isArray(cell) ? cell : cell === -1 ? [] : [cell];
    });
  }
  const years = [...new Set(dates.map((date) => date.slice(0, 4)))].sort().reverse();
  const yearIndex = new Map(years.map((year, i) => [year, i]));
  values.year = years;
  pageValues.year = dates.map((date) => [yearIndex.get(date.slice(0, 4))!]);
  return { ids, dates, values, pageValues, rowOf: new Map(ids.map((id, i) => [id, i])) };
}

/** Selected facet values and date range, as the table checks them. */
export interface Selection {
  facets: Record<Facet, string[]>;
  range: DateRange;
}

type Compiled = { facet: Facet; wanted: Set<number> }[];

function compile(table: FacetTable, selection: Selection): Compiled {
  const compiled: Compiled = [];
  for (const facet of FACETS) {
    const selected = selection.facets[facet];
    if (!selected.length) continue;
    const wanted = new Set<number>();
    selected.forEach((value) => {
      const index = table.values[facet].indexOf(value);
      if (index >= 0) wanted.add(index);
    });
    compiled.push({ facet, wanted });
  }
  return compiled;
}

function inRange(date: string, range: DateRange): boolean {
  return (!range.start || date >= range.start) && (!range.end || date <= range.end);
}

/** Facet selections a page fails, up to two (enough to tell 0, 1 or more). */
function failures(table: FacetTable, row: number, compiled: Compiled): Facet[] {
  const failed: Facet[] = [];
  for (const { facet, wanted } of compiled) {
    if (!table.pageValues[facet][row]!.some((index) => wanted.has(index))) {
      failed.push(facet);
      if (failed.length > 1) break;
    }
  }
  return failed;
}

export type Counts = Record<Facet, Record<string, number>>;

export interface Narrowed {
  /** Rows matching every selection and the range, in the order given. */
  rows: number[];
  /** Per facet, per value: matches if that facet's own selection were this value instead. */
  counts: Counts;
}

/**
 * Narrows `candidates` (table rows, e.g. a search's results in rank order) to the selection,
 * and counts every facet value disjunctively in one pass.
 */
export function narrow(
  table: FacetTable,
  candidates: readonly number[],
  selection: Selection,
): Narrowed {
  const compiled = compile(table, selection);
  const tallies = Object.fromEntries(
    FACETS.map((facet) => [facet, new Array<number>(table.values[facet].length).fill(0)]),
  ) as Record<Facet, number[]>;
  const rows: number[] = [];
  for (const row of candidates) {
    if (!inRange(table.dates[row]!, selection.range)) continue;
    const failed = failures(table, row, compiled);
    if (failed.length > 1) continue;
    if (failed.length === 0) rows.push(row);
    for (const facet of failed.length ? failed : FACETS) {
      for (const index of table.pageValues[facet][row]!) tallies[facet][index]! += 1;
    }
  }
  const counts = {} as Counts;
  for (const facet of FACETS) {
    counts[facet] = {};
    table.values[facet].forEach((value, i) => {
      const n = tallies[facet][i]!;
      if (n > 0) counts[facet][value] = n;
    });
  }
  return { rows, counts };
}

/** Counts with no page: every facet present, no value. */
export function emptyCounts(): Counts {
  return Object.fromEntries(FACETS.map((facet) => [facet, {}])) as Counts;
}

/** Adds the counts of `more` (pages disjoint from those of `into`, e.g. another shard's) into `into`. */
export function addCounts(into: Counts, more: Counts): Counts {
  for (const facet of FACETS) {
    const target = into[facet];
    for (const [value, n] of Object.entries(more[facet])) target[value] = (target[value] ?? 0) + n;
  }
  return into;
}

/** Counts over all `records`, nothing selected: what the empty search page shows. */
export function facetTotals(records: readonly FacetRecord[]): Counts {
  const counts = emptyCounts();
  const add = (facet: Facet, value: string) =>
    (counts[facet][value] = (counts[facet][value] ?? 0) + 1);
  for (const record of records) {
    add("year", record.date.slice(0, 4));
    for (const facet of STORED)
      for (const value of new Set(record.facets[facet])) add(facet, value);
  }
  return counts;
}

/** Rows newest or oldest first; equal dates keep their given (rank) order. */
export function sortByDate(
  table: FacetTable,
  rows: readonly number[],
  order: "newest" | "oldest",
): number[] {
  const rank = new Map(rows.map((row, i) => [row, i]));
  const direction = order === "newest" ? -1 : 1;
  return [...rows].sort((a, b) => {
    const da = table.dates[a]!;
    const db = table.dates[b]!;
    if (da !== db) return da < db ? -direction : direction;
    return rank.get(a)! - rank.get(b)!;
  });
}

/** Every row, newest first: the order of browsing without words. */
export function allRowsNewestFirst(table: FacetTable): number[] {
  return table.ids.map((_, i) => table.ids.length - 1 - i);
}

export const FACET_LABELS: Record<Facet, string> = {
  source: "Source",
  author: "Author",
  year: "Year",
  language: "Language",
  section: "Section",
};

let languageNames: Intl.DisplayNames | null | undefined;

/** How a facet value reads: language tags by name (`az` → `Azerbaijani`), others as they are. */
export function facetValueLabel(facet: Facet, value: string): string {
  if (facet !== "language") return value;
  try {
    languageNames ??= new Intl.DisplayNames(["en"], { type: "language" });
    return languageNames.of(value) ?? value;
  } catch {
    return value;
  }
}

/**
 * Facet values in a stable display order: years newest first, other facets by how many
 * articles of the whole archive have them, then by name.
 */
export function orderFacetValues(facet: Facet, totals: Record<string, number>): string[] {
  const values = Object.keys(totals);
  if (facet === "year") return values.sort((a, b) => b.localeCompare(a));
  return values.sort(
    (a, b) =>
      (totals[b] ?? 0) - (totals[a] ?? 0) ||
      facetValueLabel(facet, a).localeCompare(facetValueLabel(facet, b)),
  );
}

/**
 * The values a facet shows before "Show all": the `limit` most frequent in the current
 * results (ties in display order), and every selected value whatever its count.
 */
export function previewValues(
  ordered: readonly string[],
  counts: Record<string, number>,
  selected: readonly string[],
  limit: number,
): Set<string> {
  const top = ordered
    .map((value, i) => ({ value, i, n: counts[value] ?? 0 }))
    .filter(({ n }) => n > 0)
    .sort((a, b) => b.n - a.n || a.i - b.i)
    .slice(0, limit)
    .map(({ value }) => value);
  return new Set([...top, ...selected]);
}
