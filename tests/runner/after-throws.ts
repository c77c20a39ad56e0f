/** A describe-level after hook that throws once its test has passed. */
import { after, describe, test } from "node:test";

describe("a clean-console check in an after hook", () => {
  test("passes", () => {});
  after(() => {
    throw new Error("the after hook threw");
  });
});
