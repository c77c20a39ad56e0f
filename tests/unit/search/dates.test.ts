import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { endOf, parseDateRange, parsePartialDate, startOf } from "../../../src/lib/search/dates.ts";

describe("parsePartialDate", () => {
  const table: [string, ReturnType<typeof parsePartialDate>][] = [
    ["2019", { year: 2019 }],
    ["2019-03", { year: 2019, month: 3 }],
    ["2019-3", { year: 2019, month: 3 }],
    ["2019-03-15", { year: 2019, month: 3, day: 15 }],
    [" 2019-03-15 ", { year: 2019, month: 3, day: 15 }],
    ["2020-02-29", { year: 2020, month: 2, day: 29 }],
    ["2019-02-29", null],
    ["2019-13", null],
    ["2019-00", null],
    ["19-03", null],
    ["March 2019", null],
    ["2019/03", null],
    ["", null],
  ];
  for (const [text, expected] of table) {
    test(JSON.stringify(text), () => assert.deepEqual(parsePartialDate(text), expected));
  }

  const bounds: [string, string, string][] = [
    ["2019", "2019-01-01", "2019-12-31"],
    ["2019-02", "2019-02-01", "2019-02-28"],
    ["2020-02", "2020-02-01", "2020-02-29"],
    ["2019-03-15", "2019-03-15", "2019-03-15"],
  ];
  for (const [text, start, end] of bounds) {
    test(`${text} covers ${start} .. ${end}`, () => {
      const date = parsePartialDate(text)!;
      assert.equal(startOf(date), start);
      assert.equal(endOf(date), end);
    });
  }
});

describe("parseDateRange", () => {
  const table: [string, string, string, { start: string | null; end: string | null }, string[]][] =
    [
      ["open", "", "", { start: null, end: null }, []],
      ["months", "2019-01", "2019-12", { start: "2019-01-01", end: "2019-12-31" }, []],
      ["from only", "2019-03-15", "", { start: "2019-03-15", end: null }, []],
      ["bad from", "spring", "2019", { start: null, end: "2019-12-31" }, ["from-invalid"]],
      ["bad to", "2019", "2019-02-30", { start: "2019-01-01", end: null }, ["to-invalid"]],
      ["reversed", "2020", "2019", { start: "2020-01-01", end: "2019-12-31" }, ["reversed"]],
      ["same month", "2019-03", "2019-03", { start: "2019-03-01", end: "2019-03-31" }, []],
    ];
  for (const [name, from, to, range, problems] of table) {
    test(`${name}: ${from} .. ${to}`, () =>
      assert.deepEqual(parseDateRange(from, to), { range, problems }));
  }
});
