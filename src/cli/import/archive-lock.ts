/**
 * One import at a time per archive: `<archive>/.import.lock`, created with O_EXCL and
 * holding the holder's pid, host, start time and a token (src/lib/import-lock.ts). A
 * second import waits for it (or, with --no-wait, gives up); a lock whose process is dead
 * is taken over. Synchronous, like the rest of the import: waiting blocks the process.
 */
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmdirSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { hostname } from "node:os";
import { dirname, join } from "node:path";
import process from "node:process";
import { randomUUID } from "node:crypto";
import {
  describeHolder,
  holderState,
  lockFileText,
  parseLockFile,
  startTimeOfProcStat,
  type LockHolder,
  type ProcessProbe,
} from "../../lib/import-lock.ts";
import { syncDir } from "./atomic-write.ts";
import { errorCode } from "./system-errors.ts";

export const LOCK_FILE = ".import.lock";
/** Between looks at a lock held by another import. */
const POLL_MS = 200;
/**
 * A lock file that names no holder is one being written, or one whose writer died in the
 * moment between creating and filling it: after this long it is taken to be the latter.
 */
const UNREADABLE_GRACE_MS = 30_000;
/** A takeover marker older than this was left by a process that died taking over. */
const TAKEOVER_GRACE_MS = 10_000;

/** Another import holds the lock and the caller would not wait. */
export class LockBusy extends Error {}

export interface ArchiveLock {
  /** Removes the lock (if still ours) and any folder made only to hold it. */
  release(): void;
}

const pause = new Int32Array(new SharedArrayBuffer(4));
function sleep(ms: number): void {
  Atomics.wait(pause, 0, 0, ms);
}

function processStart(pid: number): string | null {
  try {
    return startTimeOfProcStat(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return null;
  }
}

export const PROBE: ProcessProbe = {
  host: hostname(),
  isRunning(pid) {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      return errorCode(error) === "EPERM";
    }
  },
  processStart,
};

/** Creates `file` holding `text` unless it exists: false when it does. */
function createExclusive(file: string, text: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, "wx");
  } catch (error) {
    if (errorCode(error) === "EEXIST") return false;
    throw error;
  }
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return true;
}

interface Found {
  holder: LockHolder | null;
  /** What identifies this very lock file: its token, else its inode and time. */
  identity: string;
  ageMs: number;
}

/** The lock file as it is now; null when there is none. */
function readLock(file: string): Found | null {
  try {
    const stat = statSync(file);
    const holder = parseLockFile(readFileSync(file, "utf8"));
    return {
      holder,
      identity: holder?.token ?? `${stat.ino}-${stat.mtimeMs}`,
      ageMs: Date.now() - stat.mtimeMs,
    };
  } catch (error) {
    if (errorCode(error) === "ENOENT") return null;
    throw error;
  }
}

function isGone(found: Found): boolean {
  return found.holder
    ? holderState(found.holder, PROBE) === "gone"
    : found.ageMs > UNREADABLE_GRACE_MS;
}

/**
 * Removes the lock file of a dead holder, if it is still the one `found` described. Two
 * waiters may both find the same dead lock: the takeover marker, created with O_EXCL, lets
 * one at a time check and remove it, so no waiter removes a lock another has taken since.
 */
function takeOver(file: string, found: Found): void {
  const marker = `${file}.takeover`;
  if (!createExclusive(marker, `${process.pid}\n`)) {
    try {
      if (Date.now() - statSync(marker).mtimeMs > TAKEOVER_GRACE_MS) unlinkSync(marker);
    } catch {
      // Gone already: the other waiter finished.
    }
    sleep(20);
    return;
  }
  try {
    if (readLock(file)?.identity === found.identity) unlinkSync(file);
  } finally {
    unlinkSync(marker);
  }
}

/**
 * Takes the lock of the archive folder `dir` (made if missing), waiting while another
 * import holds it unless `wait` is false (then throws LockBusy); `say` tells the user.
 */
export function lockArchive(
  dir: string,
  options: { wait: boolean; say: (message: string) => void },
): ArchiveLock {
  const file = join(dir, LOCK_FILE);
  const me: LockHolder = {
    pid: process.pid,
    host: PROBE.host,
    started: new Date().toISOString(),
    token: randomUUID(),
  };
  const start = processStart(process.pid);
  if (start !== null) me.processStart = start;
  const made = mkdirSync(dir, { recursive: true });
  let told = "";
  for (let remade = 0; ;) {
    let created: boolean;
    try {
      created = createExclusive(file, lockFileText(me));
    } catch (error) {
      // The folder went away (another import removed the folder it had made): make it again.
      if (errorCode(error) !== "ENOENT" || ++remade > 10) throw error;
      mkdirSync(dir, { recursive: true });
      continue;
    }
    if (created) {
      syncDir(dir);
      return { release: () => release(file, me.token, dir, made) };
    }
    const found = readLock(file);
    if (found === null) continue;
    if (isGone(found)) {
      takeOver(file, found);
      continue;
    }
    const who = found.holder ? `the import with ${describeHolder(found.holder)}` : "an import";
    if (!options.wait) {
      throw new LockBusy(
        `${who} is writing to ${dir} (it holds ${file}): not waiting (--no-wait); run again when it has finished`,
      );
    }
    if (told !== found.identity) {
      const elsewhere =
        found.holder && found.holder.host !== PROBE.host
          ? `; if it is no longer running on ${found.holder.host}, delete ${file}`
          : "";
      options.say(`waiting for ${who} to finish with ${dir} (it holds ${file})${elsewhere}`);
      told = found.identity;
    }
    sleep(POLL_MS);
  }
}

function release(file: string, token: string, dir: string, made: string | undefined): void {
  try {
    if (parseLockFile(readFileSync(file, "utf8"))?.token === token) unlinkSync(file);
  } catch {
    // Gone already: nothing to release.
  }
  if (made === undefined) return;
  // Folders made only to hold the lock go again when nothing else was written in them.
  for (let folder = dir; folder.startsWith(made); folder = dirname(folder)) {
    try {
      rmdirSync(folder);
    } catch {
      return;
    }
  }
}
