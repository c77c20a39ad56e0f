import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  displayQuery,
  looseGroups,
  parseQuery,
  planQuery,
  type QueryPlan,
} from "../../../src/lib/search/query.ts";

describe("parseQuery", () => {
  const table: [string, string, { words: string[]; phrases: string[] }][] = [
    ["empty", "", { words: [], phrases: [] }],
    ["blank", "   ", { words: [], phrases: [] }],
    ["one word", "Aliyev", { words: ["Aliyev"], phrases: [] }],
    [
      "words, any spacing",
      "  military   cooperation ",
      { words: ["military", "cooperation"], phrases: [] },
    ],
    ["hyphenated word splits", "JF-17", { words: ["JF", "17"], phrases: [] }],
    ["letters then digits split", "JF17 G20", { words: ["JF", "17", "G", "20"], phrases: [] }],
    ["digits then letters stay", "1990s 5G", { words: ["1990s", "5G"], phrases: [] }],
    ["two hyphens", "Nagorno-Karabakh", { words: ["Nagorno", "Karabakh"], phrases: [] }],
    [
      "en dash and slash split",
      "2019–2020 JF/17",
      { words: ["2019", "2020", "JF", "17"], phrases: [] },
    ],
    [
      "surrounding punctuation dropped",
      "(Baku), Ganja!",
      { words: ["Baku", "Ganja"], phrases: [] },
    ],
    ["apostrophe kept inside", "Pakistan's", { words: ["Pakistan's"], phrases: [] }],
    ["lone punctuation dropped", "- , .", { words: [], phrases: [] }],
    ["phrase", '"military cooperation"', { words: [], phrases: ["military cooperation"] }],
    ["phrase keeps hyphen", '"JF-17 Thunder"', { words: [], phrases: ["JF-17 Thunder"] }],
    ["phrase and words", '"Ilham Aliyev" Putin', { words: ["Putin"], phrases: ["Ilham Aliyev"] }],
    [
      "typographic quotes",
      "“military cooperation” Pakistan",
      { words: ["Pakistan"], phrases: ["military cooperation"] },
    ],
    [
      "unclosed quote runs to the end",
      'talks "military coop',
      { words: ["talks"], phrases: ["military coop"] },
    ],
    ["empty quotes ignored", 'a "" b', { words: ["a", "b"], phrases: [] }],
    ["two phrases", '"a b" "c d"', { words: [], phrases: ["a b", "c d"] }],
    ["Azerbaijani letters kept", "Şəhriyar Ağayev", { words: ["Şəhriyar", "Ağayev"], phrases: [] }],
  ];
  for (const [name, raw, expected] of table) {
    test(`${name}: ${JSON.stringify(raw)}`, () => {
      const parsed = parseQuery(raw);
      assert.deepEqual({ words: parsed.words, phrases: parsed.phrases }, expected);
    });
  }

  test("groups keep a hyphenated word together", () => {
    assert.deepEqual(parseQuery("JF-17 Thunder").groups, [["JF", "17"], ["Thunder"]]);
    assert.deepEqual(parseQuery("JF17").groups, [["JF", "17"]]);
    assert.deepEqual(looseGroups("a-b/c d"), [["a", "b", "c"], ["d"]]);
  });
});

describe("planQuery", () => {
  const table: [string, string, QueryPlan][] = [
    ["nothing: browse by filters", "", { kind: "browse" }],
    ["words", "military cooperation", { kind: "words", term: "military cooperation" }],
    ["hyphen becomes a space", "JF-17", { kind: "words", term: "JF 17" }],
    ["so does a letter-digit join", "JF17", { kind: "words", term: "JF 17" }],
    ["one phrase: exact mode", '"JF-17 Thunder"', { kind: "phrase", term: '"JF-17 Thunder"' }],
    [
      "phrase and words: all words, then each phrase",
      '"Ilham Aliyev" Putin',
      { kind: "mixed", term: "Ilham Aliyev Putin", phrases: ['"Ilham Aliyev"'] },
    ],
    [
      "two phrases",
      '"a b" "c-d e"',
      { kind: "mixed", term: "a b c d e", phrases: ['"a b"', '"c-d e"'] },
    ],
  ];
  for (const [name, raw, expected] of table) {
    test(`${name}: ${JSON.stringify(raw)}`, () =>
      assert.deepEqual(planQuery(parseQuery(raw)), expected));
  }
});

describe("displayQuery", () => {
  test("trims and collapses whitespace", () =>
    assert.equal(displayQuery("  JF-17\n  Thunder "), "JF-17 Thunder"));
});
