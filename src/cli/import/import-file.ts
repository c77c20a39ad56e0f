/**
 * The import of one file up to its plan: read, parse, and decide where it goes (or that
 * it is a duplicate), in memory, in input order; ./commit-batch.ts then writes the planned
 * articles of a batch together. What an article is and where it goes is decided in
 * src/lib (raw-article.ts, import-plan.ts); this module only reads.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sha256Hex } from "../../lib/entry-check.ts";
import { fixForSchemaErrors } from "../../lib/import-options.ts";
import type { LanguageChoice } from "../../lib/language.ts";
import {
  entryText,
  planImport,
  recordImport,
  type ArchiveContents,
  type ImportPlan,
} from "../../lib/import-plan.ts";
import {
  decodeRawText,
  describeFailure,
  parseRawArticle,
  type RawArticle,
  type RawArticleOptions,
} from "../../lib/raw-article.ts";
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
  /** An imported article's language and how it was chosen (given, detected, default). */
  language?: LanguageChoice;
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
  /** The articles planned but not yet committed, by entry key. */
  pending: Map<string, PlannedArticle>;
  /** Test-only fault injection (./test-faults.ts); null in every normal run. */
  faults: TestFaults | null;
}

/** A new article, planned (its slug taken in the run's index) but not yet written. */
export interface PlannedArticle {
  kind: "article";
  bytes: Buffer;
  sha256: string;
  article: RawArticle;
  plan: Extract<ImportPlan, { status: "imported" }>;
  /** The `.md` file's text. */
  text: string;
  result: Result;
  /** Slugs tried so far, taken under the import's feet. */
  tries: number;
  /** Set by its commit: whether it was written as planned. */
  committed?: boolean;
}

/** A duplicate of an archived entry, or of `of`, an article not yet committed when planned. */
export interface PlannedDuplicate {
  kind: "duplicate";
  result: Result;
  of?: PlannedArticle;
}

/** An input once planned: an article to write, a duplicate, or a failure. */
export type Planned = PlannedArticle | PlannedDuplicate | { kind: "failed"; result: Result };

/** Gives up on a slug taken under the import's feet after this many tries. */
const MAX_TRIES = 100;

/** A failed result: what is wrong with `file`, and what to do. */
export function failed(file: string, problem: string, fix: string): Result {
  return { file, status: "failed", error: `${file}: ${describeFailure({ problem, fix })}` };
}

/** Reads and plans one input, or says why it cannot be imported. */
export function planFile(run: Run, input: Input): Planned {
  const read = readInput(input);
  if (!read.ok) return { kind: "failed", result: read.result };
  const parsed = parseRawArticle(read.text, run.options);
  if (!parsed.ok) return { kind: "failed", result: failed(input.file, parsed.problem, parsed.fix) };
  return planArticle(run, input.file, read.bytes, parsed.article, 0);
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

/**
 * Plans `article` at the first free slug, taking it in the run's index so that later
 * inputs see it, or names the entry that has its bytes; `tries` slugs were found taken.
 */
export function planArticle(
  run: Run,
  file: string,
  bytes: Buffer,
  article: RawArticle,
  tries: number,
): Planned {
  if (tries >= MAX_TRIES) {
    const result = failed(
      file,
      `no free slug was found after ${MAX_TRIES} tries`,
      "pass --title with a distinct headline",
    );
    return { kind: "failed", result };
  }
  const { frontmatter, body } = article;
  const sha256 = sha256Hex(bytes);
  const plan = planImport(run.index, { date: frontmatter.date, slug: frontmatter.slug, sha256 });
  if (plan.status === "duplicate") {
    const { key, permalink } = plan.existing;
    const result: Result = {
      file,
      status: "duplicate",
      entry: join(run.outShown, `${key}.md`),
      permalink,
    };
    const of = run.pending.get(key);
    return of ? { kind: "duplicate", result, of } : { kind: "duplicate", result };
  }
  const entry = entryText({ ...frontmatter, slug: plan.slug, sha256 }, body);
  if (!entry.ok) {
    const result = failed(
      file,
      `its frontmatter does not pass the site's schema (${entry.errors.join("; ")})`,
      fixForSchemaErrors(entry.errors),
    );
    return { kind: "failed", result };
  }
  const result: Result = {
    file,
    status: "imported",
    entry: join(run.outShown, `${plan.key}.md`),
    permalink: plan.permalink,
    language: article.languageChoice,
  };
  recordImport(run.index, plan.key, plan.permalink, sha256);
  const planned: PlannedArticle = {
    kind: "article",
    bytes,
    sha256,
    article,
    plan,
    text: entry.text,
    result,
    tries,
  };
  if (!run.dryRun) run.pending.set(plan.key, planned);
  return planned;
}

/** Undoes planArticle for an article that was not written (`taken`: its slug is not free). */
export function forgetArticle(index: ArchiveContents, planned: PlannedArticle): void {
  const { key, originalInPlace } = planned.plan;
  if (index.bySha256.get(planned.sha256)?.key === key) index.bySha256.delete(planned.sha256);
  if (originalInPlace) index.orphanOriginals.set(planned.sha256, key);
  else index.takenKeys.delete(key);
}
