/**
 * The archive as it is, read once at the start of a run: sha256, date, slug and aliases
 * of every entry, the slugs of any other files, and originals whose `.md` was never
 * written. Temp files of interrupted imports are removed on the way: a real run scans
 * under the archive's lock (./archive-lock.ts) before it writes anything, so every temp
 * file found was left by an import that is gone.
 */
import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  type Dirent,
} from "node:fs";
import { dirname, join } from "node:path";
import { fileSignature } from "../../lib/checked-entries.ts";
import { sha256Hex } from "../../lib/entry-check.ts";
import {
  parseScanRecord,
  recordedFields,
  scanRecordValue,
  serializeScanRecord,
  type ScanRecord,
} from "../../lib/import-scan-record.ts";
import {
  addExistingEntry,
  addOrphanOriginal,
  addOtherFile,
  emptyArchiveContents,
  existingFieldsOf,
  frontmatterBlock,
  type ArchiveContents,
  type ExistingFrontmatter,
} from "../../lib/import-plan.ts";
import { TEMP_FILE } from "./atomic-write.ts";
import { errorCode, errorText } from "./system-errors.ts";

export interface ScannedArchive {
  index: ArchiveContents;
  /** Folders known to exist, so writing needs no mkdir for them. */
  dirs: Set<string>;
}

interface Scan extends ScannedArchive {
  /** Entry key -> file of each `.original.txt`. */
  originals: Map<string, string>;
  /** Keys of the `.md` entries. */
  entries: Set<string>;
  /** What the last scan read of each entry, and what this one did. */
  recorded: ScanRecord;
  record: ScanRecord;
  /** Entries read from their files, not the record. */
  read: number;
  dryRun: boolean;
  warn: (message: string) => void;
}

/**
 * Reads the archive under `out`; with a `recordFile`, each entry's frontmatter from the
 * last scan's record (src/lib/import-scan-record.ts) if the entry's stats are those
 * recorded, then records this scan there. In a dry run, removes and records nothing.
 */
export function scanArchive(
  out: string,
  dryRun: boolean,
  warn: (message: string) => void,
  recordFile: string | null = null,
): ScannedArchive {
  const scan: Scan = {
    index: emptyArchiveContents(),
    dirs: new Set(),
    originals: new Map(),
    entries: new Set(),
    recorded: parseScanRecord(recordFile === null ? "" : readText(recordFile)),
    record: new Map(),
    read: 0,
    dryRun,
    warn,
  };
  walk(scan, out, "");
  const changed = scan.read > 0 || scan.record.size !== scan.recorded.size;
  if (recordFile !== null && !dryRun && changed) writeRecord(recordFile, scan.record, warn);
  for (const [key, file] of scan.originals) {
    if (scan.entries.has(key)) continue;
    try {
      addOrphanOriginal(scan.index, key, sha256Hex(readFileSync(file)));
    } catch {
      addOtherFile(scan.index, key);
    }
  }
  return { index: scan.index, dirs: scan.dirs };
}

/** Every file under `dir`, whose entry keys start with `prefix`. */
function walk(scan: Scan, dir: string, prefix: string): void {
  let list: Dirent[];
  try {
    list = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    if (errorCode(error) !== "ENOENT") scan.warn(`cannot read ${dir} (${errorText(error)})`);
    return;
  }
  scan.dirs.add(dir);
  for (const item of list) {
    if (item.isDirectory()) walk(scan, join(dir, item.name), `${prefix}${item.name}/`);
    else scanFile(scan, join(dir, item.name), item.name, prefix);
  }
}

function scanFile(scan: Scan, file: string, name: string, prefix: string): void {
  if (TEMP_FILE.test(name)) {
    // Left by an interrupted import (whatever process has its pid now); never an entry.
    if (!scan.dryRun) rmSync(file, { force: true });
  } else if (name.endsWith(".md")) {
    const key = prefix + name.slice(0, -3);
    scan.entries.add(key);
    try {
      addExistingEntry(scan.index, key, entryFields(scan, key, file));
    } catch (error) {
      addOtherFile(scan.index, key);
      scan.warn(
        `${file}: its frontmatter cannot be read (${(error as Error).message.split("\n")[0]})`,
      );
    }
  } else if (name.endsWith(".original.txt")) {
    scan.originals.set(prefix + name.slice(0, -".original.txt".length), file);
  } else if (!name.startsWith(".")) {
    const dot = name.indexOf(".");
    addOtherFile(scan.index, prefix + (dot > 0 ? name.slice(0, dot) : name));
  }
}

/**
 * An entry's frontmatter fields: from the record when its stats are those recorded, else
 * read (stats first: a file written after them has new ones, and is read next time).
 */
function entryFields(scan: Scan, key: string, file: string): ExistingFrontmatter {
  const signature = fileSignature(statSync(file, { bigint: true }));
  const recorded = recordedFields(scan.recorded, key, signature);
  if (recorded) {
    scan.record.set(key, scan.recorded.get(key)!);
    return recorded;
  }
  scan.read++;
  const fields = readFrontmatter(file);
  const value = scanRecordValue(signature, fields);
  if (value !== null) scan.record.set(key, value);
  return fields;
}

/** A file's text, or "" if it cannot be read. */
function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

/**
 * Replaces the record whole (a temp file renamed over it). It only saves time: if it
 * cannot be written, the import goes on and says so, and the next one reads every entry.
 */
function writeRecord(file: string, record: ScanRecord, warn: (message: string) => void): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(`${file}.partial`, serializeScanRecord(record));
    renameSync(`${file}.partial`, file);
  } catch (error) {
    rmSync(`${file}.partial`, { force: true });
    warn(`cannot write ${file} (${errorText(error)}): the next import reads every entry again`);
  }
}

const HEAD_BYTES = 4096;
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
      // A copy: the fields are slices of the head, and a slice keeps its whole string
      // alive (V8), so a million entries held a million heads, over 4 GB.
      if (block !== null) return structuredClone(existingFieldsOf(block));
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
