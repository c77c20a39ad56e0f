/**
 * Issue 17, item 1: operators in the search box, end to end. A small archive built in
 * shards of at most 3 articles (so every answer joins several indexes), searched in
 * Chromium: each operator changes the result list as it should, malformed queries are
 * read as meant without a console error, the typed query stays in the URL, highlighting
 * marks only what was searched for, and a syntax line under the box links to the tips.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Browser, Page } from "playwright-core";
import { beforeAll } from "../support/hooks.ts";
import { buildSite, testFolder } from "../support/build-site.ts";
import { serveStatic, type StaticServer } from "../support/static-server.ts";
import { launchBrowser } from "../support/browser.ts";
import {
  openWatched,
  resultSlugs,
  settled,
  typeQuery as typeText,
} from "../support/search-page.ts";
import { writeSearchArchive, type FixtureArticle } from "../support/search-fixture.ts";

const PAKISTAN = "pakistan-military-cooperation";
const KARABAKH = "karabakh-talks-resume";
const JETS = "first-jets-delivered";
const PARK = "baki-park";
const FESTIVAL = "gence-festival";
const OIL = "oil-exports-grow";
const HARVEST = "harvest-report";
const ROADS = "winter-roads-reopen";

const ARTICLES: FixtureArticle[] = [
  {
    slug: PAKISTAN,
    title: "Azerbaijan and Pakistan discuss military cooperation",
    date: "2019-12-11",
    source: "Azernews",
    author: "Ofeliya Afandiyeva",
    body: [
      "Azerbaijani Defence Minister Zakir Hasanov met the Ambassador of Pakistan.",
      "Azerbaijan is holding talks with Pakistan to purchase JF-17 Thunder fighter aircraft.",
      "Hasanov thanked Pakistan for its support and praised military cooperation.",
    ].join("\n\n"),
  },
  {
    slug: KARABAKH,
    title: "Talks on Karabakh resume in Moscow",
    date: "2021-06-01",
    source: "Trend",
    author: ["Leyla Əliyeva", "John Smith"],
    body: "Talks on Nagorno Karabakh resumed in Moscow.\n\nCooperation in the military sphere was discussed.",
  },
  {
    slug: JETS,
    title: "First fighter jets delivered",
    date: "2022-02-14",
    source: "Azeri Press Agency",
    author: "Rauf Hasanov",
    body: "The first JF17 jets were delivered ahead of schedule.\n\nThe contract was signed in Baku.",
  },
  {
    slug: PARK,
    title: "Bakıda yeni park açıldı",
    date: "2020-03-05",
    source: "Report.az",
    author: "Şəhriyar Ağayev",
    language: "az",
    body: "Bakı şəhərində yeni park açılıb.",
  },
  {
    slug: FESTIVAL,
    title: "Gəncədə payız festivalı keçirildi",
    date: "2020-09-20",
    source: "Report.az",
    author: "Günay Həsənova",
    language: "az",
    body: "Gəncə şəhərində payız festivalı keçirildi.",
  },
  {
    slug: OIL,
    title: "Oil exports grow in spring",
    date: "2018-05-20",
    source: "Azernews",
    author: "Ofeliya Afandiyeva",
    body: "Oil exports from Baku grew by five percent in spring, the ministry reported.",
  },
  {
    slug: HARVEST,
    title: "Harvest report from the Ganja region",
    date: "2019-03-15",
    source: "Trend",
    author: "John Smith",
    body: "Farmers reported a strong harvest. Cooperation between farmers and the ministry improved.",
  },
  {
    slug: ROADS,
    title: "Winter roads reopen",
    date: "2019-01-31",
    source: "Azeri Press Agency",
    author: "Rauf Hasanov",
    body: "Mountain roads reopened after heavy snow.",
  },
];

let server: StaticServer;
let browser: Browser;

const setUpDone = beforeAll(async () => {
  const archive = await testFolder("boolean-");
  await writeSearchArchive(archive, ARTICLES);
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

/** Runs `use` on a fresh page at `path`, then checks the console stayed clean and closes it. */
async function withPage(path: string, use: (page: Page) => Promise<void>): Promise<void> {
  const opened = await openWatched(browser, server.origin, path);
  try {
    await use(opened.page);
  } catch (error) {
    await opened.page.close();
    throw error;
  }
  await opened.close();
}

const typeQuery = (page: Page, text: string) => typeText(page, text, 10);

describe("search operators: each changes the result list", () => {
  let page: Page;
  let problems: string[];
  before(async () => {
    ({ page, problems } = await openWatched(browser, server.origin, "/search/"));
    await settled(page);
  });
  after(() => page?.close());
  // Each row: the query, what it finds, and (for contrast) the query without the operator.
  const table: [string, string, string[], string, string[]][] = [
    ["OR: either word", "Moscow OR Baku", [KARABAKH, JETS, OIL], "Moscow Baku", []],
    [
      "OR between a phrase and a word",
      '"military cooperation" OR harvest',
      [PAKISTAN, HARVEST],
      '"military cooperation" harvest',
      [],
    ],
    [
      "a group ANDed with a word",
      "(Moscow OR Baku) jets",
      [JETS],
      "Moscow OR (Baku jets)",
      [KARABAKH, JETS],
    ],
    [
      "-word leaves its articles out",
      "military cooperation -Moscow",
      [PAKISTAN],
      "military cooperation",
      [KARABAKH, PAKISTAN],
    ],
    [
      '-"phrase" leaves out only the phrase',
      'cooperation -"military cooperation"',
      [KARABAKH, HARVEST],
      "cooperation",
      [KARABAKH, PAKISTAN, HARVEST],
    ],
    [
      "NOT before a word",
      "NOT Moscow cooperation",
      [PAKISTAN, HARVEST],
      "cooperation",
      [KARABAKH, PAKISTAN, HARVEST],
    ],
    [
      "the issue's example: phrase, word and exclusion",
      '"military cooperation" Pakistan -India',
      [PAKISTAN],
      '"military cooperation" Pakistan India',
      [],
    ],
    [
      "an exclusion alone browses the rest",
      "-Baku",
      [KARABAKH, PARK, FESTIVAL, PAKISTAN, HARVEST, ROADS],
      "Baku",
      [JETS, OIL],
    ],
    [
      "source: acts as the facet",
      "source:Trend cooperation",
      [KARABAKH, HARVEST],
      "cooperation",
      [KARABAKH, PAKISTAN, HARVEST],
    ],
    [
      "a quoted source: value",
      'source:"azeri press agency"',
      [JETS, ROADS],
      'source:"azeri agency"',
      [],
    ],
    [
      "author: by part of a name",
      "author:hasanov",
      [JETS, ROADS],
      // The word also finds Günay Həsənova's article: Azerbaijani is stemmed as Turkish.
      "hasanov",
      [JETS, FESTIVAL, ROADS, PAKISTAN],
    ],
    ["year:", "year:2019", [PAKISTAN, HARVEST, ROADS], "year:2018", [OIL]],
    [
      "year: a span",
      "year:2019-2020",
      [PAKISTAN, FESTIVAL, PARK, HARVEST, ROADS],
      "year:2019",
      [PAKISTAN, HARVEST, ROADS],
    ],
  ];
  for (const [name, query, expected, plain, plainExpected] of table) {
    test(`${name}: ${query}`, async () => {
      await typeQuery(page, plain);
      assert.deepEqual((await resultSlugs(page)).sort(), [...plainExpected].sort(), plain);
      await typeQuery(page, query);
      assert.deepEqual((await resultSlugs(page)).sort(), [...expected].sort(), query);
    });
  }
  test("console and network stay clean through every search above", () => {
    assert.deepEqual(problems, []);
  });
});

describe("search operators: malformed queries are read as meant", () => {
  let page: Page;
  let problems: string[];
  before(async () => {
    ({ page, problems } = await openWatched(browser, server.origin, "/search/"));
    await settled(page);
  });
  after(() => page?.close());
  const table: [string, string, string[]][] = [
    ["an unclosed quote runs to the end", '"military cooperation', [PAKISTAN]],
    ["OR at the end", "Moscow OR", [KARABAKH]],
    ["OR at the start", "OR Moscow", [KARABAKH]],
    ["a lone -", "Baku -", [JETS, OIL]],
    ["a lone - between words", "oil - Baku", [OIL]],
    ["an unclosed parenthesis", "jets (Moscow OR Baku", [JETS]],
    ["empty parentheses", "Moscow ()", [KARABAKH]],
    ["lowercase or is a word", "Moscow or Baku", []],
    ["a hyphen inside a word is no exclusion", "JF-17", [JETS, PAKISTAN]],
  ];
  for (const [name, query, expected] of table) {
    test(`${name}: ${query}`, async () => {
      await typeQuery(page, query);
      assert.deepEqual((await resultSlugs(page)).sort(), [...expected].sort());
    });
  }
  test("no console error through every query above", () => {
    assert.deepEqual(problems, []);
  });
});

describe("search operators: URL, highlighting and help", () => {
  test("the typed query stays in the URL: a reload and back give the same results", async () => {
    await withPage(`/search/?q=${encodeURIComponent("Moscow OR Baku")}`, async (page) => {
      await settled(page);
      assert.deepEqual((await resultSlugs(page)).sort(), [KARABAKH, JETS, OIL].sort());
      await typeQuery(page, "cooperation -Moscow source:Trend");
      const url = new URL(page.url());
      assert.equal(url.searchParams.get("q"), "cooperation -Moscow source:Trend");
      assert.deepEqual(await resultSlugs(page), [HARVEST]);
      await page.reload();
      await settled(page);
      assert.deepEqual(await resultSlugs(page), [HARVEST]);
      const input = page.getByLabel("Search words");
      assert.equal(await input.inputValue(), "cooperation -Moscow source:Trend");
      await page.goBack();
      await page.waitForFunction(
        () => new URLSearchParams(location.search).get("q") === "Moscow OR Baku",
      );
      await settled(page);
      assert.equal(await input.inputValue(), "Moscow OR Baku");
      assert.deepEqual((await resultSlugs(page)).sort(), [KARABAKH, JETS, OIL].sort());
    });
  });

  test("a result opens with only the words searched for marked, not excluded ones or fields", async () => {
    await withPage("/search/", async (page) => {
      await settled(page);
      await typeQuery(page, 'Thunder OR Moscow -"Hasanov praised" source:Azernews');
      assert.deepEqual(await resultSlugs(page), [PAKISTAN]);
      await page
        .getByRole("link", { name: "Azerbaijan and Pakistan discuss military cooperation" })
        .click();
      await page.waitForURL(`**/${PAKISTAN}/?highlight=*`);
      await page.locator("mark.search-highlight").first().waitFor();
      // Hasanov and Azernews are on the page, but were excluded or a field, not searched for.
      assert.deepEqual(await page.locator("mark.search-highlight").allInnerTexts(), ["Thunder"]);
    });
  });

  test("a syntax line under the box describes the input and links to the search tips", async () => {
    await withPage("/search/", async (page) => {
      await settled(page);
      const described = await page.getByLabel("Search words").getAttribute("aria-describedby");
      const line = page.locator("#search-q-syntax");
      assert.ok(described?.split(" ").includes("search-q-syntax"), described ?? "");
      assert.match(await line.innerText(), /"exact phrase", OR, -exclude, source:, author:, year:/);
      await line.getByRole("link", { name: "Search tips" }).click();
      await page.waitForURL("**/about/#search-tips");
      const tips = page.locator("#search-tips");
      assert.equal(await tips.innerText(), "Search tips");
      assert.ok(
        await page.getByRole("cell", { name: "Pakistan OR India", exact: true }).isVisible(),
      );
    });
  });
});
