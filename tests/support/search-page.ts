/**
 * The search page as the e2e files drive it: a page watched for console problems and
 * requests that leave the site, typing as a reader does, and reading the results shown.
 */
import assert from "node:assert/strict";
import type { Browser, Page } from "playwright-core";
import { watchConsole } from "./browser.ts";

export interface WatchedPage {
  page: Page;
  /** Console errors and warnings, and requests to anywhere but `origin`. */
  problems: string[];
  /** Checks that no problem came up, then closes the page. */
  close: () => Promise<void>;
}

/** A new page at `origin` + `path`, watched (see WatchedPage). */
export async function openWatched(
  browser: Browser,
  origin: string,
  path: string,
): Promise<WatchedPage> {
  const page = await browser.newPage();
  const problems = watchConsole(page);
  page.on("request", (request) => {
    if (!request.url().startsWith(origin) && !request.url().startsWith("data:")) {
      problems.push(`external request: ${request.url()}`);
    }
  });
  await page.goto(`${origin}${path}`);
  return {
    page,
    problems,
    close: async () => {
      assert.deepEqual(problems, [], "console and network stay clean");
      await page.close();
    },
  };
}

/** Waits until the search page shows the results and counts of its latest state. */
export async function settled(page: Page): Promise<void> {
  await page.waitForSelector('[data-search][data-status="ready"]', { timeout: 10_000 });
}

/** Slugs of the results shown, in order. */
export async function resultSlugs(page: Page): Promise<string[]> {
  const paths = await page
    .locator(".search-result h3 a")
    .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
  return paths.map((path) => path.split("/").filter(Boolean).pop()!);
}

/** Types a query into the box key by key, as a reader would, and waits for its answer. */
export async function typeQuery(page: Page, text: string, delay = 20): Promise<void> {
  const input = page.getByLabel("Search words");
  await input.fill("");
  await input.pressSequentially(text, { delay });
  await page.waitForFunction(
    (q) => document.querySelector("[data-search-summary]")?.textContent?.includes(q) ?? false,
    text,
  );
  await settled(page);
}
