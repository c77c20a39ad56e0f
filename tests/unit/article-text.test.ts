import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  bodyOfEntry,
  firstSentence,
  paragraphsOf,
  readingMinutes,
  summaryAfterTitle,
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

describe("summary after the title", () => {
  const body = [
    "Heavy snow closed three mountain roads overnight, the agency said.",
    "Crews expected to reopen two of them by the evening. More snow is due.",
  ].join("\n\n");
  const long = `${"Officials of the two ministries met in Baku on Monday to discuss ".repeat(2)}trade. The talks will go on.`;
  const table: [string, string, string, string][] = [
    [
      "a headline of its own: the first sentence",
      body,
      "Winter storm closes mountain roads",
      "Heavy snow closed three mountain roads overnight, the agency said.",
    ],
    [
      "the title is the first sentence: the next one",
      body,
      "Heavy snow closed three mountain roads overnight, the agency said.",
      "Crews expected to reopen two of them by the evening.",
    ],
    [
      "the same sentence in other case and spacing, without its full stop",
      body,
      "heavy snow closed three  mountain roads overnight, the agency said",
      "Crews expected to reopen two of them by the evening.",
    ],
    [
      "a title cut from a long first sentence with an ellipsis",
      long,
      "Officials of the two ministries met in Baku on Monday to discuss Officials of the two…",
      "The talks will go on.",
    ],
    [
      "the next sentence in the same paragraph",
      "Prices rose. Traders were calm.",
      "Prices rose.",
      "Traders were calm.",
    ],
    [
      "a first paragraph with no full stop",
      "Baku hosts the summit\n\nLeaders arrive today. Talks follow.",
      "Baku hosts the summit",
      "Leaders arrive today.",
    ],
    ["the title is all there is", "Prices rose.", "Prices rose.", ""],
    [
      "a title that only begins like the sentence",
      "Prices rose sharply on Monday. Traders were calm.",
      "Prices rose",
      "Prices rose sharply on Monday.",
    ],
  ];
  for (const [name, text, title, expected] of table) {
    test(name, () => assert.equal(summaryAfterTitle(text, title), expected));
  }

  test("the summary is cut to the length asked for", () => {
    const summary = summaryAfterTitle(`Title here. ${"word ".repeat(80)}end.`, "Title here.", 50);
    assert.ok(summary.length <= 50 && summary.endsWith("…"), summary);
  });
});
