/**
 * What the importer's last scan read of each entry's frontmatter (src/cli/import/
 * archive-scan.ts), by the entry file's stats: an import into an archive of 100,000
 * articles opened and parsed every entry first (about 8 s of a one-file import); an entry
 * whose stats are those recorded (src/lib/checked-entries.ts: size, inode, modification and
 * status-change times) is taken from the record instead.
 *
 * The record is a cache, kept in the build cache's folder (CACHE_DIR), not in the archive:
 * an import that changes nothing leaves the archive's files as they were.
 */
import { createHash } from "node:crypto";
import type { ExistingFrontmatter } from "./import-plan.ts";

/** The record's file name for the entries folder `out` (an absolute path). */
export function scanRecordName(out: string): string {
  return `import-scan-${createHash("sha256").update(out).digest("hex").slice(0, 16)}.txt`;
}

/** The first line: a new version reads an older record as empty. */
const HEADER = "import-scan 1\n";

/** Entry key (`2019/12/11/<slug>`) to `signature<TAB>fields as JSON`. */
export type ScanRecord = Map<string, string>;

/**
 * Fields JSON gives back as they were: strings, and lists of strings. YAML may give a date
 * (unquoted), a number or null; such an entry is read again each time.
 */
function storable(fields: ExistingFrontmatter): boolean {
  return Object.values(fields).every(
    (value) =>
      typeof value === "string" ||
      (Array.isArray(value) && value.every((item) => typeof item === "string")),
  );
}

/** The record's value for an entry with `signature` and `fields`; null if not storable. */
export function scanRecordValue(signature: string, fields: ExistingFrontmatter): string | null {
  return storable(fields) ? `${signature}\t${JSON.stringify(fields)}` : null;
}

/** The fields recorded for an entry if its file's signature is the one recorded. */
export function recordedFields(
  record: ScanRecord,
  key: string,
  signature: string,
): ExistingFrontmatter | null {
  const value = record.get(key);
  if (value === undefined || !value.startsWith(`${signature}\t`)) return null;
  try {
    const fields: unknown = JSON.parse(value.slice(signature.length + 1));
    return typeof fields === "object" && fields !== null && !Array.isArray(fields) ? fields : null;
  } catch {
    return null;
  }
}

/** The record's text: the header, then `key<TAB>value` lines in the order given. */
export function serializeScanRecord(record: ScanRecord): string {
  let text = HEADER;
  for (const [key, value] of record) text += `${key}\t${value}\n`;
  return text;
}

/** Reads what serializeScanRecord wrote; another version, or nothing, gives an empty record. */
export function parseScanRecord(text: string): ScanRecord {
  const record: ScanRecord = new Map();
  if (!text.startsWith(HEADER)) return record;
  for (const line of text.slice(HEADER.length).split("\n")) {
    const tab = line.indexOf("\t");
    if (tab > 0) record.set(line.slice(0, tab), line.slice(tab + 1));
  }
  return record;
}
