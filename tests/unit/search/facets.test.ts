import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  decodeFacetTable,
  encodeFacetTable,
  type EncodedFacetTable,
  type FacetRecord,
} from "../../../src/lib/search/facet-table.ts";
import {
  addCounts,
  allRowsNewestFirst,
  emptyCounts,
  facetTotals,
  facetValueLabel,
  narrow,
  orderFacetValues,
  previewValues,
  sortByDate,
  type Selection,
} from "../../../src/lib/search/facets.ts";
import { emptyFacets, type SearchState } from "../../../src/lib/search/state.ts";

const RECORDS: FacetRecord[] = [
  {
    id: "p1",
    url: "/articles/2019/12/11/p1/",
    date: "2019-12-11",
    facets: {
      source: ["Azernews"],
      author: ["Ofeliya Afandiyeva"],
      language: ["en"],
      section: ["Politics"],
    },
  },
  {
    id: "p2",
    url: "/articles/2021/06/01/p2/",
    date: "2021-06-01",
    facets: {
      source: ["Trend"],
      author: ["Leyla Əliyeva", "John Smith"],
      language: ["en"],
      section: ["Politics"],
    },
  },
  {
    id: "p3",
    url: "/articles/2020/03/05/p3/",
    date: "2020-03-05",
    facets: { source: ["Report.az"], author: ["Şəhriyar Ağayev"], language: ["az"] },
  },
  {
    id: "p4",
    url: "/articles/2018/05/20/p4/",
    date: "2018-05-20",
    facets: {
      source: ["Azernews"],
      author: ["Ofeliya Afandiyeva"],
      language: ["en"],
      section: ["Economy"],
    },
  },
  {
    id: "p5",
    url: "/articles/2019/03/15/p5/",
    date: "2019-03-15",
    facets: { source: ["Trend"], author: ["John Smith"], language: ["en"], section: ["Economy"] },
  },
  {
    id: "p6",
    url: "/articles/2019/01/31/p6/",
    date: "2019-01-31",
    facets: { source: ["APA"], language: ["en"] },
  },
];

/** The ids in an order of Pagefind's own, as a shard's `.pf_meta` lists them. */
const metaIdsOf = (records: readonly FacetRecord[]) => records.map((r) => r.id).reverse();
const META_IDS = metaIdsOf(RECORDS);
const roundTrip = (records: readonly FacetRecord[]) =>
  decodeFacetTable(encodeFacetTable(records, metaIdsOf(records)), metaIdsOf(records));

const table = decodeFacetTable(
  JSON.parse(JSON.stringify(encodeFacetTable(RECORDS, META_IDS))) as EncodedFacetTable,
  META_IDS,
);
const ids = (rows: number[]) => rows.map((row) => table.ids[row]);
const all = () => RECORDS.map((r) => table.rowOf.get(r.id)!);

function selection(
  facets: Partial<SearchState["facets"]> = {},
  start: string | null = null,
  end: string | null = null,
): Selection {
  return { facets: { ...emptyFacets(), ...facets }, range: { start, end } };
}

describe("facet table encoding", () => {
  test("round trip: rows in permalink order, dates, values, several authors, none", () => {
    assert.deepEqual(table.ids, ["p4", "p6", "p5", "p1", "p3", "p2"]);
    assert.deepEqual(table.dates, [
      "2018-05-20",
      "2019-01-31",
      "2019-03-15",
      "2019-12-11",
      "2020-03-05",
      "2021-06-01",
    ]);
    const p2 = table.rowOf.get("p2")!;
    assert.deepEqual(
      table.pageValues.author[p2]!.map((i) => table.values.author[i]),
      ["Leyla Əliyeva", "John Smith"],
    );
    assert.deepEqual(table.pageValues.section[table.rowOf.get("p6")!], []);
    assert.deepEqual(table.values.year, ["2021", "2020", "2019", "2018"]);
  });

  test("compact: no ids but the meta's pages' rows, values most frequent first, day deltas", () => {
    const encoded = encodeFacetTable(RECORDS, META_IDS);
    assert.equal("ids" in encoded, false);
    // The meta lists p6 p5 p4 p3 p2 p1: rows 1 2 0 4 5 3.
    assert.deepEqual(encoded.order, [1, 1, -2, 4, 1, -2]);
    assert.deepEqual(encoded.values.source, ["Azernews", "Trend", "APA", "Report.az"]);
    assert.equal(encoded.days[0], 17671, "2018-05-20 is day 17671");
    assert.deepEqual(encoded.days.slice(1), [256, 43, 271, 85, 453]);
    assert.deepEqual(encoded.columns.section, [0, -1, 0, 1, -1, 1], "Economy 0, Politics 1");
    assert.equal(encoded.columns.year, undefined, "years come from the dates");
  });

  test("an unknown version is refused", () => {
    assert.throws(
      () => decodeFacetTable({ ...encodeFacetTable([], []), version: 4 as 5 }, []),
      /Unknown facet table version 4/,
    );
  });

  test("a table with more rows than dates is refused", () => {
    const encoded = encodeFacetTable(RECORDS, META_IDS);
    assert.throws(
      () => decodeFacetTable({ ...encoded, days: encoded.days.slice(1) }, META_IDS),
      /has 6 rows for 5 dates/,
    );
  });

  test("a table that does not fit the index's pages is refused", () => {
    const encoded = encodeFacetTable(RECORDS, META_IDS);
    assert.throws(
      () => decodeFacetTable(encoded, META_IDS.slice(1)),
      /has 6 rows; the index 5 pages/,
    );
    assert.throws(
      () => decodeFacetTable({ ...encoded, order: [1, 1, -2, 4, 1, -1] }, META_IDS),
      /row order is broken at page 5/,
    );
  });

  test("the build refuses an index whose pages are not the fragments' pages", () => {
    assert.throws(
      () => encodeFacetTable(RECORDS, META_IDS.slice(1)),
      /lists 5 pages but its fragments hold 6/,
    );
    assert.throws(
      () => encodeFacetTable(RECORDS, [...META_IDS.slice(1), "p9"]),
      /lists page p9, with no fragment/,
    );
  });
});

describe("counts of several shards", () => {
  test("the totals count every value once per page, years from the dates", () => {
    const totals = facetTotals([...RECORDS, { ...RECORDS[1]!, id: "p7" }]);
    assert.deepEqual(totals.source, { Azernews: 2, Trend: 3, "Report.az": 1, APA: 1 });
    assert.deepEqual(totals.year, { "2018": 1, "2019": 3, "2020": 1, "2021": 2 });
    assert.deepEqual(totals.author, {
      "Ofeliya Afandiyeva": 2,
      "Leyla Əliyeva": 2,
      "John Smith": 3,
      "Şəhriyar Ağayev": 1,
    });
    assert.deepEqual(totals.section, { Politics: 3, Economy: 2 });
  });

  test("the totals equal narrowing every page with nothing selected", () => {
    assert.deepEqual(narrow(table, all(), selection()).counts, facetTotals(RECORDS));
  });

  test("counts of two shards add up to the counts of one table of both", () => {
    const older = roundTrip(RECORDS.slice(0, 3));
    const newer = roundTrip(RECORDS.slice(3));
    const sel = selection({ source: ["Trend"] }, "2019-01-01", null);
    const everyRow = (t: typeof table) => t.ids.map((_, i) => i);
    const added = addCounts(
      addCounts(emptyCounts(), narrow(older, everyRow(older), sel).counts),
      narrow(newer, everyRow(newer), sel).counts,
    );
    assert.deepEqual(added, narrow(table, all(), sel).counts);
  });
});

describe("narrow", () => {
  const table2: [string, Selection, string[]][] = [
    [
      "nothing selected keeps all, in the given order",
      selection(),
      ["p1", "p2", "p3", "p4", "p5", "p6"],
    ],
    ["one source", selection({ source: ["Azernews"] }), ["p1", "p4"]],
    [
      "several values of a facet are alternatives",
      selection({ source: ["Azernews", "Trend"] }),
      ["p1", "p2", "p4", "p5"],
    ],
    [
      "facets all apply",
      selection({ source: ["Azernews", "Trend"], section: ["Economy"] }),
      ["p4", "p5"],
    ],
    ["one of several authors", selection({ author: ["John Smith"] }), ["p2", "p5"]],
    ["a year", selection({ year: ["2019"] }), ["p1", "p5", "p6"]],
    ["a language", selection({ language: ["az"] }), ["p3"]],
    [
      "a range of days, both ends included",
      selection({}, "2019-01-31", "2019-12-11"),
      ["p1", "p5", "p6"],
    ],
    ["an open end", selection({}, "2020-01-01", null), ["p2", "p3"]],
    ["a range and a facet", selection({ source: ["Trend"] }, null, "2020-12-31"), ["p5"]],
    ["an unknown value matches nothing", selection({ source: ["Nobody"] }), []],
  ];
  for (const [name, sel, expected] of table2) {
    test(name, () => assert.deepEqual(ids(narrow(table, all(), sel).rows), expected));
  }

  test("counts are disjunctive: a facet's counts ignore its own selection", () => {
    const { counts } = narrow(table, all(), selection({ source: ["Azernews"], year: ["2019"] }));
    // Sources of 2019 articles, whatever source is chosen.
    assert.deepEqual(counts.source, { Azernews: 1, Trend: 1, APA: 1 });
    // Years of Azernews articles, whatever year is chosen.
    assert.deepEqual(counts.year, { "2019": 1, "2018": 1 });
    // Other facets count the results themselves.
    assert.deepEqual(counts.author, { "Ofeliya Afandiyeva": 1 });
    assert.deepEqual(counts.language, { en: 1 });
  });

  test("counts respect the date range and the candidates (search results)", () => {
    const candidates = ["p1", "p2", "p5"].map((id) => table.rowOf.get(id)!);
    const { counts } = narrow(table, candidates, selection({}, "2019-01-01", "2019-12-31"));
    assert.deepEqual(counts.source, { Azernews: 1, Trend: 1 });
    assert.deepEqual(counts.author, { "Ofeliya Afandiyeva": 1, "John Smith": 1 });
  });
});

describe("order", () => {
  test("newest and oldest, equal dates in rank order", () => {
    const records = [
      ...RECORDS,
      { id: "p7", url: "/articles/2019/12/11/p7/", date: "2019-12-11", facets: {} },
    ];
    const extra = roundTrip(records);
    const rows = ["p7", "p3", "p1", "p4"].map((id) => extra.rowOf.get(id)!);
    assert.deepEqual(
      sortByDate(extra, rows, "newest").map((r) => extra.ids[r]),
      ["p3", "p7", "p1", "p4"],
    );
    assert.deepEqual(
      sortByDate(extra, rows, "oldest").map((r) => extra.ids[r]),
      ["p4", "p7", "p1", "p3"],
    );
  });

  test("browsing lists every page newest first", () => {
    assert.deepEqual(ids(allRowsNewestFirst(table)), ["p2", "p3", "p1", "p5", "p6", "p4"]);
  });
});

describe("facet values", () => {
  test("languages read by name, other values as they are", () => {
    assert.equal(facetValueLabel("language", "az"), "Azerbaijani");
    assert.equal(facetValueLabel("language", "en"), "English");
    assert.equal(facetValueLabel("source", "az"), "az");
  });

  test("years newest first, others by archive-wide count then name", () => {
    assert.deepEqual(orderFacetValues("year", { "2019": 5, "2021": 1, "2020": 9 }), [
      "2021",
      "2020",
      "2019",
    ]);
    assert.deepEqual(orderFacetValues("source", { Trend: 2, Azernews: 5, APA: 2 }), [
      "Azernews",
      "APA",
      "Trend",
    ]);
  });
});

describe("previewValues", () => {
  const ordered = ["A", "B", "C", "D", "E"];
  const table3: [string, Record<string, number>, string[], number, string[]][] = [
    ["most frequent in the results", { A: 1, B: 5, C: 3, D: 4 }, [], 2, ["B", "D"]],
    ["ties keep display order", { A: 2, B: 2, C: 2 }, [], 2, ["A", "B"]],
    ["zero counts are not shown", { A: 0, B: 1 }, [], 3, ["B"]],
    ["selected values always shown", { A: 5, B: 4, E: 0 }, ["E"], 1, ["A", "E"]],
  ];
  for (const [name, counts, selected, limit, expected] of table3) {
    test(name, () =>
      assert.deepEqual([...previewValues(ordered, counts, selected, limit)], expected),
    );
  }
});
