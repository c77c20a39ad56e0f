import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { parseRedirectsFile, redirectsFile } from "../../src/lib/deploy/redirects.ts";
import type { FacetRecord } from "../../src/lib/search/facet-table.ts";
import { facetTotals } from "../../src/lib/search/facets.ts";
import type { ManifestShard, ShardManifest } from "../../src/lib/search/shards.ts";
import {
  mergedPages,
  mergeManifests,
  orderSlices,
  parseMergeArgs,
  type SliceOutput,
} from "../../src/lib/slice-merge.ts";

const output = (dir: string, slice: string, pages: string[] = [], years: string[] = []) =>
  ({ dir, record: { slice, pages, years } }) satisfies SliceOutput;
const YEARS = ["2016", "2017", "2018", "2019"];

describe("orderSlices", () => {
  test("year slices oldest first, the site slice last", () => {
    const ordered = orderSlices([
      output("c", "2018-2019", [], YEARS),
      output("s", "site", [], YEARS),
      output("a", "2016-2017", [], YEARS),
    ]);
    assert.deepEqual(
      ordered.map(({ dir }) => dir),
      ["a", "c", "s"],
    );
  });

  test("years without articles need no slice; slices may cover more years", () => {
    const years = ["2001", "2019"];
    const ordered = orderSlices([
      output("s", "site", [], years),
      output("a", "1990-2030", [], years),
    ]);
    assert.equal(ordered.length, 2);
  });

  const invalid: [string, SliceOutput[], RegExp][] = [
    [
      "no site slice",
      [output("a", "2016-2019")],
      /exactly one site slice \(--slice site\); found none/,
    ],
    [
      "two site slices",
      [output("s", "site", [], YEARS), output("t", "site", [], YEARS), output("a", "2016-2019")],
      /exactly one site slice \(--slice site\); found s, t/,
    ],
    [
      "overlapping year slices",
      [
        output("s", "site", [], YEARS),
        output("a", "2016-2018", [], YEARS),
        output("b", "2018-2019", [], YEARS),
      ],
      /Slices a \(2016-2018\) and b \(2018-2019\) overlap/,
    ],
    [
      "years no slice built",
      [output("s", "site", [], YEARS), output("a", "2016", [], YEARS)],
      /No slice built the years 2017, 2018, 2019 of the archive/,
    ],
    [
      "slices of different archives",
      [output("s", "site", [], YEARS), output("a", "2016-2019", [], ["2016", "2017"])],
      /Slices a and s were built from different archives \(years with articles: 2016, 2017; 2016, 2017, 2018, 2019\)/,
    ],
    [
      "a whole build",
      [output("s", "site", [], YEARS), output("w", "all")],
      /w is a whole build, not a slice/,
    ],
  ];
  for (const [name, outputs, message] of invalid) {
    test(`refuses ${name}`, () => assert.throws(() => orderSlices(outputs), message));
  }
});

describe("mergeManifests", () => {
  const record = (id: string, date: string, source: string, author?: string): FacetRecord => ({
    id,
    url: `/articles/${date.replaceAll("-", "/")}/${id}/`,
    date,
    facets: { source: [source], ...(author ? { author: [author] } : {}) },
  });
  const shard = (path: string, years: [string, string], pages: number): ManifestShard => ({
    path,
    years,
    pages,
    facets: `facets.${path.length}.pf_facets`,
    entry: { version: "1.6.0" },
  });
  const older = [
    record("a", "2016-02-01", "Trend", "Leyla"),
    record("b", "2017-03-01", "Azernews"),
  ];
  const middle = [record("c", "2018-01-01", "Azernews", "Kamran")];
  const newest = [record("d", "2019-05-05", "Trend", "Kamran"), record("e", "2019-06-06", "Apa")];
  const part = (dir: string, shards: ManifestShard[], records: FacetRecord[]) => ({
    dir,
    manifest: { version: 2, shards, totals: facetTotals(records) } satisfies ShardManifest,
  });

  test("is, to the byte, the manifest of one build over all the shards", () => {
    const shards = [
      shard("/pagefind/", ["2016", "2017"], 2),
      shard("/pagefind/year-2018/", ["2018", "2018"], 1),
      shard("/pagefind/year-2019/", ["2019", "2019"], 2),
    ];
    const merged = mergeManifests([
      part("a", [shards[0]!], older),
      part("b", [shards[1]!, shards[2]!], [...middle, ...newest]),
    ]);
    const whole: ShardManifest = {
      version: 2,
      shards,
      totals: facetTotals([...older, ...middle, ...newest]),
    };
    assert.equal(JSON.stringify(merged), JSON.stringify(whole));
  });

  test("no parts: no shards, nothing counted", () => {
    assert.equal(
      JSON.stringify(mergeManifests([])),
      JSON.stringify({ version: 2, shards: [], totals: facetTotals([]) }),
    );
  });

  test("refuses shards out of order or overlapping", () => {
    assert.throws(
      () =>
        mergeManifests([
          part("b", [shard("/pagefind/year-2018/", ["2018", "2018"], 1)], middle),
          part("a", [shard("/pagefind/", ["2016", "2017"], 2)], older),
        ]),
      /The search shard \/pagefind\/ of a \(2016-2017\) comes after \/pagefind\/year-2018\//,
    );
  });
});

test("mergedPages: every slice's pages once, sorted as the whole build's sitemap", () => {
  assert.deepEqual(
    mergedPages([
      output("b", "2019", ["articles/2019/", "articles/2019/01/"]),
      output("s", "site", ["", "about/", "articles/"]),
      output("a", "2018", ["articles/2018/", ""]),
    ]),
    ["", "about/", "articles/", "articles/2018/", "articles/2019/", "articles/2019/01/"],
  );
});

describe("parseMergeArgs", () => {
  const table: [string[], { out: string; dirs: string[] }][] = [
    [["a", "b"], { out: "./dist", dirs: ["a", "b"] }],
    [["--out", "site", "a"], { out: "site", dirs: ["a"] }],
    [["a", "--out=site", "b"], { out: "site", dirs: ["a", "b"] }],
  ];
  for (const [args, expected] of table) {
    test(`reads ${JSON.stringify(args)}`, () =>
      assert.deepEqual(parseMergeArgs(args, "./dist"), expected));
  }
  const invalid: [string[], RegExp][] = [
    [[], /Name the slice outputs to merge/],
    [["--out"], /--out needs a folder/],
    [["--force", "a"], /Unknown option --force/],
    [["--out", "dist/", "dist"], /The merge writes dist\/: it cannot also be a slice/],
  ];
  for (const [args, message] of invalid) {
    test(`rejects ${JSON.stringify(args)}`, () =>
      assert.throws(() => parseMergeArgs(args, "./dist"), message));
  }
});

test("parseRedirectsFile reads back what redirectsFile wrote", () => {
  const redirects = [
    { from: "/articles/2017/05/01/old/", to: "/articles/2017/05/02/new/" },
    { from: "/articles/2016/01/01/a/", to: "/articles/2016/01/02/b/" },
  ];
  assert.deepEqual(parseRedirectsFile(redirectsFile(redirects)), [redirects[1], redirects[0]]);
  assert.deepEqual(parseRedirectsFile(redirectsFile([])), []);
  assert.throws(() => parseRedirectsFile("/only-one-path\n"), /Not a redirect line/);
});
