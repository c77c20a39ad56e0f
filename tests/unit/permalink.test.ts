import { describe, test } from "node:test";
import assert from "node:assert/strict";
import * as permalink from "../../src/lib/permalink.ts";

const seed = { date: "2019-12-11", slug: "azerbaijan-and-pakistan-discuss-military-cooperation" };

describe("permalink", () => {
  const table: [string, () => string, string][] = [
    [
      "article",
      () => permalink.permalinkFor(seed),
      "/articles/2019/12/11/azerbaijan-and-pakistan-discuss-military-cooperation/",
    ],
    [
      "original text",
      () => permalink.originalTextPathFor(seed),
      "/articles/2019/12/11/azerbaijan-and-pakistan-discuss-military-cooperation/original.txt",
    ],
    [
      "entry file",
      () => permalink.entryPathFor(seed),
      "2019/12/11/azerbaijan-and-pakistan-discuss-military-cooperation",
    ],
    ["day", () => permalink.dayPath("2019-12-11"), "/articles/2019/12/11/"],
    ["single-digit day and month", () => permalink.dayPath("2003-01-05"), "/articles/2003/01/05/"],
    ["month", () => permalink.monthPath("2019", "12"), "/articles/2019/12/"],
    ["year", () => permalink.yearPath("2019"), "/articles/2019/"],
    ["source", () => permalink.sourcePath("Azernews"), "/sources/azernews/"],
    ["source with punctuation", () => permalink.sourcePath("Today.Az"), "/sources/today-az/"],
    ["author", () => permalink.authorPath("Ofeliya Afandiyeva"), "/authors/ofeliya-afandiyeva/"],
    [
      "author with Azerbaijani letters",
      () => permalink.authorPath("Şəhriyar Ağayev"),
      "/authors/sehriyar-agayev/",
    ],
    ["author in Cyrillic", () => permalink.authorPath("Анна Петрова"), "/authors/anna-petrova/"],
    ["search", () => permalink.searchPath(), "/search/"],
    [
      "search with state",
      () => permalink.searchPath({ q: "JF-17", source: "Azernews", sort: undefined }),
      "/search/?q=JF-17&source=Azernews",
    ],
    [
      "absolute",
      () => permalink.absoluteUrl("/articles/", "https://archive.example/"),
      "https://archive.example/articles/",
    ],
  ];
  for (const [name, actual, expected] of table) {
    test(`${name}: ${expected}`, () => assert.equal(actual(), expected));
  }

  test("route params join to the same URL as the permalink", () => {
    const { year, month, day, slug } = permalink.articleParams(seed);
    assert.equal(`/articles/${year}/${month}/${day}/${slug}/`, permalink.permalinkFor(seed));
  });

  test("an impossible date throws rather than yielding a URL", () => {
    assert.throws(() => permalink.permalinkFor({ date: "2019-02-30", slug: "x" }), /calendar date/);
  });

  test("a name with no usable letters throws", () => {
    assert.throws(() => permalink.sourcePath("!!!"), /no letters usable in a URL/);
  });
});

describe("permalink: reader pages, feeds and downloads", () => {
  const table: [string, () => string, string][] = [
    ["about", () => permalink.ABOUT_PATH, "/about/"],
    ["RSS", () => permalink.RSS_PATH, "/rss.xml"],
    ["Atom", () => permalink.ATOM_PATH, "/atom.xml"],
    ["sitemap", () => permalink.SITEMAP_PATH, "/sitemap-index.xml"],
    ["favicon", () => permalink.FAVICON_PATH, "/favicon.svg"],
    [
      "page 1 is the list itself",
      () => permalink.pagedPath("/sources/azernews/", 1),
      "/sources/azernews/",
    ],
    ["page 2", () => permalink.pagedPath("/sources/azernews/", 2), "/sources/azernews/page/2/"],
    [
      "a day's page 3",
      () => permalink.pagedPath("/articles/2019/12/11/", 3),
      "/articles/2019/12/11/page/3/",
    ],
    [
      "BibTeX next to the article",
      () => permalink.citationPathFor(seed, "bib"),
      "/articles/2019/12/11/azerbaijan-and-pakistan-discuss-military-cooperation/cite.bib",
    ],
    [
      "RIS next to the article",
      () => permalink.citationPathFor(seed, "ris"),
      "/articles/2019/12/11/azerbaijan-and-pakistan-discuss-military-cooperation/cite.ris",
    ],
    [
      "CSL-JSON next to the article",
      () => permalink.citationPathFor(seed, "json"),
      "/articles/2019/12/11/azerbaijan-and-pakistan-discuss-military-cooperation/cite.json",
    ],
    ["source slug", () => permalink.sourceSlug("Today.Az"), "today-az"],
    ["author slug", () => permalink.authorSlug("Leyla Məmmədova"), "leyla-memmedova"],
  ];
  for (const [name, actual, expected] of table) {
    test(`${name}: ${expected}`, () => assert.equal(actual(), expected));
  }

  test("names that differ in case and punctuation share a page", () => {
    assert.equal(permalink.sourcePath("Today.Az"), permalink.sourcePath("today az"));
  });

  for (const page of [0, -1, 1.5]) {
    test(`page ${page} is not a page number`, () =>
      assert.throws(() => permalink.pagedPath("/x/", page), /Not a page number/));
  }
});
