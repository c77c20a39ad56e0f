/**
 * Writing, never over anything, and durably: files created whole or not at all, their
 * bytes on disk (fsync) before their name appears, folders as needed.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  renameSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import process from "node:process";
import { errorCode } from "./system-errors.ts";

/** A temp file of this module, with the id of the process that wrote it. */
export const TEMP_FILE = /^\.import-(\d+)-\d+-.+\.tmp$/;

let tempCounter = 0;
const NO_HARD_LINKS = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EXDEV"]);
/** What fsync on a folder gives where the system cannot do it (it then has nothing to do). */
const NO_DIR_SYNC = new Set(["EINVAL", "EISDIR", "EPERM", "EBADF", "ENOTSUP"]);

/** Writes all of `data` to `fd`, then flushes it to disk. */
export function writeAllAndSync(fd: number, data: string | Uint8Array): void {
  const bytes = typeof data === "string" ? Buffer.from(data) : data;
  for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done);
  fsyncSync(fd);
}

/** Flushes the names in folder `dir` to disk: a file created or renamed there survives a crash. */
export function syncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, "r");
    fsyncSync(fd);
  } catch (error) {
    if (!NO_DIR_SYNC.has(errorCode(error))) throw error;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Creates `file` with `data` atomically: written and flushed to a temp file in the same
 * folder, then hard-linked into place, which fails with EEXIST rather than replace an
 * existing file. The caller flushes the folder (syncDir) once its files are in place.
 */
export function createAtomically(file: string, data: string | Uint8Array): void {
  const temp = join(dirname(file), `.import-${process.pid}-${tempCounter++}-${basename(file)}.tmp`);
  const fd = openSync(temp, "wx");
  try {
    writeAllAndSync(fd, data);
  } finally {
    closeSync(fd);
  }
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

/**
 * Creates `dir` and any missing parents, remembering in `known` what exists; each folder
 * it makes is flushed into its parent, so the entries written in it survive a crash.
 */
export function ensureDir(dir: string, known: Set<string>): void {
  if (known.has(dir)) return;
  const parent = dirname(dir);
  if (parent !== dir) ensureDir(parent, known);
  try {
    mkdirSync(dir);
    syncDir(parent);
  } catch (error) {
    if (errorCode(error) !== "EEXIST") throw error;
  }
  known.add(dir);
}
