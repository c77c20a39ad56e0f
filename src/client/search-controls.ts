/**
 * The search form's own fields (words, date range, sort, facet boxes): shows a state in
 * them and tells its owner, `<search-page>`, what the reader changed. It keeps no state of
 * its own; the page decides what a change means for the URL and the search.
 */
import { SORT_ORDERS, type Facet, type SearchState, type SortOrder } from "../lib/search/state.ts";
import { invalidRangeFields, rangeMessage } from "../lib/search/text.ts";
import type { RangeProblem } from "../lib/search/dates.ts";

/** What the reader did, as the page hears it. */
export interface ControlChanges {
  /** A key in the words box. */
  typed(q: string): void;
  /** The form submitted (Enter, the button): every field at once. */
  submitted(fields: Pick<SearchState, "q" | "from" | "to" | "sort">): void;
  range(from: string, to: string): void;
  sort(sort: SortOrder): void;
  facet(facet: Facet, value: string, checked: boolean): void;
  /** The words box took focus: about to type. */
  focused(): void;
}

export class SearchControls {
  readonly form: HTMLFormElement;
  readonly #q: HTMLInputElement;
  readonly #from: HTMLInputElement;
  readonly #to: HTMLInputElement;
  readonly #sort: HTMLSelectElement;
  readonly #rangeError: HTMLElement;

  constructor(root: HTMLElement) {
    const find = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
    this.form = find("[data-search-form]");
    this.#q = find("#search-q");
    this.#from = find("#search-from");
    this.#to = find("#search-to");
    this.#sort = find("#search-sort");
    this.#rangeError = find("[data-search-range-error]");
  }

  show(state: SearchState): void {
    if (this.#q.value !== state.q) this.#q.value = state.q;
    this.#from.value = state.from;
    this.#to.value = state.to;
    this.#sort.value = state.sort;
    for (const box of this.form.querySelectorAll<HTMLInputElement>("input[type=checkbox]")) {
      box.checked = state.facets[box.name as Facet]?.includes(box.value) ?? false;
    }
  }

  showRangeProblems(problems: RangeProblem[]): void {
    this.#rangeError.textContent = rangeMessage(problems);
    const invalid = invalidRangeFields(problems);
    this.#from.toggleAttribute("aria-invalid", invalid.from);
    this.#to.toggleAttribute("aria-invalid", invalid.to);
  }

  listen(on: ControlChanges): void {
    const { form } = this;
    const q = this.#q;
    const from = this.#from;
    const to = this.#to;
    q.addEventListener("input", () => on.typed(q.value));
    q.addEventListener("focus", () => on.focused(), { once: true });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      on.submitted({ q: q.value, from: from.value, to: to.value, sort: this.#readSort() });
    });
    for (const field of [from, to]) {
      field.addEventListener("change", () => on.range(from.value, to.value));
    }
    this.#sort.addEventListener("change", () => on.sort(this.#readSort()));
    form.addEventListener("change", (event) => {
      const box = event.target;
      if (!(box instanceof HTMLInputElement) || box.type !== "checkbox") return;
      on.facet(box.name as Facet, box.value, box.checked);
    });
  }

  #readSort(): SortOrder {
    const value = this.#sort.value;
    return (SORT_ORDERS as readonly string[]).includes(value) ? (value as SortOrder) : "relevance";
  }
}
