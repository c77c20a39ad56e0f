import { describe, test } from "node:test";
import assert from "node:assert/strict";
import matter from "gray-matter";
import { validateFrontmatter, authorsOf } from "../../src/lib/article-schema.ts";

const good = {
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

describe("article frontmatter schema", () => {
  test("a good entry passes unchanged", () => {
    const result = validateFrontmatter(good);
    assert.ok(result.ok);
    assert.deepEqual(result.data, good);
  });

  test("language defaults to en; author may be a list; aliases are site paths", () => {
    const rest: Partial<typeof good> = { ...good };
    delete rest.language;
    const result = validateFrontmatter({
      ...rest,
      author: ["A. One", "B. Two"],
      aliases: ["/articles/2019/12/10/old-slug/"],
    });
    assert.ok(result.ok);
    assert.equal(result.data.language, "en");
    assert.deepEqual(authorsOf(result.data), ["A. One", "B. Two"]);
  });

  test("an unquoted YAML date stays the same calendar day", () => {
    const { data } = matter(`---\ndate: 2019-12-11\n---\n`);
    assert.ok(data["date"] instanceof Date, "YAML parses an unquoted date as a Date");
    const result = validateFrontmatter({ ...good, date: data["date"] });
    assert.ok(result.ok);
    assert.equal(result.data.date, "2019-12-11");
  });

  const bad: [string, Record<string, unknown>, RegExp][] = [
    ["missing title", { title: undefined }, /^title: /],
    ["empty title", { title: "  " }, /^title: title must not be empty/],
    ["title over 300 characters", { title: "x".repeat(301) }, /^title: title must be at most 300/],
    ["impossible date", { date: "2019-02-30" }, /^date: date must be a real calendar date/],
    ["date with a time", { date: "2019-12-11T10:00:00Z" }, /^date: /],
    ["missing source", { source: undefined }, /^source: /],
    ["empty author", { author: "" }, /^author: /],
    [
      "uppercase slug",
      { slug: "Azerbaijan-Pakistan" },
      /^slug: slug must be lowercase ASCII kebab-case/,
    ],
    ["non-ASCII slug", { slug: "şəhər" }, /^slug: /],
    ["slug over 100 characters", { slug: "a".repeat(101) }, /^slug: slug must be at most 100/],
    ["bad language tag", { language: "english!" }, /^language: language must be a BCP 47 tag/],
    ["non-http originalUrl", { originalUrl: "javascript:alert(1)" }, /^originalUrl: /],
    ["short sha256", { sha256: "abc" }, /^sha256: sha256 must be 64 lowercase hex/],
    [
      "alias not a site path",
      { aliases: ["old-slug"] },
      /^aliases\.0: each alias must be a site path/,
    ],
    ["unknown field", { tags: ["x"] }, /^frontmatter: .*tags/],
  ];
  for (const [name, change, message] of bad) {
    test(`rejects ${name}, naming the field`, () => {
      const result = validateFrontmatter({ ...good, ...change });
      assert.equal(result.ok, false);
      assert.ok(
        !result.ok && result.errors.some((e) => message.test(e)),
        JSON.stringify(!result.ok && result.errors),
      );
    });
  }
});
