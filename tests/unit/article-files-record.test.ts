import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  articleFilePaths,
  articleOfEntryFile,
  parseArticleFiles,
  serializeArticleFiles,
  type ArticleFilesRecord,
} from "../../src/lib/article-files-record.ts";
import { entryPathFor, permalinkFor } from "../../src/lib/permalink.ts";

const SITE = "https://archive.example/";
const record: ArticleFilesRecord = new Map([
  ["2021/06/30/port-of-alat-reports-record-cargo.md", "4096.77.1700.1701:3000.78.1700.1701 9f8e"],
  ["2019/12/11/azerbaijan-and-pakistan.md", "512.9.1.2:100.10.1.2 00ab"],
]);

describe("serializeArticleFiles and parseArticleFiles", () => {
  it("read back what was written, for the same site", () => {
    assert.deepEqual(parseArticleFiles(SITE, serializeArticleFiles(SITE, record)), record);
  });
  it("write one line an entry, sorted, so the same archive writes the same file", () => {
    const reversed = new Map([...record].reverse());
    const text = serializeArticleFiles(SITE, reversed);
    assert.equal(text, serializeArticleFiles(SITE, record));
    assert.equal(text.split("\n").length, record.size + 2); // the header and a final newline
    assert.ok(text.indexOf("2019/12/11") < text.indexOf("2021/06/30"));
  });
  const unusable: [string, string][] = [
    [
      "a record for another site URL (its citations name other URLs)",
      serializeArticleFiles("https://other.example/", record),
    ],
    [
      "a record of another version",
      serializeArticleFiles(SITE, record).replace("article-files 2", "article-files 1"),
    ],
    [
      "the JSON record of earlier builds",
      JSON.stringify({ "/x/2019/12/11/a.md": { key: "k", files: [] } }),
    ],
    ["an empty or missing file", ""],
  ];
  for (const [what, text] of unusable) {
    it(`give nothing for ${what}, so every article's files are written`, () => {
      assert.equal(parseArticleFiles(SITE, text).size, 0);
    });
  }
  it("skip a line of another shape (cut short by a full disk, say), keeping the rest", () => {
    const text = `${serializeArticleFiles(SITE, record)}2020/01/01/cut-short.md\nno-tab-here\n\t\n2020/01/02/x.txt\tsig\n`;
    assert.deepEqual(parseArticleFiles(SITE, text), record);
  });
});

describe("articleOfEntryFile and articleFilePaths", () => {
  const articles = [
    { date: "2019-12-11", slug: "azerbaijan-and-pakistan-discuss-military-cooperation" },
    { date: "2001-01-01", slug: "a" },
    { date: "2024-12-31", slug: "baku-tram-line-opens-its-first-stretch-2" },
  ];
  for (const article of articles) {
    it(`give ${article.date} ${article.slug} back from its entry's path`, () => {
      assert.deepEqual(articleOfEntryFile(`${entryPathFor(article)}.md`), article);
    });
  }
  it("name original.txt, then the citation files, beside the article's page", () => {
    const article = articles[0]!;
    assert.deepEqual(
      articleFilePaths(article).map((path) => path.slice(permalinkFor(article).length)),
      ["original.txt", "cite.bib", "cite.ris", "cite.json"],
    );
    for (const path of articleFilePaths(article)) assert.ok(path.startsWith(permalinkFor(article)));
  });
});
