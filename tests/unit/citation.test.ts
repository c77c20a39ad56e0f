import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  apaCitation,
  chicagoCitation,
  citationInputFor,
  citationText,
  initials,
  invertedName,
  mlaCitation,
  parseName,
  type CitationInput,
} from "../../src/lib/citation.ts";
import {
  bibtex,
  bibtexEscape,
  citationFileText,
  citationKey,
  cslItem,
  cslJson,
  ris,
} from "../../src/lib/citation-files.ts";

const URL_ =
  "https://archive.example/articles/2019/12/11/azerbaijan-and-pakistan-discuss-military-cooperation/";

const seed: CitationInput = {
  title: "Azerbaijan and Pakistan discuss military cooperation",
  date: "2019-12-11",
  source: "Azernews",
  authors: ["Ofeliya Afandiyeva"],
  section: "Politics",
  language: "en",
  url: URL_,
  originalUrl: "http://www.today.az/news/politics/189074.html",
  archive: "News Archive",
};
const two = { ...seed, authors: ["Ofeliya Afandiyeva", "John Smith"] };
const three = { ...seed, authors: ["Ofeliya Afandiyeva", "John Smith", "Ann Lee"] };
const none = { ...seed, authors: [] };

describe("names", () => {
  const table: [string, { family: string; given: string }, string, string][] = [
    ["Ofeliya Afandiyeva", { family: "Afandiyeva", given: "Ofeliya" }, "Afandiyeva, Ofeliya", "O."],
    ["Smith, John", { family: "Smith", given: "John" }, "Smith, John", "J."],
    ["Mary Ann  Evans", { family: "Evans", given: "Mary Ann" }, "Evans, Mary Ann", "M. A."],
    ["Jean-Paul Sartre", { family: "Sartre", given: "Jean-Paul" }, "Sartre, Jean-Paul", "J.-P."],
    ["Reuters", { family: "Reuters", given: "" }, "Reuters", ""],
    ["Şəhriyar Əliyev", { family: "Əliyev", given: "Şəhriyar" }, "Əliyev, Şəhriyar", "Ş."],
  ];
  for (const [name, parsed, inverted, init] of table) {
    test(`${name} -> ${inverted}`, () => {
      assert.deepEqual(parseName(name), parsed);
      assert.equal(invertedName(name), inverted);
      assert.equal(initials(parsed.given), init);
    });
  }
});

describe("citation strings", () => {
  const table: [string, () => string, string][] = [
    [
      "APA, one author",
      () => citationText(apaCitation(seed)),
      `Afandiyeva, O. (2019, December 11). Azerbaijan and Pakistan discuss military cooperation. Azernews. ${URL_}`,
    ],
    [
      "APA, two authors",
      () => citationText(apaCitation(two)),
      `Afandiyeva, O., & Smith, J. (2019, December 11). Azerbaijan and Pakistan discuss military cooperation. Azernews. ${URL_}`,
    ],
    [
      "APA, three authors",
      () => citationText(apaCitation(three)).split(" (")[0]!,
      "Afandiyeva, O., Smith, J., & Lee, A.",
    ],
    [
      "APA, no author: the headline leads",
      () => citationText(apaCitation(none)),
      `Azerbaijan and Pakistan discuss military cooperation. (2019, December 11). Azernews. ${URL_}`,
    ],
    [
      "MLA, the archive as second container",
      () => citationText(mlaCitation(seed)),
      "Afandiyeva, Ofeliya. “Azerbaijan and Pakistan discuss military cooperation.” Azernews, 11 Dec. 2019. News Archive, archive.example/articles/2019/12/11/azerbaijan-and-pakistan-discuss-military-cooperation/.",
    ],
    [
      "MLA, two authors",
      () => citationText(mlaCitation(two)).split(" “")[0]!,
      "Afandiyeva, Ofeliya, and John Smith.",
    ],
    [
      "MLA, three authors",
      () => citationText(mlaCitation(three)).split(" “")[0]!,
      "Afandiyeva, Ofeliya, et al.",
    ],
    [
      "MLA, no author",
      () => citationText(mlaCitation(none)).split(" Azernews")[0]!,
      "“Azerbaijan and Pakistan discuss military cooperation.”",
    ],
    [
      "MLA, September abbreviated as Sept.",
      () => citationText(mlaCitation({ ...seed, date: "2020-09-03" })).match(/\d+ \S+ \d{4}/)![0],
      "3 Sept. 2020",
    ],
    [
      "Chicago, one author",
      () => citationText(chicagoCitation(seed)),
      `Afandiyeva, Ofeliya. “Azerbaijan and Pakistan discuss military cooperation.” Azernews, December 11, 2019. ${URL_}.`,
    ],
    [
      "Chicago, two authors",
      () => citationText(chicagoCitation(two)).split(" “")[0]!,
      "Afandiyeva, Ofeliya, and John Smith.",
    ],
    [
      "Chicago, three authors",
      () => citationText(chicagoCitation(three)).split(" “")[0]!,
      "Afandiyeva, Ofeliya, John Smith, and Ann Lee.",
    ],
    [
      "Chicago, no author: the newspaper leads",
      () => citationText(chicagoCitation(none)),
      `Azernews. “Azerbaijan and Pakistan discuss military cooperation.” December 11, 2019. ${URL_}.`,
    ],
    [
      "a headline ending in a question mark gets no extra full stop",
      () => citationText(chicagoCitation({ ...seed, title: "Who pays?" })).split("” ")[0]!,
      "Afandiyeva, Ofeliya. “Who pays?",
    ],
  ];
  for (const [name, actual, expected] of table) test(name, () => assert.equal(actual(), expected));

  test("the newspaper and the archive are marked for italics", () => {
    assert.deepEqual(
      mlaCitation(seed)
        .filter((p) => p.emphasis)
        .map((p) => p.text),
      ["Azernews", "News Archive"],
    );
    assert.deepEqual(
      apaCitation(seed)
        .filter((p) => p.emphasis)
        .map((p) => p.text),
      ["Azernews"],
    );
  });
});

/** Minimal BibTeX reader: entry type, key and braced or bare fields, braces balanced. */
function parseBibtex(text: string): { type: string; key: string; fields: Record<string, string> } {
  const head = /^@(\w+)\{([^,\s]+),\n/.exec(text);
  assert.ok(head, "entry header");
  const fields: Record<string, string> = {};
  let rest = text.slice(head[0].length);
  for (;;) {
    const name = /^\s*(\w+)\s*=\s*/.exec(rest);
    if (!name) break;
    rest = rest.slice(name[0].length);
    let value = "";
    if (rest.startsWith("{")) {
      let depth = 0;
      let i = 0;
      for (; i < rest.length; i++) {
        if (rest[i] === "\\") {
          i++;
          continue;
        }
        if (rest[i] === "{") depth++;
        if (rest[i] === "}" && --depth === 0) break;
      }
      value = rest.slice(1, i);
      rest = rest.slice(i + 1);
    } else {
      value = /^\w+/.exec(rest)![0];
      rest = rest.slice(value.length);
    }
    fields[name[1]!] = value;
    rest = rest.replace(/^,/, "");
  }
  assert.match(rest, /^\s*\}\s*$/, "entry closes");
  return { type: head[1]!, key: head[2]!, fields };
}

describe("BibTeX", () => {
  test("a newspaper article entry with every field", () => {
    const { type, key, fields } = parseBibtex(bibtex(seed));
    assert.equal(type, "article");
    assert.equal(key, "afandiyeva2019azerbaijan");
    assert.deepEqual(fields, {
      author: "Afandiyeva, Ofeliya",
      title: "{Azerbaijan and Pakistan discuss military cooperation}",
      journal: "Azernews",
      entrysubtype: "newspaper",
      date: "2019-12-11",
      year: "2019",
      month: "dec",
      url: URL_,
      note: "Archived by News Archive",
    });
  });

  test("several authors are joined with and", () => {
    assert.equal(
      parseBibtex(bibtex(three)).fields["author"],
      "Afandiyeva, Ofeliya and Smith, John and Lee, Ann",
    );
  });

  test("no author: no author field, the key starts with the source", () => {
    const { key, fields } = parseBibtex(bibtex(none));
    assert.equal(fields["author"], undefined);
    assert.equal(key, "azernews2019azerbaijan");
  });

  test("LaTeX specials and stray braces in a headline stay balanced", () => {
    const { fields } = parseBibtex(
      bibtex({ ...seed, title: "50% of {odd} R&D_costs #1 ~ $5 ^ \\ end" }),
    );
    assert.equal(
      fields["title"],
      "{50\\% of \\{odd\\} R\\&D\\_costs \\#1 \\textasciitilde{} \\$5 \\textasciicircum{} \\textbackslash{} end}",
    );
  });

  const escapes: [string, string][] = [
    ["plain", "plain"],
    ["a\nb", "a b"],
    ["Ünïcode stays", "Ünïcode stays"],
  ];
  for (const [raw, escaped] of escapes)
    test(`escape ${JSON.stringify(raw)}`, () => assert.equal(bibtexEscape(raw), escaped));

  const keys: [Partial<CitationInput>, string][] = [
    [{}, "afandiyeva2019azerbaijan"],
    [{ authors: ["Şəhriyar Əliyev"], title: "Bakıda yeni metro" }, "eliyev2019bakida"],
    [{ authors: [], source: "Today.Az", title: "On the" }, "todayaz2019"],
    [{ authors: ["王伟"], source: "新华社", title: "新闻" }, "article2019"],
  ];
  for (const [change, key] of keys) {
    test(`key ${key}`, () => assert.equal(citationKey({ ...seed, ...change }), key));
  }
});

describe("RIS", () => {
  let lines: string[];
  before(() => {
    lines = ris(three).split("\r\n");
  });

  test("tagged lines, TY NEWS first, ER last, CRLF line ends", () => {
    assert.equal(lines[0], "TY  - NEWS");
    assert.equal(lines.at(-2), "ER  - ");
    assert.equal(lines.at(-1), "");
    for (const line of lines.slice(0, -1)) assert.match(line, /^[A-Z][A-Z0-9]  - /);
  });

  test("fields of a newspaper article", () => {
    const tagged = lines.slice(0, -1).map((l) => [l.slice(0, 2), l.slice(6)]);
    assert.deepEqual(tagged, [
      ["TY", "NEWS"],
      ["TI", "Azerbaijan and Pakistan discuss military cooperation"],
      ["AU", "Afandiyeva, Ofeliya"],
      ["AU", "Smith, John"],
      ["AU", "Lee, Ann"],
      ["T2", "Azernews"],
      ["PY", "2019"],
      ["DA", "2019/12/11/"],
      ["SE", "Politics"],
      ["LA", "en"],
      ["UR", URL_],
      ["L2", "http://www.today.az/news/politics/189074.html"],
      ["DB", "News Archive"],
      ["ER", ""],
    ]);
  });

  test("a value with line breaks stays on one line", () => {
    assert.match(ris({ ...seed, title: "Two\nlines" }), /\r\nTI  - Two lines\r\n/);
  });
});

describe("CSL-JSON", () => {
  test("an array of one article-newspaper item with the required fields", () => {
    const parsed = JSON.parse(cslJson(seed)) as Record<string, unknown>[];
    assert.equal(parsed.length, 1);
    assert.deepEqual(parsed[0], {
      id: "afandiyeva2019azerbaijan",
      type: "article-newspaper",
      title: "Azerbaijan and Pakistan discuss military cooperation",
      "container-title": "Azernews",
      author: [{ family: "Afandiyeva", given: "Ofeliya" }],
      issued: { "date-parts": [[2019, 12, 11]] },
      section: "Politics",
      language: "en",
      URL: URL_,
      archive: "News Archive",
      note: "Originally published at http://www.today.az/news/politics/189074.html",
    });
  });

  test("a one-word byline is a literal name; no byline, no author", () => {
    assert.deepEqual(cslItem({ ...seed, authors: ["Reuters"] })["author"], [
      { literal: "Reuters" },
    ]);
    assert.equal(cslItem(none)["author"], undefined);
  });
});

describe("citationInputFor and citationFileText", () => {
  const data = {
    title: seed.title,
    date: seed.date,
    source: seed.source,
    author: "Ofeliya Afandiyeva",
    slug: "azerbaijan-and-pakistan-discuss-military-cooperation",
    language: "en",
    section: "Politics",
    originalUrl: seed.originalUrl,
    sha256: "0".repeat(64),
  };

  test("frontmatter and site become a citation of the permalink", () => {
    assert.deepEqual(citationInputFor(data, "https://archive.example/", "News Archive"), seed);
  });

  test("each format has its writer", () => {
    assert.equal(citationFileText("bib", seed), bibtex(seed));
    assert.equal(citationFileText("ris", seed), ris(seed));
    assert.equal(citationFileText("json", seed), cslJson(seed));
  });
});
