import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  idf,
  orderByRelevance,
  rankByRelevance,
  relevanceOf,
  type TermHits,
} from "../../../src/lib/search/ranking.ts";

/** A page: its id, and per query word the shard-independent part of its score (or none). */
type Page = [id: string, units: (number | null)[]];

/** Pagefind's scores for `pages` split into shards of the given sizes (as f32, like Pagefind). */
function shardsOf(pages: readonly Page[], sizes: readonly number[], words: number): TermHits[][] {
  const shards = sizes.map((size, i) => {
    const start = sizes.slice(0, i).reduce((a, b) => a + b, 0);
    return pages.slice(start, start + size);
  });
  return Array.from({ length: words }, (_, w) =>
    shards.map((shard) => {
      const matching = shard.filter(([, units]) => units[w] !== null);
      const local = idf(shard.length, matching.length);
      return {
        shardPages: shard.length,
        hits: matching.map(([id, units]) => ({ id, score: Math.fround(local * units[w]!) })),
      };
    }),
  );
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe("idf", () => {
  const table: [number, number, number][] = [
    [10, 2, Math.log(8.5 / 2.5 + 1)],
    [10, 10, Math.log(0.5 / 10.5 + 1)],
    [1, 0, Math.log(1.5 / 0.5 + 1)],
  ];
  for (const [pages, matching, expected] of table) {
    test(`${matching} of ${pages} pages`, () => {
      assert.ok(Math.abs(idf(pages, matching) - expected) < 1e-6);
    });
  }
});

describe("rankByRelevance: shards rank as one index of their pages", () => {
  // Units chosen so that a shard's own idf would order them differently.
  const pages: Page[] = [
    ["a", [1.2, null]],
    ["b", [0.8, 2.0]],
    ["c", [1.2, 0.5]],
    ["d", [null, 1.0]],
    ["e", [2.5, null]],
    ["f", [0.8, 0.9]],
    ["g", [null, null]],
    ["h", [1.2, 1.0]],
  ];
  const candidates = pages.map(([id]) => id);
  const oneIndex = rankByRelevance(shardsOf(pages, [8], 2), candidates, byId);
  const table: [string, number[]][] = [
    ["two shards", [4, 4]],
    ["uneven shards", [1, 6, 1]],
    ["a shard per page", [1, 1, 1, 1, 1, 1, 1, 1]],
    ["an empty shard among them", [3, 0, 5]],
  ];
  for (const [name, sizes] of table) {
    test(name, () => {
      assert.deepEqual(rankByRelevance(shardsOf(pages, sizes, 2), candidates, byId), oneIndex);
    });
  }
  test("the one-index order is by the sum of idf × unit over the words", () => {
    // Word 1 is on 6 of 8 pages, word 2 on 5: idf ≈ 0.37 and 0.56 (see idf above).
    const [w1, w2] = [idf(8, 6), idf(8, 5)];
    const expected = pages
      .map(([id, [u1, u2]]) => ({ id, value: w1 * (u1 ?? 0) + w2 * (u2 ?? 0) }))
      .sort((a, b) => b.value - a.value || byId(a.id, b.id))
      .map(({ id }) => id);
    assert.deepEqual(oneIndex, expected);
    assert.deepEqual(oneIndex.slice(0, 2), ["b", "h"]);
  });
  test("without the archive-wide idf, shards order by their own scores: not as one index", () => {
    const shards = shardsOf(pages, [1, 6, 1], 2);
    const raw = new Map<string, number>();
    for (const word of shards) {
      for (const shard of word) {
        for (const hit of shard.hits) raw.set(hit.id, (raw.get(hit.id) ?? 0) + hit.score);
      }
    }
    const byRawScore = [...candidates].sort((a, b) => (raw.get(b) ?? 0) - (raw.get(a) ?? 0));
    assert.notDeepEqual(byRawScore, oneIndex);
  });
});

describe("orderByRelevance", () => {
  const table: [string, [string, number | undefined][], string[]][] = [
    [
      "highest first",
      [
        ["x", 1],
        ["y", 3],
        ["z", 2],
      ],
      ["y", "z", "x"],
    ],
    [
      "equal values in tie-break order",
      [
        ["z", 2],
        ["x", 2],
        ["y", 2],
      ],
      ["x", "y", "z"],
    ],
    [
      "32-bit noise is no difference",
      [
        ["z", 2],
        ["x", Math.fround(2 * (1 + 2e-7))],
        ["y", 2 * (1 - 2e-7)],
      ],
      ["x", "y", "z"],
    ],
    [
      "a real difference is one",
      [
        ["x", 2],
        ["y", 2.001],
      ],
      ["y", "x"],
    ],
    [
      "no relevance counts as 0, last",
      [
        ["x", undefined],
        ["y", 0.1],
      ],
      ["y", "x"],
    ],
  ];
  for (const [name, values, expected] of table) {
    test(name, () => {
      const value = new Map(values);
      const ids = values.map(([id]) => id);
      assert.deepEqual(
        orderByRelevance(ids, (id) => value.get(id), byId),
        expected,
      );
    });
  }
});

describe("relevanceOf", () => {
  test("a page hit by two words sums idf × unit of each", () => {
    const words: TermHits[][] = [
      [{ shardPages: 4, hits: [{ id: "a", score: idf(4, 1) * 2 }] }],
      [
        {
          shardPages: 4,
          hits: [
            { id: "a", score: idf(4, 2) * 3 },
            { id: "b", score: 1 },
          ],
        },
      ],
    ];
    const relevance = relevanceOf(words);
    assert.ok(Math.abs(relevance.get("a")! - (idf(4, 1) * 2 + idf(4, 2) * 3)) < 1e-5);
    assert.ok(Math.abs(relevance.get("b")! - 1) < 1e-6);
  });
});
