import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { dateFolderTitle, linkArchiveContent } from "../../bench/lib/hugo-project.ts";
import { outputOf } from "../../bench/lib/output.ts";

let temp: string;
before(() => {
  temp = mkdtempSync(join(tmpdir(), "bench-output-"));
});
after(() => rmSync(temp, { recursive: true, force: true }));

describe("linkArchiveContent", () => {
  it("makes every year, month and day a section, and leaves the archive as it was", () => {
    const articles = join(temp, "archive", "articles");
    for (const [day, slug] of [
      ["2004/03/05", "a"],
      ["2004/03/05", "b"],
      ["2004/11/30", "c"],
      ["2019/01/02", "d"],
    ] as const) {
      mkdirSync(join(articles, day), { recursive: true });
      writeFileSync(join(articles, day, `${slug}.md`), `---\ntitle: ${slug}\n---\n`);
      writeFileSync(join(articles, day, `${slug}.original.txt`), slug);
    }
    const archiveBefore = readdirSync(articles, { recursive: true }).sort();
    const content = join(temp, "hugo", "content", "articles");
    assert.deepEqual(linkArchiveContent(articles, content), {
      entries: 4,
      years: 2,
      months: 3,
      days: 3,
    });
    assert.deepEqual(readdirSync(articles, { recursive: true }).sort(), archiveBefore);
    assert.match(readFileSync(join(content, "2004/03/_index.md"), "utf8"), /title: "March 2004"/);
    assert.equal(readFileSync(join(content, "2004/03/05/b.original.txt"), "utf8"), "b");
  });

  it("titles date folders as our lists do", () => {
    assert.equal(dateFolderTitle("2004"), "2004");
    assert.equal(dateFolderTitle("2004/03"), "March 2004");
    assert.equal(dateFolderTitle("2004/03/05"), "5 March 2004");
  });
});

describe("outputOf", () => {
  it("counts pages, redirect pages and files by extension", () => {
    const out = join(temp, "out");
    mkdirSync(join(out, "a", "page", "1"), { recursive: true });
    mkdirSync(join(out, "pagefind"), { recursive: true });
    writeFileSync(join(out, "a", "index.html"), "<!doctype html><title>A</title><p>list</p>");
    writeFileSync(
      join(out, "a", "page", "1", "index.html"),
      '<!DOCTYPE html><html><head><meta http-equiv="refresh" content="0; url=/a/"></head></html>',
    );
    writeFileSync(join(out, "a", "original.txt"), "text");
    writeFileSync(join(out, "pagefind", "pagefind.js"), "x");
    const all = outputOf(out);
    assert.equal(all.htmlPages, 2);
    assert.equal(all.redirectPages, 1);
    assert.deepEqual(all.byExtension, { ".html": 2, ".txt": 1, ".js": 1 });
    assert.equal(all.files, 4);
    const withoutIndex = outputOf(out, (path) => path.startsWith("pagefind/"));
    assert.equal(withoutIndex.files, 3);
    assert.equal(withoutIndex.byExtension[".js"], undefined);
  });
});
