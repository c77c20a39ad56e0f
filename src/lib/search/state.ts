/**
 * The whole state of a search, as it lives in the query string, so a link reopens the same
 * results and back/forward restore earlier ones:
 *
 *   /search/?q=JF-17&source=Azernews&source=Trend&from=2019-01&to=2019-12&sort=newest
 *
 * A facet with several values repeats its parameter. Parameters appear in a fixed order and
 * defaults are left out, so one state has exactly one URL.
 */

/** Filters shown as facets, in display and URL order; each is a Pagefind filter name. */
export const FACETS = ["source", "author", "year", "language", "section"] as const;
export type Facet = (typeof FACETS)[number];

export const SORT_ORDERS = ["relevance", "newest", "oldest"] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

export interface SearchState {
  /** The words typed, as typed. */
  q: string;
  /** Selected values per facet; values of one facet are alternatives (OR). */
  facets: Record<Facet, string[]>;
  /** Range ends as typed: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; "" when open. */
  from: string;
  to: string;
  sort: SortOrder;
}

export function emptyFacets(): Record<Facet, string[]> {
  return { source: [], author: [], year: [], language: [], section: [] };
}

export function emptyState(): SearchState {
  return { q: "", facets: emptyFacets(), from: "", to: "", sort: "relevance" };
}

function isSortOrder(value: string): value is SortOrder {
  return (SORT_ORDERS as readonly string[]).includes(value);
}

/** Reads a query string (`?q=…` or URLSearchParams); unknown parameters are ignored. */
export function parseSearchState(query: string | URLSearchParams): SearchState {
  const params = typeof query === "string" ? new URLSearchParams(query) : query;
  const state = emptyState();
  state.q = params.get("q") ?? "";
  for (const facet of FACETS) {
    const values = params
      .getAll(facet)
      .map((value) => value.trim())
      .filter(Boolean);
    state.facets[facet] = [...new Set(values)];
  }
  state.from = (params.get("from") ?? "").trim();
  state.to = (params.get("to") ?? "").trim();
  const sort = params.get("sort") ?? "";
  state.sort = isSortOrder(sort) ? sort : "relevance";
  return state;
}

/** The state as ordered query parameters, defaults left out. */
export function searchStateEntries(state: SearchState): [string, string][] {
  const entries: [string, string][] = [];
  const q = state.q.trim();
  if (q) entries.push(["q", q]);
  for (const facet of FACETS) {
    for (const value of state.facets[facet]) entries.push([facet, value]);
  }
  if (state.from.trim()) entries.push(["from", state.from.trim()]);
  if (state.to.trim()) entries.push(["to", state.to.trim()]);
  if (state.sort !== "relevance") entries.push(["sort", state.sort]);
  return entries;
}

/** True when the state asks for something: words, a facet value or a date. */
export function hasCriteria(state: SearchState): boolean {
  return (
    state.q.trim() !== "" ||
    FACETS.some((facet) => state.facets[facet].length > 0) ||
    state.from.trim() !== "" ||
    state.to.trim() !== ""
  );
}

/** Relevance needs words; without them results come newest first. */
export function effectiveSort(state: SearchState, hasWords: boolean): SortOrder {
  return state.sort === "relevance" && !hasWords ? "newest" : state.sort;
}

/** The page title, without the site name: `“JF-17” – Search`. */
export function searchTitle(state: SearchState): string {
  const q = state.q.replace(/\s+/g, " ").trim();
  return q ? `“${q}” – Search` : "Search";
}

/** The same state with one facet value added or removed. */
export function toggleFacetValue(
  state: SearchState,
  facet: Facet,
  value: string,
  selected: boolean,
): SearchState {
  const current = state.facets[facet].filter((v) => v !== value);
  return {
    ...state,
    facets: { ...state.facets, [facet]: selected ? [...current, value] : current },
  };
}

/** Same search, ignoring how the words were spaced. */
export function sameState(a: SearchState, b: SearchState): boolean {
  return JSON.stringify(searchStateEntries(a)) === JSON.stringify(searchStateEntries(b));
}
