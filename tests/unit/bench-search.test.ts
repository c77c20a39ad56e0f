import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  anchorIndexes,
  chooseBases,
  corpusStats,
  matchBases,
  personNames,
  statePath,
  tokens,
  VARIANTS,
  withVariants,
  type CorpusDoc,
} from "../../bench/lib/query-set.ts";
import { busyTime, transferBetween, type RequestRecord } from "../../bench/lib/requests.ts";
import { meets, queryFigures, resultCount } from "../../bench/lib/search-figures.ts";
import type { PageMarks } from "../../bench/lib/search-measure.ts";
import { median, percentile, summarize } from "../../bench/lib/stats.ts";
import { randomFrom } from "../../bench/lib/vocabulary.ts";

describe("stats", () => {
  for (const [values, p, expected] of [
    [[5], 95, 5],
    [[3, 1, 2], 50, 2],
    [[10, 20, 30, 40], 50, 20],
    [Array.from({ length: 20 }, (_, i) => i + 1), 95, 19],
    [Array.from({ length: 21 }, (_, i) => i + 1), 95, 20],
    [Array.from({ length: 100 }, (_, i) => 100 - i), 95, 95],
    [[7, 7, 100], 95, 100],
  ] as const) {
    it(`nearest-rank p${p} of ${values.length} values is ${expected}`, () => {
      assert.equal(percentile(values, p), expected);
    });
  }
  it("takes the mean of the middle two as the median of an even count", () => {
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.equal(median([9, 1, 5]), 5);
  });
  it("summarizes count, median, p95 and max, NaN for nothing", () => {
    assert.deepEqual(summarize([30, 10, 20]), { count: 3, median: 20, p95: 30, max: 30 });
    assert.ok(Number.isNaN(summarize([]).median));
  });
});

const req = (
  start: number,
  end: number,
  bytes = 100,
  url = "http://h/pagefind/x",
): RequestRecord => ({
  url,
  start,
  end,
  bytes,
  gzipBytes: bytes / 2,
});

describe("request accounting", () => {
  const log = [
    req(0, 50, 1000),
    req(100, 300, 200),
    req(150, 250, 300),
    req(280, 400, 400),
    req(500, 600, 50),
  ];
  for (const [from, to, requests, bytes] of [
    [0, 1000, 5, 1950],
    [100, 300, 2, 500], // the one ending at 400 is not done by 300
    [100, 400, 3, 900],
    [90, 99, 0, 0],
    [0, 50, 1, 1000],
  ] as const) {
    it(`counts requests sent from ${from} and done by ${to}`, () => {
      assert.deepEqual(transferBetween(log, from, to), { requests, bytes, gzipBytes: bytes / 2 });
    });
  }
  for (const [from, to, busy] of [
    [0, 1000, 50 + 300 + 100], // 0-50, 100-400 (three overlapping), 500-600
    [200, 350, 150],
    [40, 120, 10 + 20],
    [410, 490, 0],
    [550, 2000, 50],
  ] as const) {
    it(`counts time with a request in flight between ${from} and ${to} once: ${busy} ms`, () => {
      assert.equal(busyTime(log, from, to), busy);
    });
  }
  it("counts a request inside another's span once", () => {
    assert.equal(busyTime([req(0, 100), req(10, 20), req(30, 120)], 0, 1000), 120);
  });
});

describe("queryFigures", () => {
  const marks: PageMarks = {
    opened: 1000,
    firstKey: 2000,
    lastKey: 2600,
    firstPaint: 2700,
    complete: 3000,
    firstStatus: "partial",
    firstSummary: "",
    summary: "1,234 results for “energy”. Showing 10.",
    firstItems: 10,
    items: 10,
    firstPagefindMs: 45,
    pagefindMs: 310,
  };
  const log = [
    req(1000, 1500, 50_000),
    req(1500, 1900, 20_000),
    req(2100, 2300, 5000),
    req(2620, 2680, 7000),
    req(2600, 2610, 179, "http://h/favicon.svg"),
    req(2750, 2950, 9000),
    req(3100, 3200, 1000),
  ];
  const figures = queryFigures(marks, log);
  it("times first results and completion from the last keystroke", () => {
    assert.equal(figures.firstResultMs, 100);
    assert.equal(figures.completeMs, 400);
    assert.equal(figures.results, 1234);
  });
  it("splits the bytes at the first key, first paint and completion, without the tab's icon", () => {
    assert.equal(figures.open.bytes, 70_000);
    assert.equal(figures.toFirstResults.bytes, 12_000);
    assert.equal(figures.toComplete.bytes, 21_000);
    assert.equal(figures.query.bytes, 22_000);
  });
  it("counts network time from the last keystroke only, without the tab's icon", () => {
    assert.equal(figures.networkMsToFirst, 60);
    assert.equal(figures.networkMsToComplete, 260);
  });
  it("takes Pagefind's time from the page's marks", () => {
    assert.equal(figures.pagefindMsToFirst, 45);
    assert.equal(figures.pagefindMsToComplete, 310);
  });
});

describe("targets", () => {
  const s = { count: 30, median: 250, p95: 650, max: 900 };
  for (const [target, met] of [
    [{ median: 300, p95: 600 }, false],
    [{ median: 300, p95: 700 }, true],
    [{ max: 900 }, true],
    [{ max: 899 }, false],
    [undefined, null],
  ] as const) {
    it(`${JSON.stringify(target)} is ${met}`, () => assert.equal(meets(s, target), met));
  }
  it("reads the result count of the summary, 0 for none", () => {
    assert.equal(resultCount("12,345 results for “a”. Showing 10."), 12345);
    assert.equal(resultCount("1 result for “a”."), 1);
    assert.equal(resultCount("No results for “a”."), 0);
  });
});

/** A small corpus with known frequencies: common words in about half the articles. */
function corpus(count: number): CorpusDoc[] {
  const random = randomFrom(3);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const common = ["ministry", "energy", "harvest", "forum", "bridge"];
  const middling = Array.from(
    { length: 60 },
    (_, i) => `middle${String.fromCharCode(97 + (i % 26))}${"xyz"[i % 3]}${i}`,
  );
  const rare = Array.from({ length: 20 }, (_, i) => `rarity${"abcdefghijklmnopqrst"[i]}`);
  const sources = ["Baku Herald", "Ganja Times", "Quba Post"];
  return Array.from({ length: count }, (_, i) => {
    const words = [
      ...common.filter(() => random() < 0.5),
      ...Array.from({ length: 8 }, () => pick(middling)),
      ...rare.filter((_, r) => i === r * 13 || i === r * 13 + 5),
      "and",
      "the",
    ];
    const name = i % 3 === 0 ? " met Anar Qasimov in" : "";
    return {
      date: `${2000 + (i % 25)}-0${1 + (i % 9)}-1${i % 10}`,
      source: pick(sources),
      title: `Headline ${i}`,
      body: `Officials said ${words.join(" ")}${name} the city. Second sentence here.`,
    };
  });
}

describe("query set", () => {
  const docs = corpus(400);
  const build = (seed: number) => {
    const stats = corpusStats(docs, anchorIndexes(docs.length, seed));
    const bases = chooseBases(stats, seed);
    return {
      stats,
      bases,
      found: matchBases(docs, bases),
      queries: withVariants(bases, matchBases(docs, bases), seed),
    };
  };
  const { stats, bases, found, queries } = build(1);

  it("is the same for the same seed", () => {
    assert.deepEqual(build(1).queries, queries);
    assert.notDeepEqual(
      build(2).queries.map((q) => q.q),
      queries.map((q) => q.q),
    );
  });
  it("holds at least 30 queries of every kind, each kind in every variant", () => {
    assert.ok(queries.length >= 30, `${queries.length} queries`);
    const kinds = ["rare", "common", "two-words", "three-words", "phrase", "name"];
    for (const kind of kinds) {
      for (const variant of VARIANTS) {
        assert.ok(
          queries.some((q) => q.kind === kind && q.variant === variant),
          `${kind}/${variant}`,
        );
      }
    }
  });
  it("takes common words from those in 10% or more of articles, rare ones from 2 to 5", () => {
    for (const base of bases.filter((b) => b.kind === "common")) {
      assert.ok(stats.df.get(base.q)! >= 40, base.q);
    }
    for (const base of bases.filter((b) => b.kind === "rare")) {
      const df = stats.df.get(base.q)!;
      assert.ok(df >= 2 && df <= 5, `${base.q}: ${df}`);
    }
  });
  it("chooses words, phrases and names that occur, and filters that keep results", () => {
    found.forEach((list, i) => assert.ok(list.length > 0, bases[i]!.q));
    for (const query of queries) assert.ok(query.articles > 0, `${query.q} ${query.variant}`);
    const phrase = bases.find((b) => b.kind === "phrase")!;
    assert.match(phrase.q, /^"\S+ \S+ \S+"$/);
    assert.ok(
      docs.some((d) => ` ${tokens(d.body).join(" ")} `.includes(` ${phrase.words.join(" ")} `)),
    );
    assert.equal(bases.find((b) => b.kind === "name")!.q, "Anar Qasimov");
  });
  it("puts filters and sort in the URL, and covers every base in its first queries", () => {
    const first = queries.slice(0, bases.length);
    assert.deepEqual(new Set(first.map((q) => q.q)).size, bases.length);
    const dated = queries.find((q) => q.variant === "date-range")!;
    assert.match(dated.path, /^\/search\/\?from=\d{4}&to=\d{4}$/);
    assert.equal(
      statePath({ source: "Baku Herald", from: "2004", to: "2006", sort: "newest" }),
      "/search/?source=Baku+Herald&from=2004&to=2006&sort=newest",
    );
    assert.equal(statePath({ source: "", from: "", to: "", sort: "relevance" }), "/search/");
  });
  it("finds people's names in running text, not at a sentence's start or organisations", () => {
    assert.deepEqual(personNames("Talks with Anar Qasimov ended. Leyla Aliyeva spoke."), [
      "Anar Qasimov",
    ]);
    assert.deepEqual(personNames("funds of Kamo Holding and 3 Rauf Seitkali."), ["Rauf Seitkali"]);
  });
});
