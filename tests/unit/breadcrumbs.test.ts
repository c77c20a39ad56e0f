import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { dateCrumbs } from "../../src/lib/breadcrumbs.ts";

describe("dateCrumbs", () => {
  test("a day's crumbs climb to the archive", () => {
    assert.deepEqual(dateCrumbs("2019-12-01"), [
      { label: "Articles", href: "/articles/" },
      { label: "2019", href: "/articles/2019/" },
      { label: "December", href: "/articles/2019/12/" },
      { label: "1", href: "/articles/2019/12/01/" },
    ]);
  });

  test("a year's crumbs stop at the year", () => {
    assert.deepEqual(
      dateCrumbs({ year: "2019" }).map((c) => c.href),
      ["/articles/", "/articles/2019/"],
    );
  });
});
