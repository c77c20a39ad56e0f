import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  bodyOfEntry,
  firstSentence,
  paragraphsOf,
  readingMinutes,
  truncateAtWord,
} from "../../src/lib/article-text.ts";

describe("article text", () => {
  test("paragraphs split on blank lines, CRLF and whitespace-only lines included", () => {
    assert.deepEqual(paragraphsOf("One.\r\n\r\nTwo\nlines.\n  \nThree <b>{x}</b>\n\n\n"), [
      "One.",
      "Two\nlines.",
      "Three <b>{x}</b>",
    ]);
  });

  const sentences: [string, string, string][] = [
    ["ends at a full stop", "First one. Second one.", "First one."],
    ["skips initials", "Mr. J. Smith met Dr. Ali. Then left.", "Mr. J. Smith met Dr. Ali."],
    ["skips abbreviated months", "Baku, Aug. 8 was hot. Yes.", "Baku, Aug. 8 was hot."],
    ["keeps decimals", "It grew 2.5 percent. Then fell.", "It grew 2.5 percent."],
    ["question mark", "Who knew? Nobody.", "Who knew?"],
    ["no end mark", "No full stop here", "No full stop here"],
  ];
  for (const [name, text, expected] of sentences) {
    test(`first sentence ${name}`, () => assert.equal(firstSentence(text), expected));
  }

  test("truncates at a word boundary with an ellipsis", () => {
    assert.equal(truncateAtWord("alpha beta gamma delta", 12), "alpha beta…");
    assert.equal(firstSentence("word ".repeat(100), 20).length <= 20, true);
  });

  test("reading time is at least a minute", () => {
    assert.equal(readingMinutes("a few words"), 1);
    assert.equal(readingMinutes("word ".repeat(2300)), 10);
  });
});

describe("entry bodies", () => {
  const table: [string, string, string][] = [
    ["after the frontmatter", "---\ntitle: x\n---\nOne.\n\nTwo.\n", "One.\n\nTwo.\n"],
    ["CRLF frontmatter", "---\r\ntitle: x\r\n---\r\nBody", "Body"],
    ["a --- line in the body stays", "---\na: 1\n---\nText\n---\nMore", "Text\n---\nMore"],
    ["no frontmatter", "Just text", "Just text"],
  ];
  for (const [name, text, body] of table) {
    test(name, () => assert.equal(bodyOfEntry(text), body));
  }
});
