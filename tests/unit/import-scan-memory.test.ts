/**
 * The importer reads every entry's frontmatter before it imports anything, and keeps a few
 * fields of each: in an archive of a million articles those must not hold on to the text
 * they were read from (a field sliced from a file's first 4 KB kept all 4 KB alive, and an
 * import into an archive of 845,000 articles ran out of Node's default 4 GB heap).
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { scanArchive } from "../../src/cli/import/archive-scan.ts";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const ENTRIES = 3000;

function writeArchive(dir: string): void {
  // Cyrillic bodies: two bytes a character in V8, the costliest heads to keep.
  const body = "Министерство сообщило о новых поездах между городами. ".repeat(80);
  for (let i = 0; i < ENTRIES; i++) {
    const day = String((i % 28) + 1).padStart(2, "0");
    const folder = join(dir, "2021", "03", day);
    mkdirSync(folder, { recursive: true });
    const slug = `ministerstvo-soobshchilo-o-novykh-poezdakh-${i}`;
    const sha = i.toString(16).padStart(64, "0");
    const frontmatter = `---\ntitle: Министерство сообщило ${i}\ndate: '2021-03-${day}'\nsource: Trend\nslug: ${slug}\nlanguage: ru\nsha256: ${sha}\n---\n`;
    writeFileSync(join(folder, `${slug}.md`), frontmatter + body);
  }
}

test("reading an archive keeps about a few hundred bytes an entry, not its text", () => {
  const dir = mkdtempSync(join(tmpdir(), "news-archive-scan-memory-"));
  try {
    writeArchive(dir);
    gc();
    const before = process.memoryUsage().heapUsed;
    const { index } = scanArchive(dir, true, () => {});
    gc();
    const perEntry = (process.memoryUsage().heapUsed - before) / ENTRIES;
    assert.equal(index.bySha256.size, ENTRIES);
    assert.ok(perEntry < 2048, `${Math.round(perEntry)} bytes an entry kept after the scan`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
