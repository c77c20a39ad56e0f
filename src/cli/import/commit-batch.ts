/**
 * The group commit: the planned articles of a batch (./import-file.ts) written together,
 * keeping the order that makes them durable. All temp files are written and flushed at
 * once (the journal then flushes many in one go), then named: every `.original.txt` of the
 * batch before any `.md`, so a build beside the import never sees an `.md` without its
 * original; then each folder touched is flushed once, and only then are the batch's ledger
 * lines appended, in one write, flushed. An article is on disk before its URL is in the
 * ledger; a crash loses at most the batch being written, which the next run completes.
 */
import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { markTaken } from "../../lib/import-plan.ts";
import {
  createTemp,
  ensureDirs,
  flushTemp,
  linkIntoPlace,
  syncDirs,
  type TempFile,
} from "./atomic-write.ts";
import {
  failed,
  forgetArticle,
  planArticle,
  type Planned,
  type PlannedArticle,
  type Result,
  type Run,
} from "./import-file.ts";
import { errorCode, errorText } from "./system-errors.ts";
import type { ArticleRange } from "./test-faults.ts";

/** How the write of one article of a batch went. */
interface Write {
  planned: PlannedArticle;
  stem: string;
  /** Its temp files, until they are named. */
  originalTemp?: TempFile;
  mdTemp?: TempFile;
  linkedOriginal: boolean;
  written: boolean;
  error?: unknown;
}

/** Commits `batch` (inputs in input order); their results, in the same order. */
export async function commitBatch(run: Run, batch: Planned[]): Promise<Result[]> {
  const articles = batch.filter((item): item is PlannedArticle => item.kind === "article");
  if (run.dryRun) return batch.map((item) => item.result);
  const range = { first: run.written + 1, last: run.written + articles.length };
  const writes = await writeArticles(run, articles, range);
  const byArticle = new Map(writes.map((write) => [write.planned, write]));
  for (const write of writes) {
    write.planned.committed = write.written;
    run.pending.delete(write.planned.plan.key);
  }
  run.written += writes.filter((write) => write.written).length;
  run.faults?.reach("kill-before-ledger", range);
  addToLedger(run, batch, byArticle, range);
  run.faults?.reach("kill-after", range);
  const results: Result[] = [];
  for (const item of batch) {
    const write = item.kind === "article" ? byArticle.get(item) : undefined;
    const of = item.kind === "duplicate" ? item.of : undefined;
    if (write && !write.written) results.push(await retry(run, write));
    // Its twin, planned before it, went elsewhere or nowhere: plan it again.
    else if (of && !of.committed) results.push(await replan(run, item.result.file, of, 0));
    else results.push(item.result);
  }
  return results;
}

/** An article not written: its slug taken under the import's feet (plan it again), or failed. */
async function retry(run: Run, write: Write): Promise<Result> {
  const { planned } = write;
  forgetArticle(run.index, planned);
  if (errorCode(write.error) !== "EEXIST") {
    return failed(
      planned.result.file,
      `could not be written to ${dirname(write.stem)} (${errorText(write.error)})`,
      "check that the output folder exists and is writable, then import it again",
    );
  }
  // Something the scan did not see holds this slug: never replace it, take the next.
  markTaken(run.index, planned.plan.key);
  return replan(run, planned.result.file, planned, planned.tries + 1);
}

/** Plans the input of `planned` again and commits it alone. */
async function replan(
  run: Run,
  file: string,
  planned: PlannedArticle,
  tries: number,
): Promise<Result> {
  const again = planArticle(run, file, planned.bytes, planned.article, tries);
  const [result] = await commitBatch(run, [again]);
  return result!;
}

/** Writes the files of `articles`; how each went. */
async function writeArticles(
  run: Run,
  articles: PlannedArticle[],
  range: ArticleRange,
): Promise<Write[]> {
  const writes: Write[] = articles.map((planned) => ({
    planned,
    stem: join(run.out, planned.plan.key),
    linkedOriginal: false,
    written: false,
  }));
  if (writes.length === 0) return writes;
  // Created before the first entry: a crash before its line leaves a ledger to complete.
  run.ledger.prepare();
  const unsynced = new Set<string>();
  const folders = writes.map((write) => dirname(write.stem));
  const unmade = await ensureDirs(folders, run.dirs, unsynced);
  for (const write of writes) write.error = unmade.get(dirname(write.stem));
  await Promise.all(writes.filter((write) => !write.error).map(createTemps));
  await Promise.all(writes.filter((write) => !write.error).map(flushTemps));
  for (const write of writes) {
    if (write.error || write.originalTemp === undefined) continue;
    link(write, "originalTemp", `${write.stem}.original.txt`);
    write.linkedOriginal = !write.error;
  }
  run.faults?.reach("kill-before-md", range);
  for (const write of writes) {
    if (write.error) continue;
    link(write, "mdTemp", `${write.stem}.md`);
    write.written = !write.error;
    if (write.written) unsynced.add(dirname(write.stem));
  }
  const unsyncable = await syncDirs(unsynced);
  for (const write of writes) cleanUp(write, unsyncable);
  return writes;
}

/** Names the temp file `write[temp]` `file`; the temp name is gone either way. */
function link(write: Write, temp: "originalTemp" | "mdTemp", file: string): void {
  const path = write[temp]!;
  delete write[temp];
  try {
    linkIntoPlace(path.path, file);
  } catch (error) {
    write.error = error;
  }
}

/** Writes the temp files of one article, both at once. */
async function createTemps(write: Write): Promise<void> {
  const { planned, stem } = write;
  const [original, md] = await Promise.allSettled([
    planned.plan.originalInPlace ? undefined : createTemp(`${stem}.original.txt`, planned.bytes),
    createTemp(`${stem}.md`, planned.text),
  ]);
  if (original.status === "rejected") write.error = original.reason;
  else if (original.value !== undefined) write.originalTemp = original.value;
  if (md.status === "fulfilled") write.mdTemp = md.value;
  else write.error ??= md.reason;
  if (write.error) await flushTemps(write);
}

/** Flushes the temp files of one article (or, after an error, closes them). */
async function flushTemps(write: Write): Promise<void> {
  const temps = [write.originalTemp, write.mdTemp].filter((temp) => temp !== undefined);
  const flushed = await Promise.allSettled(temps.map(flushTemp));
  for (const outcome of flushed) if (outcome.status === "rejected") write.error ??= outcome.reason;
}

/**
 * Leaves nothing of an article that was not written; one whose folder could not be
 * flushed stays in place (the next run finds it a duplicate) but counts as not written.
 */
function cleanUp(write: Write, unsyncable: Map<string, unknown>): void {
  const folderError = unsyncable.get(dirname(write.stem));
  if (write.written && folderError !== undefined) {
    write.written = false;
    write.error = folderError;
    return;
  }
  if (write.written) return;
  for (const temp of [write.originalTemp, write.mdTemp]) {
    if (temp !== undefined) rmSync(temp.path, { force: true });
  }
  if (write.linkedOriginal) rmSync(`${write.stem}.original.txt`, { force: true });
}

/**
 * Appends the permalinks of the batch's written articles, and of duplicates whose line an
 * interrupted run did not write, in input order; a ledger that cannot take them is a
 * warning on each of those results, not a failure (the entries are written).
 */
function addToLedger(
  run: Run,
  batch: Planned[],
  byArticle: Map<PlannedArticle, Write>,
  range: ArticleRange,
): void {
  const lines: Result[] = [];
  for (const item of batch) {
    if (item.kind === "article" && byArticle.get(item)?.written) lines.push(item.result);
    // A ledger line lost to an interruption after the entry was written comes back here.
    if (item.kind === "duplicate" && !item.of && run.ledger.exists) lines.push(item.result);
  }
  if (lines.length === 0) return;
  try {
    run.ledger.appendLines(
      lines.map((result) => result.permalink!),
      range,
    );
  } catch (error) {
    for (const result of lines) {
      if (run.ledger.has(result.permalink!)) continue;
      const done = result.status === "imported" ? "imported" : "archived already";
      result.error = `${result.file}: ${done}, but its permalink could not be added to ${run.ledger.file} (${errorText(error)}); add the line ${result.permalink} by hand`;
    }
  }
}
