import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { tornLastLine } from "../../src/lib/ledger-text.ts";

const LINE = "/articles/2019/06/18/harvest-festival-opens-in-sheki/";

describe("tornLastLine", () => {
  it("none in a ledger whose lines all end", () => {
    assert.equal(tornLastLine(""), "");
    assert.equal(tornLastLine(`${LINE}\n${LINE}\n`), "");
  });

  it("keeps a whole last line typed without a newline: a permalink, a comment, another URL", () => {
    for (const last of [LINE, "# moved in 2024", "/about/", `${LINE}\r`]) {
      assert.equal(tornLastLine(`${LINE}\n${last}`), "", last);
    }
  });

  it("finds a permalink cut short at any point", () => {
    for (let cut = 1; cut < LINE.length; cut++) {
      const part = LINE.slice(0, cut);
      assert.equal(tornLastLine(`${LINE}\n${part}`), part, part);
      assert.equal(tornLastLine(part), part, part);
    }
  });

  it("finds the zero bytes a power cut can leave at the end", () => {
    assert.equal(tornLastLine(`${LINE}\n\0\0\0`), "\0\0\0");
  });
});
