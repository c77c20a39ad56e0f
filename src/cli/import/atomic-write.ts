/**
 * Writing, never over anything, and durably: files created whole or not at all, their
 * bytes on disk (fsync) before their name appears, folders as needed. Temp files are
 * written, then flushed, concurrently (fs/promises), so a batch of them shares the
 * journal's commits; naming them is synchronous and cheap.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  openSync,
  renameSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { mkdir, open, rm, type FileHandle } from "node:fs/promises";
import { basename, dirname, join, sep } from "node:path";
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

/** A temp file written, not yet flushed: its path and its open handle. */
export interface TempFile {
  path: string;
  handle: FileHandle;
}

/**
 * Writes `data` to a new temp file in the folder of `file`, not yet flushed (flushTemp):
 * a batch's files are all created before any is flushed, so that one journal commit on
 * the disk carries them all. Nothing is left behind when it fails.
 */
export async function createTemp(file: string, data: string | Uint8Array): Promise<TempFile> {
  const path = join(dirname(file), `.import-${process.pid}-${tempCounter++}-${basename(file)}.tmp`);
  const handle = await open(path, "wx");
  try {
    await handle.writeFile(data);
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(path, { force: true });
    throw error;
  }
  return { path, handle };
}

/** Flushes a temp file of createTemp to disk and closes it; removes it when that fails. */
export async function flushTemp({ path, handle }: TempFile): Promise<void> {
  try {
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(path, { force: true });
    throw error;
  }
  await handle.close();
}

/**
 * Names the flushed temp file `temp` (flushTemp) `file`, atomically: a hard link, which
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
 * Creates each of `dirs` and any missing parents, level by level, the folders of a level
 * at once; remembers in `known` what exists, and adds the parent of each folder it makes
 * to `unsynced`, for the caller to flush (syncDirs) before it counts on what it writes
 * there. Returns the folders that could not be made, with why (a parent's failure too).
 */
export async function ensureDirs(
  dirs: Iterable<string>,
  known: Set<string>,
  unsynced: Set<string>,
): Promise<Map<string, unknown>> {
  const missing = new Set<string>();
  for (const dir of dirs) {
    for (let folder = dir; !known.has(folder) && !missing.has(folder); folder = dirname(folder)) {
      missing.add(folder);
      if (dirname(folder) === folder) break;
    }
  }
  const levels = new Map<number, string[]>();
  for (const folder of missing) {
    const depth = folder.split(sep).length;
    levels.set(depth, [...(levels.get(depth) ?? []), folder]);
  }
  const failures = new Map<string, unknown>();
  for (const depth of [...levels.keys()].sort((a, b) => a - b)) {
    await Promise.all(
      levels.get(depth)!.map(async (folder) => {
        const parentFailure = failures.get(dirname(folder));
        if (parentFailure !== undefined) return void failures.set(folder, parentFailure);
        try {
          await mkdir(folder);
          unsynced.add(dirname(folder));
        } catch (error) {
          if (errorCode(error) !== "EEXIST") return void failures.set(folder, error);
        }
        known.add(folder);
      }),
    );
  }
  return failures;
}
