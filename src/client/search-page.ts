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
  toggleFacetValue,
  type SearchState,
} from "../lib/search/state.ts";
import {
  FAILED_TEXT,
  LOAD_FAILED_TEXT,
  pendingText,
  PROMPT_TEXT,
  startsNewWord,
  summaryText,
} from "../lib/search/text.ts";
import { parseDateRange } from "../lib/search/dates.ts";
import type { Counts } from "../lib/search/facets.ts";
import { SearchClient } from "./search-client.ts";
import type { SearchAnswer } from "./search-protocol.ts";
import { SearchControls } from "./search-controls.ts";
import { FacetList } from "./search-facets.ts";
import { ResultHistogram } from "./search-histogram.ts";
import { ResultList } from "./search-results.ts";
import { SearchSummary } from "./search-summary.ts";

/** How long typing may pause on a short last word (startsNewWord) before it is searched anyway. */
const WORD_PAUSE_MS = 300;

class SearchPage extends HTMLElement {
  #root!: HTMLElement;
  #loading!: HTMLElement;
  #controls!: SearchControls;
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
    const root = this.querySelector<HTMLElement>("[data-search]")!;
    this.#root = root;
    this.#loading = this.querySelector<HTMLElement>("[data-search-loading]")!;
    this.#controls = new SearchControls(root);
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
    const root = this.#root;
    const loading = this.#loading;
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
    this.#controls.show(this.#state);
    document.title = `${searchTitle(this.#state)} | ${SITE_NAME}`;
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
    this.#controls.listen({
      typed: (q) => this.#commit({ ...this.#state, q }, "typing"),
      // About to type: the worker starts loading the newest shard, where searches begin.
      focused: () => this.#client?.warm(),
      submitted: (fields) => {
        this.#typing = false;
        this.#commit({ ...this.#state, ...fields }, "change");
      },
      range: (from, to) => this.#commit({ ...this.#state, from, to }, "change"),
      sort: (sort) => this.#commit({ ...this.#state, sort }, "change"),
      facet: (facet, value, checked) =>
        this.#commit(toggleFacetValue(this.#state, facet, value, checked), "change"),
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
    this.#root.dataset["status"] = value;
  }

  #summaryText(): string {
    const summary = summaryText(this.#state, this.#results.total, this.#results.shown);
    const pending = pendingText(this.#pending);
    return pending ? `${summary} ${pending}` : summary;
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
      this.#controls.showRangeProblems([]);
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
    this.#root.dataset["pagefindMs"] = String(answer.pagefindMs);
    this.#pending = answer.pending;
    this.#controls.showRangeProblems(answer.rangeProblems);
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
