/**
 * `npm test`'s runner (tests/run.ts) run as a child process on fixture files in
 * tests/runner/: every failure Node reports, wherever it reports it, must reach the closing
 * line and the exit code.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { ROOT } from "../support/build-site.ts";

function runRunner(...args: string[]): { code: number | null; lastLine: string; output: string } {
  // Without NODE_TEST_CONTEXT, which would make the child's run() skip its files.
  const env = { ...process.env };
  delete env["NODE_TEST_CONTEXT"];
  const child = spawnSync(process.execPath, ["tests/run.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...env, NO_COLOR: "1" },
  });
  const output = child.stdout + child.stderr;
  return { code: child.status, lastLine: child.stdout.trimEnd().split("\n").at(-1)!, output };
}

const fixture = (name: string) => `tests/runner/${name}.ts`;

describe("the test runner", () => {
  const cases: [name: string, closing: string, why: string][] = [
    ["describe-throws", "1 passed, 1 failed", "a describe body that throws"],
    ["after-throws", "1 passed, 1 failed", "a describe-level after hook that throws"],
    ["root-after-throws", "1 passed, 1 failed", "a top-level after hook that throws"],
    ["missing-import", "0 passed, 1 failed", "a file importing a missing module"],
    ["no-tests", "0 passed, 1 failed", "a file that runs no test"],
    ["child-fails", "1 passed, 1 failed", "a failing test, counted once with its suite"],
  ];
  for (const [name, closing, why] of cases) {
    test(`fails on ${why}: "${closing}"`, () => {
      const run = runRunner(fixture(name));
      assert.equal(run.lastLine, closing, run.output);
      assert.equal(run.code, 1, run.output);
    });
  }

  test("names the file that ran no test", () => {
    const run = runRunner(fixture("no-tests"));
    assert.match(run.output, /✖ tests\/runner\/no-tests\.ts: ran no test/);
  });

  test('passes a sound file: "2 passed, 0 failed, 1 skipped", exit 0', () => {
    const run = runRunner(fixture("passing"));
    assert.equal(run.lastLine, "2 passed, 0 failed, 1 skipped", run.output);
    assert.equal(run.code, 0, run.output);
  });

  test("adds up failures across files, the sound one included", () => {
    const run = runRunner(...cases.map(([name]) => fixture(name)), fixture("passing"));
    assert.equal(run.lastLine, "6 passed, 6 failed, 1 skipped", run.output);
    assert.equal(run.code, 1, run.output);
  });

  test("a name pattern that matches no test fails the run", () => {
    const run = runRunner(fixture("passing"), "--test-name-pattern=^no such test$");
    assert.equal(run.lastLine, "0 passed, 1 failed", run.output);
    assert.equal(run.code, 1, run.output);
  });

  test("a name pattern may leave other files without tests", () => {
    const run = runRunner(fixture("passing"), fixture("child-fails"), "--test-name-pattern=adds");
    assert.equal(run.lastLine, "1 passed, 0 failed", run.output);
    assert.equal(run.code, 0, run.output);
  });
});
