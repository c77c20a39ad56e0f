import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  articleFilesTime,
  countPageLines,
  indexTime,
  indexWait,
  pagesBuilt,
  renderedFiles,
  required,
  shardSummary,
  syncTime,
} from "../../bench/lib/build-log.ts";

// Lines as `astro build` prints them (colour codes stripped), the per-file lines included.
const LOG = [
  "16:01:02 [content] 9946 articles checked (9946 parsed) in 3372 ms",
  "16:01:40 ▶ src/pages/articles/[year]/[month]/[day]/[slug]/index.astro",
  "  ├─ /articles/2004/03/05/a/index.html (+12ms)",
  "  ├─ /articles/2004/03/05/b/index.html (+1.02s)",
  "  ├─ /articles/2004/03/05/c/index.html (+1m 5s)",
  "  ├─ /articles/2004/03/05/d/index.html (restored)",
  "  ├─ /articles/2004/03/05/index.html (cached)",
  "  ├─ /rss.xml (+40ms)",
  "  ├─ /atom.xml (restored)",
  "16:02:10 ✓ Completed in 30.01s.",
  "16:02:31 [news-archive:pagefind] Indexed 9946 pages in 21003 ms: 2 shard(s), 1 indexed, 1 reused; up to 2 at once in 18078 MB; the build waited 4210 ms for it beside its other steps",
  "16:02:41 [news-archive:article-files] Wrote original.txt and citations of 9946 articles in 10236 ms (0 unchanged)",
  "16:02:42 [build] 16995 page(s) built in 1m 21s",
].join("\n");

describe("countPageLines", () => {
  it("counts a page rendered in over a second, (+1.02s) or (+1m 5s), as rendered", () => {
    const lines = countPageLines(LOG);
    assert.deepEqual(lines.pages, { rendered: 3, restored: 2 });
  });

  it("counts files other than pages apart", () => {
    const lines = countPageLines(LOG);
    assert.equal(lines.rendered, 4);
    assert.equal(lines.restored, 3);
  });

  it("counts nothing in a log without page lines", () => {
    assert.deepEqual(countPageLines("built\n"), {
      rendered: 0,
      restored: 0,
      pages: { rendered: 0, restored: 0 },
    });
  });
});

describe("renderedFiles", () => {
  it("lists the files rendered in this build, not those restored or cached", () => {
    assert.deepEqual(renderedFiles(LOG), [
      "/articles/2004/03/05/a/index.html",
      "/articles/2004/03/05/b/index.html",
      "/articles/2004/03/05/c/index.html",
      "/rss.xml",
    ]);
  });
});

describe("times from the build's log", () => {
  it("reads the index time and pages, marked as taken from the log", () => {
    const index = indexTime(LOG);
    assert.equal(index?.seconds, 21.003);
    assert.equal(index?.pages, 9946);
    assert.equal(index?.fromLog, true);
    assert.match(index.line, /^Indexed 9946 pages in 21003 ms/);
  });

  it("reads how long of the index time the build waited for", () => {
    assert.equal(indexWait(LOG)?.seconds, 4.21);
    const older = "Indexed 9946 pages in 21003 ms: 2 shard(s), 1 indexed, 1 reused";
    assert.equal(indexWait(older), null);
  });

  it("reads the sync and article-file times", () => {
    assert.equal(syncTime(LOG)?.seconds, 3.372);
    assert.equal(articleFilesTime(LOG)?.seconds, 10.236);
  });

  it("gives null, not 0, when a line is missing", () => {
    const without = LOG.split("\n")
      .filter((line) => !/Indexed|checked|Wrote/.test(line))
      .join("\n");
    assert.equal(indexTime(without), null);
    assert.equal(indexWait(without), null);
    assert.equal(syncTime(without), null);
    assert.equal(articleFilesTime(without), null);
    assert.equal(shardSummary(without), null);
  });

  it("reads the shard summary and Astro's closing line", () => {
    assert.equal(shardSummary(LOG), "2 shard(s), 1 indexed, 1 reused");
    assert.deepEqual(pagesBuilt(LOG), { pages: 16995, took: "1m 21s" });
  });
});

describe("required", () => {
  it("passes a figure through and stops on a missing line", () => {
    assert.equal(required(shardSummary(LOG), "index", LOG), "2 shard(s), 1 indexed, 1 reused");
    assert.throws(() => required(indexTime("built\n"), "index", "built\n"), /has no index line/);
  });
});
