/**
 * The summary line above the search results and its polite live region: the summary
 * changes at once, screen readers hear the same words once typing pauses, so a count is
 * not read out at every keystroke.
 */

/** Quiet time before the result count is announced. */
const ANNOUNCE_DELAY_MS = 600;

export class SearchSummary {
  readonly #summary: HTMLElement;
  readonly #status: HTMLElement;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** `root`: the element holding `[data-search-summary]` and `[data-search-status]`. */
  constructor(root: HTMLElement) {
    this.#summary = root.querySelector<HTMLElement>("[data-search-summary]")!;
    this.#status = root.querySelector<HTMLElement>("[data-search-status]")!;
  }

  get text(): string {
    return this.#summary.textContent ?? "";
  }

  /** Shows `text`; with `announce`, also reads it out once the page is quiet. */
  show(text: string, { announce = false } = {}): void {
    this.#summary.textContent = text;
    if (announce) this.announce();
  }

  /** Reads out what the summary says now, after a quiet time. */
  announce(): void {
    clearTimeout(this.#timer);
    const text = this.text;
    this.#timer = setTimeout(() => {
      this.#status.textContent = text;
    }, ANNOUNCE_DELAY_MS);
  }

  /** Nothing left to announce (the search was cleared). */
  silence(): void {
    this.#status.textContent = "";
  }
}
