/** A file that cannot load: it imports a module that does not exist. */
import { test } from "node:test";
// @ts-expect-error: the missing module is the point of this fixture
import { nothing } from "./no-such-module.ts";

test("never runs", () => {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-call -- the import fails on purpose, so its type is unknown
  nothing();
});
