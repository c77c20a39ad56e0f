import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { breakdownTable } from "../../bench/output-breakdown.ts";
import { filesOf } from "../../bench/lib/output.ts";
import {
  breakdownOf,
  classifyOutput,
  perThousand,
  type OutputKind,
} from "../../bench/lib/output-kinds.ts";

describe("classifyOutput", () => {
  it("tells every kind of built file apart by its path", () => {
    const table: [string, OutputKind][] = [
      ["articles/2019/12/11/a-slug/index.html", "article page"],
      ["articles/2019/12/11/a-slug/original.txt", "original.txt"],
      ["articles/2019/12/11/a-slug/cite.bib", "citation files"],
      ["articles/2019/12/11/a-slug/cite.ris", "citation files"],
      ["articles/2019/12/11/a-slug/cite.json", "citation files"],
      ["articles/2019/12/11/index.html", "day list"],
      ["articles/2019/12/11/page/2/index.html", "day list, page 2+"],
      ["articles/2019/12/index.html", "month list"],
      ["articles/2019/12/page/3/index.html", "month list, page 2+"],
      ["articles/2019/index.html", "year page"],
      ["articles/index.html", "dates index"],
      ["sources/index.html", "sources index"],
      ["sources/page/2/index.html", "sources index"],
      ["sources/azernews/index.html", "source list"],
      ["sources/azernews/page/2/index.html", "source list, page 2+"],
      ["authors/index.html", "authors index"],
      ["authors/page/4/index.html", "authors index"],
      ["authors/jane-doe/index.html", "author list"],
      ["authors/jane-doe/page/12/index.html", "author list, page 2+"],
      ["index.html", "home, search, about, 404"],
      ["404.html", "home, search, about, 404"],
      ["search/index.html", "home, search, about, 404"],
      ["about/index.html", "home, search, about, 404"],
      ["rss.xml", "feeds"],
      ["atom.xml", "feeds"],
      ["sitemap-index.xml", "sitemap"],
      ["sitemap-0.xml", "sitemap"],
      ["pagefind/years-2001-2010/fragment/en_9aed970.pf_fragment", "search: fragments"],
      ["pagefind/year-2021/index/en_36d2c80.pf_index", "search: index chunks"],
      ["pagefind/year-2021/filter/en_1.pf_filter", "search: filters"],
      ["pagefind/year-2021/pagefind.en_356428125d.pf_meta", "search: meta"],
      ["pagefind/search-shards.json", "search: other"],
      ["pagefind/year-2021/wasm.en.pagefind", "search: other"],
      ["data/index.html", "dataset"],
      ["data/articles.csv", "dataset"],
      ["data/datapackage.json", "dataset"],
      ["_astro/BaseLayout.CMiOFrMZ.css", "assets"],
      ["favicon.svg", "assets"],
      ["_headers", "server and crawler files"],
      ["_redirects", "server and crawler files"],
      ["robots.txt", "server and crawler files"],
      ["somewhere/else.png", "other"],
    ];
    for (const [path, kind] of table) {
      assert.deepEqual(classifyOutput(path), { kind, gz: false }, path);
      assert.deepEqual(classifyOutput(`${path}.gz`), { kind, gz: true }, `${path}.gz`);
    }
    // Gzipped as served: a download, not a copy.
    assert.deepEqual(classifyOutput("data/articles-2019.jsonl.gz"), { kind: "dataset", gz: false });
  });

  it("counts an HTML page that only redirects as a redirect page, whatever its path", () => {
    assert.equal(classifyOutput("articles/2019/12/10/old/index.html", true).kind, "redirect page");
    assert.deepEqual(classifyOutput("old-path/index.html.gz", true), {
      kind: "redirect page",
      gz: true,
    });
    // The flag is about HTML; a citation file beside it stays one.
    assert.equal(classifyOutput("articles/2019/12/10/old/cite.bib", true).kind, "citation files");
  });
});

describe("breakdownOf", () => {
  it("sums files and bytes per kind, .gz copies apart, and counts the articles", () => {
    const breakdown = breakdownOf([
      { path: "articles/2019/12/11/a/index.html", bytes: 1000 },
      { path: "articles/2019/12/11/a/index.html.gz", bytes: 300 },
      { path: "articles/2019/12/11/b/index.html", bytes: 2000 },
      { path: "articles/2019/12/11/b/cite.bib", bytes: 50 },
      { path: "articles/2019/12/10/old/index.html", bytes: 400, redirect: true },
    ]);
    assert.equal(breakdown.articles, 2);
    assert.deepEqual(breakdown.kinds["article page"], {
      files: 2,
      bytes: 3000,
      gzFiles: 1,
      gzBytes: 300,
    });
    assert.deepEqual(breakdown.kinds["redirect page"], {
      files: 1,
      bytes: 400,
      gzFiles: 0,
      gzBytes: 0,
    });
    assert.deepEqual(breakdown.total, { files: 4, bytes: 3450, gzFiles: 1, gzBytes: 300 });
  });

  it("scales totals to 1,000 articles", () => {
    assert.deepEqual(perThousand({ files: 50, bytes: 2000, gzFiles: 10, gzBytes: 500 }, 250), {
      files: 200,
      bytes: 8000,
      gzFiles: 40,
      gzBytes: 2000,
    });
    assert.deepEqual(perThousand({ files: 1, bytes: 1, gzFiles: 0, gzBytes: 0 }, 0).files, 0);
  });
});

describe("output-breakdown on a folder", () => {
  it("reads sizes and redirect pages from disk and prints per-1,000 figures", () => {
    const dir = mkdtempSync(join(tmpdir(), "output-breakdown-"));
    try {
      const write = (path: string, body: string) => {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), body);
      };
      write("articles/2019/12/11/a/index.html", "x".repeat(5000));
      write("articles/2019/12/11/a/original.txt", "y".repeat(1000));
      write(
        "articles/2019/12/10/a/index.html",
        '<!doctype html><meta http-equiv="refresh" content="0; url=/articles/2019/12/11/a/">',
      );
      const files = [...filesOf(dir)].sort((a, b) => a.path.localeCompare(b.path));
      assert.deepEqual(
        files.map(({ path, redirect }) => [path, redirect]),
        [
          ["articles/2019/12/10/a/index.html", true],
          ["articles/2019/12/11/a/index.html", false],
          ["articles/2019/12/11/a/original.txt", false],
        ],
      );
      const table = breakdownTable(breakdownOf(files));
      // One article: each figure per 1,000 articles is 1,000 times the file's.
      assert.match(table, /^article page\s+1,000\s+5\.00\s+0\s+0\.00\s+1\s+0\.01$/m);
      assert.match(table, /^redirect page\s+1,000\s+0\.08\s/m);
      assert.match(table, /^total\s+3,000\s+6\.08\s+0\s+0\.00\s+3\s+0\.01$/m);
      assert.doesNotMatch(table, /^feeds/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
