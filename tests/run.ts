/**
 * `npm test`: every tests/**\/*.test.ts file with Node's own test runner, reported with
 * the spec reporter, then one closing line `N passed, N failed` that counts every test.
 * Pass file paths to run only those, and `--test-name-pattern=RE` to run only matching tests.
 */
import { run } from "node:test";
import { spec } from "node:test/reporters";
import { glob } from "node:fs/promises";
import process from "node:process";
import { rm } from "node:fs/promises";
import { BUILDS_DIR } from "./support/build-site.ts";

const args = process.argv.slice(2);
const PATTERN = "--test-name-pattern=";
const testNamePatterns = args
  .filter((a) => a.startsWith(PATTERN))
  .map((a) => a.slice(PATTERN.length));
const named = args.filter((a) => !a.startsWith(PATTERN));
const files = named.length ? named : (await Array.fromAsync(glob("tests/**/*.test.ts"))).sort();

// Fixture builds of earlier runs: each is a whole site, so don't let them pile up.
await rm(BUILDS_DIR, { recursive: true, force: true });

let passed = 0;
let failed = 0;
let skipped = 0;
const stream = run({
  files,
  concurrency: 1,
  isolation: "process",
  ...(testNamePatterns.length ? { testNamePatterns } : {}),
});
stream.on("test:pass", (event) => {
  if (event.details.type === "suite") return;
  if (event.skip || event.todo) skipped++;
  else passed++;
});
stream.on("test:fail", (event) => {
  if (event.details.type === "suite") return;
  failed++;
});
stream.compose(spec).pipe(process.stdout);
await new Promise((resolve) => stream.once("end", resolve));
// Let the reporter flush before the closing line.
await new Promise((resolve) => setImmediate(resolve));
const line = `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`;
process.stdout.write(`\n${line}\n`);
process.exitCode = failed ? 1 : 0;
