import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  archiveStats,
  buildBrowseIndex,
  countOf,
  neighboursAt,
  type BrowseFields,
  type BrowseIndex,
} from "../../src/lib/browse.ts";

interface Item extends BrowseFields {
  id: string;
}

const item = (id: string, date: string, source: string, ...authors: string[]): Item => ({
  id,
  date,
  source,
  authors,
});

/** Newest first, as the archive sorts them. */
const ITEMS: Item[] = [
  item("e", "2021-06-30", "Caspian Herald", "Nigar Hasanova", "Elvin Mammadov"),
  item("d", "2021-06-30", "Baku Evening Post", "Nigar Hasanova"),
  item("c", "2021-05-14", "Today.Az", "Leyla Məmmədova"),
  item("b", "2019-12-11", "Today.az", "Leyla Mammadova"),
  item("a", "2019-12-11", "Azernews"),
];

let index: BrowseIndex<Item>;
before(() => {
  index = buildBrowseIndex(ITEMS, (i) => i);
});
const ids = (items: readonly Item[]) => items.map((i) => i.id).join("");

describe("buildBrowseIndex", () => {
  const groupings: [string, () => string[], string[]][] = [
    ["years", () => index.years.map((y) => `${y.year}:${ids(y.items)}`), ["2021:edc", "2019:ba"]],
    [
      "months",
      () => index.months.map((m) => `${m.year}-${m.month}:${ids(m.items)}`),
      ["2021-06:ed", "2021-05:c", "2019-12:ba"],
    ],
    [
      "days",
      () => index.days.map((d) => `${d.date}:${ids(d.items)}`),
      ["2021-06-30:ed", "2021-05-14:c", "2019-12-11:ba"],
    ],
    [
      "months of a year, in calendar order",
      () => index.years[0]!.months.map((m) => m.month),
      ["05", "06"],
    ],
    [
      "sources, alphabetical, spellings sharing a slug merged",
      () => index.sources.map((s) => `${s.slug}=${s.name}:${ids(s.items)}`),
      [
        "azernews=Azernews:a",
        "baku-evening-post=Baku Evening Post:d",
        "caspian-herald=Caspian Herald:e",
        "today-az=Today.Az:cb",
      ],
    ],
    [
      "authors, alphabetical (ə after a), each article under each of its authors",
      () => index.authors.map((a) => `${a.slug}:${ids(a.items)}`),
      ["elvin-mammadov:e", "leyla-mammadova:b", "leyla-memmedova:c", "nigar-hasanova:ed"],
    ],
    [
      "paths",
      () => [
        index.years[1]!.path,
        index.months[2]!.path,
        index.days[0]!.path,
        index.sources[0]!.path,
        index.authors[0]!.path,
      ],
      [
        "/articles/2019/",
        "/articles/2019/12/",
        "/articles/2021/06/30/",
        "/sources/azernews/",
        "/authors/elvin-mammadov/",
      ],
    ],
  ];
  for (const [name, actual, expected] of groupings) {
    test(name, () => assert.deepEqual(actual(), expected));
  }

  test("a merged source keeps every spelling, the newest first", () => {
    assert.deepEqual(index.sources.at(-1)!.names, ["Today.Az", "Today.az"]);
  });

  test("previous and next link only groups that have articles", () => {
    const [june, may, december] = index.months;
    assert.equal(june!.newer, undefined);
    assert.equal(june!.older, may);
    assert.equal(may!.older, december, "skips the empty months between");
    assert.equal(december!.newer, may);
    assert.equal(december!.older, undefined);
    assert.equal(index.years[0]!.older, index.years[1]);
    assert.equal(index.days[2]!.newer, index.days[1]);
  });

  test("an author named twice in one byline counts the article once", () => {
    const twice = buildBrowseIndex([item("x", "2020-01-01", "S", "Ann Lee", "ann lee")], (i) => i);
    assert.equal(twice.authors.length, 1);
    assert.equal(twice.authors[0]!.items.length, 1);
  });

  test("an unsorted list is refused rather than grouped wrongly", () => {
    assert.throws(() => buildBrowseIndex([...ITEMS].reverse(), (i) => i), /sorted newest first/);
  });

  test("an empty archive has no groups", () => {
    const empty = buildBrowseIndex([] as Item[], (i) => i);
    assert.deepEqual([empty.years, empty.days, empty.sources, empty.authors], [[], [], [], []]);
  });

  // A timing bound would fail on a loaded machine; one read of each article shows the
  // single pass, and a quadratic grouping would not finish 100,000 in the run.
  test("one pass: 100,000 articles group with one read of each", () => {
    const many: Item[] = [];
    for (let i = 0; i < 100_000; i++) {
      const day = 28 - Math.floor(i / 4000);
      many.push(
        item(`${i}`, `2020-02-${String(day).padStart(2, "0")}`, `S${i % 40}`, `A ${i % 900}`),
      );
    }
    let reads = 0;
    const big = buildBrowseIndex(many, (i) => (reads++, i));
    assert.equal(reads, many.length, "each article's fields are read once");
    assert.equal(big.days.length, 25);
    assert.equal(big.sources.length, 40);
    assert.equal(big.authors.length, 900);
  });
});

describe("archiveStats", () => {
  test("counts articles, sources, authors and years, and the span of dates", () => {
    assert.deepEqual(
      archiveStats(index, (i) => i.date),
      {
        articles: 5,
        sources: 4,
        authors: 4,
        years: 2,
        oldest: "2019-12-11",
        newest: "2021-06-30",
      },
    );
  });
});

describe("neighboursAt", () => {
  const table: [number, string | undefined, string | undefined][] = [
    [0, undefined, "d"],
    [2, "d", "b"],
    [4, "b", undefined],
  ];
  for (const [at, newer, older] of table) {
    test(`position ${at}: newer ${newer}, older ${older}`, () => {
      const n = neighboursAt(ITEMS, at);
      assert.deepEqual([n.newer?.id, n.older?.id], [newer, older]);
    });
  }
});

describe("countOf", () => {
  const counts: [number, string][] = [
    [0, "0 articles"],
    [1, "1 article"],
    [2, "2 articles"],
    [100000, "100,000 articles"],
  ];
  for (const [n, text] of counts) test(text, () => assert.equal(countOf(n, "article"), text));
});
