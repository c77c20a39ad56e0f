import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { calendarWeeks, WEEKDAYS } from "../../src/lib/calendar.ts";

describe("calendarWeeks", () => {
  const table: [string, string, (number | null)[]][] = [
    // December 2019 began on a Sunday: six leading blanks, Monday first.
    ["2019", "12", [null, null, null, null, null, null, 1]],
    // June 2020 began on a Monday.
    ["2020", "06", [1, 2, 3, 4, 5, 6, 7]],
  ];
  for (const [year, month, firstWeek] of table) {
    test(`${year}-${month} starts on the right weekday`, () =>
      assert.deepEqual(calendarWeeks(year, month)[0], firstWeek));
  }

  test("every week has seven days and the month is complete", () => {
    for (const [year, month, days] of [
      ["2020", "02", 29],
      ["2019", "02", 28],
      ["2021", "05", 31],
    ] as const) {
      const weeks = calendarWeeks(year, month);
      assert.ok(weeks.every((w) => w.length === 7));
      assert.deepEqual(
        weeks.flat().filter((d) => d !== null),
        Array.from({ length: days }, (_, i) => i + 1),
      );
    }
  });

  test("the headings start on Monday, as the weeks do", () => {
    assert.deepEqual([WEEKDAYS[0], WEEKDAYS.at(-1), WEEKDAYS.length], ["Monday", "Sunday", 7]);
  });
});
