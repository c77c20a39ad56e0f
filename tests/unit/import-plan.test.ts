import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import matter from "gray-matter";
import { validateFrontmatter } from "../../src/lib/article-schema.ts";
import { paragraphsOf } from "../../src/lib/article-text.ts";
import {
  addExistingEntry,
  addLedgerLine,
  addOrphanOriginal,
  addOtherFile,
  emptyArchiveContents,
  entryKeyOfPermalink,
  entryText,
  existingFieldsOf,
  frontmatterBlock,
  frontmatterOf,
  markTaken,
  planImport,
  recordImport,
  slugWithSuffix,
  type ArchiveContents,
} from "../../src/lib/import-plan.ts";
import type { RawArticleFields } from "../../src/lib/raw-article.ts";

/** Fields to change; `undefined` leaves a field out. */
type Overrides = { [K in keyof RawArticleFields]?: RawArticleFields[K] | undefined };

const SHA_A = "a".repeat(64);
const SHA_B = "b".repeat(64);

describe("slugWithSuffix", () => {
  const cases: { base: string; n: number; max?: number; slug: string }[] = [
    { base: "port-reopens", n: 1, slug: "port-reopens" },
    { base: "port-reopens", n: 2, slug: "port-reopens-2" },
    { base: "port-reopens", n: 3, slug: "port-reopens-3" },
    { base: "port-reopens", n: 12, slug: "port-reopens-12" },
    { base: "port-reopens-after-storm", n: 2, max: 20, slug: "port-reopens-after-2" },
    { base: "port-reopens-after-storm", n: 2, max: 24, slug: "port-reopens-after-2" },
    { base: "port-reopens-after-storm", n: 2, max: 26, slug: "port-reopens-after-storm-2" },
    { base: "abcdefghijklmnopqrstuvwxyz", n: 2, max: 10, slug: "abcdefgh-2" },
  ];
  for (const { base, n, max, slug } of cases) {
    it(`${base} #${n}${max ? ` within ${max}` : ""} -> ${slug}`, () => {
      const actual = max === undefined ? slugWithSuffix(base, n) : slugWithSuffix(base, n, max);
      assert.equal(actual, slug);
      if (max !== undefined) assert.ok(actual.length <= max);
    });
  }
  it("keeps an 80-character slug within 80 characters", () => {
    const base = `${"word-".repeat(15)}abcde`; // 80 characters
    assert.equal(base.length, 80);
    const slug = slugWithSuffix(base, 2);
    assert.ok(slug.length <= 80);
    assert.match(slug, /^(?:word-)+2$/);
  });
});

describe("entryKeyOfPermalink", () => {
  const cases: [string, string | null][] = [
    ["/articles/2019/12/11/port-reopens/", "2019/12/11/port-reopens"],
    ["/articles/2019/12/11/", null],
    ["/articles/2019/12/11/port-reopens", null],
    ["/sources/azernews/", null],
    ["/articles/2019/12/11/a/b/", null],
  ];
  for (const [path, key] of cases) {
    it(`${path} -> ${key}`, () => assert.equal(entryKeyOfPermalink(path), key));
  }
});

describe("planImport", () => {
  const article = { date: "2019-12-11", slug: "port-reopens", sha256: SHA_B };

  /** An index holding what the case's `archive` describes. */
  const cases: {
    name: string;
    archive: (index: ArchiveContents) => void;
    article?: typeof article;
    expect: ReturnType<typeof planImport>;
  }[] = [
    {
      name: "an empty archive: imported at the derived slug",
      archive: () => {},
      expect: {
        status: "imported",
        slug: "port-reopens",
        key: "2019/12/11/port-reopens",
        permalink: "/articles/2019/12/11/port-reopens/",
        originalInPlace: false,
      },
    },
    {
      name: "the same bytes already archived: duplicate, naming the existing entry",
      archive: (index) =>
        addExistingEntry(index, "2018/01/02/older-title", {
          sha256: SHA_B,
          date: "2018-01-02",
          slug: "older-title",
        }),
      expect: {
        status: "duplicate",
        existing: { key: "2018/01/02/older-title", permalink: "/articles/2018/01/02/older-title/" },
      },
    },
    {
      name: "same date and slug, other text: -2",
      archive: (index) =>
        addExistingEntry(index, "2019/12/11/port-reopens", {
          sha256: SHA_A,
          date: "2019-12-11",
          slug: "port-reopens",
        }),
      expect: {
        status: "imported",
        slug: "port-reopens-2",
        key: "2019/12/11/port-reopens-2",
        permalink: "/articles/2019/12/11/port-reopens-2/",
        originalInPlace: false,
      },
    },
    {
      name: "slug and slug-2 taken: -3",
      archive: (index) => {
        addExistingEntry(index, "2019/12/11/port-reopens", {
          sha256: SHA_A,
          date: "2019-12-11",
          slug: "port-reopens",
        });
        addExistingEntry(index, "2019/12/11/port-reopens-2", {
          sha256: "c".repeat(64),
          date: "2019-12-11",
          slug: "port-reopens-2",
        });
      },
      expect: {
        status: "imported",
        slug: "port-reopens-3",
        key: "2019/12/11/port-reopens-3",
        permalink: "/articles/2019/12/11/port-reopens-3/",
        originalInPlace: false,
      },
    },
    {
      name: "same slug on another date: no suffix",
      archive: (index) =>
        addExistingEntry(index, "2019/12/10/port-reopens", {
          sha256: SHA_A,
          date: "2019-12-10",
          slug: "port-reopens",
        }),
      expect: {
        status: "imported",
        slug: "port-reopens",
        key: "2019/12/11/port-reopens",
        permalink: "/articles/2019/12/11/port-reopens/",
        originalInPlace: false,
      },
    },
    {
      name: "an entry elsewhere whose frontmatter claims this date and slug: -2",
      archive: (index) =>
        addExistingEntry(index, "misplaced/entry", {
          sha256: SHA_A,
          date: "2019-12-11",
          slug: "port-reopens",
        }),
      expect: {
        status: "imported",
        slug: "port-reopens-2",
        key: "2019/12/11/port-reopens-2",
        permalink: "/articles/2019/12/11/port-reopens-2/",
        originalInPlace: false,
      },
    },
    {
      name: "an alias holds the URL: -2",
      archive: (index) =>
        addExistingEntry(index, "2020/01/01/moved", {
          sha256: SHA_A,
          date: "2020-01-01",
          slug: "moved",
          aliases: ["/articles/2019/12/11/port-reopens/"],
        }),
      expect: {
        status: "imported",
        slug: "port-reopens-2",
        key: "2019/12/11/port-reopens-2",
        permalink: "/articles/2019/12/11/port-reopens-2/",
        originalInPlace: false,
      },
    },
    {
      name: "the ledger says the URL was published once: -2",
      archive: (index) => addLedgerLine(index, "/articles/2019/12/11/port-reopens/"),
      expect: {
        status: "imported",
        slug: "port-reopens-2",
        key: "2019/12/11/port-reopens-2",
        permalink: "/articles/2019/12/11/port-reopens-2/",
        originalInPlace: false,
      },
    },
    {
      name: "some other file holds the name: -2",
      archive: (index) => addOtherFile(index, "2019/12/11/port-reopens"),
      expect: {
        status: "imported",
        slug: "port-reopens-2",
        key: "2019/12/11/port-reopens-2",
        permalink: "/articles/2019/12/11/port-reopens-2/",
        originalInPlace: false,
      },
    },
    {
      name: "an original with these bytes left without its .md: completed in place",
      archive: (index) => addOrphanOriginal(index, "2019/12/11/port-reopens", SHA_B),
      expect: {
        status: "imported",
        slug: "port-reopens",
        key: "2019/12/11/port-reopens",
        permalink: "/articles/2019/12/11/port-reopens/",
        originalInPlace: true,
      },
    },
    {
      name: "an original with other bytes left without its .md: -2",
      archive: (index) => addOrphanOriginal(index, "2019/12/11/port-reopens", SHA_A),
      expect: {
        status: "imported",
        slug: "port-reopens-2",
        key: "2019/12/11/port-reopens-2",
        permalink: "/articles/2019/12/11/port-reopens-2/",
        originalInPlace: false,
      },
    },
    {
      name: "an existing entry whose YAML date is a Date still blocks its slug",
      archive: (index) =>
        addExistingEntry(index, "2019/12/11/port-reopens", {
          sha256: SHA_A,
          date: new Date("2019-12-11T00:00:00Z"),
          slug: "port-reopens",
        }),
      expect: {
        status: "imported",
        slug: "port-reopens-2",
        key: "2019/12/11/port-reopens-2",
        permalink: "/articles/2019/12/11/port-reopens-2/",
        originalInPlace: false,
      },
    },
  ];
  for (const { name, archive, expect } of cases) {
    it(name, () => {
      const index = emptyArchiveContents();
      archive(index);
      assert.deepEqual(planImport(index, article), expect);
    });
  }

  it("moves on to -2 when a write finds the planned name taken after all", () => {
    const index = emptyArchiveContents();
    addOrphanOriginal(index, "2019/12/11/port-reopens", SHA_B);
    markTaken(index, "2019/12/11/port-reopens");
    const plan = planImport(index, article);
    assert.equal(plan.status === "imported" && plan.slug, "port-reopens-2");
    assert.equal(plan.status === "imported" && plan.originalInPlace, false);
  });

  it("sees what was imported earlier in the same run", () => {
    const index = emptyArchiveContents();
    const first = planImport(index, article);
    assert.equal(first.status, "imported");
    if (first.status !== "imported") return;
    recordImport(index, first.key, first.permalink, article.sha256);
    assert.deepEqual(planImport(index, article), {
      status: "duplicate",
      existing: { key: "2019/12/11/port-reopens", permalink: "/articles/2019/12/11/port-reopens/" },
    });
    const other = planImport(index, { ...article, sha256: SHA_A });
    assert.equal(other.status === "imported" && other.slug, "port-reopens-2");
  });
});

const FIELDS: RawArticleFields & { sha256: string } = {
  title: "Azerbaijan and Pakistan discuss military cooperation",
  date: "2019-12-11",
  source: "Azernews",
  author: "Ofeliya Afandiyeva",
  slug: "azerbaijan-and-pakistan-discuss-military-cooperation",
  language: "en",
  section: "Politics",
  originalUrl: "http://www.today.az/news/politics/189074.html",
  sha256: "e78455d13c7d6d5810c6199ec4d0279e18f00187d01322ae6fc073b404fc2a34",
};
const BODY = "First paragraph.\n\nSecond paragraph.";

/** FIELDS with `overrides` applied, fields set to undefined left out. */
function withFields(overrides: Overrides): typeof FIELDS {
  const merged: Record<string, unknown> = { ...FIELDS, ...overrides };
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
  return merged as unknown as typeof FIELDS;
}

describe("entryText", () => {
  it("writes the frontmatter as gray-matter's matter.stringify does, the date quoted", () => {
    const entry = entryText(FIELDS, BODY);
    assert.ok(entry.ok);
    if (!entry.ok) return;
    assert.equal(entry.text, matter.stringify(BODY, { ...FIELDS }, { lineWidth: -1 } as never));
    assert.equal(
      entry.text,
      [
        "---",
        "title: Azerbaijan and Pakistan discuss military cooperation",
        "date: '2019-12-11'",
        "source: Azernews",
        "author: Ofeliya Afandiyeva",
        "slug: azerbaijan-and-pakistan-discuss-military-cooperation",
        "language: en",
        "section: Politics",
        "originalUrl: 'http://www.today.az/news/politics/189074.html'",
        "sha256: e78455d13c7d6d5810c6199ec4d0279e18f00187d01322ae6fc073b404fc2a34",
        "---",
        "First paragraph.",
        "",
        "Second paragraph.",
        "",
      ].join("\n"),
    );
  });

  // Values YAML would read as something else unless quoted, and text that looks like markup.
  const tricky: { name: string; fields: Overrides; body?: string }[] = [
    { name: "title that is a date", fields: { title: "2019-12-11" } },
    { name: "title that is a boolean", fields: { title: "true" } },
    { name: "title that is null", fields: { title: "null" } },
    { name: "title that is a number", fields: { title: "1992" } },
    { name: "title with a colon and a hash", fields: { title: "Aliyev: talks go on # for now" } },
    {
      name: "title starting with YAML indicators",
      fields: { title: "- [x] {y} & *z | > ! % @ `" },
    },
    {
      name: "title with quotes of every kind",
      fields: { title: `He said "no" and 'never' — “twice”` },
    },
    { name: "title of three hundred characters", fields: { title: `${"long ".repeat(59)}words` } },
    { name: "title with markup", fields: { title: '<script>alert("x")</script> {budget}' } },
    { name: "several authors", fields: { author: ["Aida Rahimova", "Emin Safarov"] } },
    {
      name: "non-Latin source and author",
      fields: { source: "Каспий-Информ", author: "Günay Həsənova" },
    },
    {
      name: "no optional fields",
      fields: { author: undefined, section: undefined, originalUrl: undefined },
    },
    {
      name: "body starting with a YAML delimiter",
      fields: {},
      body: "---\nnot frontmatter\n---\n\nText.",
    },
    {
      name: "body with markup",
      fields: {},
      body: "<script>alert(1)</script>\n\n# Heading\n\n{curly} ${x}",
    },
  ];
  for (const { name, fields, body = BODY } of tricky) {
    it(`${name}: reads back through gray-matter and the schema exactly`, () => {
      const input = withFields(fields);
      const entry = entryText(input, body);
      assert.ok(entry.ok, entry.ok ? "" : entry.errors.join("; "));
      if (!entry.ok) return;
      const read = matter(entry.text, {});
      const validated = validateFrontmatter(read.data);
      assert.ok(validated.ok, validated.ok ? "" : validated.errors.join("; "));
      if (!validated.ok) return;
      assert.deepEqual(validated.data, input);
      assert.equal(typeof read.data["date"], "string", "the date stays a string in YAML");
      assert.equal(read.content, `${body}\n`);
      assert.deepEqual(paragraphsOf(read.content), paragraphsOf(body));
    });
  }

  const invalid: { name: string; fields: Overrides; error: RegExp }[] = [
    { name: "language that is not BCP 47", fields: { language: "english!" }, error: /^language: / },
    {
      name: "originalUrl that is not http(s)",
      fields: { originalUrl: "javascript:alert(1)" },
      error: /^originalUrl: /,
    },
    { name: "empty source", fields: { source: " " }, error: /^source: / },
    { name: "slug with capitals", fields: { slug: "Port-Reopens" }, error: /^slug: / },
    { name: "title over 300 characters", fields: { title: "x".repeat(301) }, error: /^title: / },
  ];
  for (const { name, fields, error } of invalid) {
    it(`refuses ${name}, naming the field, and gives no text to write`, () => {
      const entry = entryText(withFields(fields), BODY);
      assert.equal(entry.ok, false);
      if (entry.ok) return;
      assert.ok(
        entry.errors.some((e) => error.test(e)),
        entry.errors.join("; "),
      );
      assert.equal("text" in entry, false);
    });
  }
});

/** An entry as the import writes it, and its frontmatter block. */
function writtenEntry(): { full: string; block: string } {
  const text = entryText(FIELDS, BODY);
  assert.ok(text.ok);
  const full = text.ok ? text.text : "";
  return { full, block: full.slice(0, full.indexOf("\n---\n") + 5) };
}

describe("frontmatterBlock and frontmatterOf: reading only the head of an entry", () => {
  let entry: { full: string; block: string };
  before(() => {
    entry = writtenEntry();
  });
  // Heads and blocks are read from the entry when each test runs.
  const cases: { name: string; head: () => string; block: () => string | null }[] = [
    { name: "the whole file", head: () => entry.full, block: () => entry.block },
    { name: "exactly the frontmatter", head: () => entry.block, block: () => entry.block },
    { name: "cut inside the frontmatter", head: () => entry.full.slice(0, 50), block: () => null },
    { name: "a file with no frontmatter", head: () => "Just text.\n", block: () => "" },
    {
      name: "CRLF line endings",
      head: () => "---\r\nsha256: abc\r\n---\r\nText",
      block: () => "---\r\nsha256: abc\r\n---\r\n",
    },
  ];
  for (const { name, head, block } of cases) {
    it(name, () => assert.equal(frontmatterBlock(head()), block()));
  }
  it("frontmatterOf gives the fields of the block", () => {
    assert.deepEqual(frontmatterOf(entry.block), { ...FIELDS });
  });
});

describe("existingFieldsOf: what a scan needs from an entry's frontmatter", () => {
  let written: string;
  before(() => {
    written = writtenEntry().block;
  });
  const key = { sha256: FIELDS.sha256, date: FIELDS.date, slug: FIELDS.slug };
  // Blocks are built when each test runs.
  const cases: { name: string; block: () => string; fields: Record<string, unknown> }[] = [
    { name: "an entry as the import writes it", block: () => written, fields: key },
    {
      name: "an entry with aliases, read as YAML",
      block: () => written.replace("sha256:", "aliases:\n  - /articles/2019/12/10/old/\nsha256:"),
      fields: { ...FIELDS, aliases: ["/articles/2019/12/10/old/"] },
    },
    {
      name: "an unquoted date, read as YAML (a Date)",
      block: () => "---\ndate: 2019-12-11\nslug: x\nsha256: abc\n---\n",
      fields: { date: new Date("2019-12-11T00:00:00Z"), slug: "x", sha256: "abc" },
    },
    {
      name: "a double-quoted slug, read as YAML",
      block: () => `---\nslug: "x"\ndate: '2019-12-11'\nsha256: ${"a".repeat(64)}\n---\n`,
      fields: { slug: "x", date: "2019-12-11", sha256: "a".repeat(64) },
    },
  ];
  for (const { name, block, fields } of cases) {
    it(name, () => {
      const actual = existingFieldsOf(block());
      for (const [field, value] of Object.entries(fields))
        assert.deepEqual(actual[field as keyof typeof actual], value, field);
    });
  }
  it("no frontmatter: no fields, so the file is no one's duplicate yet its name stays taken", () => {
    const fields = existingFieldsOf("");
    assert.deepEqual(fields, {});
    const index = emptyArchiveContents();
    addExistingEntry(index, "2019/12/11/port-reopens", fields);
    assert.deepEqual(
      planImport(index, { date: "2019-12-11", slug: "port-reopens", sha256: SHA_A }),
      {
        status: "imported",
        slug: "port-reopens-2",
        key: "2019/12/11/port-reopens-2",
        permalink: "/articles/2019/12/11/port-reopens-2/",
        originalInPlace: false,
      },
    );
  });
  it("throws on YAML the site could not read either (a key written twice)", () => {
    assert.throws(
      () => existingFieldsOf("---\nslug: x\nslug: y\ndate: '2019-12-11'\nsha256: abc\n---\n"),
      /duplicated mapping key/,
    );
  });
});
