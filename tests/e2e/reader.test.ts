/**
 * The reader's archive end to end: a fixture archive (the seed plus articles across
 * sources, authors, years and two languages, and one day of more than 50) is built, served
 * like a static host, and browsed in Chromium, mostly with JavaScript switched off.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { beforeAll } from "../support/hooks.ts";
import { buildSite, testFolder } from "../support/build-site.ts";
import { serveStatic, type StaticServer } from "../support/static-server.ts";
import { launchBrowser, watchConsole } from "../support/browser.ts";
import {
  BUSY_DAY,
  DAILY_BRIEF_COUNT,
  FIXTURE_ARTICLES,
  SEED,
  writeFixtureArchive,
} from "../support/fixture-archive.ts";

const SITE = "http://localhost:4321";
const TOTAL = FIXTURE_ARTICLES.length + 1;
const PERMALINK = SEED.path;
const SHA256 = "e78455d13c7d6d5810c6199ec4d0279e18f00187d01322ae6fc073b404fc2a34";

/**
 * One fixture article as the importer writes a text with no headline: its title is its
 * first sentence. Its slug and place stay, so every count below is unchanged.
 */
const STORM = FIXTURE_ARTICLES.find((a) => a.title === "Winter storm closes mountain roads")!;
const STORM_TITLE =
  "Heavy snow closed three mountain roads in the north-west overnight, the roads agency said.";
const STORM_NEXT = "Crews expected to reopen two of them by the evening.";
const STORM_PATH = "/articles/2020/12/09/winter-storm-closes-mountain-roads/";
const ARTICLES = FIXTURE_ARTICLES.map((article) =>
  article === STORM
    ? { ...article, title: STORM_TITLE, slug: "winter-storm-closes-mountain-roads" }
    : article,
);

let server: StaticServer;
let browser: Browser;
/** JavaScript off: every reader page must work without it. */
let noJs: BrowserContext;
/** JavaScript on, for parsing feeds in the browser. */
let withJs: BrowserContext;

const setUpDone = beforeAll(async () => {
  const archive = await testFolder("reader-");
  assert.ok(STORM.body.startsWith(`${STORM_TITLE}\n\n${STORM_NEXT}`), "the storm's text");
  await writeFixtureArchive(archive, ARTICLES);
  const build = await buildSite(archive);
  assert.equal(build.code, 0, build.output);
  server = await serveStatic(build.outDir);
  browser = await launchBrowser();
  noJs = await browser.newContext({ javaScriptEnabled: false });
  withJs = await browser.newContext();
});

after(async () => {
  await setUpDone();
  await noJs?.close();
  await withJs?.close();
  await browser?.close();
  await server?.close();
});

const url = (path: string) => `${server.origin}${path}`;
const pathOf = (page: Page) => new URL(page.url()).pathname;
const text = async (page: Page, selector: string) =>
  (await page.locator(selector).innerText()).replace(/\s+/g, " ").trim();

async function open(path: string, context: BrowserContext = noJs): Promise<Page> {
  const page = await context.newPage();
  const response = await page.goto(url(path));
  assert.equal(response?.status(), 200, `status of ${path}`);
  return page;
}

/** Fetches a text file and parses it as XML in the browser; fails on a parser error. */
async function parseXml(page: Page, path: string): Promise<void> {
  const error = await page.evaluate(async (p) => {
    const source = await (await fetch(p)).text();
    const doc = new DOMParser().parseFromString(source, "application/xml");
    return doc.querySelector("parsererror")?.textContent ?? null;
  }, path);
  assert.equal(error, null, `${path} is not well-formed XML`);
}

describe("browsing by date, source and author", () => {
  test("a reader walks from home to a year, a month, a day, the article, its author and its source", async () => {
    const page = await open("/");
    await page
      .getByRole("navigation", { name: "Browse by year" })
      .getByRole("link", { name: "2019" })
      .click();
    assert.equal(pathOf(page), "/articles/2019/");
    assert.equal(await text(page, "h1"), "2019");

    await page.getByRole("link", { name: "December 2019", exact: true }).click();
    assert.equal(pathOf(page), "/articles/2019/12/");
    assert.equal(await text(page, "h1"), "December 2019");

    await page.getByRole("link", { name: "11 December 2019: 1 article" }).click();
    assert.equal(pathOf(page), "/articles/2019/12/11/");
    assert.equal(await text(page, "h1"), "11 December 2019");

    await page.getByRole("link", { name: SEED.title }).click();
    assert.equal(pathOf(page), PERMALINK);
    assert.equal(await text(page, "h1"), SEED.title);

    await page.locator(".byline").getByRole("link", { name: SEED.author }).click();
    assert.equal(pathOf(page), "/authors/ofeliya-afandiyeva/");
    assert.equal(await text(page, "h1"), SEED.author);
    assert.equal(await text(page, ".listing-count"), "1 article");

    await page.getByRole("link", { name: SEED.title }).click();
    await page.locator(".byline").getByRole("link", { name: SEED.source }).click();
    assert.equal(pathOf(page), "/sources/azernews/");
    assert.equal(await text(page, "h1"), SEED.source);
    await page.close();
  });

  test("/articles/ counts articles per year and per month", async () => {
    const page = await open("/articles/");
    assert.equal(await text(page, ".listing-count"), `${TOTAL} articles in 4 years`);
    const years = await page.locator(".year-list > li > h2").allInnerTexts();
    assert.deepEqual(
      years.map((y) => y.replace(/\s+/g, " ")),
      ["2021 (3 articles)", "2020 (3 articles)", "2019 (54 articles)", "2018 (1 article)"],
    );
    const months2020 = await page
      .locator(".year-list > li")
      .nth(1)
      .locator(".month-list li")
      .allInnerTexts();
    assert.deepEqual(
      months2020.map((m) => m.replace(/\s+/g, " ").trim()),
      ["March 2 articles", "December 1 article"],
    );
    await page.close();
  });

  test("days, months and years link to the previous and next that have articles", async () => {
    const table: [string, string | undefined, string | undefined][] = [
      ["/articles/2019/12/11/", "/articles/2019/03/04/", "/articles/2019/12/12/"],
      ["/articles/2019/12/", "/articles/2019/03/", "/articles/2020/03/"],
      ["/articles/2019/", "/articles/2018/", "/articles/2020/"],
      ["/articles/2021/06/30/", "/articles/2021/05/14/", undefined],
      ["/articles/2018/", undefined, "/articles/2019/"],
    ];
    /** The link's target, or undefined when there is none (without waiting for one). */
    const hrefOf = async (page: Page, selector: string) => {
      const link = page.locator(selector);
      return (await link.count()) ? ((await link.getAttribute("href")) ?? undefined) : undefined;
    };
    for (const [path, older, newer] of table) {
      const page = await open(path);
      assert.equal(await hrefOf(page, "nav.neighbours a.older"), older, `${path} older`);
      assert.equal(await hrefOf(page, "nav.neighbours a.newer"), newer, `${path} newer`);
      await page.close();
    }
  });

  test("the neighbours read as words: direction, then the date", async () => {
    const page = await open("/articles/2019/12/11/");
    const nav = page.getByRole("navigation", { name: "Earlier and later days" });
    for (const name of ["Earlier: 4 March 2019", "Later: 12 December 2019"]) {
      assert.equal(await nav.getByRole("link", { name, exact: true }).count(), 1, name);
    }
    await page.close();
  });

  test(`a day of ${DAILY_BRIEF_COUNT} articles paginates at 50, numbering on`, async () => {
    const [year, month, day] = BUSY_DAY.split("-");
    const first = `/articles/${year}/${month}/${day}/`;
    const page = await open(first);
    assert.equal(await page.locator(".article-list > li").count(), 50);
    assert.equal(
      await text(page, ".listing-count"),
      `${DAILY_BRIEF_COUNT} articles, 1–50 on this page`,
    );
    assert.equal(await text(page, ".pagination .page-number"), "Page 1 of 2");
    await page.getByRole("link", { name: "Next page" }).click();
    assert.equal(pathOf(page), `${first}page/2/`);
    assert.equal(await page.locator(".article-list > li").count(), DAILY_BRIEF_COUNT - 50);
    assert.equal(await page.locator(".article-list").getAttribute("start"), "51");
    assert.match(await page.title(), /, page 2 \|/);
    await page.getByRole("link", { name: "Previous page" }).click();
    assert.equal(pathOf(page), first);
    await page.close();
  });

  test("sources and authors: indexes with counts, and paginated pages", async () => {
    const page = await open("/sources/");
    assert.deepEqual(
      (await page.locator(".name-list li").allInnerTexts()).map((s) => s.replace(/\s+/g, " ")),
      [
        "Azernews 1 article",
        "Baku Evening Post 2 articles",
        "Caspian Herald 55 articles",
        "Daily Meridian 3 articles",
      ],
    );
    await page.getByRole("link", { name: "Caspian Herald" }).click();
    assert.equal(pathOf(page), "/sources/caspian-herald/");
    assert.equal(await text(page, ".pagination .page-number"), "Page 1 of 2");
    await page.goto(url("/authors/"));
    assert.equal(await page.locator(".name-list li").count(), 6);
    await page.getByRole("link", { name: "Leyla Məmmədova" }).click();
    assert.equal(pathOf(page), "/authors/leyla-memmedova/");
    assert.equal(await text(page, ".listing-count"), "2 articles");
    await page.close();
  });
});

describe("the article page", () => {
  let page: Page;
  before(async () => {
    page = await open(PERMALINK);
  });
  after(() => page?.close());

  test("a breadcrumb of the date hierarchy", async () => {
    const crumbs = page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link");
    assert.deepEqual(await crumbs.allInnerTexts(), ["Articles", "2019", "December", "11"]);
    assert.deepEqual(
      await crumbs.evaluateAll((links) => links.map((a) => a.getAttribute("href"))),
      ["/articles/", "/articles/2019/", "/articles/2019/12/", "/articles/2019/12/11/"],
    );
  });

  test("byline links author, source and day; reading time and section read as words", async () => {
    assert.equal(
      await text(page, ".byline"),
      "By Ofeliya Afandiyeva · Azernews · 11 December 2019",
    );
    const links = await page
      .locator(".byline a")
      .evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    assert.deepEqual(links, [
      "/authors/ofeliya-afandiyeva/",
      "/sources/azernews/",
      "/articles/2019/12/11/",
    ]);
    assert.equal(await text(page, ".reading-facts"), "2 min read · Section: Politics");
  });

  test("the SHA-256 of the original stands beside the link to original.txt", async () => {
    assert.equal(
      await text(page, ".provenance .original"),
      `Original text as archived (plain text, byte for byte; SHA-256 ${SHA256})`,
    );
  });

  test("previous and next article in time", async () => {
    const nav = page.getByRole("navigation", { name: "Earlier and later articles" });
    assert.equal(
      await nav.locator("a.older").getAttribute("href"),
      "/articles/2019/03/04/market-brief-number-1/",
    );
    assert.equal(
      await nav.locator("a.newer").getAttribute("href"),
      "/articles/2019/12/12/tennis-club-hosts-a-junior-tournament/",
    );
  });

  test("cite this article: APA, MLA and Chicago, and three downloads", async () => {
    const cite = page.getByRole("region", { name: "Cite this article" });
    const styles = await cite.locator("dt").allInnerTexts();
    assert.deepEqual(styles, ["APA", "MLA", "Chicago"]);
    const strings = (await cite.locator("dd").allInnerTexts()).map((s) => s.trim());
    assert.equal(
      strings[0],
      `Afandiyeva, O. (2019, December 11). ${SEED.title}. Azernews. ${SITE}${PERMALINK}`,
    );
    assert.equal(
      strings[1],
      `Afandiyeva, Ofeliya. “${SEED.title}.” Azernews, 11 Dec. 2019. News Archive, localhost:4321${PERMALINK}.`,
    );
    assert.equal(
      strings[2],
      `Afandiyeva, Ofeliya. “${SEED.title}.” Azernews, December 11, 2019. ${SITE}${PERMALINK}.`,
    );
    assert.equal(await cite.locator("dd cite").first().innerText(), "Azernews");
    assert.equal(
      await text(page, ".downloads"),
      "Download for a reference manager: BibTeX, RIS, CSL-JSON",
    );
    const hrefs = await cite
      .locator(".downloads a")
      .evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    assert.deepEqual(
      hrefs,
      ["bib", "ris", "json"].map((ext) => `${PERMALINK}cite.${ext}`),
    );
  });

  test("ships no JavaScript of its own: a visit requests no script", async () => {
    const html = await (await fetch(url(PERMALINK))).text();
    assert.equal(html.match(/<script type="application\/ld\+json">/g)?.length, 1);
    // Besides the JSON-LD data block, the only script allowed is the search highlighter's
    // inline loader (SearchHighlight.astro), which acts only on visits from a search result.
    const executable = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(
      ([, attributes]) => !/type="application\/ld\+json"/.test(attributes!),
    );
    assert.ok(executable.length <= 1, `${executable.length} scripts`);
    for (const [, attributes, code] of executable) {
      assert.doesNotMatch(attributes!, /\bsrc=/);
      assert.match(code!, /highlight/);
    }
    const page = await withJs.newPage();
    const requested: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "script") requested.push(request.url());
    });
    await page.goto(url(PERMALINK));
    await page.waitForLoadState("networkidle");
    assert.deepEqual(requested, []);
    await page.close();
  });

  test("NewsArticle JSON-LD parses, with headline, date, author, publisher, language and source", async () => {
    const json = await page.locator('script[type="application/ld+json"]').textContent();
    const data = JSON.parse(json!) as Record<string, unknown>;
    assert.equal(data["@context"], "https://schema.org");
    assert.equal(data["@type"], "NewsArticle");
    assert.equal(data["headline"], SEED.title);
    assert.equal(data["datePublished"], "2019-12-11");
    assert.deepEqual(data["author"], [
      { "@type": "Person", name: SEED.author, url: `${SITE}/authors/ofeliya-afandiyeva/` },
    ]);
    assert.deepEqual(data["publisher"], {
      "@type": "Organization",
      name: "Azernews",
      url: `${SITE}/sources/azernews/`,
    });
    assert.equal(data["inLanguage"], "en");
    assert.equal(data["isBasedOn"], SEED.originalUrl);
    assert.equal(data["url"], `${SITE}${PERMALINK}`);
  });

  test("Open Graph, Highwire and Twitter metadata", async () => {
    const meta = await page
      .locator("head meta[property], head meta[name]")
      .evaluateAll((tags) =>
        tags.map(
          (m) =>
            `${m.getAttribute("property") ?? m.getAttribute("name")}=${m.getAttribute("content")}`,
        ),
      );
    for (const expected of [
      "og:type=article",
      `og:title=${SEED.title}`,
      `og:url=${SITE}${PERMALINK}`,
      "article:published_time=2019-12-11",
      `article:author=${SEED.author}`,
      "article:section=Politics",
      `citation_title=${SEED.title}`,
      `citation_author=${SEED.author}`,
      "citation_publication_date=2019/12/11",
      "citation_journal_title=Azernews",
      "twitter:card=summary",
    ]) {
      assert.ok(meta.includes(expected), `missing ${expected}`);
    }
    const description = meta.find((m) => m.startsWith("description="));
    assert.equal(
      description,
      "description=Azerbaijani Defence Minister Zakir Hasanov and Ambassador of Pakistan Saeed Khan Mohmand, who is completing his diplomatic mission, have discussed military cooperation and close ties between the two countries.",
    );
  });

  test("prints the article with its permalink and citation, and nothing else", async () => {
    const print = await open(PERMALINK);
    await print.emulateMedia({ media: "print" });
    for (const hidden of [
      ".site-header",
      ".site-footer",
      ".breadcrumbs",
      ".neighbours",
      ".downloads",
      ".reading-facts",
      ".provenance .original",
    ]) {
      assert.equal(await print.locator(hidden).isVisible(), false, `${hidden} prints`);
    }
    for (const shown of ["h1", ".byline", ".article-body", ".permalink", ".cite dl"]) {
      assert.equal(await print.locator(shown).isVisible(), true, `${shown} does not print`);
    }
    await print.close();
  });

  test("body text stays literal, and an Azerbaijani article is marked as such", async () => {
    const literal = await open(
      "/articles/2020/03/15/library-opens-a-reading-room-for-the-archive-of-the-old-newspaper/",
    );
    assert.match(
      await literal.locator(".article-body").innerText(),
      /<b>Tags<\/b> and \*asterisks\* in this sentence/,
    );
    assert.equal(await literal.locator(".article-body b, .article-body em").count(), 0);
    await literal.close();
    const az = await open("/articles/2021/05/14/bakida-yeni-metro-stansiyasi-acildi/");
    assert.equal(await az.locator("html").getAttribute("lang"), "az");
    assert.equal(await az.locator(".cite").getAttribute("lang"), "en");
    assert.equal(await az.locator(".site-header").getAttribute("lang"), "en");
    // On the page before it, its title as the next article's is marked Azerbaijani too.
    const azPath = "/articles/2021/05/14/bakida-yeni-metro-stansiyasi-acildi/";
    const olderHref = await az.locator(".neighbours a.older").getAttribute("href");
    await az.close();
    assert.ok(olderHref, "the Azerbaijani article has an earlier neighbour");
    const before = await open(olderHref);
    const label = before.locator(`.neighbours a.newer[href="${azPath}"] .label`);
    assert.equal(await label.getAttribute("lang"), "az");
    await before.close();
  });
});

describe("a title taken from the article's first sentence", () => {
  test("lists show the sentence once, as the title, and the next one as the summary", async () => {
    for (const path of [
      "/articles/2020/12/09/",
      "/sources/caspian-herald/",
      "/authors/elvin-mammadov/",
      "/",
    ]) {
      const page = await open(path);
      const item = page.locator(".article-list > li", { hasText: STORM_TITLE });
      assert.equal(await item.count(), 1, `${path} lists the article`);
      assert.equal(await item.locator("h2, h3").innerText(), STORM_TITLE, path);
      assert.equal(await item.locator(".excerpt").innerText(), STORM_NEXT, path);
      await page.close();
    }
  });

  test("the page's description and the feeds' summaries do not repeat it", async () => {
    const page = await open(STORM_PATH);
    assert.equal(
      await page.locator('meta[name="description"]').getAttribute("content"),
      STORM_NEXT,
    );
    await page.close();
    const rss = await (await fetch(url("/rss.xml"))).text();
    const item = rss.split("<item>").find((part) => part.includes(STORM_PATH))!;
    assert.match(item, new RegExp(`<description>${STORM_NEXT}</description>`));
    const atom = await (await fetch(url("/atom.xml"))).text();
    const entry = atom.split("<entry ").find((part) => part.includes(STORM_PATH))!;
    assert.match(entry, new RegExp(`<summary>${STORM_NEXT}</summary>`));
  });
});

describe("citation downloads", () => {
  test("cite.bib is one BibTeX @article entry with balanced braces", async () => {
    const bib = await (await fetch(url(`${PERMALINK}cite.bib`))).text();
    assert.match(bib, /^@article\{afandiyeva2019azerbaijan,\n/);
    assert.match(bib, /\n\}\n$/);
    let depth = 0;
    for (const char of bib.replace(/\\[{}]/g, "")) {
      if (char === "{") depth++;
      if (char === "}") depth--;
      assert.ok(depth >= 0, "a brace closes before it opens");
    }
    assert.equal(depth, 0);
    const fields = Object.fromEntries(
      [...bib.matchAll(/^\s+(\w+)\s+= (.*?),?$/gm)].map((m) => [m[1]!, m[2]!] as const),
    );
    assert.deepEqual(Object.keys(fields), [
      "author",
      "title",
      "journal",
      "entrysubtype",
      "date",
      "year",
      "month",
      "url",
      "note",
    ]);
    assert.equal(fields["author"], "{Afandiyeva, Ofeliya}");
    assert.equal(fields["journal"], "{Azernews}");
    assert.equal(fields["url"], `{${SITE}${PERMALINK}}`);
  });

  test("cite.ris is a NEWS record of tagged lines ending with ER", async () => {
    const risText = await (await fetch(url(`${PERMALINK}cite.ris`))).text();
    const lines = risText.split("\r\n");
    assert.equal(lines[0], "TY  - NEWS");
    assert.equal(lines.at(-2), "ER  - ");
    for (const line of lines.slice(0, -1)) assert.match(line, /^[A-Z][A-Z0-9]  - /);
    const tags = Object.fromEntries(lines.slice(0, -1).map((l) => [l.slice(0, 2), l.slice(6)]));
    assert.equal(tags["TI"], SEED.title);
    assert.equal(tags["AU"], "Afandiyeva, Ofeliya");
    assert.equal(tags["T2"], "Azernews");
    assert.equal(tags["DA"], "2019/12/11/");
    assert.equal(tags["UR"], `${SITE}${PERMALINK}`);
  });

  test("cite.json is CSL-JSON with the required fields of an article-newspaper", async () => {
    const items: unknown = await (await fetch(url(`${PERMALINK}cite.json`))).json();
    assert.ok(Array.isArray(items) && items.length === 1);
    const item = items[0] as Record<string, unknown>;
    for (const field of ["id", "type", "title", "container-title", "issued", "author", "URL"]) {
      assert.ok(field in item, `missing ${field}`);
    }
    assert.equal(item["type"], "article-newspaper");
    assert.deepEqual(item["issued"], { "date-parts": [[2019, 12, 11]] });
    assert.deepEqual(item["author"], [{ family: "Afandiyeva", given: "Ofeliya" }]);
  });
});

describe("feeds and discovery", () => {
  test("/rss.xml is well-formed RSS with the newest 50, the seed among them", async () => {
    const page = await open("/", withJs);
    await parseXml(page, "/rss.xml");
    const rss = await (await fetch(url("/rss.xml"))).text();
    assert.match(rss, /^<\?xml version="1\.0" encoding="UTF-8"\?><rss version="2\.0"/);
    assert.equal(rss.match(/<item>/g)?.length, 50);
    assert.ok(rss.includes(`<link>${SITE}${PERMALINK}</link>`), "the seed is an item");
    assert.ok(rss.includes("<dc:creator>Ofeliya Afandiyeva</dc:creator>"));
    assert.ok(rss.includes("<pubDate>Wed, 11 Dec 2019 00:00:00 GMT</pubDate>"));
    await page.close();
  });

  test("/atom.xml is well-formed Atom with the newest 50, the seed among them", async () => {
    const page = await open("/", withJs);
    await parseXml(page, "/atom.xml");
    const atom = await (await fetch(url("/atom.xml"))).text();
    assert.match(atom, /<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom">/);
    assert.equal(atom.match(/<entry /g)?.length, 50);
    assert.ok(atom.includes(`<id>${SITE}${PERMALINK}</id>`), "the seed is an entry");
    assert.match(atom, /\n {2}<updated>2021-06-30T00:00:00Z<\/updated>/);
    await page.close();
  });

  test("every page type links both feeds, a favicon and its canonical URL", async () => {
    for (const path of [
      "/",
      "/articles/",
      "/articles/2019/",
      "/articles/2019/12/",
      "/articles/2019/12/11/",
      PERMALINK,
      "/sources/",
      "/sources/azernews/",
      "/authors/",
      "/authors/ofeliya-afandiyeva/",
      "/about/",
    ]) {
      const page = await open(path);
      const links = await page
        .locator("head link")
        .evaluateAll((ls) =>
          ls.map((l) =>
            `${l.getAttribute("rel")} ${l.getAttribute("type") ?? ""} ${l.getAttribute("href")}`.replace(
              /\s+/g,
              " ",
            ),
          ),
        );
      assert.ok(
        links.includes("alternate application/rss+xml /rss.xml"),
        `${path}: ${links.join(", ")}`,
      );
      assert.ok(links.includes("alternate application/atom+xml /atom.xml"), path);
      assert.ok(links.includes("icon image/svg+xml /favicon.svg"), path);
      assert.ok(links.includes(`canonical ${SITE}${path}`), path);
      await page.close();
    }
    assert.equal((await fetch(url("/favicon.svg"))).status, 200);
  });

  test("robots.txt names the sitemap by absolute URL; the sitemap lists pages, not files", async () => {
    const robots = await (await fetch(url("/robots.txt"))).text();
    assert.match(robots, /^Sitemap: http:\/\/localhost:4321\/sitemap-index\.xml$/m);
    const index = await (await fetch(url("/sitemap-index.xml"))).text();
    const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    assert.ok(sitemaps.length >= 1);
    const locs: string[] = [];
    for (const sitemap of sitemaps) {
      const xml = await (await fetch(url(new URL(sitemap).pathname))).text();
      locs.push(...[...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!));
    }
    for (const path of [
      "/",
      "/about/",
      "/articles/2019/12/11/",
      PERMALINK,
      "/sources/azernews/",
      "/authors/ofeliya-afandiyeva/",
    ]) {
      assert.ok(locs.includes(`${SITE}${path}`), `sitemap lacks ${path}`);
    }
    assert.ok(
      locs.every((loc) => loc.endsWith("/")),
      "only pages",
    );
    assert.ok(!locs.includes(`${SITE}/404/`), "no 404 page");
  });
});

describe("about the archive", () => {
  test("the MDX page shows a live count of articles, sources and years", async () => {
    const page = await open("/about/");
    assert.equal(await text(page, "h1"), "About the archive");
    assert.equal(
      await text(page, ".archive-stats"),
      `The archive holds ${TOTAL} articles from 4 sources by 6 named authors, across 4 years, published between 20 October 2018 and 30 June 2021.`,
    );
    for (const heading of [
      "What it holds",
      "Addresses that stay",
      "Originals and digests",
      "How to cite",
    ]) {
      assert.ok(await page.getByRole("heading", { name: heading }).isVisible(), heading);
    }
    assert.equal(await text(page, ".prose code >> nth=0"), PERMALINK);
    assert.equal(
      await page.getByRole("link", { name: "source", exact: true }).getAttribute("href"),
      "/sources/",
    );
    await page.close();
  });
});

describe("design", () => {
  const PAGES = [
    "/",
    PERMALINK,
    "/articles/2019/12/",
    "/articles/2020/",
    "/sources/",
    "/about/",
    "/data/",
  ];

  test("no page scrolls sideways at 320 px", async () => {
    const context = await browser.newContext({
      viewport: { width: 320, height: 640 },
      javaScriptEnabled: false,
    });
    for (const path of PAGES) {
      const page = await context.newPage();
      await page.goto(url(path));
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 320, `${path} is ${width} px wide`);
      await page.close();
    }
    await context.close();
  });

  test("the first Tab reaches a visible skip link with a focus outline", async () => {
    const page = await open(PERMALINK);
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    assert.equal(await skip.evaluate((a) => a === document.activeElement), true);
    const box = await skip.boundingBox();
    assert.ok(box && box.y >= 0, "on screen");
    assert.equal(await skip.evaluate((a) => getComputedStyle(a).outlineStyle), "solid");
    await page.close();
  });

  test("the article text has a 60-75 character measure on a wide screen", async () => {
    const context = await browser.newContext({
      viewport: { width: 1400, height: 900 },
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    await page.goto(url(PERMALINK));
    const perLine = await page
      .locator(".article-body p")
      .first()
      .evaluate((p) => {
        // Characters of this paragraph's own text that fit its width, on average.
        const style = getComputedStyle(p);
        const context = document.createElement("canvas").getContext("2d")!;
        context.font = `${style.fontSize} ${style.fontFamily}`;
        const text = p.textContent;
        const average = context.measureText(text).width / text.length;
        return p.getBoundingClientRect().width / average;
      });
    assert.ok(perLine >= 60 && perLine <= 80, `${perLine} characters a line`);
    await context.close();
  });

  test("text contrast meets WCAG AA in light and dark", async () => {
    for (const colorScheme of ["light", "dark"] as const) {
      const context = await browser.newContext({ colorScheme, javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(url(PERMALINK));
      const ratios = await page.evaluate(() => {
        const rgb = (c: string) =>
          c
            .match(/\d+(\.\d+)?/g)!
            .slice(0, 3)
            .map(Number);
        const lum = (c: string) => {
          const [r, g, b] = rgb(c).map((v) => {
            const s = v / 255;
            return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
          });
          return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
        };
        const bg = getComputedStyle(document.body).backgroundColor;
        const ratio = (el: Element) => {
          const [a, b] = [lum(getComputedStyle(el).color), lum(bg)].sort((x, y) => y - x);
          return (a! + 0.05) / (b! + 0.05);
        };
        return Object.fromEntries(
          [
            "h1",
            ".article-body p",
            ".byline",
            ".byline a",
            ".reading-facts",
            ".site-footer",
            ".neighbours .direction",
          ].map((s) => [s, ratio(document.querySelector(s)!)]),
        );
      });
      for (const [selector, ratio] of Object.entries(ratios)) {
        assert.ok(ratio >= 4.5, `${colorScheme} ${selector}: ${ratio.toFixed(2)}`);
      }
      await context.close();
    }
  });
});

describe("every reader page works without JavaScript and logs no console error", () => {
  const PAGES = [
    "/",
    "/articles/",
    "/articles/2020/",
    "/articles/2020/03/",
    `/articles/${BUSY_DAY.slice(0, 7).replace("-", "/")}/page/2/`,
    `/articles/${BUSY_DAY.replaceAll("-", "/")}/`,
    `/articles/${BUSY_DAY.replaceAll("-", "/")}/page/2/`,
    PERMALINK,
    "/sources/",
    "/sources/caspian-herald/",
    "/sources/caspian-herald/page/2/",
    "/authors/",
    "/authors/kamran-aliyev/page/2/",
    "/about/",
    "/data/",
  ];
  for (const path of PAGES) {
    test(path, async () => {
      const page = await open(path);
      assert.ok(await page.locator("h1").isVisible());
      await page.close();
      const context = await browser.newContext();
      const withJs = await context.newPage();
      const problems = watchConsole(withJs);
      await withJs.goto(url(path));
      await withJs.waitForLoadState("networkidle");
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});
