/**
 * An archive built in slices, as separate CI jobs would (README, "Building an archive too
 * large for one machine"): two year slices and the site slice, each its own
 * `npm run build -- --slice X` process, then `npm run merge`. The merged site must be, byte
 * for byte, the one `npm run build` gives, links across the slices' boundary included.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { archiveTree, NO_DIFFERENCE, treeDifference } from "../support/archive-tree.ts";
import { BUILDS_DIR, npmRun, ROOT } from "../support/build-site.ts";
import { writeFixtureArchive } from "../support/fixture-archive.ts";
import { beforeAll } from "../support/hooks.ts";
import { SLICE_ARTICLES } from "../support/slice-archive.ts";

// Shards of at most 8 articles: 2016-2017 (4 + 4), 2018, and the newest year 2019 alone. The
// older slice holds two shards (the first, with Pagefind's script, among them), the other one.
const SHARD_PAGES = "8";
const SLICES = ["2016-2018", "2019", "site"];

let root = "";
let archive = "";
const envFor = (name: string) => ({
  ARCHIVE_DIR: archive,
  OUT_DIR: join(root, name),
  CACHE_DIR: join(root, `${name}-cache`),
  SEARCH_SHARD_PAGES: SHARD_PAGES,
  SITE_URL: "https://news.example.org",
});
const out = (name: string) => join(root, name);
/** A build's files without Astro's `.prerender` folder (not part of the site). */
const siteTree = (dir: string) =>
  new Map([...archiveTree(dir)].filter(([path]) => !path.startsWith(".prerender")));

async function run(script: string, args: string[], name: string) {
  const result = await npmRun(script, args, envFor(name));
  assert.equal(result.code, 0, `npm run ${script} -- ${args.join(" ")}\n${result.output}`);
  return result;
}

const ready = beforeAll(async () => {
  await mkdir(BUILDS_DIR, { recursive: true });
  root = await mkdtemp(join(BUILDS_DIR, "slices-"));
  archive = join(root, "archive");
  await writeFixtureArchive(archive, SLICE_ARTICLES);
  await run("build", [], "whole");
  for (const slice of SLICES) await run("build", ["--slice", slice], `slice-${slice}`);
  await run(
    "merge",
    ["--out", out("merged"), ...SLICES.map((slice) => out(`slice-${slice}`))],
    "merged",
  );
});

describe("an archive built in three slices and merged", () => {
  test("gives the same files, byte for byte, as one npm run build", async () => {
    await ready();
    const merged = siteTree(out("merged"));
    const whole = siteTree(out("whole"));
    assert.deepEqual(treeDifference(merged, whole), NO_DIFFERENCE);
    // What only the whole site knows is among the files compared.
    for (const file of [
      "pagefind/search-shards.json",
      "pagefind/search-shards.json.gz",
      "sitemap-0.xml",
      "sitemap-index.xml",
      "_headers",
      "_redirects",
      "index.html.gz",
      "articles/2018/08/19/an-earlier-headline/index.html",
    ]) {
      assert.ok(merged.has(file), `${file} is in the merged site`);
    }
    const facetTables = [...merged.keys()].filter((path) => path.endsWith(".pf_facets"));
    assert.equal(facetTables.length, 3, "one facet table per shard");
    assert.match(await readFile(join(out("merged"), "_redirects"), "utf8"), /an-earlier-headline/);
  });

  test("each slice holds only its own part", () => {
    const older = siteTree(out("slice-2016-2018"));
    const site = siteTree(out("slice-site"));
    const paths = (tree: Map<string, string>) => [...tree.keys()];
    assert.ok(older.has("articles/2018/12/30/rail-link-in-2018-report-12/original.txt"));
    assert.ok(older.has("articles/2018/08/19/an-earlier-headline/index.html"), "its alias page");
    assert.ok(older.has("pagefind/pagefind.js"), "the oldest shard, with Pagefind's script");
    assert.deepEqual(
      paths(older).filter(
        (p) =>
          !/^(articles\/201[678]\/|pagefind\/|data\/articles-201[678]\.jsonl\.gz$|\.(slice|dataset)\.json$)/.test(
            p,
          ),
      ),
      [],
    );
    assert.ok(older.has("pagefind/year-2018/pagefind-entry.json"));
    assert.ok(older.has("data/articles-2018.jsonl.gz"), "its years' dataset files");
    assert.ok(!paths(older).some((p) => p.startsWith("pagefind/year-2019/")), "not 2019's shard");
    assert.ok(site.has("index.html") && site.has("sources/index.html"));
    assert.deepEqual(
      paths(site).filter((p) => /^articles\/\d{4}\/|^pagefind\/|^data\/articles/.test(p)),
      [],
    );
  });

  test("links across the slices' boundary are those of the whole build", async () => {
    // December 2018 is built by one slice, January 2019 by the other.
    const last2018 = "articles/2018/12/30/rail-link-in-2018-report-12/index.html";
    const html = await readFile(join(out("slice-2016-2018"), last2018), "utf8");
    assert.match(html, /href="\/articles\/2019\/01\/15\/spring-floods-in-2019-report-13\/"/);
    const first2019 = "articles/2019/01/15/spring-floods-in-2019-report-13/index.html";
    const newer = await readFile(join(out("slice-2019"), first2019), "utf8");
    assert.match(newer, /href="\/articles\/2018\/12\/30\/rail-link-in-2018-report-12\/"/);
    const year = await readFile(join(out("slice-2016-2018"), "articles/2018/index.html"), "utf8");
    assert.match(year, /href="\/articles\/2019\/"/);
    const month = await readFile(join(out("slice-2019"), "articles/2019/01/index.html"), "utf8");
    assert.match(month, /href="\/articles\/2018\/12\/"/);
  });
});

describe("slices that cannot make a whole site", () => {
  test("a slice that would split a search shard fails, naming the shard", async () => {
    await ready();
    const result = await npmRun("build", ["--slice", "2016"], envFor("split"));
    assert.notEqual(result.code, 0);
    assert.match(result.output, /--slice 2016 splits the search shard of 2016-2017/);
    assert.match(result.output, /shards of this archive are 2016-2017, 2018, 2019/);
  });

  test("a merge missing a year's slice fails and writes nothing", async () => {
    await ready();
    const args = ["--out", out("partial"), out("slice-2016-2018"), out("slice-site")];
    const result = await npmRun("merge", args, envFor("partial"));
    assert.notEqual(result.code, 0);
    assert.match(result.output, /No slice built the years 2019 of the archive/);
    assert.ok(!existsSync(out("partial")));
  });

  test("two slices with other bytes at one path fail the merge, which keeps the old site", async () => {
    await ready();
    const changed = out("slice-2019-changed");
    await cp(out("slice-2019"), changed, { recursive: true });
    await mkdir(join(changed, "about"));
    await writeFile(join(changed, "about/index.html"), "<p>another about page</p>");
    const before = siteTree(out("merged"));
    const args = ["--out", out("merged"), out("slice-2016-2018"), changed, out("slice-site")];
    const result = await npmRun("merge", args, envFor("merged"));
    assert.notEqual(result.code, 0);
    assert.match(
      result.output,
      /about\/index\.html differs between slice 2019 \(.*-changed\) and slice site/,
    );
    assert.deepEqual(treeDifference(siteTree(out("merged")), before), NO_DIFFERENCE);
  });
});

describe("the GitHub Actions workflow", () => {
  test("runs the commands this test runs", async () => {
    const workflow = await readFile(join(ROOT, ".github/workflows/build.yml"), "utf8");
    assert.match(workflow, /run: npm run build -- --slice \$\{\{ matrix\.slice \}\}/);
    assert.match(workflow, /run: npm run merge -- --out dist /);
  });
});

describe("a year slice built again with its kept output and cache", () => {
  test("keeps the dataset file of a year that did not change, bytes and time", async () => {
    await ready();
    const file = join(out("slice-2019"), "data", "articles-2019.jsonl.gz");
    const [bytes, time] = [await readFile(file), (await stat(file)).mtimeMs];
    await run("build", ["--slice", "2019"], "slice-2019");
    assert.ok((await readFile(file)).equals(bytes));
    assert.equal((await stat(file)).mtimeMs, time, "not written again");
  });
});
