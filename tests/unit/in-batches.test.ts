import { test } from "node:test";
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { inBatches } from "../../src/lib/in-batches.ts";

test("inBatches keeps the items' order and never runs more than its size at once", async () => {
  let running = 0;
  let most = 0;
  const items = Array.from({ length: 10 }, (_, i) => i);
  const results = await inBatches(items, 3, async (n) => {
    running += 1;
    most = Math.max(most, running);
    await sleep(10 - n); // later items finish first
    running -= 1;
    return n * 2;
  });
  assert.deepEqual(
    results,
    items.map((n) => n * 2),
  );
  assert.equal(most, 3);
});
