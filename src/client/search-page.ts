/**
 * `<search-page>`: the search page's controls, facets, results and summary, and the one
 * owner of their state. It reads the state from the URL and keeps the URL in step with
 * the controls (typing replaces the current history entry, every other change adds one, so
 * back and forward step through searches), searches as the reader types, and shows
 * results and facet counts through its parts. The searching itself runs in a worker
 * (src/client/search-client.ts), so a slow search never holds up typing. A search over
 * several index shards paints its first partial answer, then repaints as the others
 * arrive, saying which years it is still searching (`data-status="partial"`) until the
 * answer is complete (`ready`); only the complete count is read out. The rules live in
 * src/lib; this element only wires them to the page, and looks up nothing outside itself.
 */
import { highlightedPath, searchPathFor } from "../lib/permalink.ts";
import { SITE_NAME } from "../lib/site.ts";
import {
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
  FAILED_TEXT,
  invalidRangeFields,
  LOAD_FAILED_TEXT,
  pendingText,
  PROMPT_TEXT,
  rangeMessage,
  startsNewWord,
  summaryText,
} from "../lib/search/text.ts";
import { parseDateRange, type RangeProblem } from "../lib/search/dates.ts";
import type { Counts } from "../lib/search/facets.ts";
import { SearchClient } from "./search-client.ts";
import type { SearchAnswer } from "./search-protocol.ts";
import { FacetList } from "./search-facets.ts";
import { ResultHistogram } from "./search-histogram.ts";
import { ResultList } from "./search-results.ts";
import { SearchSummary } from "./search-summary.ts";

/** How long typing may pause on a short last word (startsNewWord) before it is searched anyway. */
const WORD_PAUSE_MS = 300;

/** The form's own fields, by the names of the URL parameters they hold. */
interface Controls {
  root: HTMLElement;
  loading: HTMLElement;
  form: HTMLFormElement;
  q: HTMLInputElement;
  from: HTMLInputElement;
  to: HTMLInputElement;
  sort: HTMLSelectElement;
  rangeError: HTMLElement;
}

class SearchPage extends HTMLElement {
  #controls!: Controls;
  #facets!: FacetList;
  #results!: ResultList;
  #summary!: SearchSummary;
  #histogram!: ResultHistogram;
  #state: SearchState = parseSearchState(location.search);
  #client: SearchClient | null = null;
  /** Counts over the whole archive, once the index has loaded. */
  #totals: Counts | null = null;
  /** Increases with every search; an answer to an older one is dropped. */
  #generation = 0;
  /** True while consecutive keystrokes share one history entry. */
  #typing = false;
  /** The outcome (SearchAnswer.outcome) whose results are on the page. */
  #shownOutcome: number | null = null;
  /** Years the answer on the page has yet to search (empty: it is complete). */
  #pending: string[] = [];
  #deferred: ReturnType<typeof setTimeout> | undefined;
  readonly #onPopState = () => {
    this.#typing = false;
    this.#state = parseSearchState(location.search);
    this.#showState();
    void this.#search();
  };

  connectedCallback(): void {
    if (this.#controls) return;
    const find = <T extends Element>(selector: string) => this.querySelector<T>(selector)!;
    const root = find<HTMLElement>("[data-search]");
    this.#controls = {
      root,
      loading: find("[data-search-loading]"),
      form: find("[data-search-form]"),
      q: find("#search-q"),
      from: find("#search-from"),
      to: find("#search-to"),
      sort: find("#search-sort"),
      rangeError: find("[data-search-range-error]"),
    };
    this.#facets = new FacetList(this.#controls.form, (facet) => this.#state.facets[facet]);
    this.#results = new ResultList(root, (url) => highlightedPath(url, this.#state.q));
    this.#summary = new SearchSummary(root);
    this.#histogram = new ResultHistogram(
      root,
      (period) => searchPathFor(searchStateEntries({ ...this.#state, from: period, to: period })),
      (period) => {
        this.#commit({ ...this.#state, from: period, to: period }, "change");
        this.#showState();
      },
    );
    this.#listen();
    window.addEventListener("popstate", this.#onPopState);
    this.#start();
  }

  disconnectedCallback(): void {
    window.removeEventListener("popstate", this.#onPopState);
  }

  /** Shows the controls (the page says search needs JavaScript until now) and loads the index. */
  #start(): void {
    const { root, loading } = this.#controls;
    root.hidden = false;
    this.#showState();
    loading.hidden = false;
    let client: SearchClient;
    try {
      client = new SearchClient();
    } catch (error) {
      loading.textContent = LOAD_FAILED_TEXT;
      console.warn(error);
      return;
    }
    this.#client = client;
    client
      .start()
      .then((totals) => {
        this.#totals = totals;
        loading.hidden = true;
        this.#facets.build(totals);
        this.#showState();
        return this.#search();
      })
      .catch((error: unknown) => {
        loading.textContent = LOAD_FAILED_TEXT;
        console.warn(error);
      });
  }

  // -------------------------------------------------------------------------------------
  // State <-> controls <-> URL

  #showState(): void {
    const { q, from, to, sort, form } = this.#controls;
    const state = this.#state;
    if (q.value !== state.q) q.value = state.q;
    from.value = state.from;
    to.value = state.to;
    sort.value = state.sort;
    for (const box of form.querySelectorAll<HTMLInputElement>("input[type=checkbox]")) {
      box.checked = state.facets[box.name as Facet]?.includes(box.value) ?? false;
    }
    document.title = `${searchTitle(state)} | ${SITE_NAME}`;
  }

  #readSort(): SortOrder {
    const value = this.#controls.sort.value;
    return (SORT_ORDERS as readonly string[]).includes(value) ? (value as SortOrder) : "relevance";
  }

  /** Records `next` in the URL (a new history entry unless still typing) and searches. */
  #commit(next: SearchState, how: "typing" | "change"): void {
    this.#state = next;
    const url = searchPathFor(searchStateEntries(next));
    if (url !== `${location.pathname}${location.search}`) {
      if (how === "typing" && this.#typing) history.replaceState(null, "", url);
      else history.pushState(null, "", url);
      this.#typing = how === "typing";
    } else if (how === "change") {
      this.#typing = false;
    }
    document.title = `${searchTitle(next)} | ${SITE_NAME}`;
    clearTimeout(this.#deferred);
    if (how === "typing" && startsNewWord(next.q)) {
      // Keep what is shown; search at the next letter, or when typing pauses. What the
      // worker still runs for older words stops.
      this.#client?.cancel(++this.#generation);
      this.#setStatus("searching");
      this.#deferred = setTimeout(() => void this.#search(), WORD_PAUSE_MS);
    } else {
      void this.#search();
    }
  }

  #listen(): void {
    const { form, q, from, to, sort } = this.#controls;
    q.addEventListener("input", () => this.#commit({ ...this.#state, q: q.value }, "typing"));
    // About to type: the worker starts loading the newest shard, where searches begin.
    q.addEventListener("focus", () => this.#client?.warm(), { once: true });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.#typing = false;
      this.#commit(
        { ...this.#state, q: q.value, from: from.value, to: to.value, sort: this.#readSort() },
        "change",
      );
    });
    for (const field of [from, to]) {
      field.addEventListener("change", () => {
        this.#commit({ ...this.#state, from: from.value, to: to.value }, "change");
      });
    }
    sort.addEventListener("change", () =>
      this.#commit({ ...this.#state, sort: this.#readSort() }, "change"),
    );
    form.addEventListener("change", (event) => {
      const box = event.target;
      if (!(box instanceof HTMLInputElement) || box.type !== "checkbox") return;
      this.#commit(
        toggleFacetValue(this.#state, box.name as Facet, box.value, box.checked),
        "change",
      );
    });
    // A click starts the next page loading; nothing waits for it.
    this.#results.onMore(() => void this.#showMore());
  }

  async #showMore(): Promise<void> {
    const client = this.#client;
    const outcome = this.#shownOutcome;
    if (!client || outcome === null) return;
    const current = this.#generation;
    const items = await this.#results.showMore(
      (offset) => client.more(outcome, offset),
      () => current === this.#generation,
    );
    if (items) this.#summary.show(this.#summaryText());
    items?.[0]?.querySelector("a")?.focus();
    this.#summary.announce();
  }

  // -------------------------------------------------------------------------------------
  // Searching

  /**
   * `data-status` on the search root: `searching`, `partial` while some shards have
   * answered and others not, then `ready` once the complete results and counts show.
   */
  #setStatus(value: "searching" | "partial" | "ready"): void {
    this.#controls.root.dataset["status"] = value;
  }

  #summaryText(): string {
    const summary = summaryText(this.#state, this.#results.total, this.#results.shown);
    const pending = pendingText(this.#pending);
    return pending ? `${summary} ${pending}` : summary;
  }

  #showRangeProblems(problems: RangeProblem[]): void {
    const { rangeError, from, to } = this.#controls;
    rangeError.textContent = rangeMessage(problems);
    const invalid = invalidRangeFields(problems);
    from.toggleAttribute("aria-invalid", invalid.from);
    to.toggleAttribute("aria-invalid", invalid.to);
  }

  async #search(): Promise<void> {
    const client = this.#client;
    const totals = this.#totals;
    if (!client || !totals) return;
    const current = ++this.#generation;
    this.#setStatus("searching");
    await this.#run(client, totals, current);
    if (current === this.#generation) this.#setStatus("ready");
  }

  async #run(client: SearchClient, totals: Counts, generation: number): Promise<void> {
    const isCurrent = () => generation === this.#generation;
    if (!hasCriteria(this.#state)) {
      client.cancel(generation);
      this.#shownOutcome = null;
      this.#pending = [];
      this.#results.clear();
      this.#histogram.clear();
      this.#summary.show(PROMPT_TEXT);
      this.#summary.silence();
      this.#showRangeProblems([]);
      this.#facets.render(totals);
      return;
    }
    let answer: SearchAnswer | null;
    try {
      answer = await client.search(generation, this.#state, this.#shownOutcome, (partial) => {
        if (!isCurrent()) return;
        this.#show(partial);
        this.#setStatus("partial");
      });
    } catch (error) {
      if (!isCurrent()) return;
      this.#pending = [];
      this.#summary.show(FAILED_TEXT, { announce: true });
      console.warn(error);
      return;
    }
    if (!answer || !isCurrent()) return;
    this.#show(answer);
  }

  /** Shows an answer; only a complete one is read out (a partial one changes too often). */
  #show(answer: SearchAnswer): void {
    const announce = answer.pending.length === 0;
    // Read by the benchmark with data-status (bench/lib/search-measure.ts).
    this.#controls.root.dataset["pagefindMs"] = String(answer.pagefindMs);
    this.#pending = answer.pending;
    this.#showRangeProblems(answer.rangeProblems);
    if (!answer.fragments) {
      // The same search (a closing quote, a trailing space): only the words shown change.
      this.#summary.show(this.#summaryText(), { announce });
      return;
    }
    this.#results.show(answer.fragments, answer.ids.length);
    this.#shownOutcome = answer.outcome;
    this.#summary.show(this.#summaryText(), { announce });
    this.#facets.render(answer.counts);
    this.#histogram.show(answer.months, parseDateRange(this.#state.from, this.#state.to).range);
  }
}

customElements.define("search-page", SearchPage);
