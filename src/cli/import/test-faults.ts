/**
 * Test-only fault injection, for tests/e2e/import-faults.test.ts: with
 * `NEWS_ARCHIVE_IMPORT_TEST_FAULT=<fault>:<n>` the import kills itself at a known point of
 * the commit of the batch that holds its nth new article (./commit-batch.ts), as a crash or
 * `kill -9` would, or slows down so that a second import or a build overlaps it. Unset
 * (every normal run), `testFaultsFrom` returns null and no hook runs.
 *
 * - `kill-before-md:N`: the `.original.txt` of every article of N's batch in place, no `.md`;
 * - `kill-before-ledger:N`: the batch's files and folders on disk, before its ledger lines;
 * - `tear-ledger:N`: half of the batch's ledger lines written, as a power cut can leave them;
 * - `kill-after:N`: after the batch's ledger lines;
 * - `delay-ms:N`: a pause of N ms after each input is read and planned.
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

/** The new articles of a batch: the `first`th to the `last`th of the run (1-based). */
export interface ArticleRange {
  first: number;
  last: number;
}

export interface TestFaults {
  /** At `point` of the commit of the batch of `articles`: kill the process if asked. */
  reach(point: Exclude<Point, "tear-ledger">, articles: ArticleRange): void;
  /** Before the ledger lines `text` of the batch of `articles` are written to `fd`. */
  ledgerWrite(fd: number, text: string, articles: ArticleRange): void;
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
  const holdsN = ({ first, last }: ArticleRange) => first <= n && n <= last;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  return {
    reach(point, articles) {
      if (fault === point && holdsN(articles)) die();
    },
    ledgerWrite(fd, text, articles) {
      if (fault !== "tear-ledger" || !holdsN(articles)) return;
      writeSync(fd, text.slice(0, Math.ceil(text.length / 2)));
      fsyncSync(fd);
      die();
    },
    afterInput() {
      if (fault === "delay-ms") Atomics.wait(pause, 0, 0, n);
    },
  };
}
