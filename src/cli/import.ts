/**
 * `npm run import -- [options] <file|dir>...`: raw scraped news text into archive entries.
 * Argument parsing and the file system only; what an article is and where it goes is
 * decided in src/lib (raw-article.ts, import-plan.ts).
 */
import {
  closeSync,
  existsSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
  unlinkSync,
  type Dirent,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import process from "node:process";
import { parseArgs } from "node:util";
import { validateFrontmatter } from "../lib/article-schema.ts";
import { sha256Hex } from "../lib/entry-check.ts";
import {
  addExistingEntry,
  addLedgerLine,
  addOrphanOriginal,
  addOtherFile,
  emptyArchiveContents,
  entryText,
  FLAG_FOR_FIELD,
  existingFieldsOf,
  frontmatterBlock,
  markTaken,
  planImport,
  recordImport,
  type ArchiveContents,
  type ExistingFrontmatter,
} from "../lib/import-plan.ts";
import { describeFailure, parseRawArticle, type RawArticleOptions } from "../lib/raw-article.ts";
import { archiveDirFrom } from "../lib/site.ts";

const USAGE = `Usage: npm run import -- [options] <file|dir>...

Imports raw news text files into the archive: each becomes YYYY/MM/DD/<slug>.md and
<slug>.original.txt (the input, byte for byte) under the output folder. Directories are
read recursively for *.txt files; files are processed in sorted path order.

Options:
  --out DIR       output folder (default: $ARCHIVE_DIR/articles, i.e. content/articles)
  --source S      source (publication) for texts that credit none
  --author A      author for texts that name none (repeat for several authors)
  --title T       headline to use instead of the text's or the derived one (one file only)
  --lang L        BCP 47 language tag of the text (default: en)
  --section S     section of the source publication, e.g. Politics
  --url U         where the text was found, http(s) (one file only)
  --dry-run       write nothing; report what would happen
  --json          print one JSON array on stdout: file, status, entry, permalink, error
  -h, --help      show this help

Exit status: 0 when nothing failed (duplicates are not failures), 1 when any input
failed, 2 for a usage error.

Example:
  npm run import -- --source Azernews --section Politics tests/fixtures/seed/
`;

interface Result {
  file: string;
  status: "imported" | "duplicate" | "failed";
  entry?: string;
  permalink?: string;
  error?: string;
}

class UsageError extends Error {}

const OPTIONS = {
  out: { type: "string" },
  source: { type: "string" },
  author: { type: "string", multiple: true },
  title: { type: "string" },
  lang: { type: "string" },
  section: { type: "string" },
  url: { type: "string" },
  "dry-run": { type: "boolean" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Checks the option values with the site's schema once, before any file is read. */
function checkOptions(options: RawArticleOptions): void {
  const probe = validateFrontmatter({
    title: options.title ?? "Title",
    date: "2000-01-01",
    source: options.source ?? "Source",
    ...(options.author !== undefined ? { author: options.author } : {}),
    slug: "slug",
    language: options.language ?? "en",
    ...(options.section !== undefined ? { section: options.section } : {}),
    ...(options.originalUrl !== undefined ? { originalUrl: options.originalUrl } : {}),
    sha256: "0".repeat(64),
  });
  if (!probe.ok) {
    throw new UsageError(
      probe.errors
        .map((error) => {
          const field = error.slice(0, error.indexOf(":")).split(".")[0] ?? "";
          return `${FLAG_FOR_FIELD[field] ?? field}: ${error.slice(error.indexOf(":") + 2)}`;
        })
        .join("\n"),
    );
  }
}

/** What Node's file system errors carry. */
type SystemError = { code?: string; message?: string } | undefined;

function errorCode(error: unknown): string {
  return (error as SystemError)?.code ?? "";
}

/** `ENOENT: no such file or directory, open 'x'` as Node words it. */
function errorText(error: unknown): string {
  return (error as SystemError)?.message ?? String(error);
}

// ---------------------------------------------------------------------------------------
// Inputs

interface Input {
  /** As shown in messages: the argument, joined with the path under it. */
  file: string;
  /** Absolute, for de-duplication. */
  absolute: string;
  /** Why a folder could not be listed, when it could not. */
  listError?: unknown;
}

/** Every `*.txt` under `dir`, not following links to directories, skipping `skip`. */
function walkTexts(dir: string, shown: string, skip: string, into: Input[]): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    into.push({ file: shown, absolute: dir, listError: error });
    return;
  }
  for (const entry of entries) {
    const absolute = join(dir, entry.name);
    const file = join(shown, entry.name);
    if (entry.isDirectory()) {
      if (absolute !== skip) walkTexts(absolute, file, skip, into);
    } else if (/\.txt$/i.test(entry.name) && !entry.name.startsWith(".import-")) {
      into.push({ file, absolute });
    }
  }
}

function collectInputs(args: string[], out: string): Input[] {
  const inputs: Input[] = [];
  for (const arg of args) {
    const absolute = resolve(arg);
    let isDirectory = false;
    try {
      isDirectory = statSync(absolute).isDirectory();
    } catch {
      // Missing or unreadable: reported as a failed input when it is read.
    }
    if (isDirectory) walkTexts(absolute, arg, out, inputs);
    else inputs.push({ file: arg, absolute });
  }
  const seen = new Set<string>();
  return inputs
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
    .filter((input) => !seen.has(input.absolute) && seen.add(input.absolute));
}

// ---------------------------------------------------------------------------------------
// The archive as it is

const HEAD_BYTES = 4096;
const TEMP_FILE = /^\.import-(\d+)-\d+-.+\.tmp$/;

/** Reused for every entry's head, grown when a frontmatter block is longer. */
let headBuffer = Buffer.allocUnsafe(HEAD_BYTES);

/** The frontmatter of an `.md` file, reading only as many bytes as it takes. */
function readFrontmatter(file: string): ExistingFrontmatter {
  const fd = openSync(file, "r");
  try {
    let length = 0;
    for (;;) {
      const read = readSync(fd, headBuffer, length, headBuffer.length - length, length);
      length += read;
      const block = frontmatterBlock(headBuffer.toString("utf8", 0, length));
      if (block !== null) return existingFieldsOf(block);
      if (read === 0) return {};
      if (length === headBuffer.length) {
        const bigger = Buffer.allocUnsafe(headBuffer.length * 4);
        headBuffer.copy(bigger);
        headBuffer = bigger;
      }
    }
  } finally {
    closeSync(fd);
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === "EPERM";
  }
}

/**
 * Reads what the archive holds: sha256, date, slug and aliases of every entry, the slugs
 * of any other files, originals whose `.md` was never written, and the permanence ledger.
 */
function scanArchive(out: string, ledgerFile: string, dryRun: boolean, warn: (m: string) => void) {
  const index = emptyArchiveContents();
  const dirs = new Set<string>();
  const originals = new Map<string, string>(); // key -> file
  const entries = new Set<string>();
  const walk = (dir: string, prefix: string) => {
    let list: Dirent[];
    try {
      list = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      if (errorCode(error) !== "ENOENT") warn(`cannot read ${dir} (${errorText(error)})`);
      return;
    }
    dirs.add(dir);
    for (const item of list) {
      const file = join(dir, item.name);
      if (item.isDirectory()) {
        walk(file, `${prefix}${item.name}/`);
        continue;
      }
      const temp = TEMP_FILE.exec(item.name);
      if (temp) {
        // Left by an interrupted import; never an entry.
        if (!dryRun && !isRunning(Number(temp[1]))) rmSync(file, { force: true });
        continue;
      }
      if (item.name.endsWith(".md")) {
        const key = prefix + item.name.slice(0, -3);
        entries.add(key);
        try {
          addExistingEntry(index, key, readFrontmatter(file));
        } catch (error) {
          addOtherFile(index, key);
          warn(
            `${file}: its frontmatter cannot be read (${(error as Error).message.split("\n")[0]})`,
          );
        }
      } else if (item.name.endsWith(".original.txt")) {
        originals.set(prefix + item.name.slice(0, -".original.txt".length), file);
      } else if (!item.name.startsWith(".")) {
        const dot = item.name.indexOf(".");
        addOtherFile(index, prefix + (dot > 0 ? item.name.slice(0, dot) : item.name));
      }
    }
  };
  walk(out, "");
  for (const [key, file] of originals) {
    if (entries.has(key)) continue;
    try {
      addOrphanOriginal(index, key, sha256Hex(readFileSync(file)));
    } catch {
      addOtherFile(index, key);
    }
  }

  const ledger = new Set<string>();
  let ledgerEndsWithNewline = true;
  try {
    const text = readFileSync(ledgerFile, "utf8");
    for (const line of text.split(/\r?\n/)) {
      if (line.trim() === "") continue;
      ledger.add(line.trim());
      addLedgerLine(index, line);
    }
    ledgerEndsWithNewline = text === "" || text.endsWith("\n");
  } catch (error) {
    if (errorCode(error) !== "ENOENT")
      warn(`cannot read the ledger ${ledgerFile} (${errorText(error)})`);
  }
  return { index, dirs, ledger, ledgerEndsWithNewline };
}

// ---------------------------------------------------------------------------------------
// Writing, never over anything

let tempCounter = 0;
const NO_HARD_LINKS = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EXDEV"]);

/**
 * Creates `file` with `data` atomically: written to a temp file in the same folder, then
 * hard-linked into place, which fails with EEXIST rather than replace an existing file.
 */
function createAtomically(file: string, data: string | Uint8Array): void {
  const temp = join(dirname(file), `.import-${process.pid}-${tempCounter++}-${basename(file)}.tmp`);
  writeFileSync(temp, data, { flag: "wx" });
  try {
    linkSync(temp, file);
  } catch (error) {
    if (!NO_HARD_LINKS.has(errorCode(error))) {
      unlinkSync(temp);
      throw error;
    }
    // A file system without hard links: rename, after checking nothing is there.
    if (existsSync(file)) {
      unlinkSync(temp);
      throw Object.assign(new Error(`EEXIST: file already exists, '${file}'`), { code: "EEXIST" });
    }
    renameSync(temp, file);
    return;
  }
  unlinkSync(temp);
}

/** Creates `dir` and any missing parents, remembering what exists. */
function ensureDir(dir: string, known: Set<string>): void {
  if (known.has(dir)) return;
  const parent = dirname(dir);
  if (parent !== dir) ensureDir(parent, known);
  try {
    mkdirSync(dir);
  } catch (error) {
    if (errorCode(error) !== "EEXIST") throw error;
  }
  known.add(dir);
}

// ---------------------------------------------------------------------------------------

interface Run {
  out: string;
  outShown: string;
  options: RawArticleOptions;
  dryRun: boolean;
  index: ArchiveContents;
  dirs: Set<string>;
  ledger: Set<string>;
  ledgerFile: string;
  ledgerFd: number | undefined;
  ledgerNeedsNewline: boolean;
}

const decoder = new TextDecoder("utf-8", { fatal: true });

function appendToLedger(run: Run, permalink: string): void {
  if (run.ledger.has(permalink)) return;
  if (run.ledgerFd === undefined) {
    mkdirSync(dirname(run.ledgerFile), { recursive: true });
    run.ledgerFd = openSync(run.ledgerFile, "a");
  }
  writeSync(run.ledgerFd, `${run.ledgerNeedsNewline ? "\n" : ""}${permalink}\n`);
  run.ledgerNeedsNewline = false;
  run.ledger.add(permalink);
}

function failed(file: string, problem: string, fix: string): Result {
  return { file, status: "failed", error: `${file}: ${describeFailure({ problem, fix })}` };
}

function importOne(run: Run, input: Input): Result {
  const { file } = input;
  if (input.listError !== undefined) {
    return failed(
      file,
      `is a folder that cannot be read (${errorText(input.listError)})`,
      "check that you may read it",
    );
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(input.absolute);
  } catch (error) {
    return failed(
      file,
      `cannot be read (${errorText(error)})`,
      errorCode(error) === "EISDIR"
        ? "pass a .txt file or a folder of them"
        : "check that the file exists and that you may read it",
    );
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return failed(
      file,
      "is not UTF-8 text (it holds bytes that are not valid UTF-8)",
      "convert it to UTF-8 first, e.g. iconv -f WINDOWS-1251 -t UTF-8 old.txt > new.txt, and import the converted file",
    );
  }
  if (text.includes("\0")) {
    return failed(
      file,
      "is not UTF-8 text (it holds NUL bytes: binary data, or UTF-16 text)",
      "convert it to UTF-8 first, e.g. iconv -f UTF-16 -t UTF-8 old.txt > new.txt, and import the converted file",
    );
  }
  const parsed = parseRawArticle(text, run.options);
  if (!parsed.ok) return failed(file, parsed.problem, parsed.fix);
  const { frontmatter, body } = parsed.article;
  const sha256 = sha256Hex(bytes);

  for (let attempt = 0; attempt < 100; attempt++) {
    const plan = planImport(run.index, { date: frontmatter.date, slug: frontmatter.slug, sha256 });
    if (plan.status === "duplicate") {
      // A ledger line lost to an interruption after the entry was written comes back here.
      if (!run.dryRun && run.ledger.size && !run.ledger.has(plan.existing.permalink)) {
        appendToLedger(run, plan.existing.permalink);
      }
      return {
        file,
        status: "duplicate",
        entry: join(run.outShown, `${plan.existing.key}.md`),
        permalink: plan.existing.permalink,
      };
    }
    const entry = entryText({ ...frontmatter, slug: plan.slug, sha256 }, body);
    if (!entry.ok) {
      const flags = [
        ...new Set(entry.errors.map((e) => FLAG_FOR_FIELD[e.split(":")[0] ?? ""]).filter(Boolean)),
      ];
      return failed(
        file,
        `its frontmatter does not pass the site's schema (${entry.errors.join("; ")})`,
        flags.length
          ? `correct it with ${flags.join(" or ")}`
          : "report this as a bug in the import",
      );
    }
    const result: Result = {
      file,
      status: "imported",
      entry: join(run.outShown, `${plan.key}.md`),
      permalink: plan.permalink,
    };
    if (run.dryRun) {
      recordImport(run.index, plan.key, plan.permalink, sha256);
      return result;
    }
    const stem = join(run.out, plan.key);
    const dir = dirname(stem);
    let wroteOriginal = false;
    try {
      ensureDir(dir, run.dirs);
      if (!plan.originalInPlace) {
        createAtomically(`${stem}.original.txt`, bytes);
        wroteOriginal = true;
      }
      createAtomically(`${stem}.md`, entry.text);
    } catch (error) {
      if (wroteOriginal) rmSync(`${stem}.original.txt`, { force: true });
      if (errorCode(error) === "EEXIST") {
        // Something the scan did not see holds this slug: never replace it, take the next.
        markTaken(run.index, plan.key);
        continue;
      }
      return failed(
        file,
        `could not be written to ${dir} (${errorText(error)})`,
        "check that the output folder exists and is writable, then import it again",
      );
    }
    recordImport(run.index, plan.key, plan.permalink, sha256);
    try {
      appendToLedger(run, plan.permalink);
    } catch (error) {
      result.error = `${file}: imported, but its permalink could not be added to ${run.ledgerFile} (${errorText(error)}); add the line ${plan.permalink} by hand`;
    }
    return result;
  }
  return failed(
    file,
    "no free slug was found after 100 tries",
    "pass --title with a distinct headline",
  );
}

// ---------------------------------------------------------------------------------------
// Output

function progressBar(
  done: number,
  total: number,
  counts: Record<Result["status"], number>,
): string {
  const width = 30;
  const filled = Math.round((done / total) * width);
  const percent = Math.floor((done / total) * 100);
  return (
    `\r\x1b[K[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} ${percent}%` +
    `  imported ${counts.imported}, duplicates ${counts.duplicate}, failed ${counts.failed}`
  );
}

interface Setup {
  inputs: Input[];
  options: RawArticleOptions;
  /** The output folder as given (for messages) and resolved. */
  outShown: string;
  out: string;
  json: boolean;
  dryRun: boolean;
}

/** Reads the command line; null for --help; throws UsageError for anything wrong with it. */
function prepare(argv: string[], env: Record<string, string | undefined>): Setup | null {
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
  checkOptions(options);
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
  };
}

export function main(argv: string[], env: Record<string, string | undefined>): number {
  let setup: Setup | null;
  try {
    setup = prepare(argv, env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`import: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (setup === null) {
    process.stdout.write(USAGE);
    return 0;
  }
  const { inputs, json, dryRun, out } = setup;
  const ledgerFile = join(dirname(out), "permalinks.txt");
  const stderr = process.stderr;
  const showProgress = Boolean(stderr.isTTY) && inputs.length > 20;
  let barShown = false;
  const clearBar = () => {
    if (barShown) stderr.write("\r\x1b[K");
    barShown = false;
  };
  const warn = (message: string) => {
    clearBar();
    stderr.write(`import: warning: ${message}\n`);
  };

  const scanned = scanArchive(out, ledgerFile, dryRun, warn);
  const run: Run = {
    out,
    outShown: setup.outShown,
    options: setup.options,
    dryRun,
    index: scanned.index,
    dirs: scanned.dirs,
    ledger: scanned.ledger,
    ledgerFile,
    ledgerFd: undefined,
    ledgerNeedsNewline: !scanned.ledgerEndsWithNewline,
  };

  const results: Result[] = [];
  const counts = { imported: 0, duplicate: 0, failed: 0 };
  let pending = "";
  const flush = () => {
    if (!pending) return;
    clearBar();
    process.stdout.write(pending);
    pending = "";
  };
  let lastDraw = 0;
  try {
    for (const [i, input] of inputs.entries()) {
      const result = importOne(run, input);
      counts[result.status]++;
      if (json) results.push(result);
      if (result.status === "failed") {
        flush();
        stderr.write(`failed: ${result.error}\n`);
      } else if (result.error) {
        warn(result.error);
      }
      if (!json && result.status !== "failed") {
        pending +=
          result.status === "imported"
            ? `${dryRun ? "would import" : "imported"}: ${result.file} -> ${result.entry}\n`
            : `duplicate: ${result.file} = ${result.entry} (same bytes; nothing written)\n`;
        if (pending.length > 65536) flush();
      }
      if (showProgress) {
        const now = Date.now();
        if (now - lastDraw > 100 || i === inputs.length - 1) {
          flush();
          stderr.write(progressBar(i + 1, inputs.length, counts));
          barShown = true;
          lastDraw = now;
        }
      }
    }
  } finally {
    if (run.ledgerFd !== undefined) closeSync(run.ledgerFd);
    flush();
    clearBar();
  }
  if (json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  stderr.write(
    `imported ${counts.imported}, duplicates ${counts.duplicate}, failed ${counts.failed}` +
      `${dryRun ? " (dry run: nothing was written)" : ""}\n`,
  );
  return counts.failed > 0 ? 1 : 0;
}

/** Run as a program, not when imported by a test. */
if (import.meta.filename === resolve(process.argv[1] ?? "")) {
  process.exitCode = main(process.argv.slice(2), process.env);
}
