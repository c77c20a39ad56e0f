/**
 * The permanence ledger, `permalinks.txt` beside the output folder: every permalink once
 * published, one a line. Read at the start of a run (its URLs are never given again) and
 * appended to as entries are written: each line whole, in one write, flushed to disk.
 */
import { closeSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import { addLedgerLine, type ArchiveContents } from "../../lib/import-plan.ts";
import { tornLastLine } from "../../lib/ledger-text.ts";
import { syncDir, writeAllAndSync } from "./atomic-write.ts";
import { errorCode, errorText } from "./system-errors.ts";
import type { TestFaults } from "./test-faults.ts";

export class Ledger {
  readonly file: string;
  readonly #lines = new Set<string>();
  /** The file lacks a final newline: the next line starts with one. */
  #needsNewline = false;
  #exists = false;
  #fd: number | undefined;
  readonly #faults: TestFaults | null;

  constructor(file: string, faults: TestFaults | null = null) {
    this.file = file;
    this.#faults = faults;
  }

  /**
   * Reads the ledger, marking each permalink taken in `index`; a missing ledger is empty.
   * A last line cut short by a crash is dropped, and with `repair` cut from the file.
   */
  read(index: ArchiveContents, warn: (message: string) => void, repair: boolean): void {
    let text: string;
    try {
      text = readFileSync(this.file, "utf8");
    } catch (error) {
      if (errorCode(error) !== "ENOENT")
        warn(`cannot read the ledger ${this.file} (${errorText(error)})`);
      return;
    }
    this.#exists = true;
    const torn = tornLastLine(text);
    if (torn) {
      text = text.slice(0, -torn.length);
      if (repair) {
        this.#open();
        ftruncateSync(this.#fd!, Buffer.byteLength(text));
        fsyncSync(this.#fd!);
        warn(
          `the ledger ${this.file} ended in a line cut short (${JSON.stringify(torn)}), left by an interrupted import: removed`,
        );
      }
    }
    for (const line of text.split(/\r?\n/)) {
      if (line.trim() === "") continue;
      this.#lines.add(line.trim());
      addLedgerLine(index, line);
    }
    this.#needsNewline = text !== "" && !text.endsWith("\n");
  }

  /** Whether the ledger file exists: an archive without one keeps none. */
  get exists(): boolean {
    return this.#exists;
  }

  has(permalink: string): boolean {
    return this.#lines.has(permalink);
  }

  /**
   * Creates the ledger if missing, before the first entry is written: a crash between
   * that entry and its line then leaves a ledger the next run completes.
   */
  prepare(): void {
    if (this.#fd !== undefined) return;
    try {
      this.#open();
    } catch {
      // Reported by append, which tries again.
    }
  }

  /** Adds `permalink` (of the `article`th new article, 0 for an old one) as a line, once. */
  append(permalink: string, article = 0): void {
    if (this.#lines.has(permalink)) return;
    this.#open();
    const line = `${this.#needsNewline ? "\n" : ""}${permalink}\n`;
    this.#faults?.ledgerWrite(this.#fd!, line, article);
    writeAllAndSync(this.#fd!, line);
    this.#needsNewline = false;
    this.#lines.add(permalink);
  }

  #open(): void {
    if (this.#fd !== undefined) return;
    mkdirSync(dirname(this.file), { recursive: true });
    // O_APPEND: every write lands at the end, whatever the file's length was.
    this.#fd = openSync(this.file, "a");
    if (!this.#exists) syncDir(dirname(this.file));
    this.#exists = true;
  }

  close(): void {
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
  }
}
