/** Writing, never over anything: files created whole or not at all, folders as needed. */
import { existsSync, linkSync, mkdirSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import process from "node:process";
import { errorCode } from "./system-errors.ts";

/** A temp file of this module, with the id of the process that wrote it. */
export const TEMP_FILE = /^\.import-(\d+)-\d+-.+\.tmp$/;

let tempCounter = 0;
const NO_HARD_LINKS = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EXDEV"]);

/**
 * Creates `file` with `data` atomically: written to a temp file in the same folder, then
 * hard-linked into place, which fails with EEXIST rather than replace an existing file.
 */
export function createAtomically(file: string, data: string | Uint8Array): void {
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

/** Creates `dir` and any missing parents, remembering in `known` what exists. */
export function ensureDir(dir: string, known: Set<string>): void {
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
