/** A top-level after hook (outside any describe) that throws once its test has passed. */
import { after, test } from "node:test";

test("passes", () => {});
after(() => {
  throw new Error("the top-level after hook threw");
});
