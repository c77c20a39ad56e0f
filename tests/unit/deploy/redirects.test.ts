import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { redirectsFile } from "../../../src/lib/deploy/redirects.ts";

describe("_redirects", () => {
  test("one 301 line per alias, sorted by old path, after a comment", () => {
    const text = redirectsFile([
      { from: "/articles/2020/01/02/b/", to: "/articles/2020/01/03/b-new/" },
      { from: "/articles/2019/05/01/a/", to: "/articles/2019/05/02/a-new/" },
    ]);
    assert.deepEqual(text.split("\n").slice(1), [
      "/articles/2019/05/01/a/ /articles/2019/05/02/a-new/ 301",
      "/articles/2020/01/02/b/ /articles/2020/01/03/b-new/ 301",
      "",
    ]);
    assert.match(text, /^# /);
  });

  test("no aliases: only the comment, which both hosts ignore", () => {
    const lines = redirectsFile([]).split("\n").filter(Boolean);
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /^#/);
  });
});
