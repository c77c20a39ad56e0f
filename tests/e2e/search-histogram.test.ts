/**
 * Results over time (issue 17): the histogram above the search results, end to end on a
 * fixture archive indexed in several shards. Expected counts come from the fixture's own
 * articles, counted here.
 */
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Browser, Page } from "playwright-core";
import { beforeAll } from "../support/hooks.ts";
import { buildSite, testFolder } from "../support/build-site.ts";
import { serveStatic, type StaticServer } from "../support/static-server.ts";
import { launchBrowser, watchConsole } from "../support/browser.ts";
import { openWatched, settled, type WatchedPage } from "../support/search-page.ts";
import { axeViolationsOn, WCAG_TAGS } from "../support/browser-gates.ts";
import { writeSearchArchive, type FixtureArticle } from "../support/search-fixture.ts";
import { PAGE_SIZE } from "../../src/client/search-protocol.ts";

const WORD = "harbour";
const pad = (n: number) => String(n).padStart(2, "0");

/**
 * [date, does it mention the word]: a year without any (2016) sits between years with
 * some, and more match than the first page of results shows (the counts are of them all).
 */
const DATES: [string, boolean][] = [
  ["2015-02-10", true],
  ["2015-10-03", true],
  ["2016-04-22", false],
  ["2017-01-05", true],
  ["2017-01-19", true],
  ["2017-06-30", true],
  ["2017-08-08", false],
  ...Array.from({ length: 10 }, (_, i): [string, boolean] => [
    `2017-${pad(i + 2)}-${pad(i + 3)}`,
    true,
  ]),
  ["2018-09-14", true],
  ["2019-03-02", true],
  ["2019-11-27", true],
  ["2019-12-01", false],
];

const ARTICLES: FixtureArticle[] = DATES.map(([date, mentions], i) => ({
  slug: `report-${i + 1}`,
  title: `Report number ${i + 1}`,
  date,
  source: i % 2 ? "Azernews" : "Trend",
  author: "Kamran Mammadov",
  body: mentions
    ? `Ships waited in the ${WORD} of Baku on day ${i + 1}.`
    : `Mountain roads reopened on day ${i + 1}.`,
}));

const MATCHING = ARTICLES.filter((article) => article.body.includes(WORD));
assert.ok(MATCHING.length > PAGE_SIZE, "more matches than one page of results");

/** Matching articles per period (`YYYY` or `YYYY-MM`), from the fixture. */
function expectedCount(period: string): number {
  return MATCHING.filter((article) => article.date.startsWith(period)).length;
}

let server: StaticServer;
let browser: Browser;

const setUpDone = beforeAll(async () => {
  const archive = await testFolder("histogram-");
  await writeSearchArchive(archive, ARTICLES);
  // At most 3 articles a shard: results arrive in several steps, newest first.
  const build = await buildSite(archive, { env: { SEARCH_SHARD_PAGES: "3" } });
  assert.equal(build.code, 0, build.output);
  server = await serveStatic(build.outDir);
  browser = await launchBrowser();
});

after(async () => {
  await setUpDone();
  await browser?.close();
  await server?.close();
});

/** A page under the site's own CSP, checked at the end for a clean console and no request elsewhere. */
async function open(path: string): Promise<WatchedPage> {
  const opened = await openWatched(browser, server.origin, path);
  await settled(opened.page);
  return opened;
}

/** The histogram's table: [period label, count] per row. */
async function tableRows(page: Page): Promise<[string, number][]> {
  return page
    .locator("[data-histogram-rows] tr")
    .evaluateAll((rows) =>
      rows.map((row) => [
        row.querySelector("th")!.textContent ?? "",
        Number((row.querySelector("td")!.textContent ?? "").replace(/,/g, "")),
      ]),
    );
}

/** The periods the table links to, in order (`2019`, `2019-03`). */
async function tablePeriods(page: Page): Promise<string[]> {
  return page
    .locator("[data-histogram-rows] a")
    .evaluateAll((links) => links.map((a) => a.getAttribute("data-period") ?? ""));
}

/** Periods and heights of the chart's bars. */
async function bars(page: Page): Promise<{ period: string; height: number }[]> {
  return page.locator("[data-histogram-chart] [data-period]").evaluateAll((groups) =>
    groups.map((group) => ({
      period: group.getAttribute("data-period") ?? "",
      height: Number(group.querySelector(".histogram-bar")!.getAttribute("height")),
    })),
  );
}

async function resultDates(page: Page): Promise<string[]> {
  return page
    .locator(".search-result time")
    .evaluateAll((times) => times.map((time) => time.getAttribute("datetime") ?? "").sort());
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August"]
  .concat(["September", "October", "November", "December"])
  .map((name, i) => ({ name, number: pad(i + 1) }));

const yearsOfMatches = MATCHING.map((article) => Number(article.date.slice(0, 4)));
const FIRST_YEAR = Math.min(...yearsOfMatches);
const LAST_YEAR = Math.max(...yearsOfMatches);
const YEARS = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => String(FIRST_YEAR + i));

describe("search: results over time", () => {
  test("the table counts the matching articles of every year, the bars match it", async () => {
    const { page, close } = await open(`/search/?q=${WORD}`);
    assert.equal(await page.locator("[data-search-histogram]").isVisible(), true);
    assert.equal(
      await page.locator("[data-histogram-caption]").innerText(),
      `Matching articles per year, ${FIRST_YEAR}–${LAST_YEAR}`,
    );
    assert.deepEqual(
      await tableRows(page),
      YEARS.map((year) => [year, expectedCount(year)]),
    );
    const drawn = await bars(page);
    assert.deepEqual(
      drawn.map((bar) => bar.period),
      YEARS,
    );
    const tallest = YEARS.reduce((a, b) => (expectedCount(b) > expectedCount(a) ? b : a));
    for (const { period, height } of drawn) {
      if (expectedCount(period) === 0) assert.equal(height, 0, `${period}: no bar`);
      else if (period === tallest) assert.equal(height, 100, `${period}: the tallest`);
      else assert.ok(height > 0 && height < 100, `${period}: ${height}`);
    }
    await close();
  });

  test("clicking a bar sets the date range to its year, shown per month", async () => {
    const { page, close } = await open(`/search/?q=${WORD}`);
    const year = "2017";
    await page.locator(`[data-histogram-chart] [data-period="${year}"] .histogram-bar`).click();
    await page.waitForURL(/from=2017/);
    await settled(page);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get("from"), year);
    assert.equal(url.searchParams.get("to"), year);
    assert.equal(url.searchParams.get("q"), WORD);
    assert.equal(await page.getByLabel("From").inputValue(), year);
    assert.equal(await page.getByLabel("To").inputValue(), year);
    assert.match(
      await page.locator("[data-search-summary]").innerText(),
      new RegExp(`^${expectedCount(year)} results for “${WORD}” \\(filtered\\)\\.`),
    );
    const shown = await resultDates(page);
    assert.ok(shown.length > 0 && shown.every((date) => date.startsWith(year)), String(shown));
    assert.deepEqual(
      await tableRows(page),
      MONTHS.map(({ name, number }) => [`${name} ${year}`, expectedCount(`${year}-${number}`)]),
    );
    assert.equal(
      await page.locator("[data-histogram-caption]").innerText(),
      `Matching articles per month, January–December ${year}`,
    );
    await page.goBack();
    await settled(page);
    assert.equal(new URL(page.url()).searchParams.get("from"), null, "back: the range goes");
    assert.deepEqual(await tablePeriods(page), YEARS);
    await close();
  });

  test("a range of one year opens per month; Enter on a month in the table narrows to it", async () => {
    const { page, close } = await open(`/search/?q=${WORD}&from=2019&to=2019`);
    assert.deepEqual(
      await tablePeriods(page),
      MONTHS.map(({ number }) => `2019-${number}`),
    );
    await page.getByText("Show as a table").click();
    const march = page.getByRole("link", { name: "March 2019", exact: true });
    assert.equal(
      await march.getAttribute("href"),
      `/search/?q=${WORD}&from=2019-03&to=2019-03`,
      "a link to the narrowed search (a new tab opens it too)",
    );
    await march.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/from=2019-03/);
    await settled(page);
    assert.equal(new URL(page.url()).searchParams.get("to"), "2019-03");
    assert.deepEqual(
      await resultDates(page),
      MATCHING.filter((article) => article.date.startsWith("2019-03")).map((a) => a.date),
    );
    assert.deepEqual(await tableRows(page), [["March 2019", expectedCount("2019-03")]]);
    assert.equal(
      await page.evaluate(() => document.activeElement?.matches("[data-search-histogram]")),
      true,
      "focus stays at the histogram",
    );
    await close();
  });

  test("drawn from what has arrived, before the last shard answers", async () => {
    const { page, close } = await open(`/search/`);
    assert.equal(await page.locator("[data-search-histogram]").isVisible(), false, "no query");
    await page.evaluate(() => {
      const seen: { status: string; periods: string[] }[] = [];
      (window as unknown as { seen: typeof seen }).seen = seen;
      const root = document.querySelector<HTMLElement>("[data-search]")!;
      new MutationObserver(() => {
        const periods = [...document.querySelectorAll("[data-histogram-rows] a")].map(
          (a) => a.getAttribute("data-period") ?? "",
        );
        seen.push({ status: root.dataset["status"] ?? "", periods });
      }).observe(root, { attributes: true, childList: true, subtree: true });
    });
    await page.getByLabel("Search words").fill(WORD);
    await page.waitForFunction(() =>
      document.querySelector("[data-search-summary]")?.textContent?.includes("harbour"),
    );
    await settled(page);
    const seen = await page.evaluate(
      () => (window as unknown as { seen: { status: string; periods: string[] }[] }).seen,
    );
    const partial = seen.find((step) => step.status === "partial" && step.periods.length > 0);
    // The newest shard holds 2019 alone: its months show while older years are searched.
    assert.ok(partial, JSON.stringify(seen.map((step) => step.status)));
    assert.deepEqual(
      partial.periods,
      MONTHS.map(({ number }) => `2019-${number}`),
    );
    assert.deepEqual(await tablePeriods(page), YEARS, "then every year");
    await page.getByLabel("Search words").fill("nothingatall");
    await page.waitForFunction(() =>
      document.querySelector("[data-search-summary]")?.textContent?.includes("nothingatall"),
    );
    await settled(page);
    assert.equal(await page.locator("[data-search-histogram]").isVisible(), false, "no results");
    await close();
  });

  for (const colorScheme of ["light", "dark"] as const) {
    test(`zero axe violations (WCAG 2.2 A/AA) with the table open, ${colorScheme}`, async () => {
      const context = await browser.newContext({ colorScheme, bypassCSP: true });
      const page = await context.newPage();
      const problems = watchConsole(page);
      for (const path of [`/search/?q=${WORD}`, `/search/?q=${WORD}&from=2019&to=2019`]) {
        await page.goto(`${server.origin}${path}`);
        await settled(page);
        await page.getByText("Show as a table").click();
        assert.deepEqual(await axeViolationsOn(page, WCAG_TAGS), [], path);
      }
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});
