/** A describe body that throws before it registers its test: Node reports only the suite. */
import { describe, test } from "node:test";

describe("expected values computed in the body", () => {
  throw new Error("the body threw");
});

describe("a sound suite beside it", () => {
  test("passes", () => {});
});
