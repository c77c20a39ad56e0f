/**
 * The permanence ledger, `permalinks.txt` beside the output folder: every permalink once
 * published, one a line. Read at the start of a run (its URLs are never given again) and
 * appended to as batches of entries are written: a batch's lines whole, in one write,
 * flushed to disk.
 */
import { closeSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import { addLedgerLine, type ArchiveContents } from "../../lib/import-plan.ts";
import { tornLastLine } from "../../lib/ledger-text.ts";
import { syncDir, writeAllAndSync } from "./atomic-write.ts";
import { errorCode, errorText } from "./system-errors.ts";
import type { ArticleRange, TestFaults } from "./test-faults.ts";

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

  /**
   * Adds each of `permalinks` not in the ledger yet as a line, all in one write, flushed;
   * `articles` are the new articles of the batch they belong to (for the test faults).
   * Returns the permalinks it wrote.
   */
  appendLines(permalinks: string[], articles: ArticleRange): Set<string> {
    const added = new Set(permalinks.filter((permalink) => !this.#lines.has(permalink)));
    if (added.size === 0) return added;
    this.#open();
    const text = `${this.#needsNewline ? "\n" : ""}${[...added].join("\n")}\n`;
    this.#faults?.ledgerWrite(this.#fd!, text, articles);
    writeAllAndSync(this.#fd!, text);
    this.#needsNewline = false;
    for (const permalink of added) this.#lines.add(permalink);
    return added;
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
