/** A whole import run: the command line, the archive as it is, each input, the report. */
import { dirname, join } from "node:path";
import process from "node:process";
import { lockArchive, LockBusy, type ArchiveLock } from "./archive-lock.ts";
import { scanArchive } from "./archive-scan.ts";
import { readCommandLine, USAGE, UsageError, type Setup } from "./command-line.ts";
import { importFile } from "./import-file.ts";
import { Ledger } from "./ledger.ts";
import { Report } from "./report.ts";
import { errorText } from "./system-errors.ts";
import { testFaultsFrom, type TestFaults } from "./test-faults.ts";

/** The exit status when --no-wait found another import holding the archive's lock. */
export const EXIT_LOCKED = 3;

/** Runs the import for `argv` (without node and the script); the exit status. */
export function main(argv: string[], env: Record<string, string | undefined>): number {
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
    return runImport(setup, faults);
  } finally {
    lock?.release();
  }
}

/** The import itself; in a real run, the caller holds the archive's lock. */
function runImport(setup: Setup, faults: TestFaults | null): number {
  const { inputs, out, dryRun } = setup;
  const report = new Report({ json: setup.json, dryRun, total: inputs.length });
  const warn = (message: string) => report.warn(message);
  const { index, dirs } = scanArchive(out, dryRun, warn);
  const ledger = new Ledger(join(dirname(out), "permalinks.txt"), faults);
  ledger.read(index, warn, !dryRun);
  const run = {
    out,
    outShown: setup.outShown,
    options: setup.options,
    dryRun,
    index,
    dirs,
    ledger,
    written: 0,
    faults,
  };
  try {
    for (const input of inputs) {
      report.add(importFile(run, input));
      faults?.afterInput();
    }
  } finally {
    ledger.close();
    report.close();
  }
  return report.summarize();
}
