/** A suite that fails only because one of its tests fails: one failure, not two. */
import { describe, test } from "node:test";
import assert from "node:assert/strict";

describe("one failing test", () => {
  test("fails", () => {
    assert.equal(1 + 1, 3);
  });
  test("passes", () => {});
});
