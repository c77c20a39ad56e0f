import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { HIGHLIGHT_PARAM, highlightedPath, searchPathFor } from "../../../src/lib/permalink.ts";
import {
  effectiveSort,
  emptyState,
  hasCriteria,
  parseSearchState,
  sameState,
  searchStateEntries,
  searchTitle,
  toggleFacetValue,
  type SearchState,
} from "../../../src/lib/search/state.ts";

const state = (
  overrides: Omit<Partial<SearchState>, "facets"> & { facets?: Partial<SearchState["facets"]> },
): SearchState => {
  const base = emptyState();
  return { ...base, ...overrides, facets: { ...base.facets, ...overrides.facets } };
};

describe("search state in the URL", () => {
  const table: [string, string, SearchState, string][] = [
    ["empty", "", emptyState(), "/search/"],
    ["query only", "?q=JF-17", state({ q: "JF-17" }), "/search/?q=JF-17"],
    [
      "the issue's example",
      "?q=JF-17&source=Azernews&from=2019-01&to=2019-12&sort=newest",
      state({
        q: "JF-17",
        facets: { source: ["Azernews"] },
        from: "2019-01",
        to: "2019-12",
        sort: "newest",
      }),
      "/search/?q=JF-17&source=Azernews&from=2019-01&to=2019-12&sort=newest",
    ],
    [
      "several values of a facet, parameters reordered",
      "?sort=oldest&author=B&q=x&source=A&author=A&year=2019&language=az&section=Politics",
      state({
        q: "x",
        facets: {
          source: ["A"],
          author: ["B", "A"],
          year: ["2019"],
          language: ["az"],
          section: ["Politics"],
        },
        sort: "oldest",
      }),
      "/search/?q=x&source=A&author=B&author=A&year=2019&language=az&section=Politics&sort=oldest",
    ],
    [
      "Azerbaijani letters and spaces",
      "?q=%C5%9E%C9%99hriyar+A%C4%9Fayev&author=%C5%9E%C9%99hriyar+A%C4%9Fayev",
      state({ q: "Şəhriyar Ağayev", facets: { author: ["Şəhriyar Ağayev"] } }),
      "/search/?q=%C5%9E%C9%99hriyar+A%C4%9Fayev&author=%C5%9E%C9%99hriyar+A%C4%9Fayev",
    ],
    [
      "quotes survive",
      "?q=%22military+cooperation%22",
      state({ q: '"military cooperation"' }),
      "/search/?q=%22military+cooperation%22",
    ],
    [
      "defaults, blanks, duplicates and unknown parameters dropped",
      "?q=&sort=relevance&source=A&source=A&source=&from=+&highlight=x&page=2",
      state({ facets: { source: ["A"] } }),
      "/search/?source=A",
    ],
    ["unknown sort falls back to relevance", "?q=a&sort=random", state({ q: "a" }), "/search/?q=a"],
  ];
  for (const [name, query, expected, url] of table) {
    test(`${name}: ${query || "(none)"}`, () => {
      const parsed = parseSearchState(query);
      assert.deepEqual(parsed, expected);
      assert.equal(searchPathFor(searchStateEntries(parsed)), url);
      assert.deepEqual(parseSearchState(url.replace(/^\/search\//, "")), expected, "round trip");
    });
  }

  test("the query is trimmed in the URL but kept as typed in the state", () => {
    assert.equal(searchPathFor(searchStateEntries(state({ q: "  JF-17 " }))), "/search/?q=JF-17");
    assert.ok(sameState(state({ q: " a " }), state({ q: "a" })));
  });
});

describe("search state helpers", () => {
  test("criteria: words, facets or dates", () => {
    assert.equal(hasCriteria(emptyState()), false);
    assert.equal(hasCriteria(state({ q: "  " })), false);
    assert.equal(hasCriteria(state({ q: "a" })), true);
    assert.equal(hasCriteria(state({ facets: { year: ["2019"] } })), true);
    assert.equal(hasCriteria(state({ to: "2019" })), true);
  });

  const sorts: [SearchState["sort"], boolean, SearchState["sort"]][] = [
    ["relevance", true, "relevance"],
    ["relevance", false, "newest"],
    ["newest", true, "newest"],
    ["oldest", false, "oldest"],
  ];
  for (const [sort, words, effective] of sorts) {
    test(`sort ${sort} ${words ? "with" : "without"} words: ${effective}`, () => {
      assert.equal(effectiveSort(state({ sort }), words), effective);
    });
  }

  const titles: [string, string][] = [
    ["", "Search"],
    ["JF-17", "“JF-17” – Search"],
    ["  military \n cooperation ", "“military cooperation” – Search"],
  ];
  for (const [q, title] of titles) {
    test(`title for ${JSON.stringify(q)}: ${title}`, () =>
      assert.equal(searchTitle(state({ q })), title));
  }

  test("toggling a facet value adds it at the end or removes it", () => {
    const one = toggleFacetValue(emptyState(), "source", "A", true);
    const two = toggleFacetValue(one, "source", "B", true);
    assert.deepEqual(two.facets.source, ["A", "B"]);
    assert.deepEqual(toggleFacetValue(two, "source", "A", false).facets.source, ["B"]);
    assert.deepEqual(toggleFacetValue(two, "source", "A", true).facets.source, ["B", "A"]);
    assert.deepEqual(emptyState().facets.source, [], "the original is unchanged");
  });
});

describe("highlightedPath", () => {
  const table: [string, string, string][] = [
    ["/articles/2019/12/11/x/", "JF-17", "/articles/2019/12/11/x/?highlight=JF-17"],
    [
      "/articles/2019/12/11/x/",
      '"military cooperation"  Pakistan ',
      "/articles/2019/12/11/x/?highlight=%22military+cooperation%22+Pakistan",
    ],
    ["/articles/2019/12/11/x/", "Şəki", "/articles/2019/12/11/x/?highlight=%C5%9E%C9%99ki"],
    ["/articles/2019/12/11/x/", "  ", "/articles/2019/12/11/x/"],
    ["/a/?p=1#top", "x", "/a/?p=1&highlight=x#top"],
  ];
  for (const [path, q, expected] of table) {
    test(`${path} + ${JSON.stringify(q)}`, () => assert.equal(highlightedPath(path, q), expected));
  }
});

test("the article page's inline loader looks for the same parameter", () => {
  // The loader is inlined into every article page, so it imports nothing and spells it out.
  const loader = readFileSync(
    new URL("../../../src/components/SearchHighlight.astro", import.meta.url),
    "utf8",
  );
  assert.ok(loader.includes(`has("${HIGHLIGHT_PARAM}")`));
});
