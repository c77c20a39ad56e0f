import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  barGeometry,
  binText,
  histogramOf,
  labelledBins,
  monthCounts,
  MIN_BAR_HEIGHT,
  type MonthCounts,
} from "../../../src/lib/search/histogram.ts";
import type { DateRange } from "../../../src/lib/search/dates.ts";

const ANY: DateRange = { start: null, end: null };

describe("monthCounts", () => {
  test("counts matches per month of their dates", () => {
    const dates = ["2019-03-15", "2019-03-01", "2017-12-31", "2019-04-02"];
    assert.deepEqual(monthCounts(dates.map((date) => ({ date }))), {
      "2019-03": 2,
      "2017-12": 1,
      "2019-04": 1,
    });
  });
  test("no matches, no months", () => assert.deepEqual(monthCounts([]), {}));
});

describe("histogramOf", () => {
  type Case = [
    name: string,
    months: MonthCounts,
    range: DateRange,
    unit: "year" | "month" | null,
    bins: string[],
    caption?: string,
  ];
  const cases: Case[] = [
    ["nothing matches", {}, ANY, null, []],
    ["only zero counts", { "2019-01": 0 }, ANY, null, []],
    [
      "years from first to last match, empty years included",
      { "2017-02": 3, "2017-05": 1, "2020-01": 2 },
      ANY,
      "year",
      ["2017:4", "2018:0", "2019:0", "2020:2"],
      "Matching articles per year, 2017–2020",
    ],
    [
      "matches in one year: its twelve months",
      { "2019-03": 2, "2019-12": 1 },
      ANY,
      "month",
      [
        "2019-01:0",
        "2019-02:0",
        "2019-03:2",
        ...["04", "05", "06", "07", "08", "09", "10", "11"].map((m) => `2019-${m}:0`),
        "2019-12:1",
      ],
      "Matching articles per month, January–December 2019",
    ],
    [
      "matches in two years: 24 months",
      { "2018-05": 1, "2019-03": 2 },
      ANY,
      "month",
      Array.from({ length: 24 }, (_, i) => {
        const period = `${2018 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
        return `${period}:${period === "2018-05" ? 1 : period === "2019-03" ? 2 : 0}`;
      }),
      "Matching articles per month, January 2018–December 2019",
    ],
    [
      "a range of one year, matches in one month: the range's months",
      { "2019-03": 2 },
      { start: "2019-01-01", end: "2019-12-31" },
      "month",
      Array.from(
        { length: 12 },
        (_, i) => `2019-${String(i + 1).padStart(2, "0")}:${i === 2 ? 2 : 0}`,
      ),
    ],
    [
      "a range of months: cut to its ends",
      { "2019-04": 1 },
      { start: "2019-03-01", end: "2019-05-31" },
      "month",
      ["2019-03:0", "2019-04:1", "2019-05:0"],
      "Matching articles per month, March–May 2019",
    ],
    [
      "one month",
      { "2019-04": 1 },
      { start: "2019-04-01", end: "2019-04-30" },
      "month",
      ["2019-04:1"],
      "Matching articles per month, April 2019",
    ],
    [
      "a range of three years: per year, matches' years only",
      { "2018-04": 1, "2020-01": 5 },
      { start: "2018-01-01", end: "2020-12-31" },
      "year",
      ["2018:1", "2019:0", "2020:5"],
    ],
    [
      "a wide range with matches in one year: per month",
      { "2019-04": 1 },
      { start: "2001-01-01", end: "2030-12-31" },
      "month",
      Array.from(
        { length: 12 },
        (_, i) => `2019-${String(i + 1).padStart(2, "0")}:${i === 3 ? 1 : 0}`,
      ),
    ],
    [
      "an open-ended range cuts the months at its given end",
      { "2019-06": 1 },
      { start: "2019-05-01", end: null },
      "month",
      ["05", "06", "07", "08", "09", "10", "11", "12"].map(
        (m) => `2019-${m}:${m === "06" ? 1 : 0}`,
      ),
    ],
  ];
  for (const [name, months, range, unit, bins, caption] of cases) {
    test(name, () => {
      const histogram = histogramOf(months, range);
      assert.equal(histogram?.unit ?? null, unit);
      assert.deepEqual(histogram?.bins.map((bin) => `${bin.period}:${bin.count}`) ?? [], bins);
      if (caption) assert.equal(histogram?.caption, caption);
    });
  }

  test("bins read as years or months", () => {
    const years = histogramOf({ "2017-01": 1, "2019-01": 12 }, ANY)!;
    assert.deepEqual(years.bins.map(binText), [
      "2017: 1 article",
      "2018: 0 articles",
      "2019: 12 articles",
    ]);
    const months = histogramOf({ "2019-03": 1234 }, { start: "2019-03-01", end: "2019-04-30" })!;
    assert.deepEqual(months.bins.map(binText), [
      "March 2019: 1,234 articles",
      "April 2019: 0 articles",
    ]);
    assert.deepEqual(
      months.bins.map((bin) => bin.short),
      ["Mar", "Apr"],
    );
  });
});

describe("barGeometry", () => {
  test("equal slots, heights in proportion to the largest count", () => {
    assert.deepEqual(barGeometry([4, 2, 0], 300, 100), [
      { x: 2, y: 0, width: 96, height: 100 },
      { x: 102, y: 50, width: 96, height: 50 },
      { x: 202, y: 100, width: 96, height: 0 },
    ]);
  });
  test("one article among thousands still shows", () => {
    const [, small] = barGeometry([10_000, 1], 100, 100);
    assert.equal(small!.height, MIN_BAR_HEIGHT);
    assert.equal(small!.y, 100 - MIN_BAR_HEIGHT);
  });
  test("narrow slots keep a gap of a fifth", () => {
    const bars = barGeometry([1, 1, 1, 1, 1], 10, 10);
    assert.deepEqual(
      bars.map((bar) => [bar.x, bar.width]),
      [
        [0.2, 1.6],
        [2.2, 1.6],
        [4.2, 1.6],
        [6.2, 1.6],
        [8.2, 1.6],
      ],
    );
  });
  test("no bins, no bars", () => assert.deepEqual(barGeometry([], 100, 100), []));
});

describe("labelledBins", () => {
  const cases: [count: number, width: number, labelWidth: number, expected: number[]][] = [
    [0, 600, 40, []],
    [6, 600, 40, [0, 1, 2, 3, 4, 5]],
    [24, 600, 40, [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22]],
    [26, 600, 40, [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24]],
    [40, 600, 40, [0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 33, 36, 39]],
  ];
  for (const [count, width, labelWidth, expected] of cases) {
    test(`${count} bins in ${width}, labels ${labelWidth} wide`, () =>
      assert.deepEqual(labelledBins(count, width, labelWidth), expected));
  }
});
