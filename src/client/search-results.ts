/**
 * The result list of the search page: the first page of results of a search, then more
 * at each "Show more results". Each result shows headline, byline, date and Pagefind's
 * excerpt, built as DOM nodes (never as HTML).
 */
import { formatLongDate, isCalendarDate } from "../lib/dates.ts";
import { excerptParts, resultByline } from "../lib/search/text.ts";
import type { ResultFragment } from "./search-protocol.ts";

/** The next results from `offset` (null: none to add), as the search worker gives them. */
export type MoreResults = (offset: number) => Promise<ResultFragment[] | null>;

export class ResultList {
  readonly #list: HTMLOListElement;
  readonly #more: HTMLButtonElement;
  readonly #linkFor: (url: string) => string;
  #total = 0;
  #shown = 0;

  /**
   * `root`: the element holding `[data-search-results]` and `[data-search-more]`;
   * `linkFor`: a result's link from its URL (with the words to highlight).
   */
  constructor(root: HTMLElement, linkFor: (url: string) => string) {
    this.#list = root.querySelector<HTMLOListElement>("[data-search-results]")!;
    this.#more = root.querySelector<HTMLButtonElement>("[data-search-more]")!;
    this.#linkFor = linkFor;
  }

  /** Matching pages in all. */
  get total(): number {
    return this.#total;
  }

  /** Pages shown so far. */
  get shown(): number {
    return this.#shown;
  }

  /** Calls `listener` when the reader asks for more results. */
  onMore(listener: () => void): void {
    this.#more.addEventListener("click", listener);
  }

  clear(): void {
    this.#list.replaceChildren();
    this.#total = 0;
    this.#shown = 0;
    this.#more.hidden = true;
  }

  /** Replaces the list with the first page of a search's `total` results. */
  show(fragments: readonly ResultFragment[], total: number): void {
    this.#list.replaceChildren(...fragments.map((fragment) => this.#item(fragment)));
    this.#total = total;
    this.#shown = fragments.length;
    this.#more.hidden = this.#shown >= this.#total;
  }

  /**
   * Appends the next page, from `more`; null when `isCurrent` says a newer search started
   * meanwhile (or there was nothing to add).
   */
  async showMore(more: MoreResults, isCurrent: () => boolean): Promise<HTMLLIElement[] | null> {
    const fragments = await more(this.#shown);
    if (!fragments || !isCurrent()) return null;
    const items = fragments.map((fragment) => this.#item(fragment));
    this.#list.append(...items);
    this.#shown += fragments.length;
    this.#more.hidden = this.#shown >= this.#total;
    return items;
  }

  #item(fragment: ResultFragment): HTMLLIElement {
    const item = document.createElement("li");
    item.className = "search-result";
    const language = fragment.filters["language"]?.[0];
    if (language) item.lang = language;
    const heading = document.createElement("h3");
    const link = document.createElement("a");
    link.href = this.#linkFor(fragment.url);
    link.textContent = fragment.meta["title"] ?? fragment.url;
    heading.append(link);
    item.append(heading, metaLine(fragment), excerpt(fragment.excerpt));
    return item;
  }
}

/** `By A · Source · Section · <time>11 December 2019</time>`. */
function metaLine(fragment: ResultFragment): HTMLParagraphElement {
  const meta = document.createElement("p");
  meta.className = "meta search-result-meta";
  meta.lang = "en";
  const byline = resultByline({
    authors: fragment.filters["author"] ?? [],
    source: fragment.filters["source"]?.[0],
    section: fragment.filters["section"]?.[0],
  });
  meta.append(byline);
  const date = fragment.meta["date"];
  if (date && isCalendarDate(date)) {
    const time = document.createElement("time");
    time.dateTime = date;
    time.textContent = formatLongDate(date);
    meta.append(byline ? " · " : "", time);
  }
  return meta;
}

function excerpt(text: string): HTMLParagraphElement {
  const paragraph = document.createElement("p");
  paragraph.className = "search-excerpt";
  for (const { text: part, marked } of excerptParts(text)) {
    if (marked) {
      const mark = document.createElement("mark");
      mark.textContent = part;
      paragraph.append(mark);
    } else {
      paragraph.append(part);
    }
  }
  return paragraph;
}
