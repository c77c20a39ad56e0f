import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  allRowsNewestFirst,
  decodeFacetTable,
  encodeFacetTable,
  mergedPositionsOfRows,
  facetValueLabel,
  narrow,
  orderFacetValues,
  previewValues,
  sortByDate,
  type EncodedFacetTable,
  type FacetRecord,
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

/** Page ids in permalink order, as Pagefind lists them sorted by the permalink key. */
const idsInOrder = (records: FacetRecord[]) =>
  [...records].sort((a, b) => (a.url < b.url ? -1 : 1)).map((r) => r.id);

const table = decodeFacetTable(
  JSON.parse(JSON.stringify(encodeFacetTable(RECORDS))) as EncodedFacetTable,
  idsInOrder(RECORDS),
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

  test("compact: no ids but checkpoints, values most frequent first, dates as day deltas", () => {
    const encoded = encodeFacetTable(RECORDS);
    assert.equal(encoded.rows, 6);
    assert.deepEqual(
      encoded.checkpoints,
      [
        [0, "p4"],
        [1, "p6"],
        [4, "p3"],
        [5, "p2"],
      ],
      "the first row, the first of each year (where index shards meet) and the last",
    );
    assert.deepEqual(encoded.values.source, ["Azernews", "Trend", "APA", "Report.az"]);
    assert.equal(encoded.days[0], 17671, "2018-05-20 is day 17671");
    assert.deepEqual(encoded.days.slice(1), [256, 43, 271, 85, 453]);
    assert.deepEqual(encoded.columns.section, [0, -1, 0, 1, -1, 1], "Economy 0, Politics 1");
    assert.equal(encoded.columns.year, undefined, "years come from the dates");
  });

  test("an unknown version is refused", () => {
    assert.throws(
      () => decodeFacetTable({ ...encodeFacetTable([]), version: 4 as 3 }, []),
      /Unknown facet table version 4/,
    );
  });

  test("ids that do not line up with the rows are refused", () => {
    const encoded = encodeFacetTable(RECORDS);
    const ids = idsInOrder(RECORDS);
    assert.throws(() => decodeFacetTable(encoded, ids.slice(1)), /does not match the search index/);
    assert.throws(() => decodeFacetTable(encoded, [...ids].reverse()), /does not match/);
  });

  test("two index shards joined in the wrong order are refused", () => {
    // 2018 | 2019 | 2020 | 2021, as if the 2019 shard had answered before the 2018 one.
    const ids = idsInOrder(RECORDS);
    const swapped = [...ids.slice(1, 4), ids[0]!, ...ids.slice(4)];
    assert.throws(() => decodeFacetTable(encodeFacetTable(RECORDS), swapped), /does not match/);
  });
});

describe("shards", () => {
  test("segments must add up to the pages", () => {
    assert.equal(encodeFacetTable(RECORDS).segments.join(), "6");
    assert.deepEqual(encodeFacetTable(RECORDS, [1, 3, 1, 1]).segments, [1, 3, 1, 1]);
    assert.throws(() => encodeFacetTable(RECORDS, [1, 3]), /do not add up to 6 pages/);
  });

  const table: [string, number[], number[]][] = [
    ["one shard is in order", [4], [0, 1, 2, 3]],
    ["no pages", [], []],
    // Merged: a0 b0 c0 a1 c1 a2 c2 c3; rows: a0 a1 a2 b0 c0 c1 c2 c3.
    ["shards of 3, 1 and 4 pages", [3, 1, 4], [0, 3, 5, 1, 2, 4, 6, 7]],
    ["an empty shard takes no turn", [2, 0, 1], [0, 2, 1]],
  ];
  for (const [name, segments, expected] of table) {
    test(`merged positions: ${name}`, () =>
      assert.deepEqual(mergedPositionsOfRows(segments), expected));
  }

  test("Pagefind's merged answer, put back in row order, decodes", () => {
    // 2018 | 2019 | 2020, 2021 as three shards, merged as Pagefind merges sorted answers.
    const segments = [1, 3, 2];
    const encoded = encodeFacetTable(RECORDS, segments);
    const rows = idsInOrder(RECORDS);
    const shards = [rows.slice(0, 1), rows.slice(1, 4), rows.slice(4)];
    const scored = shards.flatMap((ids) => ids.map((id, rank) => ({ id, score: -rank })));
    const merged = scored.sort((a, b) => b.score - a.score).map((result) => result.id);
    assert.notDeepEqual(merged, rows, "the merged answer interleaves the shards");
    const back = mergedPositionsOfRows(segments).map((position) => merged[position]!);
    assert.deepEqual(decodeFacetTable(encoded, back).ids, rows);
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
    const extra = decodeFacetTable(encodeFacetTable(records), idsInOrder(records));
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
