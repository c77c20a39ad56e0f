import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  buildsSite,
  buildsYear,
  keepsOutput,
  ownerOfOutput,
  parseBuildArgs,
  parseSlice,
  planSlices,
  shardsOfSlice,
  sliceName,
  type BuildSlice,
} from "../../src/lib/slice.ts";

describe("parseSlice", () => {
  const valid: [string, BuildSlice, string][] = [
    ["all", { kind: "all" }, "all"],
    ["site", { kind: "site" }, "site"],
    ["2019", { kind: "years", first: "2019", last: "2019" }, "2019"],
    ["2001-2012", { kind: "years", first: "2001", last: "2012" }, "2001-2012"],
    ["2019-2019", { kind: "years", first: "2019", last: "2019" }, "2019"],
  ];
  for (const [text, slice, name] of valid) {
    test(`reads ${text}, named ${name}`, () => {
      assert.deepEqual(parseSlice(text), slice);
      assert.equal(sliceName(parseSlice(text)), name);
    });
  }

  const invalid: [string, RegExp][] = [
    ["2012-2001", /first year must not be after the last/],
    ["19", /must be a year \(2019\), a range of years \(2001-2012\), site/],
    ["2001-", /must be a year/],
    ["2001..2012", /must be a year/],
    ["Site", /must be a year/],
    ["", /must be a year/],
  ];
  for (const [text, message] of invalid) {
    test(`rejects ${JSON.stringify(text)}`, () => assert.throws(() => parseSlice(text), message));
  }
});

describe("which slice builds what", () => {
  const slices = ["all", "site", "2001-2012", "2019"].map(parseSlice);
  // [path, builds it: all, site, 2001-2012, 2019]
  const table: [string, boolean[]][] = [
    ["index.html", [true, true, false, false]],
    ["sources/trend/index.html.gz", [true, true, false, false]],
    ["articles/index.html", [true, true, false, false]],
    ["_headers", [true, true, false, false]],
    ["sitemap-0.xml", [true, true, false, false]],
    ["_astro/search.Bx1.js", [true, true, false, false]],
    ["articles/2019/index.html", [true, false, false, true]],
    ["articles/2019/12/11/slug/original.txt", [true, false, false, true]],
    ["articles/2001/01/01/slug/cite.bib", [true, false, true, false]],
    ["articles/2012/12/index.html", [true, false, true, false]],
    ["articles/2013/index.html", [true, false, false, false]],
    ["pagefind/pagefind.js", [true, false, true, true]],
    ["pagefind/year-2019/pagefind-entry.json", [true, false, true, true]],
    ["data/articles-2019.jsonl.gz", [true, false, false, true]],
    ["data/articles-2005.jsonl.gz", [true, false, true, false]],
    ["data/articles.csv", [true, false, false, false]],
    ["data/datapackage.json.gz", [true, false, false, false]],
    ["data/index.html", [true, true, false, false]],
    // Pages as Astro names them, for the record's page list.
    ["", [true, true, false, false]],
    ["articles/2019/12/", [true, false, false, true]],
  ];
  for (const [path, expected] of table) {
    test(`${path || "(home)"}: ${expected.join(", ")}`, () => {
      assert.deepEqual(
        slices.map((slice) => keepsOutput(slice, path)),
        expected,
      );
    });
  }

  test("owners of output files", () => {
    assert.deepEqual(ownerOfOutput("/articles/2019/12/"), { year: "2019" });
    assert.equal(ownerOfOutput("pagefind/search-shards.json"), "search");
    assert.equal(ownerOfOutput("articles/"), "site");
    assert.deepEqual(ownerOfOutput("data/articles-2019.jsonl.gz"), { year: "2019" });
    assert.equal(ownerOfOutput("data/articles.csv.gz"), "dataset");
  });

  test("years and the site", () => {
    const [all, site, range] = slices as [BuildSlice, BuildSlice, BuildSlice];
    assert.deepEqual(
      ["2000", "2001", "2012", "2013"].map((year) => buildsYear(range, year)),
      [false, true, true, false],
    );
    assert.equal(buildsYear(all, "1950"), true);
    assert.equal(buildsYear(site, "2019"), false);
    assert.deepEqual([all, site, range].map(buildsSite), [true, true, false]);
  });
});

describe("shardsOfSlice", () => {
  const shards = [
    { years: ["2001", "2002", "2003"] },
    { years: ["2004", "2005"] },
    { years: ["2006"] },
  ];
  const table: [string, string[][]][] = [
    ["all", [["2001", "2002", "2003"], ["2004", "2005"], ["2006"]]],
    ["site", []],
    ["2001-2003", [["2001", "2002", "2003"]]],
    [
      "1990-2005",
      [
        ["2001", "2002", "2003"],
        ["2004", "2005"],
      ],
    ],
    ["2004-2030", [["2004", "2005"], ["2006"]]],
    ["2007-2010", []],
  ];
  for (const [slice, expected] of table) {
    test(`--slice ${slice}`, () => {
      assert.deepEqual(
        shardsOfSlice(parseSlice(slice), shards).map((shard) => shard.years),
        expected,
      );
    });
  }

  for (const [slice, shard] of [
    ["2002-2005", "2001-2003"],
    ["2004", "2004-2005"],
    ["2005-2006", "2004-2005"],
  ]) {
    test(`--slice ${slice} splits the shard of ${shard}: an error saying what fits`, () => {
      assert.throws(
        () => shardsOfSlice(parseSlice(slice!), shards),
        new RegExp(
          `--slice ${slice} splits the search shard of ${shard}.*shards of this archive are ` +
            `2001-2003, 2004-2005, 2006`,
        ),
      );
    });
  }
});

describe("planSlices", () => {
  const shard = (years: string, pages: number) => ({ years: years.split(","), pages });
  const table: [string, ReturnType<typeof shard>[], number, string[]][] = [
    ["no articles, no year slice", [], 4, []],
    [
      "one job: one slice of every year",
      [shard("2001,2002", 10), shard("2003", 5)],
      1,
      ["2001-2003"],
    ],
    [
      "a slice per shard when jobs are many",
      [shard("2001,2002", 10), shard("2003", 5)],
      8,
      ["2001-2002", "2003"],
    ],
    [
      "equal shares of the articles, cut between shards",
      [shard("2001", 10), shard("2002", 10), shard("2003", 10), shard("2004", 10)],
      2,
      ["2001-2002", "2003-2004"],
    ],
    [
      "a large shard gets a slice of its own",
      [shard("2001", 2), shard("2002", 2), shard("2003", 30), shard("2004", 2)],
      3,
      ["2001-2002", "2003", "2004"],
    ],
  ];
  for (const [name, shards, jobs, expected] of table) {
    test(name, () => assert.deepEqual(planSlices(shards, jobs), expected));
  }

  test("never more slices than jobs, never a shard split", () => {
    const shards = Array.from({ length: 30 }, (_, i) =>
      shard(String(1990 + i), ((i * 7) % 11) + 1),
    );
    for (let jobs = 1; jobs <= 12; jobs++) {
      const slices = planSlices(shards, jobs).map(parseSlice);
      assert.ok(slices.length <= jobs);
      for (const slice of slices) shardsOfSlice(slice, shards);
      const covered = shards.filter((s) => slices.some((slice) => buildsYear(slice, s.years[0]!)));
      assert.equal(covered.length, shards.length);
    }
  });
});

describe("parseBuildArgs", () => {
  const table: [string[], { slice?: string; rest: string[] }][] = [
    [[], { rest: [] }],
    [["--slice", "2001-2012"], { slice: "2001-2012", rest: [] }],
    [["--slice=site"], { slice: "site", rest: [] }],
    [
      ["--verbose", "--slice", "2019", "--force"],
      { slice: "2019", rest: ["--verbose", "--force"] },
    ],
  ];
  for (const [args, expected] of table) {
    test(`reads ${JSON.stringify(args)}`, () => assert.deepEqual(parseBuildArgs(args), expected));
  }

  const invalid: [string[], RegExp][] = [
    [["--slice"], /--slice needs a year/],
    [["--slice="], /--slice needs a year/],
    [["--slice", "2012-2001"], /first year must not be after/],
    [["--slice", "2019", "--slice", "site"], /--slice given twice/],
  ];
  for (const [args, message] of invalid) {
    test(`rejects ${JSON.stringify(args)}`, () =>
      assert.throws(() => parseBuildArgs(args), message));
  }
});
