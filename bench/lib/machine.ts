/**
 * The machine a benchmark ran on, read from the OS when it starts and when it ends: cores
 * and their model, memory, load average (1, 5 and 15 minutes) and Node's version.
 */
import { cpus, loadavg, totalmem } from "node:os";
import process from "node:process";

export interface Machine {
  cores: number;
  cpuModel: string;
  memoryBytes: number;
  node: string;
  loadAverage: { start: number[]; end: number[] | null };
}

/** Reads the machine now; call `finish` when the measuring is over. */
export function machineAtStart(): Machine & { finish(): Machine } {
  const list = cpus();
  const machine: Machine = {
    cores: list.length,
    cpuModel: list[0]?.model.trim() ?? "unknown",
    memoryBytes: totalmem(),
    node: process.version,
    loadAverage: { start: loadavg().map(round2), end: null },
  };
  return {
    ...machine,
    finish: () => ({
      ...machine,
      loadAverage: { ...machine.loadAverage, end: loadavg().map(round2) },
    }),
  };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** One line for a table: "2 cores (model), 24.0 GB, load 1.3 -> 1.7, Node v24". */
export function describeMachine(machine: Machine): string {
  const load = machine.loadAverage;
  return (
    `${machine.cores} cores (${machine.cpuModel}), ${(machine.memoryBytes / 1024 ** 3).toFixed(1)} GB, ` +
    `load average ${load.start[0]?.toFixed(2)} at start, ${load.end?.[0]?.toFixed(2) ?? "?"} at end, ` +
    `Node ${machine.node}`
  );
}
