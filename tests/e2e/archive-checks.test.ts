/**
 * The build refuses an archive that breaks a promise, and says which file and what to do.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { cp, mkdtemp, readFile, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  buildSite,
  BUILDS_DIR,
  ROOT,
  type BuildResult,
  testFolder,
} from "../support/build-site.ts";

const SLUG = "azerbaijan-and-pakistan-discuss-military-cooperation";

async function seedArchive(): Promise<{ dir: string; entry: string }> {
  const dir = await testFolder("check-");
  await cp(join(ROOT, "content/articles"), join(dir, "articles"), { recursive: true });
  return { dir, entry: join(dir, "articles/2019/12/11", SLUG) };
}

/** The build failed and left no site to deploy. */
function assertRefused(build: BuildResult): void {
  assert.notEqual(build.code, 0, build.output);
  assert.equal(existsSync(join(build.outDir, "index.html")), false, "a site was written");
}

describe("build-time archive checks", () => {
  test("a changed original fails the build, naming the entry and the digest", async () => {
    const { dir, entry } = await seedArchive();
    await writeFile(
      `${entry}.original.txt`,
      (await readFile(`${entry}.original.txt`, "utf8")) + "tampered\n",
    );
    const build = await buildSite(dir);
    assertRefused(build);
    assert.match(
      build.output,
      new RegExp(`${SLUG}\\.md: sha256 e78455d1\\w+ does not match its original text`),
    );
    await rm(dir, { recursive: true, force: true });
  });

  test("an incremental build reads only changed entries, and still refuses an original changed in place", async () => {
    const { dir, entry } = await seedArchive();
    const outDir = await mkdtemp(join(BUILDS_DIR, "dist-checks-"));
    const first = await buildSite(dir, { outDir });
    assert.equal(first.code, 0, first.output);
    const again = await buildSite(dir, { outDir });
    assert.equal(again.code, 0, again.output);
    assert.match(again.output, / articles checked \(0 parsed\) in \d+ ms: 0 read, \d+ unchanged/);
    // The same size and modification time as before, one byte changed: only the file's
    // status-change time tells, which no tool can set back.
    // (A whole second, so the time set back is exact to the nanosecond.)
    const original = `${entry}.original.txt`;
    const second = new Date("2020-01-01T00:00:00Z");
    await utimes(original, second, second);
    const checked = await buildSite(dir, { outDir });
    assert.match(checked.output, / articles checked \(0 parsed\) in \d+ ms: 1 read, /);
    const before = await stat(original, { bigint: true });
    const bytes = await readFile(original);
    bytes[bytes.length - 2] = bytes[bytes.length - 2] === 0x2e ? 0x21 : 0x2e;
    await writeFile(original, bytes);
    await utimes(original, second, second);
    const after = await stat(original, { bigint: true });
    assert.deepEqual(
      [after.size, after.ino, after.mtimeNs],
      [before.size, before.ino, before.mtimeNs],
    );
    const tampered = await buildSite(dir, { outDir });
    assert.notEqual(tampered.code, 0, tampered.output);
    assert.match(tampered.output, new RegExp(`${SLUG}\\.md: sha256 e78455d1\\w+ does not match`));
    await rm(dir, { recursive: true, force: true });
    await rm(outDir, { recursive: true, force: true });
    await rm(`${outDir}-cache`, { recursive: true, force: true });
  });

  test("an entry whose path disagrees with its date fails the build, naming the expected path", async () => {
    const { dir } = await seedArchive();
    await cp(join(dir, "articles/2019/12/11"), join(dir, "articles/2019/12/12"), {
      recursive: true,
    });
    await rm(join(dir, "articles/2019/12/11"), { recursive: true });
    const build = await buildSite(dir);
    assertRefused(build);
    assert.match(
      build.output,
      new RegExp(
        `2019/12/12/${SLUG}\\.md: its path does not match its date and slug: expected articles/2019/12/11/${SLUG}\\.md`,
      ),
    );
    await rm(dir, { recursive: true, force: true });
  });

  test("a missing original fails the build", async () => {
    const { dir, entry } = await seedArchive();
    await rename(`${entry}.original.txt`, `${entry}.txt.bak`);
    const build = await buildSite(dir);
    assertRefused(build);
    assert.match(build.output, /original text .*original\.txt is missing/);
    await rm(dir, { recursive: true, force: true });
  });

  test("a frontmatter error fails the build, naming the file and the field", async () => {
    const { dir, entry } = await seedArchive();
    const md = await readFile(`${entry}.md`, "utf8");
    await writeFile(`${entry}.md`, md.replace("date: '2019-12-11'", "date: '2019-02-30'"));
    const build = await buildSite(dir);
    assertRefused(build);
    assert.match(build.output, new RegExp(`${SLUG}`));
    assert.match(build.output, /date/);
    await rm(dir, { recursive: true, force: true });
  });
});
