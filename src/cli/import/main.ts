/**
 * A whole import run: the command line, the archive as it is, each input read and planned
 * in order into batches, each batch committed at once (./commit-batch.ts), the report.
 */
import { dirname, join } from "node:path";
import process from "node:process";
import { lockArchive, LockBusy, type ArchiveLock } from "./archive-lock.ts";
import { scanArchive } from "./archive-scan.ts";
import { readCommandLine, USAGE, UsageError, type Setup } from "./command-line.ts";
import { commitBatch } from "./commit-batch.ts";
import { planFile, type Planned, type Run } from "./import-file.ts";
import { Ledger } from "./ledger.ts";
import { Report } from "./report.ts";
import { errorText } from "./system-errors.ts";
import { testFaultsFrom, type TestFaults } from "./test-faults.ts";

/** The exit status when --no-wait found another import holding the archive's lock. */
export const EXIT_LOCKED = 3;

/** A batch is committed once it holds this many new articles, or this many bytes. */
const BATCH_ARTICLES = 64;
const BATCH_BYTES = 8 * 1024 * 1024;
/** ... or this many inputs in all (duplicates and failures wait for no write). */
const BATCH_INPUTS = 512;

/** Runs the import for `argv` (without node and the script); the exit status. */
export async function main(
  argv: string[],
  env: Record<string, string | undefined>,
): Promise<number> {
  let setup: Setup | null;
  try {
    setup = readCommandLine(argv, env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`import: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (setup === null) {
    process.stdout.write(USAGE);
    return 0;
  }
  const faults = testFaultsFrom(env);
  // A dry run writes nothing, so it takes no lock: it reads the archive as it is.
  let lock: ArchiveLock | null = null;
  if (!setup.dryRun) {
    try {
      lock = lockArchive(dirname(setup.out), {
        wait: setup.wait,
        say: (message) => process.stderr.write(`import: ${message}\n`),
      });
    } catch (error) {
      if (error instanceof LockBusy) {
        process.stderr.write(`import: ${error.message}\n`);
        return EXIT_LOCKED;
      }
      process.stderr.write(
        `import: cannot take the lock of ${dirname(setup.outShown)} (${errorText(error)}): check that the output folder's parent is writable\n`,
      );
      return 1;
    }
  }
  try {
    return await runImport(setup, faults);
  } finally {
    lock?.release();
  }
}

/** Lets the I/O callbacks of the commit under way run between two inputs. */
function yieldToIo(): Promise<void> {
  return new Promise((resume) => setImmediate(resume));
}

/** The import itself; in a real run, the caller holds the archive's lock. */
async function runImport(setup: Setup, faults: TestFaults | null): Promise<number> {
  const { inputs, out, dryRun } = setup;
  const report = new Report({ json: setup.json, dryRun, total: inputs.length });
  const warn = (message: string) => report.warn(message);
  const { index, dirs } = scanArchive(out, dryRun, warn, setup.scanRecord);
  const ledger = new Ledger(join(dirname(out), "permalinks.txt"), faults);
  ledger.read(index, warn, !dryRun);
  const run: Run = {
    out,
    outShown: setup.outShown,
    options: setup.options,
    dryRun,
    index,
    dirs,
    ledger,
    written: 0,
    pending: new Map(),
    faults,
  };
  let batch: Planned[] = [];
  let articles = 0;
  let bytes = 0;
  // The batch being committed: its files are flushed while the next batch is planned.
  let committing: Promise<void> = Promise.resolve();
  let flushing = false;
  const commitNext = async () => {
    await committing;
    flushing = true;
    const results = commitBatch(run, batch);
    committing = results.then((list) => {
      flushing = false;
      for (const result of list) report.add(result);
    });
    committing.catch(() => {}); // Awaited later: not an unhandled rejection meanwhile.
    batch = [];
    articles = 0;
    bytes = 0;
  };
  try {
    for (const input of inputs) {
      const planned = planFile(run, input);
      batch.push(planned);
      if (planned.kind === "article") {
        articles++;
        bytes += planned.bytes.length + planned.text.length;
      }
      faults?.afterInput();
      const full = articles >= BATCH_ARTICLES || bytes >= BATCH_BYTES;
      if (full || batch.length >= BATCH_INPUTS) await commitNext();
      else if (flushing) await yieldToIo();
    }
    await commitNext();
    await committing;
  } finally {
    await committing.catch(() => {});
    ledger.close();
    report.close();
  }
  return report.summarize();
}
