import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  articlePagesByYear,
  articleYearOf,
  indexFingerprint,
  keepAcrossShards,
  needsPrefixSearch,
  pendingYears,
  planShards,
  samePagesByYear,
  SHARD_FOLDER,
  shardsToSearch,
  type ShardNeeds,
} from "../../../src/lib/search/shards.ts";

const years = (entries: [string, number][]) => new Map(entries);
const plan = (entries: [string, number][], max: number) =>
  planShards(years(entries), max).map((shard) => [shard.years.join(","), shard.pages, shard.path]);

describe("planShards", () => {
  const table: [string, [string, number][], number, (string | number)[][]][] = [
    ["no articles, no shards", [], 10, []],
    ["one year is one shard, in /pagefind/", [["2019", 5]], 10, [["2019", 5, "/pagefind/"]]],
    [
      "the newest year stands alone, where new articles land",
      [
        ["2018", 3],
        ["2019", 4],
      ],
      10,
      [
        ["2018", 3, "/pagefind/"],
        ["2019", 4, "/pagefind/year-2019/"],
      ],
    ],
    [
      "older years are grouped, oldest first, up to the largest shard",
      [
        ["2015", 4],
        ["2016", 4],
        ["2017", 3],
        ["2018", 6],
        ["2019", 1],
      ],
      10,
      [
        ["2015,2016", 8, "/pagefind/"],
        ["2017,2018", 9, "/pagefind/years-2017-2018/"],
        ["2019", 1, "/pagefind/year-2019/"],
      ],
    ],
    [
      "a year larger than the largest shard is a shard of its own",
      [
        ["2016", 2],
        ["2017", 25],
        ["2018", 2],
        ["2019", 1],
      ],
      10,
      [
        ["2016", 2, "/pagefind/"],
        ["2017", 25, "/pagefind/year-2017/"],
        ["2018", 2, "/pagefind/year-2018/"],
        ["2019", 1, "/pagefind/year-2019/"],
      ],
    ],
    [
      "years without articles are skipped; gaps do not split a shard",
      [
        ["2019", 1],
        ["2001", 2],
        ["2010", 0],
        ["2012", 3],
      ],
      10,
      [
        ["2001,2012", 5, "/pagefind/"],
        ["2019", 1, "/pagefind/year-2019/"],
      ],
    ],
  ];
  for (const [name, input, max, expected] of table) {
    test(name, () => assert.deepEqual(plan(input, max), expected));
  }

  test("every article is in exactly one shard", () => {
    const counts: [string, number][] = Array.from({ length: 25 }, (_, i) => [
      String(2001 + i),
      (i * 37) % 11,
    ]);
    const shards = planShards(years(counts), 12);
    const listed = shards.flatMap((shard) => shard.years);
    assert.deepEqual(
      listed,
      counts.filter(([, n]) => n > 0).map(([year]) => year),
    );
    assert.equal(
      shards.reduce((sum, shard) => sum + shard.pages, 0),
      counts.reduce((sum, [, n]) => sum + n, 0),
    );
    assert.equal(new Set(shards.map((shard) => shard.path)).size, shards.length);
    assert.equal(shards[0]!.folder, null, "the first shard is /pagefind/ itself");
    for (const shard of shards.slice(1)) {
      assert.match(shard.folder!, SHARD_FOLDER, "the build knows its folders by name");
      assert.equal(shard.path, `/pagefind/${shard.folder}/`);
    }
  });

  test("without the newest year alone, a small archive is one index", () => {
    const counts: [string, number][] = [
      ["2018", 3],
      ["2019", 4],
    ];
    const shards = planShards(years(counts), 100, false);
    assert.deepEqual(
      shards.map((shard) => [shard.years.join(","), shard.pages, shard.path]),
      [["2018,2019", 7, "/pagefind/"]],
    );
  });

  test("a largest shard under one page is refused", () => {
    assert.throws(() => planShards(years([["2019", 1]]), 0), /at least 1 page/);
  });
});

describe("articleYearOf", () => {
  const table: [string, string | null][] = [
    ["articles/2019/12/11/some-slug/", "2019"],
    ["/articles/2019/12/11/some-slug/", "2019"],
    ["articles/2019/12/11/", null],
    ["articles/2019/", null],
    ["articles/2019/12/11/slug/original.txt", null],
    ["sources/azernews/", null],
  ];
  for (const [pathname, year] of table) {
    test(`${pathname} -> ${year}`, () => assert.equal(articleYearOf(pathname), year));
  }
});

describe("articlePagesByYear", () => {
  test("article pages grouped by year; listings and other pages left out", () => {
    const pages = [
      "articles/2019/12/11/a/",
      "articles/2019/",
      "articles/2020/01/02/b/",
      "sources/trend/",
      "articles/2019/03/04/c/",
    ];
    assert.deepEqual(
      [...articlePagesByYear(pages)],
      [
        ["2019", ["articles/2019/12/11/a/", "articles/2019/03/04/c/"]],
        ["2020", ["articles/2020/01/02/b/"]],
      ],
    );
  });
});

describe("samePagesByYear", () => {
  const byYear = (entries: [string, string[]][]) => new Map(entries);
  const listed = byYear([
    ["2019", ["articles/2019/12/11/a/", "articles/2019/03/04/c/"]],
    ["2020", ["articles/2020/01/02/b/"]],
  ]);
  const cases: [string, Map<string, string[]>, boolean][] = [
    ["the same", byYear([...listed]), true],
    [
      "the same in another order",
      byYear([
        ["2020", ["articles/2020/01/02/b/"]],
        ["2019", ["articles/2019/03/04/c/", "articles/2019/12/11/a/"]],
      ]),
      true,
    ],
    ["a year missing", byYear([["2019", listed.get("2019")!]]), false],
    [
      "a page in another year's place",
      byYear([
        ["2019", ["articles/2019/12/11/a/"]],
        ["2020", ["articles/2020/01/02/b/", "articles/2019/03/04/c/"]],
      ]),
      false,
    ],
    [
      "another page",
      byYear([
        ["2019", ["articles/2019/12/11/a/", "articles/2019/03/04/d/"]],
        ["2020", ["articles/2020/01/02/b/"]],
      ]),
      false,
    ],
    ["an extra year", byYear([...listed, ["2021", []]]), false],
  ];
  for (const [name, other, same] of cases) {
    test(`${name}: ${same ? "same" : "not the same"}`, () => {
      assert.equal(samePagesByYear(listed, other), same);
      assert.equal(samePagesByYear(other, listed), same);
    });
  }
});

describe("indexFingerprint", () => {
  const page = (newer: string, body = "Text.") =>
    `<html lang="en"><head><title>T</title></head><body><nav><a href="/x/">Home</a></nav>` +
    `<article data-pagefind-body><h1 data-pagefind-meta="title">T</h1><section><p>${body}</p>` +
    `<article><p>nested</p></article></section>` +
    `<div hidden data-pagefind-ignore><span data-pagefind-filter="source">Trend</span></div>` +
    `</article><div hidden><span data-pagefind-meta="spellings">jf17</span></div>` +
    `<nav class="neighbours"><a href="${newer}">Newer</a></nav></body></html>`;

  test("links outside the indexed part do not change it", () => {
    assert.equal(indexFingerprint(page("/a/")), indexFingerprint(page("/b/")));
  });

  test("the indexed body, nested elements included, does", () => {
    assert.notEqual(indexFingerprint(page("/a/")), indexFingerprint(page("/a/", "Other.")));
    assert.match(indexFingerprint(page("/a/")), /nested<\/p><\/article><\/section>/);
  });

  test("metadata, filters and sort keys outside the body count", () => {
    const fingerprint = indexFingerprint(page("/a/"));
    assert.match(fingerprint, /data-pagefind-meta="spellings">jf17/);
    assert.match(fingerprint, /data-pagefind-filter="source">Trend/);
    assert.doesNotMatch(fingerprint, /neighbours|Home/);
  });
});

describe("shardsToSearch", () => {
  // 2001-2014 | 2015-2018 | 2019 | 2020-2021 | 2022, oldest first.
  const shards = [
    { years: ["2001", "2014"] as [string, string] },
    { years: ["2015", "2018"] as [string, string] },
    { years: ["2019", "2019"] as [string, string] },
    { years: ["2020", "2021"] as [string, string] },
    { years: ["2022", "2022"] as [string, string] },
  ];
  const needs = (over: Partial<ShardNeeds> = {}): ShardNeeds => ({
    range: { start: null, end: null },
    years: [],
    order: "relevance",
    ...over,
  });
  const table: [string, ShardNeeds, number[]][] = [
    ["relevance reads every shard, newest first", needs(), [4, 3, 2, 1, 0]],
    ["newest too", needs({ order: "newest" }), [4, 3, 2, 1, 0]],
    ["oldest reads oldest first", needs({ order: "oldest" }), [0, 1, 2, 3, 4]],
    [
      "a range reads only the shards it overlaps",
      needs({ range: { start: "2016-03-01", end: "2019-12-31" } }),
      [2, 1],
    ],
    [
      "a range ending on a shard's first day reads it",
      needs({ range: { start: null, end: "2020-01-01" }, order: "oldest" }),
      [0, 1, 2, 3],
    ],
    ["an open start", needs({ range: { start: "2021-06-01", end: null } }), [4, 3]],
    [
      "a range outside every shard reads none",
      needs({ range: { start: "2030-01-01", end: null } }),
      [],
    ],
    [
      "a reversed range reads none",
      needs({ range: { start: "2021-01-01", end: "2019-12-31" } }),
      [],
    ],
    ["selected years read their shards", needs({ years: ["2003", "2020"] }), [3, 0]],
    [
      "years and a range must both allow a shard",
      needs({ years: ["2003", "2020"], range: { start: "2010-01-01", end: "2019-12-31" } }),
      [0],
    ],
  ];
  for (const [name, need, expected] of table) {
    test(name, () => assert.deepEqual(shardsToSearch(shards, need), expected));
  }

  test("years still pending, neighbours joined, in the order given", () => {
    assert.deepEqual(pendingYears(shards, [3, 2, 1, 0]), ["2001–2021"]);
    assert.deepEqual(pendingYears(shards, [4, 2, 1]), ["2022", "2015–2019"]);
    assert.deepEqual(pendingYears(shards, [1, 2, 4]), ["2015–2019", "2022"]);
    assert.deepEqual(pendingYears(shards, [2]), ["2019"]);
    assert.deepEqual(pendingYears(shards, []), []);
  });
});

describe("keepAcrossShards", () => {
  // Pages a1, a2 in shard 0; b1, b2 in shard 1.
  const shardOf = (id: string) => ({ a: 0, b: 1 })[id[0] as "a" | "b"];
  const word = (exact: string[], prefix?: string[]) => ({
    exact,
    ...(prefix && { prefix: new Set(prefix) }),
  });
  const table: [string, string[], ReturnType<typeof word>[], string[]][] = [
    ["one word every shard holds: all kept", ["a1", "b1"], [word(["a1", "b2"])], ["a1", "b1"]],
    [
      // "Hasanova": shard 0 has no such word and fell back to "Hasanov".
      "a shard that fell back to a shorter word is dropped",
      ["a1", "a2", "b1"],
      [word(["b1"])],
      ["b1"],
    ],
    [
      "a lone word still being typed (no exact match anywhere) is left to Pagefind",
      ["a1", "b2"],
      [word([])],
      ["a1", "b2"],
    ],
    [
      // "Hasanov Moscow": shard 0 has no "Moscow" and ignored it.
      "a shard that ignored a word of several is dropped",
      ["a1", "a2", "b1"],
      [word(["a1", "b1"]), word(["b2"])],
      ["b1"],
    ],
    [
      // "Hasanov Mosc": shard 0 has no word starting "mosc" and ignored it.
      "a word being typed among others is ANDed through its own prefix search",
      ["a1", "a2", "b1"],
      [word(["a1", "b1"]), word([], ["b1", "b2"])],
      ["b1"],
    ],
    [
      "the order of the merged answer is kept",
      ["b2", "a1", "b1"],
      [word(["a2", "b2"])],
      ["b2", "a1", "b1"],
    ],
  ];
  for (const [name, ids, words, expected] of table) {
    test(name, () => assert.deepEqual(keepAcrossShards(ids, words, shardOf), expected));
  }

  const prefixTable: [number, number, boolean][] = [
    [1, 0, false],
    [1, 5, false],
    [2, 5, false],
    [2, 0, true],
  ];
  for (const [words, exact, expected] of prefixTable) {
    test(`a prefix search for ${words} word(s), ${exact} exact matches: ${expected}`, () =>
      assert.equal(needsPrefixSearch(words, exact), expected));
  }
});
