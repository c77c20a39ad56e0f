/**
 * The archive's import lock file: who holds it (one line of JSON), and whether that holder
 * can still be running. Pure: the caller reads the file and asks the system about pids.
 */

/** The import that holds the lock. */
export interface LockHolder {
  pid: number;
  /** `os.hostname()` of its machine: a pid means something only there. */
  host: string;
  /** When it took the lock, ISO 8601. */
  started: string;
  /** Unique to this holder, so a lock is never mistaken for another with the same pid. */
  token: string;
  /** Its process's start time as the system counts it (Linux: /proc/<pid>/stat field 22). */
  processStart?: string;
}

export function lockFileText(holder: LockHolder): string {
  return `${JSON.stringify(holder)}\n`;
}

/** The holder a lock file names; null for anything else (empty, half-written, foreign). */
export function parseLockFile(text: string): LockHolder | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const { pid, host, started, token, processStart } = value as Record<string, unknown>;
  if (!Number.isSafeInteger(pid) || (pid as number) <= 0) return null;
  if (typeof host !== "string" || typeof started !== "string" || typeof token !== "string")
    return null;
  if (processStart !== undefined && typeof processStart !== "string") return null;
  return {
    pid: pid as number,
    host,
    started,
    token,
    ...(processStart !== undefined ? { processStart } : {}),
  };
}

/** What this machine says about processes. */
export interface ProcessProbe {
  host: string;
  /** Whether a process with this pid exists (it may be another program that reused it). */
  isRunning(pid: number): boolean;
  /** The start time of the process with this pid, as in `LockHolder.processStart`; null if unknown. */
  processStart(pid: number): string | null;
}

/**
 * `gone` when the holder's process is certainly dead: on this host, and its pid is not
 * running or now belongs to a process that started at another time; `running` when it is
 * alive here; `unknown` for a holder on another host, whose pids cannot be checked.
 */
export function holderState(
  holder: LockHolder,
  probe: ProcessProbe,
): "running" | "gone" | "unknown" {
  if (holder.host !== probe.host) return "unknown";
  if (!probe.isRunning(holder.pid)) return "gone";
  if (holder.processStart !== undefined) {
    const now = probe.processStart(holder.pid);
    if (now !== null && now !== holder.processStart) return "gone";
  }
  return "running";
}

/** `pid 123 on host box, started 2026-01-02T03:04:05.000Z`, for messages. */
export function describeHolder(holder: LockHolder): string {
  return `pid ${holder.pid} on host ${holder.host}, started ${holder.started}`;
}

/**
 * Field 22 (start time) of a Linux `/proc/<pid>/stat` line; null if it has no such field.
 * The command name (field 2) may hold spaces and parentheses: fields are counted after
 * its last `)`.
 */
export function startTimeOfProcStat(stat: string): string | null {
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // Field 3 (state) is fields[0], so field 22 is fields[19].
  const start = fields[19];
  return start !== undefined && /^\d+$/.test(start) ? start : null;
}
