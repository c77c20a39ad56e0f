/**
 * `npm run import -- [options] <file|dir>...`: raw scraped news text into archive entries.
 * The entry point; the run is in src/cli/import/ (command line, input walking, archive
 * scan, atomic writes, ledger, report, and the import of one file), and what an article is
 * and where it goes is decided in src/lib (raw-article.ts, import-plan.ts).
 */
import { resolve } from "node:path";
import process from "node:process";
import { main } from "./import/main.ts";

export { main };

/** Run as a program, not when imported by a test. */
if (import.meta.filename === resolve(process.argv[1] ?? "")) {
  process.exitCode = await main(process.argv.slice(2), process.env);
}
