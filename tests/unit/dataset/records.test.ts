import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { articleSchema, type ArticleFrontmatter } from "../../../src/lib/article-schema.ts";
import { CSV_FIELDS, RECORD_FIELDS } from "../../../src/lib/dataset/fields.ts";
import {
  csvField,
  csvHeader,
  csvLine,
  csvValues,
  datasetRecord,
  jsonlLine,
  orderedFrontmatter,
  parseCsv,
} from "../../../src/lib/dataset/records.ts";

const SITE = "https://news.example.org";
const SHA = "a".repeat(64);
const FULL: ArticleFrontmatter = {
  title: 'He said "no", then left',
  date: "2019-12-11",
  source: "Azernews",
  author: ["Ofeliya Afandiyeva", "Kamran Aliyev"],
  slug: "he-said-no",
  language: "az",
  section: "Politics",
  originalUrl: "https://www.today.az/news/1.html",
  sha256: SHA,
  aliases: ["/articles/2019/12/10/old/", "/articles/2019/12/09/older/"],
};
const MINIMAL: ArticleFrontmatter = {
  title: "Plain",
  date: "2020-01-02",
  source: "Trend",
  slug: "plain",
  language: "en",
  sha256: SHA,
};

describe("articles.csv columns", () => {
  it("hold every frontmatter field of the schema, so a new field cannot be left out", () => {
    const columns = new Set(CSV_FIELDS.map((field) => field.name));
    const missing = Object.keys(articleSchema.shape).filter((key) => !columns.has(key));
    assert.deepEqual(missing, []);
  });
});

describe("CSV fields (RFC 4180)", () => {
  it("quotes only what needs it and doubles quotes", () => {
    const table: [string, string][] = [
      ["plain", "plain"],
      ["", ""],
      ["Bakı, Azərbaycan", '"Bakı, Azərbaycan"'],
      ['say "hi"', '"say ""hi"""'],
      ["two\nlines", '"two\nlines"'],
      ["cr\rhere", '"cr\rhere"'],
      ["crlf\r\nhere", '"crlf\r\nhere"'],
      ["=SUM(A1)", "=SUM(A1)"],
      ["  spaced  ", "  spaced  "],
    ];
    for (const [value, expected] of table) assert.equal(csvField(value), expected, value);
  });

  it("a record ends in CRLF and reads back as written", () => {
    const values = ["a", "", 'q"uote', "com,ma", "line\r\nbreak", '""', "\n"];
    assert.ok(csvLine(values).endsWith("\r\n"));
    const text = csvLine(values) + csvLine(["x", "y"]);
    assert.deepEqual(parseCsv(text), [values, ["x", "y"]]);
  });

  it("the parser rejects what RFC 4180 does not allow", () => {
    const table = ['a"b,c\r\n', '"open,c\r\n', '"closed"x,c\r\n', "bare\nbreak\r\n", "cr\ronly"];
    for (const text of table) assert.throws(() => parseCsv(text), /CSV: /, JSON.stringify(text));
    assert.deepEqual(parseCsv("a,\r\n"), [["a", ""]]);
    assert.deepEqual(parseCsv("a,"), [["a", ""]]);
  });

  it("the header names the declared columns; a row has one value each", () => {
    assert.deepEqual(
      parseCsv(csvHeader())[0],
      CSV_FIELDS.map((field) => field.name),
    );
    for (const data of [FULL, MINIMAL]) {
      assert.equal(csvValues(data, SITE).length, CSV_FIELDS.length);
    }
  });

  it("metadata values: absolute permalink, bylines and aliases joined, unset fields empty", () => {
    const row = (data: ArticleFrontmatter) =>
      Object.fromEntries(CSV_FIELDS.map((field, i) => [field.name, csvValues(data, SITE)[i]]));
    assert.deepEqual(row(FULL), {
      permalink: `${SITE}/articles/2019/12/11/he-said-no/`,
      date: "2019-12-11",
      title: 'He said "no", then left',
      source: "Azernews",
      author: "Ofeliya Afandiyeva; Kamran Aliyev",
      section: "Politics",
      language: "az",
      slug: "he-said-no",
      originalUrl: "https://www.today.az/news/1.html",
      sha256: SHA,
      aliases: "/articles/2019/12/10/old/ /articles/2019/12/09/older/",
    });
    const minimal = row(MINIMAL);
    for (const name of ["author", "section", "originalUrl", "aliases"]) {
      assert.equal(minimal[name], "", name);
    }
  });
});

describe("JSON Lines records", () => {
  it("keys in the declared order; frontmatter in the schema's order whatever the input's", () => {
    const shuffled = Object.fromEntries(Object.entries(FULL).reverse()) as ArticleFrontmatter;
    const record = datasetRecord(shuffled, "Text.\n", SITE);
    assert.deepEqual(
      Object.keys(record),
      RECORD_FIELDS.map((field) => field.name),
    );
    assert.deepEqual(Object.keys(record.frontmatter), Object.keys(FULL));
    assert.equal(jsonlLine(record), jsonlLine(datasetRecord(FULL, "Text.\n", SITE)));
  });

  it("unset optional fields are left out, not null", () => {
    assert.deepEqual(Object.keys(orderedFrontmatter(MINIMAL)), [
      "title",
      "date",
      "source",
      "slug",
      "language",
      "sha256",
    ]);
  });

  it("permalink, original and the original's digest", () => {
    const record = datasetRecord(MINIMAL, "", SITE);
    assert.equal(record.permalink, `${SITE}/articles/2020/01/02/plain/`);
    assert.equal(record.original, `${SITE}/articles/2020/01/02/plain/original.txt`);
    assert.equal(record.originalSha256, SHA);
  });

  it("one line each, whatever the text holds, and it parses back to the record", () => {
    for (const text of ["a\nb\r\nc", "line\u2028separator\u2029", '"quotes" \\ </script>', ""]) {
      const record = datasetRecord(FULL, text, SITE);
      const line = jsonlLine(record);
      assert.ok(line.endsWith("\n"));
      assert.doesNotMatch(line.slice(0, -1), /[\n\r\u2028\u2029]/, JSON.stringify(text));
      assert.deepEqual(JSON.parse(line), record);
    }
  });
});
