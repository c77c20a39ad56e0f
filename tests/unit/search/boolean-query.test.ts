import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  parseBooleanQuery,
  positiveAtoms,
  type Atom,
  type BooleanQuery,
} from "../../../src/lib/search/boolean-query.ts";

/** An atom as text: a word group joined by `-`, a phrase in quotes. */
const show = (atom: Atom) => (atom.kind === "words" ? atom.group.join("-") : `"${atom.text}"`);

/** The query in short: clauses as `a|b&c` (OR of ANDs), exclusions, fields typed. */
function brief({ clauses, exclude, fields }: BooleanQuery) {
  const alternative = (atoms: Atom[]) => atoms.map(show).join("&");
  const typed = Object.entries(fields).flatMap(([field, values]) =>
    values.map((value) => `${field}:${value}`),
  );
  return {
    all: clauses.map((clause) => clause.map(alternative).join("|")),
    not: exclude.map(alternative),
    ...(typed.length ? { fields: typed } : {}),
  };
}

type Expected = { all: string[]; not: string[]; fields?: string[] };

describe("parseBooleanQuery", () => {
  const table: [string, string, Expected][] = [
    ["empty", "", { all: [], not: [] }],
    ["plain words", "military cooperation", { all: ["military", "cooperation"], not: [] }],
    [
      "the issue's example: phrase, word and exclusion mixed",
      '"military cooperation" Pakistan -India',
      { all: ['"military cooperation"', "Pakistan"], not: ["India"] },
    ],
    ["OR between words", "Pakistan OR India", { all: ["Pakistan|India"], not: [] }],
    ["| is OR too", "Pakistan | India", { all: ["Pakistan|India"], not: [] }],
    [
      "OR binds tighter than AND",
      "military cooperation OR treaty",
      { all: ["military", "cooperation|treaty"], not: [] },
    ],
    [
      "OR between phrases and words",
      '"JF-17 Thunder" OR jets OR "fighter aircraft"',
      { all: ['"JF-17 Thunder"|jets|"fighter aircraft"'], not: [] },
    ],
    ["lowercase or is a word", "Pakistan or India", { all: ["Pakistan", "or", "India"], not: [] }],
    ["AND in capitals is the default", "Baku AND Ganja", { all: ["Baku", "Ganja"], not: [] }],
    ["OR at the end is ignored", "Pakistan OR", { all: ["Pakistan"], not: [] }],
    ["OR at the start is ignored", "OR Pakistan", { all: ["Pakistan"], not: [] }],
    ["OR twice is once", "a OR OR b", { all: ["a|b"], not: [] }],
    ["OR before an exclusion is ignored", "a OR -b c", { all: ["a", "c"], not: ["b"] }],
    [
      "a parenthesised OR",
      "(Pakistan OR India) jets",
      { all: ["Pakistan|India", "jets"], not: [] },
    ],
    [
      "a group of words as one alternative",
      "(military cooperation) OR treaty",
      {
        all: ["military&cooperation|treaty"],
        not: [],
      },
    ],
    ["a group ANDed with ORs inside expands", "(a OR b) c OR d", { all: ["a|b", "c|d"], not: [] }],
    ["ORs inside a group multiply out", "x OR (a OR b c)", { all: ["x|a&c|b&c"], not: [] }],
    ["empty parentheses", "() Baku", { all: ["Baku"], not: [] }],
    [
      "an unclosed group runs to the end",
      "Baku (Ganja OR Sheki",
      { all: ["Baku", "Ganja|Sheki"], not: [] },
    ],
    ["a stray closing parenthesis", "Baku) Ganja", { all: ["Baku", "Ganja"], not: [] }],
    ["nested parentheses count as one level", "((a OR b)) c", { all: ["a|b", "c"], not: [] }],
    ["-word", "Karabakh -Moscow", { all: ["Karabakh"], not: ["Moscow"] }],
    [
      '-"a phrase"',
      'talks -"military cooperation"',
      { all: ["talks"], not: ['"military cooperation"'] },
    ],
    ["NOT before a word", "talks NOT Moscow", { all: ["talks"], not: ["Moscow"] }],
    ["NOT before a phrase", 'talks NOT "JF 17"', { all: ["talks"], not: ['"JF 17"'] }],
    ["lowercase not is a word", "talks not Moscow", { all: ["talks", "not", "Moscow"], not: [] }],
    [
      "-(group) excludes each alternative",
      "talks -(Moscow OR Baku)",
      { all: ["talks"], not: ["Moscow", "Baku"] },
    ],
    [
      "-(words) excludes pages with all of them",
      "talks -(Moscow Baku)",
      { all: ["talks"], not: ["Moscow&Baku"] },
    ],
    [
      "an exclusion inside a group applies to the query",
      "a OR (b -c)",
      { all: ["a|b"], not: ["c"] },
    ],
    [
      "a hyphen inside a word stays a hyphen",
      "JF-17 Nagorno-Karabakh",
      { all: ["JF-17", "Nagorno-Karabakh"], not: [] },
    ],
    ["a hyphenated word excluded", "jets -JF-17", { all: ["jets"], not: ["JF-17"] }],
    ["a lone - is ignored", "Baku - Ganja", { all: ["Baku", "Ganja"], not: [] }],
    ["a lone - at the end", "Baku -", { all: ["Baku"], not: [] }],
    ["NOT at the end is ignored", "Baku NOT", { all: ["Baku"], not: [] }],
    ["only an exclusion", "-Moscow", { all: [], not: ["Moscow"] }],
    [
      "an unclosed quote runs to the end",
      'Baku "military coop',
      { all: ["Baku", '"military coop"'], not: [] },
    ],
    [
      "an unclosed excluded quote",
      'Baku -"military coop',
      { all: ["Baku"], not: ['"military coop"'] },
    ],
    [
      "typographic quotes",
      "“military cooperation” OR Baku",
      { all: ['"military cooperation"|Baku'], not: [] },
    ],
    ["empty quotes are nothing", '"" Baku', { all: ["Baku"], not: [] }],
    ["source:", "source:Trend talks", { all: ["talks"], not: [], fields: ["source:Trend"] }],
    [
      "a quoted field value",
      'source:"Azeri Press Agency"',
      { all: [], not: [], fields: ["source:Azeri Press Agency"] },
    ],
    [
      "field names in any case",
      "Author:Hasanov YEAR:2019",
      { all: [], not: [], fields: ["author:Hasanov", "year:2019"] },
    ],
    ["a year span", "year:2015-2019", { all: [], not: [], fields: ["year:2015-2019"] }],
    ["a field without a value is ignored", "source: Baku", { all: ["Baku"], not: [] }],
    ["an unknown prefix stays a word", "note:Baku", { all: ["note:Baku"], not: [] }],
    ["an excluded field is left out", "talks -source:Trend", { all: ["talks"], not: [] }],
  ];
  for (const [name, query, expected] of table) {
    test(`${name}: ${query}`, () => {
      assert.deepEqual(brief(parseBooleanQuery(query)), expected);
    });
  }
});

describe("positiveAtoms", () => {
  test("only what a page is searched for: not exclusions, operators or fields", () => {
    const query = parseBooleanQuery('(Pakistan OR "JF-17") -India NOT Moscow source:Trend OR');
    assert.deepEqual(positiveAtoms(query).map(show), ["Pakistan", '"JF-17"']);
  });
});
