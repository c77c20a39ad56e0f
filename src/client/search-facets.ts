/**
 * The facet lists of the search page: one fieldset per facet (`[data-facet]`), its values
 * as checkboxes with live counts, the first few shown until "Show all". The values come
 * from the facet table once the index has loaded; the counts from each search.
 */
import { facetValueLabel, orderFacetValues, previewValues } from "../lib/search/facets.ts";
import { FACETS, type Facet } from "../lib/search/state.ts";

/** Facet values shown before "Show all". */
const FACET_PREVIEW = 8;

type FacetCounts = Partial<Record<Facet, Record<string, number>>>;

interface ValueView {
  item: HTMLLIElement;
  box: HTMLInputElement;
  count: HTMLElement;
}

/** One facet's fieldset: its values and its "Show all" button. */
class FacetView {
  readonly #fieldset: HTMLFieldSetElement;
  readonly #more: HTMLButtonElement;
  readonly #values = new Map<string, ValueView>();
  #expanded = false;

  constructor(
    readonly facet: Facet,
    fieldset: HTMLFieldSetElement,
    values: readonly string[],
    onToggleExpanded: () => void,
  ) {
    this.#fieldset = fieldset;
    this.#more = fieldset.querySelector("button")!;
    const list = fieldset.querySelector("ul")!;
    values.forEach((value, i) => {
      const view = valueView(facet, value, `facet-${facet}-${i}`);
      list.append(view.item);
      this.#values.set(value, view);
    });
    this.#more.addEventListener("click", () => {
      this.#expanded = !this.#expanded;
      onToggleExpanded();
      if (!this.#expanded) this.#more.focus();
    });
    fieldset.hidden = values.length === 0;
  }

  /** Shows the values that have results (or are selected), with their counts. */
  render(counts: Record<string, number>, selected: readonly string[]): void {
    const preview = previewValues([...this.#values.keys()], counts, selected, FACET_PREVIEW);
    let visible = 0;
    let available = 0;
    for (const [value, { item, box, count }] of this.#values) {
      const n = counts[value] ?? 0;
      box.checked = selected.includes(value);
      const text = `(${n.toLocaleString("en")})`;
      if (count.textContent !== text) count.textContent = text;
      const relevant = n > 0 || box.checked;
      if (relevant) available++;
      const show = relevant && (this.#expanded || preview.has(value));
      if (show) visible++;
      item.hidden = !show;
    }
    this.#more.hidden = !this.#expanded && available <= visible;
    this.#more.textContent = this.#expanded ? "Show fewer" : `Show all ${available}`;
    this.#more.setAttribute("aria-expanded", String(this.#expanded));
    this.#fieldset.hidden = available === 0;
  }
}

function valueView(facet: Facet, value: string, id: string): ValueView {
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
  return { item, box, count };
}

export class FacetList {
  readonly #root: HTMLElement;
  readonly #views: FacetView[] = [];
  readonly #selectedOf: (facet: Facet) => readonly string[];
  #counts: FacetCounts = {};

  /**
   * `root`: the element holding the `[data-facet]` fieldsets; `selectedOf`: the values the
   * current search selects (read at each render, as the search may have changed since).
   */
  constructor(root: HTMLElement, selectedOf: (facet: Facet) => readonly string[]) {
    this.#root = root;
    this.#selectedOf = selectedOf;
  }

  /** Adds every value of every facet (from the index's totals), once. */
  build(totals: Record<string, Record<string, number>>): void {
    for (const facet of FACETS) {
      const fieldset = this.#root.querySelector<HTMLFieldSetElement>(`[data-facet="${facet}"]`)!;
      const values = orderFacetValues(facet, totals[facet] ?? {});
      const view = new FacetView(facet, fieldset, values, () => this.#renderOne(view));
      this.#views.push(view);
    }
  }

  /** Shows the counts of a search, and which values are selected. */
  render(counts: FacetCounts): void {
    this.#counts = counts;
    for (const view of this.#views) this.#renderOne(view);
  }

  #renderOne(view: FacetView): void {
    view.render(this.#counts[view.facet] ?? {}, this.#selectedOf(view.facet));
  }
}
