/**
 * The permanence ledger, `permalinks.txt` beside the output folder: every permalink once
 * published, one a line. Read at the start of a run (its URLs are never given again) and
 * appended to as entries are written, opened only when there is something to add.
 */
import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { addLedgerLine, type ArchiveContents } from "../../lib/import-plan.ts";
import { errorCode, errorText } from "./system-errors.ts";
import type { TestFaults } from "./test-faults.ts";

export class Ledger {
  readonly file: string;
  readonly #lines = new Set<string>();
  /** The file lacks a final newline: the next line starts with one. */
  #needsNewline = false;
  #fd: number | undefined;
  readonly #faults: TestFaults | null;

  constructor(file: string, faults: TestFaults | null = null) {
    this.file = file;
    this.#faults = faults;
  }

  /** Reads the ledger, marking each permalink taken in `index`; a missing ledger is empty. */
  read(index: ArchiveContents, warn: (message: string) => void): void {
    let text: string;
    try {
      text = readFileSync(this.file, "utf8");
    } catch (error) {
      if (errorCode(error) !== "ENOENT")
        warn(`cannot read the ledger ${this.file} (${errorText(error)})`);
      return;
    }
    for (const line of text.split(/\r?\n/)) {
      if (line.trim() === "") continue;
      this.#lines.add(line.trim());
      addLedgerLine(index, line);
    }
    this.#needsNewline = text !== "" && !text.endsWith("\n");
  }

  /** Whether the ledger had or was given any line. */
  get isEmpty(): boolean {
    return this.#lines.size === 0;
  }

  has(permalink: string): boolean {
    return this.#lines.has(permalink);
  }

  /** Adds `permalink` (of the `article`th new article, 0 for an old one) as a line, once. */
  append(permalink: string, article = 0): void {
    if (this.#lines.has(permalink)) return;
    if (this.#fd === undefined) {
      mkdirSync(dirname(this.file), { recursive: true });
      this.#fd = openSync(this.file, "a");
    }
    const line = `${this.#needsNewline ? "\n" : ""}${permalink}\n`;
    this.#faults?.ledgerWrite(this.#fd, line, article);
    writeSync(this.#fd, line);
    this.#needsNewline = false;
    this.#lines.add(permalink);
  }

  close(): void {
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
  }
}
