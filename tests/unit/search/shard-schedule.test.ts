import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  oversizedShards,
  runWithinBudget,
  shardMemoryMb,
  shardsToStart,
  type BuildLimits,
} from "../../../src/lib/search/shard-schedule.ts";

describe("shardsToStart", () => {
  // [name, waiting estimates (MB), running estimates (MB), limits, indexes that start]
  const cases: [string, number[], number[], BuildLimits, number[]][] = [
    ["one core: one at a time", [100, 100, 100], [], { cores: 1, memoryMb: 10_000 }, [0]],
    ["one core, busy: none", [100, 100], [100], { cores: 1, memoryMb: 10_000 }, []],
    ["two cores, room: two, in order", [100, 100, 100], [], { cores: 2, memoryMb: 10_000 }, [0, 1]],
    ["a core free: one more", [100, 100], [100], { cores: 2, memoryMb: 10_000 }, [0]],
    ["budget too small for two: one at a time", [600, 600], [], { cores: 2, memoryMb: 1000 }, [0]],
    ["budget left too small: none", [600], [600], { cores: 2, memoryMb: 1000 }, []],
    ["exactly the budget: both", [500, 500], [], { cores: 2, memoryMb: 1000 }, [0, 1]],
    [
      "smaller later shards fill the room",
      [800, 300, 100],
      [600],
      { cores: 4, memoryMb: 1000 },
      [1, 2],
    ],
    ["more cores than shards: all", [100, 100], [], { cores: 8, memoryMb: 10_000 }, [0, 1]],
    ["over the whole budget: alone", [5000, 100], [], { cores: 2, memoryMb: 1000 }, [0]],
    [
      "over the whole budget: waits for the running",
      [5000],
      [100],
      { cores: 2, memoryMb: 1000 },
      [],
    ],
    [
      "after an oversized one, others may go first",
      [5000, 100],
      [100],
      { cores: 4, memoryMb: 1000 },
      [1],
    ],
    ["nothing waiting", [], [], { cores: 2, memoryMb: 1000 }, []],
  ];
  for (const [name, waiting, running, limits, expected] of cases) {
    test(name, () => {
      assert.deepEqual(shardsToStart(waiting, running, limits), expected);
    });
  }
});

describe("shardMemoryMb", () => {
  test("grows with the pages, covering the 2,943 MB measured for 9,568 pages", () => {
    assert.ok(shardMemoryMb(1) < shardMemoryMb(1000));
    assert.ok(shardMemoryMb(1000) < shardMemoryMb(2000));
    assert.ok(shardMemoryMb(9568) >= 2943 && shardMemoryMb(9568) <= 4000);
    assert.ok(shardMemoryMb(2000) >= 696 && shardMemoryMb(2000) <= 1000);
  });
});

describe("oversizedShards", () => {
  test("names the shards larger than the whole budget", () => {
    assert.deepEqual(
      oversizedShards([900, 1001, 1000, 3000], { cores: 2, memoryMb: 1000 }),
      [1, 3],
    );
    assert.deepEqual(oversizedShards([], { cores: 2, memoryMb: 1000 }), []);
  });
});

/** A task that records how many ran at once and finishes after `ms`. */
function tracker() {
  let now = 0;
  let peak = 0;
  const started: string[] = [];
  return {
    started,
    peak: () => peak,
    task: async ([name, , ms]: [string, number, number]) => {
      started.push(name);
      now += 1;
      peak = Math.max(peak, now);
      await new Promise((resolve) => setTimeout(resolve, ms));
      now -= 1;
      return name.toUpperCase();
    },
  };
}

describe("runWithinBudget", () => {
  // [name, MB, ms]
  const shards: [string, number, number][] = [
    ["a", 600, 30],
    ["b", 300, 5],
    ["c", 300, 5],
    ["d", 600, 5],
  ];
  const mb = ([, estimate]: [string, number, number]) => estimate;

  test("gives the results in the items' order, whatever order they finish in", async () => {
    const run = tracker();
    const results = await runWithinBudget(shards, mb, { cores: 2, memoryMb: 1000 }, run.task);
    assert.deepEqual(results, ["A", "B", "C", "D"]);
    assert.equal(run.peak(), 2);
  });

  test("one core: one at a time, in order", async () => {
    const run = tracker();
    await runWithinBudget(shards, mb, { cores: 1, memoryMb: 100_000 }, run.task);
    assert.equal(run.peak(), 1);
    assert.deepEqual(run.started, ["a", "b", "c", "d"]);
  });

  test("a budget that fits one shard at a time runs one at a time", async () => {
    const run = tracker();
    // Any two of these need more than 1000 MB.
    await runWithinBudget(shards, () => 600, { cores: 4, memoryMb: 1000 }, run.task);
    assert.equal(run.peak(), 1);
  });

  test("limits that widen later: one at a time until then, two at once after", async () => {
    // Each task ends only when the test says so, so the order does not depend on timers.
    const started: string[] = [];
    const finish = new Map<string, () => void>();
    const task = (name: string) =>
      new Promise<string>((resolve) => {
        started.push(name);
        finish.set(name, () => resolve(name.toUpperCase()));
      });
    const settle = () => new Promise((resolve) => setImmediate(resolve));
    let widen = () => {};
    const from = new Promise<void>((resolve) => (widen = resolve));
    const done = runWithinBudget(["a", "b", "c"], () => 300, { cores: 1, memoryMb: 1000 }, task, {
      limits: { cores: 2, memoryMb: 1000 },
      from,
    });
    await settle();
    assert.deepEqual(started, ["a"], "one at a time before");
    widen();
    await settle();
    assert.deepEqual(started, ["a", "b"], "a second starts as soon as the limits widen");
    finish.get("a")!();
    await settle();
    assert.deepEqual(started, ["a", "b", "c"], "and two run at once after");
    finish.get("b")!();
    finish.get("c")!();
    assert.deepEqual(await done, ["A", "B", "C"]);
  });

  test("a failure stops new starts, waits for the running ones, and is thrown", async () => {
    const started: string[] = [];
    let running = 0;
    const failing = async ([name, , ms]: [string, number, number]) => {
      started.push(name);
      running += 1;
      await new Promise((resolve) => setTimeout(resolve, ms));
      running -= 1;
      if (name === "b") throw new Error("b failed", { cause: "out of memory" });
      return name;
    };
    await assert.rejects(
      runWithinBudget(shards, mb, { cores: 2, memoryMb: 1000 }, failing),
      (error: Error) => error.message === "b failed" && error.cause === "out of memory",
    );
    assert.equal(running, 0, "nothing is left running");
    assert.ok(!started.includes("d"), "no shard starts after the failure");
  });
});
