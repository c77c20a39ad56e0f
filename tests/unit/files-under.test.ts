import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { filesUnder, removeEmptyFolders } from "../../src/lib/files-under.ts";

test("filesUnder lists every file of a built site, however deep, and nothing else", async () => {
  const root = await mkdtemp(join(tmpdir(), "files-under-"));
  try {
    const files = ["index.html", "_headers", ".prerender/x.mjs", "pagefind/year-2019/a.pf_meta"];
    // More folders on one level than are read at once, and one deep page.
    for (let day = 1; day <= 40; day += 1) {
      files.push(`articles/2019/12/${String(day).padStart(2, "0")}/index.html`);
    }
    files.push("articles/2019/12/11/a-long-slug/cite.bib");
    for (const file of files) {
      await mkdir(join(root, file, ".."), { recursive: true });
      await writeFile(join(root, file), file);
    }
    await mkdir(join(root, "empty/inner"), { recursive: true });
    await symlink(join(root, "index.html"), join(root, "link.html"));
    assert.deepEqual((await filesUnder(root)).sort(), files.sort());
    // An archive's entries may be links (git-annex): listed as files when asked.
    assert.deepEqual(
      (await filesUnder(root, { links: true })).sort(),
      [...files, "link.html"].sort(),
    );
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test("filesUnder does not look into a folder it is told to skip", async () => {
  const root = await mkdtemp(join(tmpdir(), "files-under-"));
  try {
    for (const file of ["index.html", "pagefind/a.pf_meta", "pagefind/year-2019/b.pf_meta"]) {
      await mkdir(join(root, file, ".."), { recursive: true });
      await writeFile(join(root, file), file);
    }
    const skip = (folder: string) => folder === "pagefind";
    assert.deepEqual(await filesUnder(root, { skip }), ["index.html"]);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test("removeEmptyFolders removes the folders removed files left empty, and no other", async () => {
  const root = await mkdtemp(join(tmpdir(), "files-under-"));
  try {
    const files = ["a/b/c/gone.txt", "a/b/kept.txt", "d/e/gone.txt", "f/empty-before/.keep"];
    for (const file of files) {
      await mkdir(join(root, file, ".."), { recursive: true });
      await writeFile(join(root, file), file);
    }
    await rm(join(root, "a/b/c/gone.txt"));
    await rm(join(root, "d/e/gone.txt"));
    await removeEmptyFolders(root, ["a/b/c/gone.txt", "d/e/gone.txt", "d/e/gone-twice.txt"]);
    assert.deepEqual((await filesUnder(root)).sort(), ["a/b/kept.txt", "f/empty-before/.keep"]);
    assert.deepEqual((await readdir(root)).sort(), ["a", "f"], "d/e and d are removed");
    assert.deepEqual(await readdir(join(root, "a/b")), ["kept.txt"], "a/b/c is removed");
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
