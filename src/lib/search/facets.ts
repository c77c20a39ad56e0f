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
 * The tables' format, written at build time and read in the worker, is ./facet-table.ts.
 */
import type { DateRange } from "./dates.ts";
import { STORED_FACETS, type FacetRecord, type FacetTable } from "./facet-table.ts";
import { FACETS, type Facet } from "./state.ts";

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
    for (const facet of STORED_FACETS)
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
