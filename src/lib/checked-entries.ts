/**
 * Which entries the last build read and found sound, so the next build reads only those
 * whose files changed. Every build used to read every entry and hash every original
 * (37 s of a build at 100,000 articles); two `stat` calls an entry say the same when
 * nothing changed.
 *
 * A file is taken as unchanged when its size, inode, modification and status-change times
 * (in nanoseconds) are those recorded, as git's index judges its working tree. Any write to
 * a file sets its status-change time to the clock's now, and no tool can set it back
 * (`touch` and `cp -p` set only the modification time), so an original edited, replaced
 * or restored from a copy is read and hashed again. A fresh checkout or a restored cache
 * gives every file new times: everything is read once, and pages are still reused by the
 * entries' content digests.
 */

/** The record's name in the build cache; the integrations read it too (built-entries.ts). */
export const CHECKED_ENTRIES_FILE = "checked-entries.txt";

/** What `stat` (with `bigint: true`) says of a file. */
export interface FileStats {
  size: bigint;
  ino: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
}

/** A file's stats as one string: another string whenever the file was written. */
export function fileSignature(s: FileStats): string {
  return `${s.size}.${s.ino}.${s.mtimeNs}.${s.ctimeNs}`;
}

/** The stats of an entry file and of its original, as one string. */
export function entrySignature(entry: FileStats, original: FileStats): string {
  return `${fileSignature(entry)}:${fileSignature(original)}`;
}

/** Entry id to what was recorded for it: its signature and the content digest it had. */
export type CheckedEntries = Map<string, string>;

/** The record for an entry read and found sound. */
export function checkedRecord(signature: string, digest: string): string {
  return `${signature} ${digest}`;
}

/**
 * The file's first line: a new version when the checks an entry passes change
 * (src/lib/entry-check.ts), so entries checked by older rules are checked again.
 */
const HEADER = "checked-entries 1\n";

/** One line an entry, `id<TAB>record`, sorted, so the same archive writes the same file. */
export function serializeChecked(checked: CheckedEntries): string {
  return (
    HEADER +
    [...checked]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([id, record]) => `${id}\t${record}\n`)
      .join("")
  );
}

/**
 * Reads what serializeChecked wrote; a line of another shape is skipped, and a file of
 * another version gives nothing (every entry is read again).
 */
export function parseChecked(text: string): CheckedEntries {
  const checked: CheckedEntries = new Map();
  if (!text.startsWith(HEADER)) return checked;
  for (const line of text.slice(HEADER.length).split("\n")) {
    const tab = line.indexOf("\t");
    if (tab > 0 && /^[\d.:]+ \S+$/.test(line.slice(tab + 1))) {
      checked.set(line.slice(0, tab), line.slice(tab + 1));
    }
  }
  return checked;
}
