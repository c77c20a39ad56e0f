/**
 * The import itself, one file at a time: read, parse, plan, write the entry and its
 * original, record the permalink. What an article is and where it goes is decided in
 * src/lib (raw-article.ts, import-plan.ts); this module only reads and writes.
 */
import { readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { sha256Hex } from "../../lib/entry-check.ts";
import { fixForSchemaErrors } from "../../lib/import-options.ts";
import {
  entryText,
  markTaken,
  planImport,
  recordImport,
  type ArchiveContents,
  type ImportPlan,
  type KnownEntry,
} from "../../lib/import-plan.ts";
import {
  decodeRawText,
  describeFailure,
  parseRawArticle,
  type RawArticle,
  type RawArticleOptions,
} from "../../lib/raw-article.ts";
import { createAtomically, ensureDir, syncDir } from "./atomic-write.ts";
import type { Input } from "./inputs.ts";
import type { Ledger } from "./ledger.ts";
import { errorCode, errorText } from "./system-errors.ts";
import type { TestFaults } from "./test-faults.ts";

/** What became of one input, as printed and as `--json` reports it. */
export interface Result {
  file: string;
  status: "imported" | "duplicate" | "failed";
  entry?: string;
  permalink?: string;
  error?: string;
}

/** What every file of a run shares. */
export interface Run {
  /** The output folder, resolved, and as given (for messages). */
  out: string;
  outShown: string;
  options: RawArticleOptions;
  dryRun: boolean;
  index: ArchiveContents;
  dirs: Set<string>;
  ledger: Ledger;
  /** New articles written so far. */
  written: number;
  /** Test-only fault injection (./test-faults.ts); null in every normal run. */
  faults: TestFaults | null;
}

/** Gives up on a slug taken under the import's feet after this many tries. */
const MAX_TRIES = 100;

function failed(file: string, problem: string, fix: string): Result {
  return { file, status: "failed", error: `${file}: ${describeFailure({ problem, fix })}` };
}

/** Imports one input into the archive, or says why it could not. */
export function importFile(run: Run, input: Input): Result {
  const read = readInput(input);
  if (!read.ok) return read.result;
  const parsed = parseRawArticle(read.text, run.options);
  if (!parsed.ok) return failed(input.file, parsed.problem, parsed.fix);
  return archive(run, input.file, read.bytes, parsed.article);
}

type ReadInput = { ok: true; bytes: Buffer; text: string } | { ok: false; result: Result };

function readInput(input: Input): ReadInput {
  const { file } = input;
  if (input.listError !== undefined) {
    return {
      ok: false,
      result: failed(
        file,
        `is a folder that cannot be read (${errorText(input.listError)})`,
        "check that you may read it",
      ),
    };
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(input.absolute);
  } catch (error) {
    return {
      ok: false,
      result: failed(
        file,
        `cannot be read (${errorText(error)})`,
        errorCode(error) === "EISDIR"
          ? "pass a .txt file or a folder of them"
          : "check that the file exists and that you may read it",
      ),
    };
  }
  const decoded = decodeRawText(bytes);
  if (!decoded.ok) return { ok: false, result: failed(file, decoded.problem, decoded.fix) };
  return { ok: true, bytes, text: decoded.text };
}

/** Writes `article` at the first free slug, or names the entry that has its bytes. */
function archive(run: Run, file: string, bytes: Buffer, article: RawArticle): Result {
  const { frontmatter, body } = article;
  const sha256 = sha256Hex(bytes);
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const plan = planImport(run.index, { date: frontmatter.date, slug: frontmatter.slug, sha256 });
    if (plan.status === "duplicate") return duplicate(run, file, plan.existing);
    const entry = entryText({ ...frontmatter, slug: plan.slug, sha256 }, body);
    if (!entry.ok) {
      return failed(
        file,
        `its frontmatter does not pass the site's schema (${entry.errors.join("; ")})`,
        fixForSchemaErrors(entry.errors),
      );
    }
    const result: Result = {
      file,
      status: "imported",
      entry: join(run.outShown, `${plan.key}.md`),
      permalink: plan.permalink,
    };
    if (!run.dryRun) {
      const written = writeEntry(run, plan, bytes, entry.text, run.written + 1);
      if (written === "taken") {
        // Something the scan did not see holds this slug: never replace it, take the next.
        markTaken(run.index, plan.key);
        continue;
      }
      if (written !== "written") {
        return failed(
          file,
          `could not be written to ${dirname(join(run.out, plan.key))} (${errorText(written.error)})`,
          "check that the output folder exists and is writable, then import it again",
        );
      }
    }
    recordImport(run.index, plan.key, plan.permalink, sha256);
    if (!run.dryRun) {
      run.written++;
      run.faults?.reach("kill-before-ledger", run.written);
      addToLedger(run, result, plan.permalink, run.written);
      run.faults?.reach("kill-after", run.written);
    }
    return result;
  }
  return failed(
    file,
    `no free slug was found after ${MAX_TRIES} tries`,
    "pass --title with a distinct headline",
  );
}

function duplicate(run: Run, file: string, existing: KnownEntry): Result {
  // A ledger line lost to an interruption after the entry was written comes back here.
  if (!run.dryRun && run.ledger.exists && !run.ledger.has(existing.permalink)) {
    run.ledger.append(existing.permalink);
  }
  return {
    file,
    status: "duplicate",
    entry: join(run.outShown, `${existing.key}.md`),
    permalink: existing.permalink,
  };
}

/**
 * Creates `<key>.original.txt` (unless an interrupted run left it), then `<key>.md`, both
 * on disk when it returns "written"; "taken" when either name exists already, and then
 * nothing of this attempt is left behind. The original comes first: a build running
 * beside the import reads only `.md` entries, each with its original already in place.
 */
function writeEntry(
  run: Run,
  plan: Extract<ImportPlan, { status: "imported" }>,
  bytes: Buffer,
  text: string,
  article: number,
): "written" | "taken" | { error: unknown } {
  const stem = join(run.out, plan.key);
  let wroteOriginal = false;
  try {
    run.ledger.prepare();
    ensureDir(dirname(stem), run.dirs);
    if (!plan.originalInPlace) {
      createAtomically(`${stem}.original.txt`, bytes);
      wroteOriginal = true;
    }
    run.faults?.reach("kill-before-md", article);
    createAtomically(`${stem}.md`, text);
    syncDir(dirname(stem));
    return "written";
  } catch (error) {
    if (wroteOriginal) rmSync(`${stem}.original.txt`, { force: true });
    return errorCode(error) === "EEXIST" ? "taken" : { error };
  }
}

/** The entry is written: a ledger that cannot take its line is a warning, not a failure. */
function addToLedger(run: Run, result: Result, permalink: string, article: number): void {
  try {
    run.ledger.append(permalink, article);
  } catch (error) {
    result.error = `${result.file}: imported, but its permalink could not be added to ${run.ledger.file} (${errorText(error)}); add the line ${permalink} by hand`;
  }
}
