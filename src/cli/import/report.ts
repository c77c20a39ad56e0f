/**
 * What a run says: one line per file on stdout (or one JSON array with `--json`), failures
 * and warnings on stderr, a progress bar on a terminal for long runs, and the closing
 * counts. Output is buffered and written in large pieces: a line per write is slow for
 * 100,000 files.
 */
import process from "node:process";
import { describeChoice } from "../../lib/language.ts";
import type { Result } from "./import-file.ts";

type Counts = Record<Result["status"], number>;

/** Runs of more files than this show a progress bar on a terminal. */
const PROGRESS_AFTER = 20;
/** At most one redraw of the bar in this many milliseconds. */
const REDRAW_MS = 100;
const FLUSH_AT = 65536;

export function progressBar(done: number, total: number, counts: Counts): string {
  const width = 30;
  const filled = Math.round((done / total) * width);
  const percent = Math.floor((done / total) * 100);
  return (
    `\r\x1b[K[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} ${percent}%` +
    `  imported ${counts.imported}, duplicates ${counts.duplicate}, failed ${counts.failed}`
  );
}

/**
 * The warning for an article whose language could not be told. Importing the same file
 * again would only find it archived, so a written entry is corrected in its frontmatter.
 */
export function unsureLanguageWarning(result: Result, dryRun: boolean): string {
  const { language, why } = result.language!;
  const unsure = `${result.file}: its language could not be told (${why})`;
  const fix = "pass --lang with its language, such as --lang ru";
  return dryRun
    ? `${unsure}; ${language}, the default, would be used: ${fix}`
    : `${unsure}; ${language}, the default, was written: if that is wrong, correct the ` +
        `"language:" line of ${result.entry}; ${fix}, when importing such files`;
}

export class Report {
  readonly #json: boolean;
  readonly #dryRun: boolean;
  readonly #total: number;
  readonly #showProgress: boolean;
  readonly #results: Result[] = [];
  readonly #counts: Counts = { imported: 0, duplicate: 0, failed: 0 };
  #pending = "";
  #barShown = false;
  #lastDraw = 0;

  constructor(options: { json: boolean; dryRun: boolean; total: number }) {
    this.#json = options.json;
    this.#dryRun = options.dryRun;
    this.#total = options.total;
    this.#showProgress = Boolean(process.stderr.isTTY) && options.total > PROGRESS_AFTER;
  }

  warn(message: string): void {
    this.#clearBar();
    process.stderr.write(`import: warning: ${message}\n`);
  }

  /** Reports the result of one more file. */
  add(result: Result): void {
    this.#counts[result.status]++;
    if (this.#json) this.#results.push(result);
    if (result.status === "failed") {
      this.#flush();
      process.stderr.write(`failed: ${result.error}\n`);
    } else if (result.error) {
      this.warn(result.error);
    }
    if (result.language?.how === "default") this.warn(unsureLanguageWarning(result, this.#dryRun));
    if (!this.#json && result.status !== "failed") {
      const language = result.language ? `; language ${describeChoice(result.language)}` : "";
      this.#pending +=
        result.status === "imported"
          ? `${this.#dryRun ? "would import" : "imported"}: ${result.file} -> ${result.entry}${language}\n`
          : `duplicate: ${result.file} = ${result.entry} (same bytes; nothing written)\n`;
      if (this.#pending.length > FLUSH_AT) this.#flush();
    }
    if (this.#showProgress) this.#drawBar();
  }

  /** Writes what is pending and takes the bar away; call it even when the run broke off. */
  close(): void {
    this.#flush();
    this.#clearBar();
  }

  /** Prints the JSON array (with `--json`) and the counts; the exit status. */
  summarize(): number {
    const { imported, duplicate, failed } = this.#counts;
    if (this.#json) process.stdout.write(`${JSON.stringify(this.#results, null, 2)}\n`);
    process.stderr.write(
      `imported ${imported}, duplicates ${duplicate}, failed ${failed}` +
        `${this.#dryRun ? " (dry run: nothing was written)" : ""}\n`,
    );
    return failed > 0 ? 1 : 0;
  }

  #drawBar(): void {
    const done = this.#counts.imported + this.#counts.duplicate + this.#counts.failed;
    const now = Date.now();
    if (now - this.#lastDraw <= REDRAW_MS && done !== this.#total) return;
    this.#flush();
    process.stderr.write(progressBar(done, this.#total, this.#counts));
    this.#barShown = true;
    this.#lastDraw = now;
  }

  #flush(): void {
    if (!this.#pending) return;
    this.#clearBar();
    process.stdout.write(this.#pending);
    this.#pending = "";
  }

  #clearBar(): void {
    if (this.#barShown) process.stderr.write("\r\x1b[K");
    this.#barShown = false;
  }
}
