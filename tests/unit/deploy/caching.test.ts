import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  cacheControlFor,
  IMMUTABLE,
  isGzipDownload,
  isPrecompressed,
  PRECOMPRESS_MIN_BYTES,
  REVALIDATE,
} from "../../../src/lib/deploy/caching.ts";

describe("cache rules", () => {
  test("hashed files are immutable; pages, the search manifest and entry revalidate", () => {
    const table: [string, string][] = [
      ["/_astro/BaseLayout.CMiOFrMZ.css", IMMUTABLE],
      ["/pagefind/fragment/en_9aed970.pf_fragment", IMMUTABLE],
      ["/pagefind/year-2021/index/en_36d2c80.pf_index", IMMUTABLE],
      ["/pagefind/pagefind.en_356428125d.pf_meta", IMMUTABLE],
      ["/pagefind/search-shards.json", REVALIDATE],
      ["/pagefind/pagefind-entry.json", REVALIDATE],
      ["/pagefind/wasm.en.pagefind", REVALIDATE],
      ["/articles/2019/12/11/a-slug/", REVALIDATE],
      // The dataset keeps its names from build to build: a changed year must be fetched again.
      ["/data/articles-2019.jsonl.gz", REVALIDATE],
      ["/data/articles.csv", REVALIDATE],
      ["/data/datapackage.json", REVALIDATE],
      ["/", REVALIDATE],
    ];
    for (const [path, expected] of table) assert.equal(cacheControlFor(path), expected, path);
  });

  test("the text files pages load get a .gz copy; original.txt, tiny files and gzip files do not", () => {
    const large = PRECOMPRESS_MIN_BYTES;
    for (const path of [
      "index.html",
      "a/b.css",
      "_astro/x.js",
      "rss.xml",
      "pagefind/x.json",
      "data/articles.csv",
      "data/datapackage.json",
    ])
      assert.ok(isPrecompressed(path, large), path);
    const table: [path: string, bytes: number][] = [
      // Read rarely: nginx gzips it on the fly.
      ["articles/2019/12/11/a/original.txt", 50_000],
      ["robots.txt", large],
      // Smaller than a .gz is worth: citation files, the favicon.
      ["articles/2019/12/11/a/cite.json", large - 1],
      ["favicon.svg", 179],
      // Gzip already, or not text.
      ["pagefind/fragment/en_1.pf_fragment", large],
      ["pagefind/wasm.en.pagefind", large],
      ["x.png", large],
      ["index.html.gz", large],
      ["data/articles-2019.jsonl.gz", large],
      ["_headers", large],
      [".json", large],
    ];
    for (const [path, bytes] of table) assert.ok(!isPrecompressed(path, bytes), path);
  });

  test("the dataset's .jsonl.gz files are downloads, not .gz copies of a missing file", () => {
    const table: [path: string, download: boolean][] = [
      ["data/articles-2019.jsonl.gz", true],
      ["data/articles.csv.gz", false],
      ["index.html.gz", false],
      ["articles/2019/12/11/a/original.txt.gz", false],
    ];
    for (const [path, download] of table) assert.equal(isGzipDownload(path), download, path);
  });
});
