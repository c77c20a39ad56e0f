/**
 * Which of a build's pages are written so far, told by the order they are generated in.
 * Astro generates the pages its routes list in the order they were listed, at most
 * `build.concurrency` at a time (a page is done once written, or kept from the last build),
 * starting the next as soon as one is done. It calls the renderer as a page starts, and
 * writes the file after the render returns. So when a page starts rendering while the
 * others at work are all still rendering, every other page listed before it is on disk: the
 * search index can read a year's article pages while later ones render. (With one at a
 * time, that holds at every page.) When another page may be being written or copied, this
 * waits for the next page that tells.
 *
 * Pages are told apart by their path without leading and trailing slashes, decoded, so the
 * pathnames of Astro's routes, its page names and request URLs name the same page.
 */

/** A pathname as this module compares it: `articles/2019/12/11/slug`. */
export function pageKey(pathname: string): string {
  let decoded = pathname;
  try {
    decoded = decodeURI(pathname);
  } catch {
    // A malformed escape: compared as given.
  }
  return decoded.replace(/^\/+|\/+$/g, "");
}

/** Pages rendering now, by key: their positions (`Infinity` for one not in the order). */
type Rendering = Map<string, number>;

interface Waiter {
  /** Settles once the pages before this position are written. */
  until: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

export class WrittenPages {
  /** Each page's position in the order they are generated (the first, if listed twice). */
  readonly #position = new Map<string, number>();
  /** The pages before this position are written. */
  #written = 0;
  #failure: { error: Error } | null = null;
  #waiters: Waiter[] = [];
  /** Pages at work at once (Astro's `build.concurrency`). */
  readonly #atOnce: number;
  readonly #rendering: Rendering = new Map();

  /**
   * `order`: every page the build generates, in the order it generates them; `atOnce`: how
   * many it generates at a time.
   */
  constructor(order: Iterable<string>, atOnce = 1) {
    if (!Number.isInteger(atOnce) || atOnce < 1) {
      throw new Error(`pages generated at once must be a whole number, 1 or more: ${atOnce}`);
    }
    this.#atOnce = atOnce;
    for (const pathname of order) {
      const key = pageKey(pathname);
      if (!this.#position.has(key)) this.#position.set(key, this.#position.size);
    }
  }

  /**
   * Where the last of `pages` stands in the order: pages at lower positions are written
   * before it. `Infinity` if one of them is not in the order (it is written, as far as this
   * knows, only when all are); -1 for no pages.
   */
  lastOf(pages: Iterable<string>): number {
    let last = -1;
    for (const pathname of pages) {
      last = Math.max(last, this.#position.get(pageKey(pathname)) ?? Infinity);
    }
    return last;
  }

  /**
   * `pathname` starts rendering. If every other page at work is rendering, all pages
   * before it but those are written.
   */
  starting(pathname: string): void {
    const key = pageKey(pathname);
    const at = this.#position.get(key);
    if (at !== undefined && this.#rendering.size >= this.#atOnce - 1) {
      const upTo = Math.min(at, ...this.#rendering.values());
      if (upTo > this.#written) this.#advance(upTo);
    }
    this.#rendering.set(key, at ?? Infinity);
  }

  /** `pathname` is rendered: Astro writes it next, then starts another page. */
  rendered(pathname: string): void {
    this.#rendering.delete(pageKey(pathname));
  }

  /** Every page is written. */
  finished(): void {
    this.#advance(Infinity);
  }

  /** Generating failed: the pages not yet written will not be; their waiters get `error`. */
  failed(error: unknown): void {
    if (this.#failure || this.#written === Infinity) return;
    this.#failure = { error: error instanceof Error ? error : new Error(String(error)) };
    for (const waiter of this.#waiters) waiter.reject(this.#failure.error);
    this.#waiters = [];
  }

  /** Settles when every one of `pages` is written; rejects if generating fails first. */
  whenWritten(pages: Iterable<string>): Promise<void> {
    const until = this.lastOf(pages) + 1;
    if (until <= this.#written) return Promise.resolve();
    if (this.#failure) return Promise.reject(this.#failure.error);
    return new Promise((resolve, reject) => this.#waiters.push({ until, resolve, reject }));
  }

  #advance(to: number): void {
    if (this.#failure) return;
    this.#written = to;
    this.#waiters = this.#waiters.filter((waiter) => {
      if (waiter.until > to) return true;
      waiter.resolve();
      return false;
    });
  }
}

/** What this module needs of a path Astro's routes list (its `PathWithRoute`). */
export interface ListedPath {
  pathname: string;
  route: { type: string };
}

/**
 * What Astro generates from the paths its routes list, in the order it generates them: a
 * pathname listed twice once, at its first place (Astro skips the later one), fallback
 * routes after the others. `pages`: those of page routes (Astro's page list leaves out
 * endpoints, redirects and fallbacks), each named as that list names it
 * (`articles/2019/12/11/slug/`, as `trailingSlash: "always"` and directory format give), so
 * both lists key a search shard the same.
 */
export function generation(paths: readonly ListedPath[]): { order: string[]; pages: string[] } {
  const seen = new Set<string>();
  const order: string[] = [];
  const fallbacks: string[] = [];
  const pages: string[] = [];
  for (const { pathname, route } of paths) {
    const key = pageKey(pathname);
    if (seen.has(key)) continue;
    seen.add(key);
    (route.type === "fallback" ? fallbacks : order).push(pathname);
    if (route.type === "page") pages.push(key === "" ? "" : `${key}/`);
  }
  return { order: [...order, ...fallbacks], pages };
}
