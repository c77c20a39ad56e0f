/**
 * Writing, never over anything, and durably: files created whole or not at all, their
 * bytes on disk (fsync) before their name appears, folders as needed. Temp files are
 * written and flushed concurrently (fs/promises), so a batch of them shares the journal's
 * flushes; naming them is synchronous and cheap.
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
import { open, rm } from "node:fs/promises";
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

/** syncDir for every folder of `dirs` at once; the folders that could not be flushed. */
export async function syncDirs(dirs: Iterable<string>): Promise<Map<string, unknown>> {
  const failures = new Map<string, unknown>();
  await Promise.all(
    [...dirs].map(async (dir) => {
      try {
        const handle = await open(dir, "r");
        try {
          await handle.sync();
        } finally {
          await handle.close();
        }
      } catch (error) {
        if (!NO_DIR_SYNC.has(errorCode(error))) failures.set(dir, error);
      }
    }),
  );
  return failures;
}

/**
 * Writes `data` to a new temp file in the folder of `file`, flushed to disk; its path.
 * Nothing is left behind when it fails. linkIntoPlace then gives it its name.
 */
export async function writeTemp(file: string, data: string | Uint8Array): Promise<string> {
  const temp = join(dirname(file), `.import-${process.pid}-${tempCounter++}-${basename(file)}.tmp`);
  const handle = await open(temp, "wx");
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  return temp;
}

/**
 * Names the flushed temp file `temp` (writeTemp) `file`, atomically: a hard link, which
 * fails with EEXIST rather than replace an existing file; the temp name goes either way.
 * The caller flushes the folder (syncDir) once its files are in place.
 */
export function linkIntoPlace(temp: string, file: string): void {
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
 * Creates `dir` and any missing parents, remembering in `known` what exists; the parent
 * of each folder it makes is added to `unsynced`, for the caller to flush (syncDirs) before
 * it counts on what it writes there.
 */
export function ensureDir(dir: string, known: Set<string>, unsynced: Set<string>): void {
  if (known.has(dir)) return;
  const parent = dirname(dir);
  if (parent !== dir) ensureDir(parent, known, unsynced);
  try {
    mkdirSync(dir);
    unsynced.add(parent);
  } catch (error) {
    if (errorCode(error) !== "EEXIST") throw error;
  }
  known.add(dir);
}
