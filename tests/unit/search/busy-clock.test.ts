import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { BusyClock } from "../../../src/client/busy-clock.ts";

describe("BusyClock (Pagefind's share of a search, for the benchmark)", () => {
  test("calls under way together count once; idle time does not count", async () => {
    const clock = new BusyClock();
    await Promise.all([clock.time(() => sleep(60)), clock.time(() => sleep(40))]);
    const afterOverlap = clock.now();
    await sleep(80);
    assert.equal(clock.now(), afterOverlap, "nothing under way: the clock stands still");
    assert.ok(afterOverlap >= 55 && afterOverlap < 95, `${afterOverlap} ms for 60 ms busy`);
  });

  test("a call under way counts so far, and a failed call counts too", async () => {
    const clock = new BusyClock();
    const running = clock.time(() => sleep(50));
    await sleep(20);
    assert.ok(clock.now() > 10, "the call under way is counted");
    await running;
    await assert.rejects(
      clock.time(() => sleep(30).then(() => Promise.reject(new Error("network")))),
      /network/,
    );
    assert.ok(clock.now() >= 75, `${clock.now()} ms for 80 ms busy`);
  });
});
