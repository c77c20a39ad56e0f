import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  keptAcrossShards,
  relevanceAcrossShards,
  orderHits,
  type Hit,
  type ShardFindings,
} from "../../../src/lib/search/merge.ts";
import { idf } from "../../../src/lib/search/ranking.ts";

const r = (...ids: string[]) => ids.map((id) => ({ id }));

describe("keptAcrossShards", () => {
  test("a shard that only fell back to a shorter word is dropped once another has the word", () => {
    // `hasanova`: shard 0 has only `hasanov` (its results are a fallback), shard 1 has it.
    const found: ShardFindings<{ id: string }>[] = [
      { shard: 0, terms: [{ results: r("a", "b"), words: [{ exact: [] }] }] },
      { shard: 1, terms: [{ results: r("c"), words: [{ exact: ["c"] }] }] },
    ];
    assert.deepEqual(
      [...keptAcrossShards(found)].map(([shard, kept]) => [shard, kept.map((x) => x.id)]),
      [
        [0, []],
        [1, ["c"]],
      ],
    );
    // Before shard 1 answers, shard 0's pages are all there is.
    assert.deepEqual(keptAcrossShards(found.slice(0, 1)).get(0), r("a", "b"));
  });

  test("a half-typed word among others keeps the pages its prefix search found", () => {
    const found: ShardFindings<{ id: string }>[] = [
      {
        shard: 0,
        terms: [
          {
            results: r("a", "b"),
            words: [{ exact: ["a", "b"] }, { exact: [], prefix: new Set(["a"]) }],
          },
        ],
      },
      {
        shard: 1,
        terms: [
          {
            results: r("c"),
            words: [{ exact: ["c"] }, { exact: [], prefix: new Set(["c"]) }],
          },
        ],
      },
    ];
    const kept = keptAcrossShards(found);
    assert.deepEqual(kept.get(0), r("a"));
    assert.deepEqual(kept.get(1), r("c"));
  });

  test("phrases keep only the pages they found too", () => {
    const found: ShardFindings<{ id: string }>[] = [
      {
        shard: 0,
        terms: [
          { results: r("a", "b", "c"), words: [] },
          { results: r("c", "a"), words: [] },
        ],
      },
    ];
    assert.deepEqual(keptAcrossShards(found).get(0), r("a", "c"));
  });
});

describe("orderHits", () => {
  const hit = (
    shard: number,
    row: number,
    date: string,
    score: number,
  ): Hit & { name: string } => ({
    shard,
    row,
    date,
    score,
    name: `${shard}.${row}`,
  });
  const names = (hits: { name: string }[]) => hits.map((h) => h.name);
  // Shard 0 (older) and shard 1 (newer), each in its own rank order.
  const perShard = new Map([
    [1, [hit(1, 5, "2021-03-01", 2), hit(1, 2, "2020-01-01", 1)]],
    [0, [hit(0, 7, "2019-05-01", 2), hit(0, 1, "2019-05-01", 0.5)]],
  ]);

  test("relevance: by score; equal scores newest first, as one index's order is (ranking.ts)", () => {
    assert.deepEqual(names(orderHits(perShard, "relevance", false)), ["1.5", "0.7", "1.2", "0.1"]);
  });

  test("newest and oldest: by date, equal dates in relevance order", () => {
    assert.deepEqual(names(orderHits(perShard, "newest", false)), ["1.5", "1.2", "0.7", "0.1"]);
    assert.deepEqual(names(orderHits(perShard, "oldest", false)), ["0.7", "0.1", "1.2", "1.5"]);
  });

  test("the order does not depend on the order the shards answered in", () => {
    const reversed = new Map([...perShard].reverse());
    for (const order of ["relevance", "newest", "oldest"] as const) {
      assert.deepEqual(orderHits(reversed, order, false), orderHits(perShard, order, false));
    }
  });

  test("browsing: newest shard first, each in its own order, then by date", () => {
    const browse = new Map([
      [0, [hit(0, 1, "2019-05-01", 0), hit(0, 0, "2019-05-01", 0)]],
      [1, [hit(1, 1, "2021-03-01", 0), hit(1, 0, "2020-01-01", 0)]],
    ]);
    assert.deepEqual(names(orderHits(browse, "newest", true)), ["1.1", "1.0", "0.1", "0.0"]);
    assert.deepEqual(names(orderHits(browse, "oldest", true)), ["0.1", "0.0", "1.0", "1.1"]);
  });
});

describe("relevanceAcrossShards", () => {
  const hits = (...pairs: [string, number][]) => pairs.map(([id, score]) => ({ id, score }));
  const shard = (n: number, exact: string[], wordHits: { id: string; score: number }[]) => ({
    shard: n,
    terms: [{ results: wordHits, words: [{ exact }], wordHits: [wordHits] }],
  });

  test("a page's relevance does not depend on its shard: score / the shard's idf x the archive's", () => {
    const pages = (s: number) => [10, 30][s]!;
    const [local0, local1] = [idf(10, 1), idf(30, 1)];
    const found = [
      shard(0, ["a"], hits(["a", 2 * local0])),
      shard(1, ["b"], hits(["b", 2 * local1])),
    ];
    const relevance = relevanceAcrossShards(found, pages)!;
    assert.ok(Math.abs(relevance.get("a")! - relevance.get("b")!) < 1e-6);
    assert.ok(Math.abs(relevance.get("a")! - 2 * idf(40, 2)) < 1e-5);
  });

  test("a shard without the word itself, where another has it, counts for nothing (fell back)", () => {
    const found = [shard(0, ["a"], hits(["a", 1])), shard(1, [], hits(["b", 5]))];
    assert.equal(relevanceAcrossShards(found, () => 10)!.has("b"), false);
  });

  test("terms without word hits (a phrase) keep Pagefind's score: null", () => {
    assert.equal(
      relevanceAcrossShards([{ shard: 0, terms: [{ results: [], words: [] }] }], () => 1),
      null,
    );
  });
});
