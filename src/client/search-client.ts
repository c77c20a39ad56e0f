/**
 * The search page's side of its search worker (src/client/search-worker.ts): starts the
 * worker and turns its messages (src/client/search-protocol.ts) into promises. A search
 * hands each partial answer to a callback and resolves to the complete one, or to null once
 * a newer generation has been sent, whatever the worker does.
 */
import type { Counts } from "../lib/search/facets.ts";
import type { SearchState } from "../lib/search/state.ts";
import {
  TEST_DELAY_KEY,
  type FromWorker,
  type ResultFragment,
  type SearchAnswer,
  type ToWorker,
} from "./search-protocol.ts";

interface Waiting<T> {
  resolve: (value: T | null) => void;
  reject: (error: Error) => void;
}

/** Test-only busy time for each search (TEST_DELAY_KEY); 0 unless a test set it. */
function testDelayMs(): number {
  try {
    return Math.max(0, Number(sessionStorage.getItem(TEST_DELAY_KEY)) || 0);
  } catch {
    return 0;
  }
}

export class SearchClient {
  readonly #worker: Worker;
  #ready: { resolve: (totals: Counts) => void; reject: (error: Error) => void } | undefined;
  /** The one search whose answer is awaited, by generation. */
  #search:
    | {
        generation: number;
        waiting: Waiting<SearchAnswer>;
        onPartial: (answer: SearchAnswer) => void;
      }
    | undefined;
  readonly #more = new Map<number, Waiting<ResultFragment[]>>();
  #requests = 0;

  constructor() {
    this.#worker = new Worker(new URL("./search-worker.ts", import.meta.url), {
      type: "module",
      name: "search",
    });
    this.#worker.addEventListener("message", (event: MessageEvent<FromWorker>) =>
      this.#receive(event.data),
    );
    this.#worker.addEventListener("error", (event) =>
      this.#fail(new Error(event.message || "the search worker failed")),
    );
  }

  /** Loads the index in the worker; resolves to the counts over the whole archive. */
  start(): Promise<Counts> {
    return new Promise((resolve, reject) => {
      this.#ready = { resolve, reject };
      this.#post({ type: "start", testDelayMs: testDelayMs() });
    });
  }

  /**
   * Searches `state` as search number `generation`: each partial answer goes to
   * `onPartial`, and the promise resolves to the complete one, or to null if a newer search
   * was sent first. `shown`: the outcome on the page, which comes back without fragments.
   */
  search(
    generation: number,
    state: SearchState,
    shown: number | null,
    onPartial: (answer: SearchAnswer) => void,
  ): Promise<SearchAnswer | null> {
    this.#supersede(generation);
    return new Promise((resolve, reject) => {
      this.#search = { generation, waiting: { resolve, reject }, onPartial };
      this.#post({ type: "search", generation, state, shown });
    });
  }

  /** Lets the worker start loading where searches begin (the search box has focus). */
  warm(): void {
    this.#post({ type: "warm" });
  }

  /** Stops whatever the worker runs for generations older than `generation`. */
  cancel(generation: number): void {
    this.#supersede(generation);
    this.#post({ type: "cancel", generation });
  }

  /** The next page of results of `outcome` from `offset`; null if no longer kept. */
  more(outcome: number, offset: number): Promise<ResultFragment[] | null> {
    const request = ++this.#requests;
    return new Promise((resolve, reject) => {
      this.#more.set(request, { resolve, reject });
      this.#post({ type: "more", request, outcome, offset });
    });
  }

  #post(message: ToWorker): void {
    this.#worker.postMessage(message);
  }

  #supersede(generation: number): void {
    if (this.#search && this.#search.generation < generation) {
      this.#search.waiting.resolve(null);
      this.#search = undefined;
    }
  }

  #receive(message: FromWorker): void {
    switch (message.type) {
      case "ready":
        this.#ready?.resolve(message.totals);
        break;
      case "load-failed":
        this.#ready?.reject(new Error(message.message));
        break;
      case "answer":
      case "failed": {
        const search = this.#search;
        if (search?.generation !== message.generation) return;
        if (message.type === "answer" && message.answer.pending.length > 0) {
          search.onPartial(message.answer);
          return;
        }
        this.#search = undefined;
        if (message.type === "answer") search.waiting.resolve(message.answer);
        else search.waiting.reject(new Error(message.message));
        break;
      }
      case "more":
        this.#more.get(message.request)?.resolve(message.fragments);
        this.#more.delete(message.request);
        break;
    }
  }

  /** The worker failed outright: everything awaited fails. */
  #fail(error: Error): void {
    this.#ready?.reject(error);
    this.#search?.waiting.reject(error);
    this.#search = undefined;
    for (const waiting of this.#more.values()) waiting.reject(error);
    this.#more.clear();
  }
}
