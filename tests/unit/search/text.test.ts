import { describe, test } from "node:test";
import assert from "node:assert/strict";
import type { RangeProblem } from "../../../src/lib/search/dates.ts";
import { emptyState, parseSearchState } from "../../../src/lib/search/state.ts";
import {
  pendingText,
  excerptParts,
  invalidRangeFields,
  isFiltered,
  rangeMessage,
  resultByline,
  startsNewWord,
  summaryText,
} from "../../../src/lib/search/text.ts";

describe("summaryText", () => {
  const table: [string, string, number, number, string][] = [
    ["words, all shown", "?q=cooperation", 3, 3, "3 results for “cooperation”."],
    ["one result", "?q=Thunder", 1, 1, "1 result for “Thunder”."],
    ["more than shown", "?q=markets", 22, 10, "22 results for “markets”. Showing 10."],
    [
      "thousands, filtered",
      "?q=oil&source=Trend",
      12345,
      10,
      "12,345 results for “oil” (filtered). Showing 10.",
    ],
    ["sort alone is not a filter", "?q=oil&sort=newest", 2, 2, "2 results for “oil”."],
    ["browsing by facet", "?source=Azernews&source=Trend", 4, 4, "4 articles (filtered)."],
    ["browsing, one", "?from=2022", 1, 1, "1 article (filtered)."],
    ["no results for words", "?q=nothingatall", 0, 0, "No results for “nothingatall”."],
    [
      "no results with filters",
      "?q=oil&from=2030",
      0,
      0,
      "No results for “oil” with these filters.",
    ],
    [
      "nothing in a range",
      "?from=2019-02-01&to=2019-03-14",
      0,
      0,
      "No articles match these filters.",
    ],
    ["words shown tidied", "?q=%20JF-17%20%20Thunder%20", 1, 1, "1 result for “JF-17 Thunder”."],
  ];
  for (const [name, query, total, shown, expected] of table) {
    test(name, () => assert.equal(summaryText(parseSearchState(query), total, shown), expected));
  }
});

describe("isFiltered", () => {
  const table: [string, boolean][] = [
    ["", false],
    ["?q=oil", false],
    ["?q=oil&sort=oldest", false],
    ["?author=John+Smith", true],
    ["?to=2019", true],
  ];
  for (const [query, expected] of table) {
    test(query || "(empty)", () => assert.equal(isFiltered(parseSearchState(query)), expected));
  }
});

describe("date range messages", () => {
  const table: [RangeProblem[], string, { from: boolean; to: boolean }][] = [
    [[], "", { from: false, to: false }],
    [
      ["from-invalid"],
      "“From” is not a date: use 2019, 2019-03 or 2019-03-15.",
      { from: true, to: false },
    ],
    [
      ["to-invalid"],
      "“To” is not a date: use 2019, 2019-03 or 2019-03-15.",
      { from: false, to: true },
    ],
    [
      ["reversed"],
      "The range ends before it starts: “To” must not be before “From”.",
      { from: true, to: true },
    ],
    [
      ["from-invalid", "to-invalid"],
      "“From” is not a date: use 2019, 2019-03 or 2019-03-15. “To” is not a date: use 2019, 2019-03 or 2019-03-15.",
      { from: true, to: true },
    ],
  ];
  for (const [problems, message, invalid] of table) {
    test(problems.join(", ") || "none", () => {
      assert.equal(rangeMessage(problems), message);
      assert.deepEqual(invalidRangeFields(problems), invalid);
    });
  }
});

describe("startsNewWord", () => {
  const table: [string, boolean][] = [
    ["", false],
    ["o", true],
    ["oil", false],
    ["oil p", true],
    ["oil pr", true],
    ["oil pri", false],
    ["EU", true],
    ['"military c', true],
    ["JF-1", true],
    ["JF-17", true],
    ["JF-17 ", false],
    ["JF-", false],
    ["Nagorno-K", true],
    ["Nagorno-Ka", true],
    ["Nagorno-Kar", false],
    ["Ş", true],
    ["oil ", false],
  ];
  for (const [q, expected] of table) {
    test(JSON.stringify(q), () => assert.equal(startsNewWord(q), expected));
  }
});

describe("excerptParts", () => {
  const table: [string, string, { text: string; marked: boolean }[]][] = [
    ["plain text", "Oil prices rose.", [{ text: "Oil prices rose.", marked: false }]],
    [
      "a mark in the middle",
      "Talks on <mark>JF-17</mark> jets.",
      [
        { text: "Talks on ", marked: false },
        { text: "JF-17", marked: true },
        { text: " jets.", marked: false },
      ],
    ],
    [
      "marks at both ends",
      "<mark>Baku</mark> and <mark>Ganja</mark>",
      [
        { text: "Baku", marked: true },
        { text: " and ", marked: false },
        { text: "Ganja", marked: true },
      ],
    ],
    [
      "escaped markup stays text",
      "&lt;b&gt;Tags&lt;/b&gt; <mark>stay</mark>",
      [
        { text: "<b>Tags</b> ", marked: false },
        { text: "stay", marked: true },
      ],
    ],
    ["empty", "", []],
  ];
  for (const [name, excerpt, expected] of table) {
    test(name, () => assert.deepEqual(excerptParts(excerpt), expected));
  }
});

describe("resultByline", () => {
  const table: [string, Parameters<typeof resultByline>[0], string][] = [
    [
      "author, source and section",
      { authors: ["Ofeliya Afandiyeva"], source: "Azernews", section: "Politics" },
      "By Ofeliya Afandiyeva · Azernews · Politics",
    ],
    [
      "two authors, no section",
      { authors: ["Leyla Əliyeva", "John Smith"], source: "Trend" },
      "By Leyla Əliyeva, John Smith · Trend",
    ],
    ["no author", { authors: [], source: "Daily Meridian" }, "Daily Meridian"],
    ["nothing", { authors: [] }, ""],
  ];
  for (const [name, fields, expected] of table) {
    test(name, () => assert.equal(resultByline(fields), expected));
  }
});

test("the empty state is not filtered", () => assert.equal(isFiltered(emptyState()), false));

describe("pendingText", () => {
  const table: [string, string[], string][] = [
    ["complete: nothing", [], ""],
    ["one span", ["2001–2014"], "Still searching 2001–2014…"],
    ["two", ["2019", "2001–2014"], "Still searching 2019 and 2001–2014…"],
    ["three", ["2022", "2019", "2001–2014"], "Still searching 2022, 2019 and 2001–2014…"],
  ];
  for (const [name, years, expected] of table) {
    test(name, () => assert.equal(pendingText(years), expected));
  }
});
