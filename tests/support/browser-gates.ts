/**
 * The gates that need a browser, run over the pages the route coverage gate picked:
 * axe-core with the WCAG 2.2 A/AA rules, and a clean console with no request leaving the
 * site's origin.
 */
import { createRequire } from "node:module";
import type { AxeResults, RunOptions } from "axe-core";
import type { Browser, Page } from "playwright-core";
import { watchConsole } from "./browser.ts";
import type { CheckedPage } from "./site-pages.ts";

const { source: axeSource } = createRequire(import.meta.url)("axe-core") as { source: string };

/** The axe rule tags the accessibility gate runs: WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * A redirect page (an alias) leaves at once; hold it so axe checks what a reader sees on it.
 * Only the delay of its meta refresh changes. (Routing turns off the HTTP cache, so only
 * redirect pages are routed.)
 */
async function holdRedirect(page: Page, origin: string, url: string): Promise<void> {
  await page.route(`${origin}${url}`, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(
      /(<meta\b[^>]*http-equiv="refresh"[^>]*content=")0;/i,
      "$186400;",
    );
    await route.fulfill({ response, body });
  });
}

/** The axe API the injected script puts on `window`. */
interface AxeGlobal {
  axe: { run: (context: Document, options: RunOptions) => Promise<AxeResults> };
}

/** `rule: help (targets)` for every axe violation of the rules tagged `tags` on `page`. */
export async function axeViolationsOn(page: Page, tags: readonly string[]): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const result = await (window as unknown as AxeGlobal).axe.run(document, {
      runOnly: { type: "tag", values: [...tags] },
    });
    return result.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
    );
  }, tags);
}

/** `route url: rule: help (targets)` for every axe violation on the pages. */
export async function axeViolations(
  browser: Browser,
  origin: string,
  pages: readonly CheckedPage[],
  colorScheme: "light" | "dark" = "light",
): Promise<string[]> {
  // axe is injected as a script, which the site's own CSP rightly refuses.
  const context = await browser.newContext({ colorScheme, bypassCSP: true });
  const failures: string[] = [];
  for (const { route, url, redirect } of pages) {
    const page = await context.newPage();
    if (redirect) await holdRedirect(page, origin, url);
    await page.goto(`${origin}${url}`);
    await page.waitForLoadState("networkidle");
    const violations = await axeViolationsOn(page, WCAG_TAGS);
    failures.push(...violations.map((v) => `${route} ${url}: ${v}`));
    await page.close();
  }
  await context.close();
  return failures;
}

/**
 * `route url: problem` for every request to another origin (recorded, then aborted so it
 * never leaves the machine), console error, page error and failed request on the pages.
 * A 404 page may log its own 404; a redirect page's requests cut short by its leaving
 * (net::ERR_ABORTED) are no failure.
 */
export async function offsiteAndConsoleProblems(
  browser: Browser,
  origin: string,
  pages: readonly CheckedPage[],
): Promise<string[]> {
  const failures: string[] = [];
  const context = await browser.newContext();
  for (const { route, url, redirect } of pages) {
    const page = await context.newPage();
    const problems = watchConsole(page);
    const offsite = (target: string) => !target.startsWith(origin) && !/^(blob|data):/.test(target);
    page.on("request", (request) => {
      if (offsite(request.url())) failures.push(`${route} ${url}: request to ${request.url()}`);
    });
    await page.route(
      (target) => offsite(target.href),
      (request) => request.abort(),
    );
    const response = await page.goto(`${origin}${url}`);
    await page.waitForLoadState("networkidle");
    const expected404 = url === "/404.html" || response?.status() === 404;
    for (const p of problems) {
      if (expected404 && /404/.test(p)) continue;
      if (redirect && /^request failed: .* \(net::ERR_ABORTED\)$/.test(p)) continue;
      failures.push(`${route} ${url}: ${p}`);
    }
    await page.close();
  }
  await context.close();
  return failures;
}
