import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { filesUnder } from "../../../src/lib/files-under.ts";
import { removeLeftoverPages } from "../../../src/integrations/pagefind/leftover-pages.ts";

test("removeLeftoverPages removes the pages the build did not make, in the years given only", async () => {
  const root = await mkdtemp(join(tmpdir(), "leftover-pages-"));
  try {
    const files = [
      "articles/2019/03/01/kept/index.html",
      "articles/2019/03/01/kept/original.txt",
      "articles/2019/03/01/index.html",
      // Taken down: its page goes; its other files are the output sweep's.
      "articles/2019/03/02/gone/index.html",
      "articles/2019/03/02/gone/original.txt",
      // Moved: its old folder held only the page, and goes with it.
      "articles/2019/04/05/old-slug/index.html",
      // A year not indexed in this build: left to the sweep.
      "articles/2020/01/01/other/index.html",
      "index.html",
    ];
    for (const file of files) {
      await mkdir(join(root, file, ".."), { recursive: true });
      await writeFile(join(root, file), file);
    }
    const pages = ["articles/2019/03/01/kept/", "/articles/2019/03/01/", "articles/2020/"];
    const removed = await removeLeftoverPages(root, ["2019", "2018"], pages);
    assert.deepEqual(removed.sort(), [
      "articles/2019/03/02/gone/index.html",
      "articles/2019/04/05/old-slug/index.html",
    ]);
    assert.deepEqual((await filesUnder(root)).sort(), [
      "articles/2019/03/01/index.html",
      "articles/2019/03/01/kept/index.html",
      "articles/2019/03/01/kept/original.txt",
      "articles/2019/03/02/gone/original.txt",
      "articles/2020/01/01/other/index.html",
      "index.html",
    ]);
    // No empty folder left behind: a clean build makes none.
    assert.ok(!existsSync(join(root, "articles/2019/04")), "the moved article's month folder");
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
