/**
 * The facet table of one index shard (./facets.ts uses it): each page's date and facet
 * values, written at build time from the fragments Pagefind indexed
 * (src/integrations/pagefind.ts) and read in the search worker.
 *
 * Rows are in permalink order (date order). Search results carry Pagefind's page ids, which
 * the shard's `.pf_meta` lists in an order of Pagefind's own; the page downloads that file
 * anyway, so the table stores not the ids (half its size) but, for each page the meta lists,
 * its row, as differences (pages of one day sit together there: small numbers).
 */
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
export const STORED_FACETS: readonly Facet[] = FACETS.filter((facet) => facet !== "year");

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
  for (const facet of STORED_FACETS) {
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
  for (const facet of STORED_FACETS) {
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
