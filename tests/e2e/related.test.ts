/**
 * Related coverage on article pages: a small archive (the seed, the hand-written articles
 * and one report of an event) is built, a second source's report of the event is added
 * and the site rebuilt incrementally, then read in Chromium with JavaScript off. The pair
 * must link to each other; an article on nothing else must show no block; the pages pass
 * the HTML, accessibility and link gates.
 */
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { beforeAll } from "../support/hooks.ts";
import { buildSite, type BuildResult } from "../support/build-site.ts";
import { serveStatic, type StaticServer } from "../support/static-server.ts";
import { launchBrowser } from "../support/browser.ts";
import { axeViolations } from "../support/browser-gates.ts";
import { validateHtml } from "../support/html-validate.ts";
import { findBrokenLinks } from "../support/link-check.ts";
import {
  HAND_WRITTEN_ARTICLES,
  SAME_EVENT_ARTICLES,
  SEED,
  writeFixtureArchive,
} from "../support/fixture-archive.ts";
import { permalinkFor } from "../../src/lib/permalink.ts";
import { siteUrlFrom } from "../../src/lib/site.ts";
import { slugify } from "../../src/lib/slug.ts";

const [QUAKE_A, QUAKE_B] = SAME_EVENT_ARTICLES.map((article) => ({
  ...article,
  path: permalinkFor({ date: article.date, slug: slugify(article.title) }),
})) as [
  (typeof SAME_EVENT_ARTICLES)[number] & { path: string },
  (typeof SAME_EVENT_ARTICLES)[number] & { path: string },
];
const STORM_PATH = "/articles/2020/12/09/winter-storm-closes-mountain-roads/";

let distDir: string;
let first: BuildResult;
let again: BuildResult;
/** The first report's page before the second arrived. */
let firstQuakePage: string;
let server: StaticServer;
let browser: Browser;
let noJs: BrowserContext;

const setUpDone = beforeAll(async () => {
  const archive = await mkdtemp(join(tmpdir(), "news-archive-related-"));
  await writeFixtureArchive(archive, [...HAND_WRITTEN_ARTICLES, QUAKE_A]);
  first = await buildSite(archive);
  assert.equal(first.code, 0, first.output);
  firstQuakePage = await readFile(join(first.outDir, QUAKE_A.path, "index.html"), "utf8");
  // The other source's report arrives; rebuilt with the kept output and cache.
  await writeFixtureArchive(archive, [QUAKE_B], { seed: false });
  again = await buildSite(archive, { outDir: first.outDir });
  assert.equal(again.code, 0, again.output);
  distDir = again.outDir;
  server = await serveStatic(distDir);
  browser = await launchBrowser();
  noJs = await browser.newContext({ javaScriptEnabled: false });
});

after(async () => {
  await setUpDone();
  await noJs?.close();
  await browser?.close();
  await server?.close();
});

async function open(path: string): Promise<Page> {
  const page = await noJs.newPage();
  const response = await page.goto(`${server.origin}${path}`);
  assert.equal(response?.status(), 200, `status of ${path}`);
  return page;
}

const related = (page: Page) => page.getByRole("navigation", { name: "Related coverage" });

const fileOf = (path: string) => join(distDir, path, "index.html");

describe("related coverage", () => {
  test("two sources reporting one event link to each other, with source and date", async () => {
    const page = await open(QUAKE_A.path);
    const items = related(page).getByRole("listitem");
    assert.deepEqual(
      (await items.allInnerTexts()).map((t) => t.replace(/\s+/g, " ").trim()),
      [`${QUAKE_B.title} · ${QUAKE_B.source} · 8 February 2021`],
    );
    assert.equal(await related(page).locator("time").getAttribute("datetime"), QUAKE_B.date);

    await related(page).getByRole("link", { name: QUAKE_B.title }).click();
    assert.equal(new URL(page.url()).pathname, QUAKE_B.path);
    assert.deepEqual(await related(page).getByRole("link").allInnerTexts(), [QUAKE_A.title]);
    await related(page).getByRole("link").click();
    assert.equal(new URL(page.url()).pathname, QUAKE_A.path);
    await page.close();
  });

  test("an added report leaves the pages it does not relate to (nor neighbour) as they were", () => {
    // Astro logs each page: `(+12ms)` rendered; `(cached)` or `(restored)` kept.
    const line = (path: string) =>
      again.output.split("\n").find((l) => l.includes(` ${path}index.html `)) ?? "(not listed)";
    assert.ok(!firstQuakePage.includes("Related coverage"), "alone, the report had none");
    assert.match(line(QUAKE_B.path), /\(\+[\d.]+m?s\)/, "the added report is rendered");
    for (const path of [
      SEED.path,
      "/articles/2020/03/01/orchestra-announces-its-spring-season/",
      "/articles/2018/10/20/harvest-festival-draws-visitors-to-guba/",
    ])
      assert.match(line(path), /\((cached|restored)\)\s*$/, path);
  });

  test("an article on nothing else shows no related coverage", async () => {
    for (const path of [STORM_PATH, SEED.path]) {
      const page = await open(path);
      assert.equal(await related(page).count(), 0, path);
      assert.ok(!(await readFile(fileOf(path), "utf8")).includes("Related coverage"), path);
      await page.close();
    }
  });

  test("related coverage adds no script to the page", async () => {
    const scripts = async (path: string) =>
      (await readFile(fileOf(path), "utf8")).match(/<script\b/gi)?.length ?? 0;
    assert.equal(await scripts(QUAKE_A.path), await scripts(STORM_PATH));
    const page = await open(QUAKE_A.path);
    assert.equal(await related(page).locator("script").count(), 0);
    await page.close();
  });

  test("pages with related coverage pass the HTML, accessibility and link gates", async () => {
    const errors = await validateHtml([fileOf(QUAKE_A.path), fileOf(QUAKE_B.path)]);
    assert.deepEqual(
      errors.map((e) => `${e.file}:${e.line}: ${e.message}`),
      [],
    );
    const pages = [QUAKE_A, QUAKE_B].map(({ path }) => ({
      route: "articles/[year]/[month]/[day]/[slug]/index.astro",
      kind: "page" as const,
      url: path,
    }));
    for (const scheme of ["light", "dark"] as const) {
      assert.deepEqual(await axeViolations(browser, server.origin, pages, scheme), [], scheme);
    }
    const broken = await findBrokenLinks(distDir, siteUrlFrom(process.env));
    assert.deepEqual(
      broken.map((b) => `${b.page}: ${b.url} (${b.reason})`),
      [],
    );
  });
});
