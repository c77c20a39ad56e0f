import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { highlightRanges, mergeRanges, stem } from "../../../src/lib/search/highlight.ts";

/** The text with each highlighted range in [brackets]. */
function marked(text: string, query: string): string {
  let out = "";
  let at = 0;
  for (const { start, end } of highlightRanges(text, query)) {
    out += `${text.slice(at, start)}[${text.slice(start, end)}]`;
    at = end;
  }
  return out + text.slice(at);
}

describe("highlightRanges", () => {
  const table: [string, string, string, string][] = [
    ["a word, any case", "Pakistan and pakistan", "PAKISTAN", "[Pakistan] and [pakistan]"],
    [
      "the start of longer words",
      "cooperation, cooperate",
      "cooperat",
      "[cooperation], [cooperate]",
    ],
    [
      "English suffixes",
      "He discussed; they discuss",
      "discussed",
      "He [discussed]; they [discuss]",
    ],
    ["hyphenated query marks the whole token", "the JF-17 Thunder", "JF-17", "the [JF-17] Thunder"],
    ["hyphenated query, spaced text", "the JF 17 was", "JF-17", "the [JF 17] was"],
    ["hyphenated query, joined text", "a JF17 jet", "JF-17", "a [JF17] jet"],
    ["joined query, hyphenated text", "the JF-17 jet", "JF17", "the [JF-17] jet"],
    ["joined query, spaced text", "the JF 17 was", "JF17", "the [JF 17] was"],
    ["spaced query marks parts", "the JF-17 jet", "JF 17", "the [JF-17] jet"],
    ["no stray numbers for a hyphenated query", "JF-17 on 17 May", "JF-17", "[JF-17] on 17 May"],
    [
      "Nagorno-Karabakh both ways",
      "Nagorno Karabakh, Nagorno-Karabakh",
      "Nagorno-Karabakh",
      "[Nagorno Karabakh], [Nagorno-Karabakh]",
    ],
    [
      "Azerbaijani letters typed plain",
      "Şəhriyar Ağayev in Bakı",
      "Sehriyar Agayev Baki",
      "[Şəhriyar] [Ağayev] in [Bakı]",
    ],
    ["English-style spelling", "Şəhriyar Ağayev", "Shahriyar Aghayev", "[Şəhriyar] [Ağayev]"],
    ["Azerbaijani letters typed", "Əliyev said", "Əliyev", "[Əliyev] said"],
    [
      "a phrase word for word",
      "military cooperation and cooperation military",
      '"military cooperation"',
      "[military cooperation] and cooperation military",
    ],
    [
      "a phrase with a hyphenated word",
      "the JF-17 Thunder flew",
      '"JF-17 Thunder"',
      "the [JF-17 Thunder] flew",
    ],
    [
      "a phrase does not match prefixes",
      "military cooperative",
      '"military cooperation"',
      "military cooperative",
    ],
    [
      "phrase and words",
      "Ilham Aliyev met Putin. Aliyev",
      '"Ilham Aliyev" Putin',
      "[Ilham Aliyev] met [Putin]. Aliyev",
    ],
    [
      "either side of OR, not the operator",
      "Baku or Moscow, not Ganja",
      "Baku OR Moscow",
      "[Baku] or [Moscow], not Ganja",
    ],
    [
      "not excluded words or phrases",
      "Hasanov praised Pakistan; Hasanov met India",
      'Pakistan -Hasanov NOT India -"Hasanov met"',
      "Hasanov praised [Pakistan]; Hasanov met India",
    ],
    [
      "not fields",
      "Trend reports from Azernews in 2019",
      "reports source:Trend author:Azernews year:2019",
      "Trend [reports] from Azernews in 2019",
    ],
    ["a hyphenated word stays one", "JF-17 jets", "JF-17", "[JF-17] jets"],
    ["nothing to mark", "nothing here", "absent", "nothing here"],
    ["empty query", "text", "  ", "text"],
  ];
  for (const [name, text, query, expected] of table) {
    test(`${name}: ${query}`, () => assert.equal(marked(text, query), expected));
  }
});

describe("helpers", () => {
  test("stem keeps short words", () => {
    assert.equal(stem("discussed"), "discuss");
    assert.equal(stem("bus"), "bus");
    assert.equal(stem("jf"), "jf");
  });
  test("mergeRanges joins overlapping ranges", () => {
    assert.deepEqual(
      mergeRanges([
        { start: 5, end: 9 },
        { start: 0, end: 3 },
        { start: 2, end: 4 },
        { start: 9, end: 12 },
      ]),
      [
        { start: 0, end: 4 },
        { start: 5, end: 12 },
      ],
    );
  });
});
