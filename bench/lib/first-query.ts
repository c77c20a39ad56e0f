/**
 * A first search as a reader makes it: a fresh browser context (empty cache) opens
 * /search/, waits until the search is ready, types a query at 120 ms a key, and we take the
 * time from the last keystroke to the first result on screen and every byte fetched, from
 * opening the page to the settled results (as sent, and as gzip would send them).
 */
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { launchBrowser } from "../../tests/support/browser.ts";
import { serveStatic } from "../../tests/support/static-server.ts";

export const BENCH_QUERIES = ["cooperation", "energy forum", "Baku"];
const KEY_DELAY_MS = 120;

export interface FirstQuery {
  query: string;
  /** Last keystroke to the first result shown. */
  ms: number;
  /** Bytes fetched opening /search/ until it is ready to search (HTML, CSS, JS, index entry). */
  pageBytes: number;
  /** Bytes fetched by the query itself, from the first keystroke to the settled results. */
  queryBytes: number;
  /** Both, as gzip would send them (Pagefind's own files are gzipped already). */
  gzipBytes: number;
}

function countTransfer(page: Page) {
  const totals = { files: 0, bytes: 0, gzipBytes: 0 };
  const pending: Promise<void>[] = [];
  page.on("response", (response) => {
    pending.push(
      response
        .body()
        .then((body) => {
          totals.files += 1;
          totals.bytes += body.length;
          totals.gzipBytes += Math.min(body.length, gzipSync(body).length);
        })
        .catch(() => {}),
    );
  });
  return async () => {
    await Promise.all(pending.splice(0));
    return { ...totals };
  };
}

export async function measureFirstQueries(
  dist: string,
  queries: readonly string[] = BENCH_QUERIES,
): Promise<FirstQuery[]> {
  const server = await serveStatic(dist);
  const browser = await launchBrowser();
  const measured: FirstQuery[] = [];
  try {
    for (const query of ["warm-up", ...queries]) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const transferred = countTransfer(page);
      await page.goto(`${server.origin}/search/`);
      await page.waitForSelector('[data-search][data-status="ready"]', { timeout: 120_000 });
      await page.waitForLoadState("networkidle");
      const loaded = await transferred();
      await page.evaluate((q) => {
        const marks = { lastKey: 0, firstResult: 0 };
        (window as unknown as { marks: typeof marks }).marks = marks;
        document
          .querySelector("#search-q")!
          .addEventListener("keydown", () => (marks.lastKey = performance.now()), true);
        // The results are on screen when the summary names the whole query.
        const summary = document.querySelector("[data-search-summary]")!;
        new MutationObserver(() => {
          if (!marks.firstResult && summary.textContent?.includes(`“${q}”`)) {
            marks.firstResult = performance.now();
          }
        }).observe(summary, { childList: true, characterData: true, subtree: true });
      }, query);
      await page.locator("#search-q").pressSequentially(query, { delay: KEY_DELAY_MS });
      await page.waitForFunction(
        () => (window as unknown as { marks: { firstResult: number } }).marks.firstResult > 0,
        null,
        { timeout: 60_000 },
      );
      const marks = await page.evaluate(
        () => (window as unknown as { marks: { lastKey: number; firstResult: number } }).marks,
      );
      await page.waitForLoadState("networkidle");
      const total = await transferred();
      if (query !== "warm-up") {
        measured.push({
          query,
          ms: marks.firstResult - marks.lastKey,
          pageBytes: loaded.bytes,
          queryBytes: total.bytes - loaded.bytes,
          gzipBytes: total.gzipBytes,
        });
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return measured;
}
