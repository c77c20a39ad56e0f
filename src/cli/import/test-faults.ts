/**
 * Test-only fault injection, for tests/e2e/import-faults.test.ts: with
 * `NEWS_ARCHIVE_IMPORT_TEST_FAULT=<fault>:<n>` the import kills itself at a known point of
 * its nth new article, as a crash or `kill -9` would, or slows down so that a second import
 * or a build overlaps it. Unset (every normal run), `testFaultsFrom` returns null and no
 * hook runs.
 *
 * - `kill-before-md:N`: after the Nth article's `.original.txt`, before its `.md`;
 * - `kill-before-ledger:N`: after its files are on disk, before its ledger line;
 * - `tear-ledger:N`: half of its ledger line written, as a power cut can leave it;
 * - `kill-after:N`: after its ledger line;
 * - `delay-ms:N`: a pause of N ms after each input.
 */
import { fsyncSync, writeSync } from "node:fs";
import process from "node:process";

export const TEST_FAULT_VARIABLE = "NEWS_ARCHIVE_IMPORT_TEST_FAULT";

type Point = "kill-before-md" | "kill-before-ledger" | "tear-ledger" | "kill-after";
const POINTS = new Set<string>([
  "kill-before-md",
  "kill-before-ledger",
  "tear-ledger",
  "kill-after",
]);

export interface TestFaults {
  /** At `point` of the `article`th new article (1-based): kill the process if asked. */
  reach(point: Exclude<Point, "tear-ledger">, article: number): void;
  /** Before the ledger line of the `article`th new article is written to `fd`. */
  ledgerWrite(fd: number, line: string, article: number): void;
  /** After each input. */
  afterInput(): void;
}

function die(): never {
  process.kill(process.pid, "SIGKILL");
  throw new Error("unreachable: SIGKILL was sent");
}

export function testFaultsFrom(env: Record<string, string | undefined>): TestFaults | null {
  const value = env[TEST_FAULT_VARIABLE];
  if (!value) return null;
  const match = /^([a-z-]+):(\d+)$/.exec(value);
  if (!match || !(POINTS.has(match[1]!) || match[1] === "delay-ms"))
    throw new Error(`${TEST_FAULT_VARIABLE}: unknown fault ${JSON.stringify(value)}`);
  const [, fault, count] = match;
  const n = Number(count);
  const pause = new Int32Array(new SharedArrayBuffer(4));
  return {
    reach(point, article) {
      if (fault === point && article === n) die();
    },
    ledgerWrite(fd, line, article) {
      if (fault !== "tear-ledger" || article !== n) return;
      writeSync(fd, line.slice(0, Math.ceil(line.length / 2)));
      fsyncSync(fd);
      die();
    },
    afterInput() {
      if (fault === "delay-ms") Atomics.wait(pause, 0, 0, n);
    },
  };
}
