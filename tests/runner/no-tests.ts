/** A file that loads and runs no test: an empty describe. */
import { describe } from "node:test";

describe("nothing in here", () => {});
