/**
 * The steps of a search in the search worker (./search-engine.ts): between two steps the
 * worker reads the page's newer messages, and a search that a newer one replaced stops.
 */

/** Thrown at the next step of a search that a newer one has replaced. */
export class StaleSearch extends Error {
  constructor() {
    super("a newer search replaced this one");
  }
}

/** Says whether the search asking is still the latest one. */
export type IsCurrent = () => boolean;

/** Resolvers waiting for their turn on `turns` (see nextTask). */
const waiting: (() => void)[] = [];
const turns = new MessageChannel();
turns.port1.onmessage = () => waiting.shift()?.();

/**
 * Lets the thread take its next task, so a message from the page that came meanwhile (a
 * newer search) is read before the next step: Pagefind's calls on chunks already loaded
 * resolve without ever yielding. A message, unlike `setTimeout(0)`, is never held back.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    turns.port2.postMessage(null);
  });
}

/** Test-only: keeps the thread busy for `ms`, as a long WebAssembly call would. */
export function busyWait(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // Busy on purpose: nothing else may run on this thread meanwhile.
  }
}

/** Between two steps of a search: throws StaleSearch if a newer search has come. */
export type Step = () => Promise<void>;
