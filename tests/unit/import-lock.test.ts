import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  describeHolder,
  holderState,
  lockFileText,
  parseLockFile,
  startTimeOfProcStat,
  type LockHolder,
  type ProcessProbe,
} from "../../src/lib/import-lock.ts";

const HOLDER: LockHolder = {
  pid: 4242,
  host: "box",
  started: "2026-01-02T03:04:05.000Z",
  token: "6f1c",
  processStart: "98765",
};

function probe(running: Record<number, string | null>): ProcessProbe {
  return {
    host: "box",
    isRunning: (pid) => pid in running,
    processStart: (pid) => running[pid] ?? null,
  };
}

describe("import lock file", () => {
  it("reads back the holder it was written with, on one line", () => {
    const text = lockFileText(HOLDER);
    assert.equal(text.split("\n").length, 2);
    assert.deepEqual(parseLockFile(text), HOLDER);
  });

  it("names no holder in an empty, half-written or foreign file", () => {
    const text = lockFileText(HOLDER);
    for (const bad of [
      "",
      text.slice(0, 20),
      "1234\n",
      "{}",
      '{"pid":-1,"host":"a","started":"b","token":"c"}',
    ]) {
      assert.equal(parseLockFile(bad), null, JSON.stringify(bad));
    }
  });

  it("describes its holder by pid, host and start time", () => {
    assert.equal(describeHolder(HOLDER), "pid 4242 on host box, started 2026-01-02T03:04:05.000Z");
  });
});

describe("holderState", () => {
  it("running: its pid is alive here and started when the lock says", () => {
    assert.equal(holderState(HOLDER, probe({ 4242: "98765" })), "running");
  });

  it("gone: no process has its pid", () => {
    assert.equal(holderState(HOLDER, probe({})), "gone");
  });

  it("gone: its pid now belongs to a process started at another time", () => {
    assert.equal(holderState(HOLDER, probe({ 4242: "11111" })), "gone");
  });

  it("running when the start time cannot be checked but the pid is alive", () => {
    assert.equal(holderState(HOLDER, probe({ 4242: null })), "running");
    const withoutStart = { pid: 4242, host: "box", started: HOLDER.started, token: "6f1c" };
    assert.equal(holderState(withoutStart, probe({ 4242: "11111" })), "running");
  });

  it("unknown for a holder on another host, whatever pids run here", () => {
    assert.equal(holderState({ ...HOLDER, host: "other" }, probe({})), "unknown");
  });
});

describe("startTimeOfProcStat", () => {
  it("reads field 22, after a command name with spaces and parentheses", () => {
    const stat =
      "29467 (a (b) c) R 29464 29464 18315 0 -1 4194304 124 0 0 0 0 0 0 0 20 0 1 0 245247 3133440 394";
    assert.equal(startTimeOfProcStat(stat), "245247");
  });

  it("null for a line without it", () => {
    assert.equal(startTimeOfProcStat("1 (init) S 0 1"), null);
  });
});
