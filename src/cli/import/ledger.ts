/**
 * The permanence ledger, `permalinks.txt` beside the output folder: every permalink once
 * published, one a line. Read at the start of a run (its URLs are never given again) and
 * appended to as entries are written, opened only when there is something to add.
 */
import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { addLedgerLine, type ArchiveContents } from "../../lib/import-plan.ts";
import { errorCode, errorText } from "./system-errors.ts";

export class Ledger {
  readonly file: string;
  readonly #lines = new Set<string>();
  /** The file lacks a final newline: the next line starts with one. */
  #needsNewline = false;
  #fd: number | undefined;

  constructor(file: string) {
    this.file = file;
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

  /** Adds `permalink` as a line, unless it is there already. */
  append(permalink: string): void {
    if (this.#lines.has(permalink)) return;
    if (this.#fd === undefined) {
      mkdirSync(dirname(this.file), { recursive: true });
      this.#fd = openSync(this.file, "a");
    }
    writeSync(this.#fd, `${this.#needsNewline ? "\n" : ""}${permalink}\n`);
    this.#needsNewline = false;
    this.#lines.add(permalink);
  }

  close(): void {
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
  }
}
