/**
 * The search worker: a module worker the search page starts (src/client/search-client.ts).
 * It loads the index as searches need it, runs every search (src/client/search-engine.ts)
 * and answers with plain data (src/client/search-protocol.ts), so however long Pagefind
 * takes, the page's thread stays free for typing. A search answers after each index shard
 * it reads (partial answers, then the complete one), in that order. Each message from the
 * page carries a generation: a newer one makes every older search stop at its next step,
 * and no answer is sent for it.
 */
import { SearchEngine, type SearchOutcome } from "./search-engine.ts";
import { StaleSearch } from "./search-steps.ts";
import { PAGE_SIZE, type FromWorker, type ToWorker } from "./search-protocol.ts";
import type { SearchState } from "../lib/search/state.ts";
import { monthCounts } from "../lib/search/histogram.ts";

/** Outcomes kept for "Show more results" (the one shown and a few newer ones). */
const KEPT_OUTCOMES = 4;

/** The worker's global scope, as far as this file uses it. */
const scope = self as unknown as {
  postMessage: (message: FromWorker) => void;
  addEventListener: (type: "message", listener: (event: MessageEvent<ToWorker>) => void) => void;
};

/** The worker's state: the engine once started, the newest generation, kept outcomes. */
class SearchWorker {
  #engine: Promise<SearchEngine> | undefined;
  /** The newest generation the page has sent. */
  #latest = 0;
  readonly #outcomes = new Map<number, SearchOutcome>();

  receive(message: ToWorker): void {
    switch (message.type) {
      case "start":
        this.#start(message.testDelayMs);
        break;
      case "warm":
        void this.#engine?.then((engine) => engine.warm());
        break;
      case "search":
        this.#latest = Math.max(this.#latest, message.generation);
        void this.#search(message.generation, message.state, message.shown);
        break;
      case "cancel":
        this.#latest = Math.max(this.#latest, message.generation);
        break;
      case "more":
        void this.#more(message.request, message.outcome, message.offset);
        break;
    }
  }

  #keep(outcome: SearchOutcome): void {
    this.#outcomes.delete(outcome.serial);
    this.#outcomes.set(outcome.serial, outcome);
    for (const serial of this.#outcomes.keys()) {
      if (this.#outcomes.size <= KEPT_OUTCOMES) break;
      this.#outcomes.delete(serial);
    }
  }

  #start(testDelayMs: number): void {
    this.#engine ??= SearchEngine.start({ testDelayMs });
    this.#engine.then(
      (ready) => scope.postMessage({ type: "ready", totals: ready.totals }),
      (error: unknown) => scope.postMessage({ type: "load-failed", message: String(error) }),
    );
  }

  async #search(generation: number, state: SearchState, shown: number | null): Promise<void> {
    const isCurrent = () => generation === this.#latest;
    if (!this.#engine) return;
    const engine = await this.#engine;
    const started = engine.pagefindClock.now();
    // Answers leave in the order of the outcomes, whatever their fragments take.
    let sent = Promise.resolve();
    const answer = (outcome: SearchOutcome) => {
      this.#keep(outcome);
      const fragments =
        outcome.serial === shown
          ? Promise.resolve(null)
          : engine.fragmentsOf(outcome.results.slice(0, PAGE_SIZE));
      // (A partial answer that failed does not hold back the next.)
      sent = sent
        .catch(() => undefined)
        .then(async () => {
          const first = await fragments;
          if (!isCurrent()) return;
          scope.postMessage({
            type: "answer",
            generation,
            answer: {
              outcome: outcome.serial,
              ids: outcome.results.map((result) => result.id),
              counts: outcome.counts,
              months: monthCounts(outcome.results),
              rangeProblems: outcome.rangeProblems,
              fragments: first,
              pending: outcome.pending,
              pagefindMs: Math.round(engine.pagefindClock.now() - started),
            },
          });
        });
      return sent;
    };
    try {
      const outcome = await engine.search(state, isCurrent, (partial) => {
        answer(partial).catch((error: unknown) => console.warn(error));
      });
      if (!isCurrent()) return;
      await answer(outcome);
    } catch (error) {
      if (error instanceof StaleSearch || !isCurrent()) return;
      scope.postMessage({ type: "failed", generation, message: String(error) });
    }
  }

  async #more(request: number, serial: number, offset: number): Promise<void> {
    const outcome = this.#outcomes.get(serial);
    let fragments = null;
    try {
      if (outcome) {
        const engine = await this.#engine!;
        fragments = await engine.fragmentsOf(outcome.results.slice(offset, offset + PAGE_SIZE));
      }
    } catch (error) {
      console.warn(error);
    }
    scope.postMessage({ type: "more", request, fragments });
  }
}

const worker = new SearchWorker();
scope.addEventListener("message", ({ data }) => worker.receive(data));
