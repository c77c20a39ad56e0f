import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  cacheControlFor,
  IMMUTABLE,
  isPrecompressed,
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
      ["/", REVALIDATE],
    ];
    for (const [path, expected] of table) assert.equal(cacheControlFor(path), expected, path);
  });

  test("text files get a .gz copy; Pagefind's own (already gzip) files and images do not", () => {
    for (const path of [
      "index.html",
      "a/b.css",
      "_astro/x.js",
      "cite.json",
      "rss.xml",
      "favicon.svg",
      "original.txt",
    ])
      assert.ok(isPrecompressed(path), path);
    for (const path of [
      "pagefind/fragment/en_1.pf_fragment",
      "pagefind/wasm.en.pagefind",
      "x.png",
      "index.html.gz",
      "_headers",
      ".txt",
    ])
      assert.ok(!isPrecompressed(path), path);
  });
});
