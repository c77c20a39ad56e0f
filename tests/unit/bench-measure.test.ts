import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { measureCommand } from "../../bench/lib/measure.ts";

/**
 * Spins for 300 ms of its own CPU, then (unless it is the child) runs itself as a child
 * that does the same; prints what each used by its own count (`process.cpuUsage`), in ms.
 */
const SPINNER = `
const { spawnSync } = require("node:child_process");
const own = () => { const { user, system } = process.cpuUsage(); return (user + system) / 1000; };
while (own() < 300);
if (process.argv[2] === "child") console.log(own());
else {
  const child = spawnSync(process.execPath, [__filename, "child"], { encoding: "utf8" });
  console.log(own(), child.stdout.trim());
}
`;

let temp: string;
before(() => {
  temp = mkdtempSync(join(tmpdir(), "bench-measure-"));
});
after(() => rmSync(temp, { recursive: true, force: true }));

describe("measureCommand", () => {
  it("counts the CPU of the whole process tree, a child of the command included", async () => {
    const script = join(temp, "spinner.cjs");
    writeFileSync(script, SPINNER);
    const run = await measureCommand(process.execPath, [script], { cwd: temp });
    assert.equal(run.code, 0, run.output);
    const [parent, child] = run.output.trim().split(/\s+/).map(Number);
    assert.ok(parent! >= 300 && child! >= 300, `each spun 300 ms: ${run.output}`);
    // /proc counts in clock ticks (10 ms): allow a few per process for rounding down.
    assert.ok(
      run.cpuMs >= parent! + child! - 60,
      `tree CPU ${run.cpuMs} ms, the two processes' own ${parent} + ${child} ms`,
    );
  });

  it("does not count waiting as CPU", async () => {
    const run = await measureCommand(process.execPath, ["-e", "setTimeout(() => {}, 1500)"], {
      cwd: temp,
    });
    assert.equal(run.code, 0, run.output);
    assert.ok(run.ms >= 1500, `ran ${run.ms} ms`);
    assert.ok(run.cpuMs < 1000, `a process that waited 1.5 s used ${run.cpuMs} ms of CPU`);
  });
});
