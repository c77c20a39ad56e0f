/**
 * `npm test`: every tests/**\/*.test.ts file with Node's own test runner, reported with
 * the spec reporter, then one closing line `N passed, N failed` (`, N skipped` may follow).
 * Pass file paths to run only those, and `--test-name-pattern=RE` to run only matching tests.
 *
 * A failure counts wherever Node reports it: a test, a `describe` whose body or hook throws,
 * a file that fails to load or whose top-level hook throws. A file that runs no test fails
 * too (unless a name pattern filtered its tests out), and so does a run with no test at all.
 */
import { run } from "node:test";
import { spec } from "node:test/reporters";
import { glob, rm } from "node:fs/promises";
import { resolve } from "node:path";
import process from "node:process";
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

interface TestEvent {
  name: string;
  nesting: number;
  file?: string;
  skip?: unknown;
  todo?: unknown;
  details: { type?: "suite" | "test"; error?: { failureType?: string } };
}

/**
 * In process isolation Node reports a file as one test named after it only when the file
 * itself reported nothing: it failed to load, a top-level hook threw, or it ran no test.
 */
const isFileItself = (e: TestEvent) =>
  e.nesting === 0 && e.file !== undefined && resolve(e.name) === resolve(e.file);

let passed = 0;
let failed = 0;
let skipped = 0;
const filesWithTests = new Set<string>();
const filesFailed = new Set<string>();
const emptyFiles = new Set<string>();

const stream = run({
  files,
  concurrency: 1,
  isolation: "process",
  ...(testNamePatterns.length ? { testNamePatterns } : {}),
});
stream.on("test:pass", (event: TestEvent) => {
  if (isFileItself(event)) {
    emptyFiles.add(resolve(event.file!));
    return;
  }
  if (event.details.type === "suite") return;
  if (event.file) filesWithTests.add(resolve(event.file));
  if (event.skip || event.todo) skipped++;
  else passed++;
});
stream.on("test:fail", (event: TestEvent) => {
  if (event.file) filesFailed.add(resolve(event.file));
  // A suite that failed only because a test in it failed: that test is already counted.
  if (event.details.type === "suite" && event.details.error?.failureType === "subtestsFailed")
    return;
  if (event.details.type !== "suite" && !isFileItself(event) && event.file)
    filesWithTests.add(resolve(event.file));
  // Tests cancelled by a failing suite or hook count too: they did not pass.
  failed++;
});
stream.compose(spec).pipe(process.stdout);
await new Promise((done) => stream.once("end", done));
// Let the reporter flush before the closing lines.
await new Promise((done) => setImmediate(done));

const problems: string[] = [];
if (!testNamePatterns.length) {
  for (const file of files) {
    const path = resolve(file);
    const ranNothing = emptyFiles.has(path) || !filesWithTests.has(path);
    if (ranNothing && !filesFailed.has(path)) problems.push(`${file}: ran no test`);
  }
} else if (passed + failed + skipped === 0) {
  problems.push(`no test matched ${testNamePatterns.join(", ")}`);
}
failed += problems.length;
for (const problem of problems) process.stdout.write(`\n✖ ${problem}`);
const line = `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`;
process.stdout.write(`\n${line}\n`);
process.exitCode = failed ? 1 : 0;
