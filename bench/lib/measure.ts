/**
 * Measuring commands and folders for benchmarks: wall time, CPU time and peak memory of a
 * whole process tree (Astro's Node process and the Pagefind processes it starts), and
 * folder sizes.
 */
import { spawn, spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

export interface Measured {
  code: number;
  ms: number;
  output: string;
  /**
   * CPU time (user + system) of the whole process tree, in ms: what its processes used once
   * each was waited for (see childrenCpuMs). It moves less than wall time when other work
   * shares the cores.
   */
  cpuMs: number;
  /** Highest resident memory of the whole process tree at once, in bytes. */
  peakRssBytes: number;
  /** Highest resident memory per command name (`node`, `pagefind`...), in bytes. */
  peakRssByName: Record<string, number>;
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

function rssOf(pid: number): { name: string; bytes: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const name = /^Name:\s+(.*)$/m.exec(status)?.[1] ?? "?";
    const kb = Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1] ?? 0);
    return { name, bytes: kb * 1024 };
  } catch {
    return null;
  }
}

/** Clock ticks a second, the unit of /proc's CPU times. */
const TICKS = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout) || 100;

/**
 * CPU time (user + system) of the children this process has waited for, and of theirs:
 * `cutime` + `cstime` of /proc/self/stat, in ms. A process's own children count once it
 * has waited for them, so the growth over one command, run alone, is what its tree used.
 */
function childrenCpuMs(): number {
  const stat = readFileSync("/proc/self/stat", "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / TICKS;
}

/**
 * Runs a command, sampling the memory of its process tree every `sampleMs`. Its CPU time is
 * right only while no other child of this process ends meanwhile: benches run one at a time.
 */
export function measureCommand(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; sampleMs?: number; echo?: boolean },
): Promise<Measured> {
  const started = performance.now();
  const cpuBefore = childrenCpuMs();
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  // Decoded by the streams, so a character split across chunks stays whole.
  child.stdout.setEncoding("utf8");
  child.stderr.setEncoding("utf8");
  const collect = (data: string) => {
    output += data;
    if (options.echo) process.stderr.write(data);
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  let peak = 0;
  const byName: Record<string, number> = {};
  const sample = () => {
    if (!child.pid) return;
    let total = 0;
    const stack = [child.pid];
    while (stack.length) {
      const pid = stack.pop()!;
      const rss = rssOf(pid);
      if (rss) {
        total += rss.bytes;
        byName[rss.name] = Math.max(byName[rss.name] ?? 0, rss.bytes);
      }
      stack.push(...childrenOf(pid));
    }
    peak = Math.max(peak, total);
  };
  const timer = setInterval(sample, options.sampleMs ?? 100);
  return new Promise((resolve) => {
    child.on("close", (code) => {
      clearInterval(timer);
      resolve({
        code: code ?? 1,
        ms: performance.now() - started,
        cpuMs: childrenCpuMs() - cpuBefore,
        // Without colour codes, which loggers add when CI is set, so log lines parse alike.
        output: output.replace(/\x1b\[[0-9;]*m/g, ""),
        peakRssBytes: peak,
        peakRssByName: byName,
      });
    });
  });
}

export interface FolderStats {
  bytes: number;
  files: number;
  /** The most files directly inside any one folder, and which. */
  largestFolder: { path: string; files: number };
}

export function folderStats(dir: string): FolderStats {
  const stats: FolderStats = { bytes: 0, files: 0, largestFolder: { path: dir, files: 0 } };
  const walk = (folder: string) => {
    let here = 0;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        here++;
        stats.files++;
        stats.bytes += statSync(path).size;
      }
    }
    if (here > stats.largestFolder.files) stats.largestFolder = { path: folder, files: here };
  };
  walk(dir);
  return stats;
}

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
