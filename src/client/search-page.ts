/**
 * The search page: reads the state from the URL, keeps the URL in step with the controls
 * (typing replaces the current history entry, every other change adds one, so back and
 * forward step through searches), searches as the reader types, and renders results and
 * facet counts. The rules live in src/lib; this file only wires them to the page.
 */
import { formatLongDate, isCalendarDate } from "../lib/dates.ts";
import { highlightedPath, searchPathFor } from "../lib/permalink.ts";
import { SITE_NAME } from "../lib/site.ts";
import type { RangeProblem } from "../lib/search/dates.ts";
import { facetValueLabel, orderFacetValues, previewValues } from "../lib/search/facets.ts";
import { displayQuery } from "../lib/search/query.ts";
import {
  FACETS,
  hasCriteria,
  parseSearchState,
  searchStateEntries,
  searchTitle,
  SORT_ORDERS,
  toggleFacetValue,
  type Facet,
  type SearchState,
  type SortOrder,
} from "../lib/search/state.ts";
import {
  SearchEngine,
  type PagefindFragment,
  type PagefindResult,
  type SearchOutcome,
} from "./search-engine.ts";

const PAGE_SIZE = 10;
/** Facet values shown before "Show all". */
const FACET_PREVIEW = 8;
/** Quiet time before the result count is announced, so typing is not read out key by key. */
const ANNOUNCE_DELAY_MS = 600;
/** How long typing may pause on a one-letter word before it is searched anyway. */
const WORD_PAUSE_MS = 300;

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;

const root = $<HTMLElement>("[data-search]");
const loading = $<HTMLElement>("[data-search-loading]");
const form = $<HTMLFormElement>("[data-search-form]");
const input = $<HTMLInputElement>("#search-q");
const fromInput = $<HTMLInputElement>("#search-from");
const toInput = $<HTMLInputElement>("#search-to");
const sortSelect = $<HTMLSelectElement>("#search-sort");
const rangeError = $<HTMLElement>("[data-search-range-error]");
const summary = $<HTMLElement>("[data-search-summary]");
const status = $<HTMLElement>("[data-search-status]");
const list = $<HTMLOListElement>("[data-search-results]");
const more = $<HTMLButtonElement>("[data-search-more]");

let state: SearchState = parseSearchState(location.search);
let engine: SearchEngine | null = null;
/** Increases with every search; an answer to an older one is dropped. */
let generation = 0;
/** True while consecutive keystrokes share one history entry. */
let typing = false;
let shown: PagefindResult[] = [];
let allResults: PagefindResult[] = [];
let shownOutcome: SearchOutcome | null = null;
let announceTimer: ReturnType<typeof setTimeout> | undefined;
let deferred: ReturnType<typeof setTimeout> | undefined;

// ---------------------------------------------------------------------------------------
// State <-> controls <-> URL

function showState(next: SearchState): void {
  if (input.value !== next.q) input.value = next.q;
  fromInput.value = next.from;
  toInput.value = next.to;
  sortSelect.value = next.sort;
  for (const box of form.querySelectorAll<HTMLInputElement>("input[type=checkbox]")) {
    box.checked = next.facets[box.name as Facet]?.includes(box.value) ?? false;
  }
  document.title = `${searchTitle(next)} | ${SITE_NAME}`;
}

function readSort(): SortOrder {
  const value = sortSelect.value;
  return (SORT_ORDERS as readonly string[]).includes(value) ? (value as SortOrder) : "relevance";
}

/** Records `next` in the URL (a new history entry unless still typing) and searches. */
function commit(next: SearchState, how: "typing" | "change"): void {
  state = next;
  const url = searchPathFor(searchStateEntries(state));
  if (url !== `${location.pathname}${location.search}`) {
    if (how === "typing" && typing) history.replaceState(null, "", url);
    else history.pushState(null, "", url);
    typing = how === "typing";
  } else if (how === "change") {
    typing = false;
  }
  document.title = `${searchTitle(state)} | ${SITE_NAME}`;
  clearTimeout(deferred);
  if (how === "typing" && startsNewWord(state.q)) {
    // Keep what is shown; search at the next letter, or when typing pauses.
    generation++;
    setStatus("searching");
    deferred = setTimeout(() => void search(), WORD_PAUSE_MS);
  } else {
    void search();
  }
}

/**
 * True while the last word typed is one letter long. Pagefind matches the last word as a
 * prefix, and a one-letter prefix fetches index chunks (about 55 KB each on 10,000
 * articles) for results nobody reads.
 */
function startsNewWord(q: string): boolean {
  const tail = q.split(/[\s"“”„«»\p{Pd}/\\]/u).pop() ?? "";
  return [...tail].length === 1;
}

// ---------------------------------------------------------------------------------------
// Facets

interface FacetView {
  fieldset: HTMLFieldSetElement;
  list: HTMLUListElement;
  more: HTMLButtonElement;
  values: Map<string, { item: HTMLLIElement; box: HTMLInputElement; count: HTMLElement }>;
  expanded: boolean;
}

const facetViews = new Map<Facet, FacetView>();

function buildFacets(totals: Record<string, Record<string, number>>): void {
  for (const facet of FACETS) {
    const fieldset = form.querySelector<HTMLFieldSetElement>(`[data-facet="${facet}"]`)!;
    const view: FacetView = {
      fieldset,
      list: fieldset.querySelector("ul")!,
      more: fieldset.querySelector("button")!,
      values: new Map(),
      expanded: false,
    };
    const values = orderFacetValues(facet, totals[facet] ?? {});
    values.forEach((value, i) => {
      const id = `facet-${facet}-${i}`;
      const item = document.createElement("li");
      const box = document.createElement("input");
      box.type = "checkbox";
      box.id = id;
      box.name = facet;
      box.value = value;
      const label = document.createElement("label");
      label.htmlFor = id;
      const count = document.createElement("span");
      count.className = "search-count";
      label.append(facetValueLabel(facet, value), " ", count);
      if (facet === "language") label.lang = value;
      item.append(box, label);
      view.list.append(item);
      view.values.set(value, { item, box, count });
    });
    view.more.addEventListener("click", () => {
      view.expanded = !view.expanded;
      renderFacet(facet, lastCounts[facet] ?? {});
      if (!view.expanded) view.more.focus();
    });
    fieldset.hidden = values.length === 0;
    facetViews.set(facet, view);
  }
}

let lastCounts: Partial<Record<Facet, Record<string, number>>> = {};

function renderFacet(facet: Facet, counts: Record<string, number>): void {
  const view = facetViews.get(facet);
  if (!view) return;
  const selected = state.facets[facet];
  const preview = previewValues([...view.values.keys()], counts, selected, FACET_PREVIEW);
  let visible = 0;
  let available = 0;
  for (const [value, { item, box, count }] of view.values) {
    const n = counts[value] ?? 0;
    box.checked = selected.includes(value);
    const text = `(${n.toLocaleString("en")})`;
    if (count.textContent !== text) count.textContent = text;
    const relevant = n > 0 || box.checked;
    if (relevant) available++;
    const show = relevant && (view.expanded || preview.has(value));
    if (show) visible++;
    item.hidden = !show;
  }
  view.more.hidden = !view.expanded && available <= visible;
  view.more.textContent = view.expanded ? "Show fewer" : `Show all ${available}`;
  view.more.setAttribute("aria-expanded", String(view.expanded));
  view.fieldset.hidden = available === 0;
}

function renderFacets(counts: Partial<Record<Facet, Record<string, number>>>): void {
  lastCounts = counts;
  for (const facet of FACETS) renderFacet(facet, counts[facet] ?? {});
}

// ---------------------------------------------------------------------------------------
// Results

/** Pagefind's excerpt (text with `<mark>`, `<` and `>` escaped) as DOM nodes, never as HTML. */
function excerptNodes(excerpt: string): Node[] {
  const nodes: Node[] = [];
  excerpt.split(/(<mark>.*?<\/mark>)/s).forEach((part) => {
    if (!part) return;
    const marked = /^<mark>(.*)<\/mark>$/s.exec(part);
    const text = (marked ? marked[1]! : part).replace(/&lt;/g, "<").replace(/&gt;/g, ">");
    if (marked) {
      const mark = document.createElement("mark");
      mark.textContent = text;
      nodes.push(mark);
    } else {
      nodes.push(document.createTextNode(text));
    }
  });
  return nodes;
}

function resultItem(fragment: PagefindFragment): HTMLLIElement {
  const item = document.createElement("li");
  item.className = "search-result";
  const language = fragment.filters["language"]?.[0];
  if (language) item.lang = language;
  const heading = document.createElement("h3");
  const link = document.createElement("a");
  link.href = highlightedPath(fragment.url, state.q);
  link.textContent = fragment.meta["title"] ?? fragment.url;
  heading.append(link);
  const meta = document.createElement("p");
  meta.className = "meta search-result-meta";
  meta.lang = "en";
  const authors = fragment.filters["author"] ?? [];
  const date = fragment.meta["date"];
  const parts = [
    authors.length ? `By ${authors.join(", ")}` : "",
    fragment.filters["source"]?.[0] ?? "",
    fragment.filters["section"]?.[0] ?? "",
  ].filter(Boolean);
  meta.append(parts.join(" · "));
  if (date && isCalendarDate(date)) {
    const time = document.createElement("time");
    time.dateTime = date;
    time.textContent = formatLongDate(date);
    meta.append(parts.length ? " · " : "", time);
  }
  const excerpt = document.createElement("p");
  excerpt.className = "search-excerpt";
  excerpt.append(...excerptNodes(fragment.excerpt));
  item.append(heading, meta, excerpt);
  return item;
}

async function renderMore(count: number, current: number): Promise<HTMLLIElement[]> {
  const next = allResults.slice(shown.length, shown.length + count);
  const fragments = await Promise.all(next.map((result) => result.data()));
  if (current !== generation) return [];
  const items = fragments.map(resultItem);
  list.append(...items);
  shown = shown.concat(next);
  more.hidden = shown.length >= allResults.length;
  summary.textContent = summaryText(allResults.length);
  return items;
}

function summaryText(total: number): string {
  const q = displayQuery(state.q);
  const filtered = searchStateEntries(state).some(([key]) => key !== "q" && key !== "sort");
  const noun = total === 1 ? (q ? "result" : "article") : q ? "results" : "articles";
  if (total === 0) {
    return q
      ? `No results for “${q}”${filtered ? " with these filters" : ""}.`
      : "No articles match these filters.";
  }
  const count = `${total.toLocaleString("en")} ${noun}`;
  const forQuery = q ? ` for “${q}”` : "";
  const showing = shown.length < total ? ` Showing ${shown.length.toLocaleString("en")}.` : "";
  return `${count}${forQuery}${filtered ? " (filtered)" : ""}.${showing}`;
}

function announce(text: string): void {
  clearTimeout(announceTimer);
  announceTimer = setTimeout(() => {
    status.textContent = text;
  }, ANNOUNCE_DELAY_MS);
}

const RANGE_MESSAGES: Record<RangeProblem, string> = {
  "from-invalid": "“From” is not a date: use 2019, 2019-03 or 2019-03-15.",
  "to-invalid": "“To” is not a date: use 2019, 2019-03 or 2019-03-15.",
  reversed: "The range ends before it starts: “To” must not be before “From”.",
};

function showRangeProblems(problems: RangeProblem[]): void {
  rangeError.textContent = problems.map((p) => RANGE_MESSAGES[p]).join(" ");
  fromInput.toggleAttribute(
    "aria-invalid",
    problems.includes("from-invalid") || problems.includes("reversed"),
  );
  toInput.toggleAttribute(
    "aria-invalid",
    problems.includes("to-invalid") || problems.includes("reversed"),
  );
}

/** `data-status` on the search root: `searching`, then `ready` once results and counts show. */
function setStatus(value: "searching" | "ready"): void {
  root.dataset["status"] = value;
}

async function search(): Promise<void> {
  if (!engine) return;
  const current = ++generation;
  setStatus("searching");
  await runSearch(engine, current);
  if (current === generation) setStatus("ready");
}

async function runSearch(engine: SearchEngine, current: number): Promise<void> {
  if (!hasCriteria(state)) {
    shownOutcome = null;
    list.replaceChildren();
    shown = [];
    allResults = [];
    more.hidden = true;
    summary.textContent =
      "Type words to search, or choose a source, author, year or date range to browse.";
    status.textContent = "";
    showRangeProblems([]);
    renderFacets(engine.totals);
    return;
  }
  let outcome: SearchOutcome;
  try {
    outcome = await engine.search(state);
  } catch (error) {
    if (current !== generation) return;
    summary.textContent = "Search failed. Reload the page to try again.";
    announce(summary.textContent);
    console.warn(error);
    return;
  }
  if (current !== generation) return;
  showRangeProblems(outcome.rangeProblems);
  if (outcome === shownOutcome) {
    // The same search (a closing quote, a trailing space): only the words shown change.
    summary.textContent = summaryText(allResults.length);
    announce(summary.textContent);
    return;
  }
  allResults = outcome.results;
  shown = [];
  const fragments = await Promise.all(
    allResults.slice(0, PAGE_SIZE).map((result) => result.data()),
  );
  if (current !== generation) return;
  list.replaceChildren(...fragments.map(resultItem));
  shownOutcome = outcome;
  shown = allResults.slice(0, PAGE_SIZE);
  more.hidden = shown.length >= allResults.length;
  summary.textContent = summaryText(allResults.length);
  announce(summary.textContent);
  renderFacets(outcome.counts);
}

// ---------------------------------------------------------------------------------------
// Events

input.addEventListener("input", () => commit({ ...state, q: input.value }, "typing"));

form.addEventListener("submit", (event) => {
  event.preventDefault();
  typing = false;
  commit(
    { ...state, q: input.value, from: fromInput.value, to: toInput.value, sort: readSort() },
    "change",
  );
});

for (const field of [fromInput, toInput]) {
  field.addEventListener("change", () => {
    commit({ ...state, from: fromInput.value, to: toInput.value }, "change");
  });
}

sortSelect.addEventListener("change", () => commit({ ...state, sort: readSort() }, "change"));

form.addEventListener("change", (event) => {
  const box = event.target;
  if (!(box instanceof HTMLInputElement) || box.type !== "checkbox") return;
  commit(toggleFacetValue(state, box.name as Facet, box.value, box.checked), "change");
});

more.addEventListener("click", async () => {
  const items = await renderMore(PAGE_SIZE, generation);
  items[0]?.querySelector("a")?.focus();
  announce(summary.textContent ?? "");
});

window.addEventListener("popstate", () => {
  typing = false;
  state = parseSearchState(location.search);
  showState(state);
  void search();
});

// ---------------------------------------------------------------------------------------
// Start: show the controls (the page says search needs JavaScript until now), restore the
// state from the URL, and load the index.

root.hidden = false;
showState(state);
loading.hidden = false;

SearchEngine.start()
  .then((started) => {
    engine = started;
    loading.hidden = true;
    buildFacets(started.totals);
    showState(state);
    return search();
  })
  .catch((error: unknown) => {
    loading.textContent = "Search could not be loaded. Reload the page to try again.";
    console.warn(error);
  });
