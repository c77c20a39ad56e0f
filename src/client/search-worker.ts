/**
 * The search worker: a module worker the search page starts (src/client/search-client.ts).
 * It loads the index, runs every search (src/client/search-engine.ts) and answers with
 * plain data (src/client/search-protocol.ts), so however long Pagefind takes, the page's
 * thread stays free for typing. Each message from the page carries a generation: a newer
 * one makes every older search stop at its next step, and no answer is sent for it.
 */
import { fragmentsOf, SearchEngine, StaleSearch, type SearchOutcome } from "./search-engine.ts";
import { PAGE_SIZE, type FromWorker, type ToWorker } from "./search-protocol.ts";
import type { SearchState } from "../lib/search/state.ts";

/** Outcomes kept for "Show more results" (the one shown and a few newer ones). */
const KEPT_OUTCOMES = 4;

/** The worker's global scope, as far as this file uses it. */
const scope = self as unknown as {
  postMessage: (message: FromWorker) => void;
  addEventListener: (type: "message", listener: (event: MessageEvent<ToWorker>) => void) => void;
};

let engine: Promise<SearchEngine> | undefined;
/** The newest generation the page has sent. */
let latest = 0;
const outcomes = new Map<number, SearchOutcome>();

function keep(outcome: SearchOutcome): void {
  outcomes.delete(outcome.serial);
  outcomes.set(outcome.serial, outcome);
  for (const serial of outcomes.keys()) {
    if (outcomes.size <= KEPT_OUTCOMES) break;
    outcomes.delete(serial);
  }
}

function start(testDelayMs: number): void {
  engine ??= SearchEngine.start({ testDelayMs });
  engine.then(
    (ready) => scope.postMessage({ type: "ready", totals: ready.totals }),
    (error: unknown) => scope.postMessage({ type: "load-failed", message: String(error) }),
  );
}

async function search(generation: number, state: SearchState, shown: number | null) {
  const isCurrent = () => generation === latest;
  if (!engine) return;
  try {
    const outcome = await (await engine).search(state, isCurrent);
    if (!isCurrent()) return;
    keep(outcome);
    const fragments =
      outcome.serial === shown ? null : await fragmentsOf(outcome.results.slice(0, PAGE_SIZE));
    if (!isCurrent()) return;
    scope.postMessage({
      type: "answer",
      generation,
      answer: {
        outcome: outcome.serial,
        ids: outcome.results.map((result) => result.id),
        counts: outcome.counts,
        rangeProblems: outcome.rangeProblems,
        fragments,
      },
    });
  } catch (error) {
    if (error instanceof StaleSearch || !isCurrent()) return;
    scope.postMessage({ type: "failed", generation, message: String(error) });
  }
}

async function more(request: number, serial: number, offset: number) {
  const outcome = outcomes.get(serial);
  let fragments = null;
  try {
    if (outcome) fragments = await fragmentsOf(outcome.results.slice(offset, offset + PAGE_SIZE));
  } catch (error) {
    console.warn(error);
  }
  scope.postMessage({ type: "more", request, fragments });
}

scope.addEventListener("message", ({ data: message }) => {
  switch (message.type) {
    case "start":
      start(message.testDelayMs);
      break;
    case "search":
      latest = Math.max(latest, message.generation);
      void search(message.generation, message.state, message.shown);
      break;
    case "cancel":
      latest = Math.max(latest, message.generation);
      break;
    case "more":
      void more(message.request, message.outcome, message.offset);
      break;
  }
});
