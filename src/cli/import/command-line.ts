/** The import's command line: its usage text, its options, and what they ask for. */
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { optionProblems } from "../../lib/import-options.ts";
import type { RawArticleOptions } from "../../lib/raw-article.ts";
import { scanRecordName } from "../../lib/import-scan-record.ts";
import { settingFrom } from "../../lib/settings.ts";
import { archiveDirFrom } from "../../lib/site.ts";
import { collectInputs, type Input } from "./inputs.ts";

export const USAGE = `Usage: npm run import -- [options] <file|dir>...

Imports raw news text files into the archive: each becomes YYYY/MM/DD/<slug>.md and
<slug>.original.txt (the input, byte for byte) under the output folder. Directories are
read recursively for *.txt files; files are processed in sorted path order.

Options:
  --out DIR       output folder (default: $ARCHIVE_DIR/articles, i.e. content/articles)
  --source S      source (publication) for texts that credit none
  --author A      author for texts that name none (repeat for several authors)
  --title T       headline to use instead of the text's or the derived one (one file only)
  --lang L        BCP 47 language tag of the texts (default: told from each text:
                  en, ru or az; en, with a warning, when it cannot be told)
  --section S     section of the source publication, e.g. Politics
  --url U         where the text was found, http(s) (one file only)
  --dry-run       write nothing; report what would happen
  --no-wait       if another import is writing to the archive, exit 3 at once
                  instead of waiting for it to finish
  --json          print one JSON array on stdout: file, status, entry, permalink, error
  -h, --help      show this help

One import writes to an archive at a time: it holds <archive>/.import.lock while it
runs, and another import waits for it, then finds what it wrote (a lock left by an
import that was killed is taken over).

Exit status: 0 when nothing failed (duplicates are not failures), 1 when any input
failed, 2 for a usage error, 3 when --no-wait found the archive locked by another import.

Example:
  npm run import -- --source Azernews --section Politics tests/fixtures/seed/
`;

/** Anything wrong with the command line: exit 2 with the usage. */
export class UsageError extends Error {}

const OPTIONS = {
  out: { type: "string" },
  source: { type: "string" },
  author: { type: "string", multiple: true },
  title: { type: "string" },
  lang: { type: "string" },
  section: { type: "string" },
  url: { type: "string" },
  "dry-run": { type: "boolean" },
  "no-wait": { type: "boolean" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

/** What a run is asked to do. */
export interface Setup {
  inputs: Input[];
  options: RawArticleOptions;
  /** The output folder as given (for messages) and resolved. */
  outShown: string;
  out: string;
  json: boolean;
  dryRun: boolean;
  /** Wait for another import's lock on the archive (else exit 3). */
  wait: boolean;
  /** Where the scan of `out` is recorded for the next import (src/lib/import-scan-record.ts). */
  scanRecord: string;
}

function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Reads the command line; null for --help; throws UsageError for anything wrong with it. */
export function readCommandLine(
  argv: string[],
  env: Record<string, string | undefined>,
): Setup | null {
  const { values, positionals } = parseCommandLine(argv);
  if (values.help) return null;
  const options: RawArticleOptions = {
    source: values.source,
    author: values.author?.length === 1 ? values.author[0] : values.author,
    title: values.title,
    language: values.lang,
    section: values.section,
    originalUrl: values.url,
  };
  const problems = optionProblems(options);
  if (problems.length) throw new UsageError(problems.join("\n"));
  if (positionals.length === 0)
    throw new UsageError("no input: name one or more .txt files or folders");
  const outShown = values.out ?? join(archiveDirFrom(env), "articles");
  const out = resolve(outShown);
  const inputs = collectInputs(positionals, out);
  if (inputs.length > 1 && (values.title !== undefined || values.url !== undefined)) {
    throw new UsageError(
      `--title and --url describe one article, but ${inputs.length} files were given: import that file alone`,
    );
  }
  return {
    inputs,
    options,
    outShown,
    out,
    json: values.json ?? false,
    dryRun: values["dry-run"] ?? false,
    wait: !(values["no-wait"] ?? false),
    scanRecord: join(resolve(settingFrom(env, "cacheDir")), scanRecordName(out)),
  };
}
