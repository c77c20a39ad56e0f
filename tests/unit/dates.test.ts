import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import {
  compareNewestFirst,
  formatLongDate,
  isCalendarDate,
  toIsoDate,
} from "../../src/lib/dates.ts";

describe("dates", () => {
  const calendar: [string, boolean][] = [
    ["2019-12-11", true],
    ["2020-02-29", true],
    ["2019-02-29", false],
    ["2019-02-30", false],
    ["2019-13-01", false],
    ["2019-1-1", false],
    ["11.12.2019", false],
  ];
  for (const [value, valid] of calendar) {
    test(`${value} is ${valid ? "" : "not "}a calendar date`, () =>
      assert.equal(isCalendarDate(value), valid));
  }

  test("formats day first with the English month", () => {
    assert.equal(formatLongDate("2019-12-11"), "11 December 2019");
    assert.equal(formatLongDate("2003-01-05"), "5 January 2003");
  });

  test("sorts newest first, ties by key", () => {
    const items = [
      { date: "2019-12-11", key: "b" },
      { date: "2020-01-01", key: "c" },
      { date: "2019-12-11", key: "a" },
    ];
    assert.deepEqual(
      items.sort(compareNewestFirst).map((i) => i.key),
      ["c", "a", "b"],
    );
  });

  for (const tz of ["America/Los_Angeles", "Asia/Tokyo", "Pacific/Kiritimati", "UTC"]) {
    test(`2019-12-11 stays 2019-12-11 under TZ=${tz}`, () => {
      // A fresh process, so the time zone is the one the process starts with.
      const script = `
        import matter from "gray-matter";
        import { toIsoDate, formatLongDate } from "./src/lib/dates.ts";
        import { validateFrontmatter } from "./src/lib/article-schema.ts";
        const { data } = matter("---\\ndate: 2019-12-11\\n---\\n");
        const parsed = validateFrontmatter({ title: "t", date: data.date, source: "s", slug: "s",
          sha256: "0".repeat(64) });
        console.log(JSON.stringify([toIsoDate(data.date), parsed.ok && parsed.data.date,
          formatLongDate("2019-12-11"), Intl.DateTimeFormat().resolvedOptions().timeZone]));
      `;
      const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
        env: { ...process.env, TZ: tz },
        encoding: "utf8",
      });
      assert.deepEqual(JSON.parse(out), ["2019-12-11", "2019-12-11", "11 December 2019", tz]);
    });
  }

  test("toIsoDate leaves strings alone", () => assert.equal(toIsoDate("2019-12-11"), "2019-12-11"));
});
