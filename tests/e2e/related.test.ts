/**
 * Related coverage on article pages: a small archive (the seed, the hand-written articles
 * and one event reported by two sources) is built, a follow-up months later is added and
 * the site rebuilt incrementally, then read in Chromium with JavaScript off. The reports
 * must link to each other; an article on nothing else must show no block; the pages pass
 * the HTML, accessibility and link gates.
 */
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { beforeAll } from "../support/hooks.ts";
import { buildSite, type BuildResult, testFolder } from "../support/build-site.ts";
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
import type { FixtureArticle } from "../support/fixture-archive.ts";
import { permalinkFor } from "../../src/lib/permalink.ts";
import { siteUrlFrom } from "../../src/lib/site.ts";
import { slugify } from "../../src/lib/slug.ts";

/** A follow-up of the event, far enough in time to be neither report's neighbour. */
const FOLLOW_UP: FixtureArticle = {
  title: "Shamakhi rebuilds houses damaged by the February earthquake",
  date: "2021-05-20",
  source: "Azernews",
  body: "Builders have restored most of the old houses in Shamakhi that the magnitude 5.2 earthquake damaged in February, the district administration said.\n\nSchools inspected after the tremor reopened in March.",
};
const withPath = (article: FixtureArticle) => ({
  ...article,
  path: permalinkFor({ date: article.date, slug: slugify(article.title) }),
});
const [QUAKE_A, QUAKE_B] = SAME_EVENT_ARTICLES.map(withPath) as [
  ReturnType<typeof withPath>,
  ReturnType<typeof withPath>,
];
const LATER = withPath(FOLLOW_UP);
const STORM_PATH = "/articles/2020/12/09/winter-storm-closes-mountain-roads/";

let distDir: string;
let first: BuildResult;
let again: BuildResult;
let clean: BuildResult;
/** The first report's page before the follow-up arrived. */
let firstQuakePage: string;
let server: StaticServer;
let browser: Browser;
let noJs: BrowserContext;

let archive: string;

const setUpDone = beforeAll(async () => {
  archive = await testFolder("related-");
  await writeFixtureArchive(archive, [...HAND_WRITTEN_ARTICLES, ...SAME_EVENT_ARTICLES]);
  first = await buildSite(archive);
  assert.equal(first.code, 0, first.output);
  firstQuakePage = await readFile(join(first.outDir, QUAKE_A.path, "index.html"), "utf8");
  // The follow-up arrives; rebuilt with the kept output and cache, as a deploy job does.
  await writeFixtureArchive(archive, [FOLLOW_UP], { seed: false });
  again = await buildSite(archive, { outDir: first.outDir });
  assert.equal(again.code, 0, again.output);
  // The others' words come from the build cache; the lists still equal a clean build's.
  assert.match(again.output, /Related coverage: 1 of \d+ bodies counted afresh/);
  distDir = again.outDir;
  clean = await buildSite(archive);
  assert.equal(clean.code, 0, clean.output);
  server = await serveStatic(distDir);
  browser = await launchBrowser();
  noJs = await browser.newContext({ javaScriptEnabled: false });
});

after(async () => {
  await setUpDone();
  await noJs?.close();
  await browser?.close();
  await server?.close();
  if (archive) await rm(archive, { recursive: true, force: true });
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
      [
        `${QUAKE_B.title} · ${QUAKE_B.source} · 8 February 2021`,
        `${LATER.title} · ${LATER.source} · 20 May 2021`,
      ],
    );
    assert.deepEqual(
      await related(page)
        .locator("time")
        .evaluateAll((times) => times.map((t) => t.getAttribute("datetime"))),
      [QUAKE_B.date, LATER.date],
    );

    await related(page).getByRole("link", { name: QUAKE_B.title }).click();
    assert.equal(new URL(page.url()).pathname, QUAKE_B.path);
    assert.deepEqual(await related(page).getByRole("link").allInnerTexts(), [
      QUAKE_A.title,
      LATER.title,
    ]);
    await related(page).getByRole("link", { name: QUAKE_A.title }).click();
    assert.equal(new URL(page.url()).pathname, QUAKE_A.path);
    await page.close();
  });

  test("an added follow-up renders again the reports it relates to, and keeps unrelated pages", () => {
    // Astro logs each page: `(+12ms)` rendered; `(cached)` or `(restored)` kept.
    const line = (path: string) =>
      again.output.split("\n").find((l) => l.includes(` ${path}index.html `)) ?? "(not listed)";
    assert.ok(firstQuakePage.includes(QUAKE_B.title), "before, the first report listed the other");
    assert.ok(!firstQuakePage.includes(LATER.title));
    // Neither report is the follow-up's neighbour in time: only their lists changed.
    for (const path of [LATER.path, QUAKE_A.path, QUAKE_B.path])
      assert.match(line(path), /\(\+[\d.]+m?s\)/, `${path} rendered`);
    for (const path of [
      SEED.path,
      STORM_PATH,
      "/articles/2020/03/01/orchestra-announces-its-spring-season/",
    ])
      assert.match(line(path), /\((cached|restored)\)\s*$/, path);
  });

  test("the incremental build's pages are, byte for byte, a clean build's", async () => {
    const pages = async (dir: string) =>
      (await readdir(dir, { recursive: true })).filter((file) => file.endsWith(".html")).sort();
    const files = await pages(again.outDir);
    assert.deepEqual(files, await pages(clean.outDir));
    const differing: string[] = [];
    for (const file of files) {
      const [kept, fresh] = await Promise.all(
        [again.outDir, clean.outDir].map((dir) => readFile(join(dir, file))),
      );
      if (!kept!.equals(fresh!)) differing.push(file);
    }
    assert.deepEqual(differing, []);
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
