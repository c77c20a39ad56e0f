import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { evaluationOf, planSearch, withFields } from "../../../src/lib/search/plan.ts";
import { planQuery, parseQuery } from "../../../src/lib/search/query.ts";
import { emptyFacets } from "../../../src/lib/search/state.ts";
import { keptAcrossShards, relevanceAcrossShards } from "../../../src/lib/search/merge.ts";
import type { ShardFindings } from "../../../src/lib/search/merge.ts";

describe("planSearch", () => {
  test("a query without operators keeps its plain plan", () => {
    for (const query of ["JF-17", '"military cooperation" Baku', '"JF-17 Thunder"', "Bakı", ""]) {
      assert.deepEqual(planSearch(query).query, planQuery(parseQuery(query)), query);
    }
  });
  const table: [string, string, ReturnType<typeof planSearch>["query"], string[][]][] = [
    [
      "an exclusion is searched exactly, as a phrase of the typed word",
      "Karabakh -JF17",
      { kind: "words", term: "Karabakh" },
      [['"JF-17"']],
    ],
    [
      "OR: the plain words searched together, each alternative on its own",
      'Baku "oil exports" (Pakistan OR JF-17)',
      { kind: "any", clauses: [[["Baku"]], [['"oil exports"']], [["Pakistan"], ["JF 17"]]] },
      [],
    ],
    [
      "an alternative of words and a phrase is two terms",
      '(talks "in Moscow") OR jets',
      { kind: "any", clauses: [[["talks", '"in Moscow"'], ["jets"]]] },
      [],
    ],
    ["only exclusions browse", "-Moscow", { kind: "browse" }, [['"Moscow"']]],
  ];
  for (const [name, query, plan, exclude] of table) {
    test(`${name}: ${query}`, () => {
      assert.deepEqual(planSearch(query).query, plan);
      assert.deepEqual(planSearch(query).exclude, exclude);
    });
  }
});

describe("evaluationOf", () => {
  test("a plain query: its words ranked, phrases only filter, the words' results the pool", () => {
    const evaluation = evaluationOf(planSearch('"military cooperation" Baku -Moscow'));
    assert.deepEqual(evaluation, {
      searches: [
        { term: "military cooperation Baku", rank: true },
        { term: '"military cooperation"', rank: false },
        { term: '"Moscow"', rank: false },
      ],
      clauses: [[[0]], [[1]]],
      exclude: [[2]],
      pool: [0],
      rankBy: [0, 1, 2].map((word) => ({ term: 0, word })),
    });
  });
  test("OR: every alternative is a candidate, ranked by each distinct word once", () => {
    const evaluation = evaluationOf(planSearch("(cooperation OR military) cooperation -Moscow"));
    assert.deepEqual(evaluation.searches, [
      { term: "cooperation", rank: true },
      { term: "military", rank: true },
      { term: '"Moscow"', rank: false },
    ]);
    assert.deepEqual(evaluation.clauses, [[[0]], [[0], [1]]]);
    assert.deepEqual(evaluation.pool, [0, 1], "not the excluded term");
    assert.deepEqual(evaluation.rankBy, [
      { term: 0, word: 0 },
      { term: 1, word: 0 },
    ]);
  });
});

const r = (...ids: string[]) => ids.map((id) => ({ id }));
/** A term's findings in a shard where every word is held exactly by `ids`. */
const term = (...ids: string[]) => ({ results: r(...ids), words: [{ exact: ids }] });

describe("keptAcrossShards with a combination", () => {
  // Terms: 0 `pakistan`, 1 `india`, 2 `"moscow"` (excluded); two shards.
  const found: ShardFindings<{ id: string }>[] = [
    { shard: 0, terms: [term("a", "b"), term("b", "c"), term("c")] },
    { shard: 1, terms: [term("d"), term("e"), term("d")] },
  ];
  const ids = (kept: Map<number, { id: string }[]>) =>
    [...kept].map(([shard, pages]) => [shard, pages.map((page) => page.id)]);
  test("OR is the union of the alternatives, each page once", () => {
    const kept = keptAcrossShards(found, { clauses: [[[0], [1]]], exclude: [], pool: [0, 1] });
    assert.deepEqual(ids(kept), [
      [0, ["a", "b", "c"]],
      [1, ["d", "e"]],
    ]);
  });
  test("an exclusion removes the pages its term kept, in any shard", () => {
    const kept = keptAcrossShards(found, { clauses: [[[0], [1]]], exclude: [[2]], pool: [0, 1] });
    assert.deepEqual(ids(kept), [
      [0, ["a", "b"]],
      [1, ["e"]],
    ]);
  });
  test("AND of an OR: pages holding a term of every clause", () => {
    const kept = keptAcrossShards(found, { clauses: [[[0]], [[1], [2]]], exclude: [], pool: [0] });
    assert.deepEqual(ids(kept), [
      [0, ["b"]],
      [1, ["d"]],
    ]);
  });
  test("an excluded term a shard only fell back to excludes nothing there", () => {
    // `"moscow"` found in shard 0 by fallback only (no exact match), exactly in shard 1.
    const fallback: ShardFindings<{ id: string }>[] = [
      { shard: 0, terms: [term("a"), { results: r("a"), words: [{ exact: [] }] }] },
      { shard: 1, terms: [term("d"), term("d")] },
    ];
    const kept = keptAcrossShards(fallback, { clauses: [[[0]]], exclude: [[1]], pool: [0] });
    assert.deepEqual(ids(kept), [
      [0, ["a"]],
      [1, []],
    ]);
  });
});

describe("relevanceAcrossShards by the words named", () => {
  test("a page scores the sum of the words it holds, from whichever term searched them", () => {
    const hits = (...pairs: [string, number][]) => pairs.map(([id, score]) => ({ id, score }));
    const found: ShardFindings<{ id: string }>[] = [
      {
        shard: 0,
        terms: [
          { ...term("a", "b"), wordHits: [hits(["a", 2], ["b", 1])] },
          { ...term("b"), wordHits: [hits(["b", 3])] },
        ],
      },
    ];
    const both = relevanceAcrossShards(found, () => 10, [
      { term: 0, word: 0 },
      { term: 1, word: 0 },
    ])!;
    const first = relevanceAcrossShards(found, () => 10, [{ term: 0, word: 0 }])!;
    assert.ok(both.get("b")! > first.get("b")!, "b holds both words");
    assert.equal(both.get("a"), first.get("a"));
    assert.equal(
      relevanceAcrossShards(found, () => 10, null),
      null,
    );
  });
});

describe("withFields", () => {
  const known = {
    ...{ language: {}, section: {} },
    source: { "Azeri Press Agency": 3, Azernews: 2, Trend: 4 },
    author: { "Rauf Hasanov": 2, "Günay Həsənova": 1, "John Smith": 1 },
    year: { "2014": 1, "2015": 1, "2017": 2, "2019": 5, "2021": 1 },
  };
  const fields = (typed: Partial<Record<"source" | "author" | "year", string[]>>) => ({
    source: [],
    author: [],
    year: [],
    ...typed,
  });
  const table: [string, Partial<Record<"source" | "author" | "year", string[]>>, object][] = [
    ["a value in any case", { source: ["trend"] }, { source: ["Trend"] }],
    ["a quoted value", { source: ["azeri press agency"] }, { source: ["Azeri Press Agency"] }],
    [
      "part of a value: every value holding it",
      { author: ["hasanov"] },
      { author: ["Rauf Hasanov"] },
    ],
    [
      "Azerbaijani letters typed plain",
      { author: ["gunay hesenova"] },
      { author: ["Günay Həsənova"] },
    ],
    ["an exact value wins over longer ones", { source: ["azernews"] }, { source: ["Azernews"] }],
    ["a year", { year: ["2019"] }, { year: ["2019"] }],
    ["a span of years: those in it", { year: ["2015-2019"] }, { year: ["2015", "2017", "2019"] }],
    ["a span typed backwards", { year: ["2019-2015"] }, { year: ["2015", "2017", "2019"] }],
    ["an unknown value finds nothing", { source: ["Reuters"] }, { source: ["Reuters"] }],
  ];
  for (const [name, typed, expected] of table) {
    test(name, () => {
      assert.deepEqual(withFields(emptyFacets(), fields(typed), known), {
        ...emptyFacets(),
        ...expected,
      });
    });
  }
  test("adds to the values ticked", () => {
    const ticked = { ...emptyFacets(), source: ["Azernews"] };
    const merged = withFields(ticked, fields({ source: ["trend"] }), known);
    assert.deepEqual(merged.source, ["Azernews", "Trend"]);
    assert.deepEqual(ticked.source, ["Azernews"], "the state is not changed");
  });
});
