/**
 * Wall time spent in a kind of call (Pagefind's), overlapping calls counted once: the
 * benchmark tells Pagefind's share of a search from the page's and worker's own code.
 */
export class BusyClock {
  #active = 0;
  #since = 0;
  #total = 0;

  /** Busy milliseconds so far, the call under way included. */
  now(): number {
    return this.#total + (this.#active > 0 ? performance.now() - this.#since : 0);
  }

  async time<T>(call: () => Promise<T>): Promise<T> {
    if (this.#active++ === 0) this.#since = performance.now();
    try {
      return await call();
    } finally {
      if (--this.#active === 0) this.#total += performance.now() - this.#since;
    }
  }
}
