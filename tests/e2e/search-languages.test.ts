/**
 * Each language searched in its own grammar (issue 16), end to end: an archive of Russian,
 * Azerbaijani and English articles (tests/support/language-fixture.ts) in shards of a few
 * articles, each shard's index in a part per language, searched from one box in Chromium.
 */
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { beforeAll } from "../support/hooks.ts";
import { buildSite, testFolder } from "../support/build-site.ts";
import { serveStatic, type StaticServer } from "../support/static-server.ts";
import { launchBrowser, watchConsole } from "../support/browser.ts";
import { resultSlugs, settled } from "../support/search-page.ts";
import { writeSearchArchive, type FixtureArticle } from "../support/search-fixture.ts";
import { AZERBAIJANI_ARTICLES, RUSSIAN_ARTICLES } from "../support/language-fixture.ts";
import { plainFold } from "../../src/lib/search/spelling.ts";
import type { ShardManifest } from "../../src/lib/search/shards.ts";

const ENGLISH: FixtureArticle[] = [
  {
    slug: "georgia-rail-freight",
    title: "Georgia's rail freight grows",
    date: "2021-04-13",
    source: "Caspian Bulletin",
    author: "John Smith",
    section: "Economy",
    body: "Rail freight through Georgia grew by a quarter. Cooperating ports handled more containers.",
  },
  {
    slug: "baku-metro-station",
    title: "A new metro station opens in Baku",
    date: "2021-05-15",
    source: "Caspian Bulletin",
    author: "John Smith",
    section: "City",
    body: "The metro station in the centre of Baku opened to passengers on Friday.",
  },
  {
    slug: "energy-cooperation",
    title: "Energy cooperation talks",
    date: "2022-09-07",
    source: "Caspian Bulletin",
    author: "Rauf Hasanov",
    section: "Energy",
    body: "Ministers discussed energy cooperation and new pipelines for gas exports.",
  },
];

let server: StaticServer;
let browser: Browser;
let outDir = "";

const setUpDone = beforeAll(async () => {
  const archive = await testFolder("languages-");
  await writeSearchArchive(archive, [...RUSSIAN_ARTICLES, ...AZERBAIJANI_ARTICLES, ...ENGLISH]);
  // Shards of at most 4 articles: languages meet in a shard, and a word spans shards.
  const build = await buildSite(archive, { env: { SEARCH_SHARD_PAGES: "4" } });
  assert.equal(build.code, 0, build.output);
  outDir = build.outDir;
  server = await serveStatic(build.outDir);
  browser = await launchBrowser();
});

after(async () => {
  await setUpDone();
  await browser?.close();
  await server?.close();
});

let shared: { page: Page; problems: string[] } | undefined;

/** Slugs of the results for `q` (the page's own search, as a link opens it), in order. */
async function search(q: string): Promise<string[]> {
  if (!shared) {
    const page = await browser.newPage();
    shared = { page, problems: watchConsole(page) };
  }
  const { page } = shared;
  await page.goto(`${server.origin}/search/?q=${encodeURIComponent(q)}`);
  await settled(page);
  return resultSlugs(page);
}

/** Counts shown for the values of a facet, e.g. `{ ru: 1 }`. */
async function facetCounts(page: Page, facet: string): Promise<Record<string, number>> {
  return page.locator(`[data-facet="${facet}"] li:not([hidden])`).evaluateAll((items) =>
    Object.fromEntries(
      items.map((item) => {
        const count = item.querySelector(".search-count")!.textContent;
        return [item.querySelector("input")!.value, Number(count.replace(/[^\d]/g, ""))];
      }),
    ),
  );
}

const sorted = (slugs: readonly string[]) => [...slugs].sort();

describe("search: each language in its own grammar", () => {
  test("each shard's index has a part per language, Azerbaijani stemmed as Turkish", async () => {
    const manifest = JSON.parse(
      await readFile(join(outDir, "pagefind/search-shards.json"), "utf8"),
    ) as ShardManifest;
    const languages = new Set(
      manifest.shards.flatMap((shard) =>
        Object.keys((shard.entry as { languages: object }).languages),
      ),
    );
    assert.deepEqual([...languages].sort(), ["en", "ru", "tr"]);
    const mixed = manifest.shards.filter(
      (shard) => Object.keys((shard.entry as { languages: object }).languages).length > 1,
    );
    assert.ok(mixed.length > 0, "some shard holds several languages");
  });

  const russian: [string, string[]][] = [
    ["Грузия", ["gruziya-perevozki"]],
    ["Грузии", ["gruziya-perevozki"]],
    ["Грузию", ["gruziya-perevozki"]],
    ["Грузией", ["gruziya-perevozki"]],
    ["поезда", ["novye-poezda"]],
    ["поездов", ["novye-poezda"]],
    ["форума", ["forum-v-baku"]],
    ["форуме", ["forum-v-baku"]],
    ["министр транспорта Грузии", ["gruziya-perevozki"]],
  ];
  for (const [query, expected] of russian) {
    test(`Russian: ${query} finds ${expected.join(", ")}`, async () => {
      assert.deepEqual(sorted(await search(query)), sorted(expected));
    });
  }

  const BAKI = ["baki-metro-stansiyasi", "gence-festivali", "neft-muqavilesi"];
  const AZERBAYCAN = ["azerbaycan-qaz-ixraci", "gence-festivali", "kend-yollari"];
  // [form, found as written, found in plain letters]
  const azerbaijani: [string, string[], string[]][] = [
    ["Bakıda", BAKI, BAKI],
    ["Bakıdan", BAKI, BAKI],
    ["Bakıya", BAKI, BAKI],
    ["Azərbaycanın", AZERBAYCAN, AZERBAYCAN],
    ["Azərbaycanda", AZERBAYCAN, AZERBAYCAN],
    ["kəndlərdə", ["kend-yollari"], ["kend-yollari"]],
    ["yolların", ["kend-yollari"], ["kend-yollari"]],
    ["ölkədə", ["mekteblerde-ders-ili"], ["mekteblerde-ders-ili"]],
    [
      "şirkətlər",
      ["azerbaycan-qaz-ixraci", "gence-festivali"],
      // `şirkəti` too: its plain spelling stems alike.
      ["azerbaycan-qaz-ixraci", "gence-festivali", "neft-muqavilesi"],
    ],
  ];
  for (const [query, native, plain] of azerbaijani) {
    for (const [typed, expected] of [
      [query, native],
      [plainFold(query), plain],
    ] as const) {
      test(`Azerbaijani: ${typed} finds ${expected.join(", ")}`, async () => {
        // Bakıxanov (a place) starts like Bakı: found by any form, as by `Bakı` before.
        const found = (await search(typed)).filter((slug) => slug !== "komanda-qazandi");
        assert.deepEqual(sorted(found), sorted(expected));
      });
    }
  }

  test("English keeps English stemming: cooperating finds cooperation, first the title's", async () => {
    assert.deepEqual(await search("cooperating"), ["energy-cooperation", "georgia-rail-freight"]);
  });

  test("one box, one list: a word in two languages finds both, the facet counts each", async () => {
    assert.deepEqual(sorted(await search("metro")), [
      "baki-metro-stansiyasi",
      "baku-metro-station",
    ]);
    assert.deepEqual(await facetCounts(shared!.page, "language"), { az: 1, en: 1 });
    await shared!.page.getByRole("checkbox", { name: /^Azerbaijani/ }).check();
    await shared!.page.waitForFunction(() => location.search.includes("language=az"));
    await shared!.page.waitForSelector('[data-search][data-status="ready"]');
    const links = shared!.page.locator(".search-result h3 a");
    assert.deepEqual(await links.allInnerTexts(), ["Bakıda yeni metro stansiyası açıldı"]);
  });

  test("console stays clean through every search above", async () => {
    assert.deepEqual(shared?.problems ?? [], []);
    await shared?.page.close();
  });
});
