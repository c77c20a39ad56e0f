/** A sound file: two tests pass, one is skipped. */
import { describe, test } from "node:test";
import assert from "node:assert/strict";

describe("sound", () => {
  test("adds", () => {
    assert.equal(1 + 1, 2);
  });
  test("concatenates", () => {
    assert.equal("a" + "b", "ab");
  });
  test("is skipped", { skip: "to show the skipped count" }, () => {});
});
