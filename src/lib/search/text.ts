/**
 * The words the search page shows: the summary line, date range messages, a result's
 * byline, and Pagefind's excerpt split into plain and marked text. Pure, so the browser
 * code (src/client/search-page.ts) only puts them on the page.
 */
import type { RangeProblem } from "./dates.ts";
import { displayQuery } from "./query.ts";
import { searchStateEntries, type SearchState } from "./state.ts";

/** Shown before any words or filters are chosen. */
export const PROMPT_TEXT =
  "Type words to search, or choose a source, author, year or date range to browse.";

/** Shown when a search throws (a missing index file, a network error). */
export const FAILED_TEXT = "Search failed. Reload the page to try again.";

/** Shown when the index cannot be loaded at all. */
export const LOAD_FAILED_TEXT = "Search could not be loaded. Reload the page to try again.";

/** True when the state narrows by a facet or a date, not only by words and order. */
export function isFiltered(state: SearchState): boolean {
  return searchStateEntries(state).some(([key]) => key !== "q" && key !== "sort");
}

/**
 * The summary above the results: `3 results for “cooperation” (filtered). Showing 10.`,
 * `4 articles.` when browsing without words, or why nothing is shown.
 */
export function summaryText(state: SearchState, total: number, shown: number): string {
  const q = displayQuery(state.q);
  const filtered = isFiltered(state);
  if (total === 0) {
    return q
      ? `No results for “${q}”${filtered ? " with these filters" : ""}.`
      : "No articles match these filters.";
  }
  const noun = total === 1 ? (q ? "result" : "article") : q ? "results" : "articles";
  const count = `${total.toLocaleString("en")} ${noun}`;
  const forQuery = q ? ` for “${q}”` : "";
  const showing = shown < total ? ` Showing ${shown.toLocaleString("en")}.` : "";
  return `${count}${forQuery}${filtered ? " (filtered)" : ""}.${showing}`;
}

/**
 * What a partial answer adds to the summary: the years still being searched
 * (`Still searching 2001–2014…`), or nothing once the answer is complete.
 */
export function pendingText(years: readonly string[]): string {
  if (years.length === 0) return "";
  const list =
    years.length === 1 ? years[0]! : `${years.slice(0, -1).join(", ")} and ${years.at(-1)!}`;
  return `Still searching ${list}…`;
}

const RANGE_MESSAGES: Record<RangeProblem, string> = {
  "from-invalid": "“From” is not a date: use 2019, 2019-03 or 2019-03-15.",
  "to-invalid": "“To” is not a date: use 2019, 2019-03 or 2019-03-15.",
  reversed: "The range ends before it starts: “To” must not be before “From”.",
};

/** What is wrong with the date range, in words ("" when nothing is). */
export function rangeMessage(problems: readonly RangeProblem[]): string {
  return problems.map((problem) => RANGE_MESSAGES[problem]).join(" ");
}

/** Which range fields to mark invalid: a reversed range marks both. */
export function invalidRangeFields(problems: readonly RangeProblem[]): {
  from: boolean;
  to: boolean;
} {
  const reversed = problems.includes("reversed");
  return {
    from: reversed || problems.includes("from-invalid"),
    to: reversed || problems.includes("to-invalid"),
  };
}

/** The shortest last word searched as it is typed; shorter ones wait (startsNewWord). */
export const SHORTEST_PREFIX = 3;

/**
 * True while the last word typed is shorter than {@link SHORTEST_PREFIX} letters. Pagefind
 * matches the last word as a prefix, and a short prefix fetches index chunks for results
 * nobody reads: in the newest shard of 100,000 articles `s` needs 768 KB, `st` 137 KB,
 * `stu` 30 KB (and the chunks of `stu` are among those of `st`).
 */
export function startsNewWord(q: string): boolean {
  const tail = q.split(/[\s"“”„«»\p{Pd}/\\]/u).pop() ?? "";
  const letters = [...tail].length;
  return letters > 0 && letters < SHORTEST_PREFIX;
}

/** A stretch of an excerpt: plain text, or a matched word to mark. */
export interface ExcerptPart {
  text: string;
  marked: boolean;
}

/**
 * Pagefind's excerpt (text with `<mark>`, `<` and `>` escaped) as parts to build DOM nodes
 * from, never to parse as HTML.
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  for (const part of excerpt.split(/(<mark>.*?<\/mark>)/s)) {
    if (!part) continue;
    const marked = /^<mark>(.*)<\/mark>$/s.exec(part);
    const text = (marked ? marked[1]! : part).replace(/&lt;/g, "<").replace(/&gt;/g, ">");
    parts.push({ text, marked: marked !== null });
  }
  return parts;
}

/** A result's byline before its date: `By A, B · Source · Section`, empty parts left out. */
export function resultByline(fields: {
  authors: readonly string[];
  source?: string | undefined;
  section?: string | undefined;
}): string {
  return [
    fields.authors.length ? `By ${fields.authors.join(", ")}` : "",
    fields.source ?? "",
    fields.section ?? "",
  ]
    .filter(Boolean)
    .join(" · ");
}
