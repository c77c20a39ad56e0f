/**
 * Adding an article to a built archive, editing one's frontmatter, or taking one down: the
 * rebuild keeps what did not change (pages, article files, search shards) and yet gives,
 * byte for byte, the site a clean build of the same archive gives.
 */
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { copyFile, cp, mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { gunzipSync, gzipSync } from "node:zlib";
import type { AstroIntegrationLogger } from "astro";
import { indexSite } from "../../src/integrations/pagefind.ts";
import { DEFAULT_SETTINGS } from "../../src/lib/settings.ts";
import { buildSite, type BuildResult, testFolder } from "../support/build-site.ts";
import {
  writeArticle,
  writeSearchArchive,
  type FixtureArticle,
} from "../support/search-fixture.ts";

const article = (date: string, slug: string, words: string): FixtureArticle => ({
  slug,
  title: `${words} (${date})`,
  date,
  source: date < "2020" ? "Caspian Bulletin" : "Trend",
  author: "Kamran Mammadov",
  body: `${words} were reported on ${date}.\n\nA second paragraph about ${slug}.`,
});

const ARTICLES = [
  article("2018-03-01", "spring-floods", "Spring floods"),
  article("2018-07-14", "summer-harvest", "Summer harvest figures"),
  article("2019-02-02", "winter-roads", "Winter roads"),
  article("2019-05-20", "bridge-opens", "A new bridge"),
  article("2020-01-10", "port-traffic", "Port traffic numbers"),
  article("2020-06-30", "rail-link", "Rail link talks"),
];
const ADDED = article("2020-09-01", "festival-returns", "A festival returns");

/** Every file under `dir`, as relative path to contents. */
async function tree(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if (relative(dir, path).startsWith(".prerender")) continue;
    files.set(relative(dir, path), await readFile(path));
  }
  return files;
}

const STALE_GZ = [
  "articles/2018/03/01/spring-floods/original.txt.gz",
  "articles/2018/03/01/spring-floods/cite.json.gz",
];

// Shards of at most 2 articles, so a rebuild can reuse some and re-index others.
const env = { SEARCH_SHARD_PAGES: "2" };
let first: BuildResult;
let again: BuildResult;
/** The folder after `again`, before the next build replaces it. */
let againTree: Map<string, Buffer>;
/** An unchanged page's .gz copy: when the first build wrote it, and after the rebuild. */
const KEPT_GZ = "articles/2018/03/01/spring-floods/index.html.gz";
let keptGzTimes: [number, number];
let clean: BuildResult;
let afterRemoval: BuildResult;
/** The folder after `afterRemoval`, before the edit's build replaces it. */
let afterRemovalTree: Map<string, Buffer>;
let cleanAfterRemoval: BuildResult;
let afterEdit: BuildResult;
let cleanAfterEdit: BuildResult;
/** The article whose frontmatter is edited (title, author, an alias), its new title and alias. */
const EDITED = "articles/2018/07/14/summer-harvest";
const NEW_TITLE = "Summer harvest figures, corrected";
const OLD_URL = "/articles/2018/07/14/harvest/";

before(async () => {
  const archive = await testFolder("incremental-");
  await writeSearchArchive(archive, ARTICLES);
  first = await buildSite(archive, { env });
  assert.equal(first.code, 0, first.output);
  await writeArticle(archive, ADDED);
  // .gz copies an earlier build wrote under other rules (original.txt and files under 1 KB
  // had them): the rebuild must remove them, as a clean build never writes them.
  for (const file of STALE_GZ) {
    const path = join(first.outDir, file);
    await writeFile(path, gzipSync(await readFile(path.slice(0, -".gz".length))));
  }
  const firstGz = (await stat(join(first.outDir, KEPT_GZ))).mtimeMs;
  // Into the same folder, with the same cache, as a deploy job that keeps its cache does.
  again = await buildSite(archive, { env, outDir: first.outDir });
  assert.equal(again.code, 0, again.output);
  keptGzTimes = [firstGz, (await stat(join(first.outDir, KEPT_GZ))).mtimeMs];
  againTree = await tree(again.outDir);
  clean = await buildSite(archive, { env });
  assert.equal(clean.code, 0, clean.output);
  // An article taken down (as a correction might): its page and files must go too.
  const gone = join(archive, "articles/2019/02/02/winter-roads");
  await rm(`${gone}.md`);
  await rm(`${gone}.original.txt`);
  afterRemoval = await buildSite(archive, { env, outDir: first.outDir });
  assert.equal(afterRemoval.code, 0, afterRemoval.output);
  afterRemovalTree = await tree(afterRemoval.outDir);
  cleanAfterRemoval = await buildSite(archive, { env });
  assert.equal(cleanAfterRemoval.code, 0, cleanAfterRemoval.output);
  // A correction to one article's frontmatter: its citation files, dataset rows, page and
  // search entry all carry the title; its URL stays.
  const entry = join(archive, `${EDITED}.md`);
  const text = await readFile(entry, "utf8");
  const edited = text
    .replace(/^title: .*$/m, `title: ${JSON.stringify(NEW_TITLE)}\naliases:\n  - ${OLD_URL}`)
    .replace(/Kamran Mammadov/, "Leyla Aliyeva");
  assert.notEqual(edited, text, "the fixture's frontmatter has a title and an author to edit");
  assert.doesNotMatch(text, /^aliases:/m, "and no alias yet");
  await writeFile(entry, edited);
  afterEdit = await buildSite(archive, { env, outDir: first.outDir });
  assert.equal(afterEdit.code, 0, afterEdit.output);
  cleanAfterEdit = await buildSite(archive, { env });
  assert.equal(cleanAfterEdit.code, 0, cleanAfterEdit.output);
});

async function assertSameTree(incremental: Map<string, Buffer>, reference: string) {
  const full = await tree(reference);
  assert.deepEqual([...incremental.keys()].sort(), [...full.keys()].sort());
  const differing = [...full].filter(([path, bytes]) => !incremental.get(path)!.equals(bytes));
  assert.deepEqual(
    differing.map(([path]) => path),
    [],
  );
}

describe("one article added to a built archive", () => {
  test("unchanged pages are kept, not rendered", () => {
    // Astro logs each page: `(+12ms)` (or `(+1.02s)`) rendered; `(cached)` left in dist/,
    // `(restored)` copied from its cache.
    const line = (path: string) =>
      again.output.split("\n").find((l) => l.includes(` ${path}index.html `)) ?? "(not listed)";
    const kept = (path: string) => assert.match(line(path), /\((cached|restored)\)\s*$/, path);
    const rendered = (path: string) => assert.match(line(path), /\(\+[\d.]+m?s\)/, path);
    kept("/articles/2018/03/01/spring-floods/");
    kept("/articles/2019/05/");
    // and so is its .gz copy: neither removed by the sweep nor compressed again.
    assert.equal(keptGzTimes[1], keptGzTimes[0], KEPT_GZ);
    assert.match(again.output, /citations of 1 articles in \d+ ms \(6 unchanged\)/);
    // Nothing the first build made is gone (its _headers and _redirects included).
    assert.doesNotMatch(again.output, /an earlier build left/);
    // The .gz step takes the files the sweep left rather than walk dist/ again.
    assert.match(again.output, /gzip_static in \d+ ms \(\d+ files, from the output sweep's list\)/);
    rendered("/articles/2020/09/01/festival-returns/"); // the new article
    rendered("/articles/2020/06/30/rail-link/"); // the one before it: its newer link
    rendered("/articles/2020/06/"); // the month before: its later-month link
    rendered("/sources/trend/"); // its source's list
  });

  test("only the new article's search shard is indexed again", () => {
    assert.match(first.output, /3 shard\(s\), \d+ indexed/);
    assert.match(again.output, /Indexed 7 pages in \d+ ms: 3 shard\(s\), 1 indexed, 2 reused/);
  });

  test("every .gz copy holds its file as the rebuild left it", () => {
    const copies = [...againTree.keys()].filter(
      (path) => path.endsWith(".gz") && againTree.has(path.slice(0, -".gz".length)),
    );
    assert.ok(copies.includes("pagefind/search-shards.json.gz"), "the search manifest's copy");
    const stale = copies.filter(
      (path) => !gunzipSync(againTree.get(path)!).equals(againTree.get(path.slice(0, -3))!),
    );
    assert.deepEqual(stale, []);
  });

  test("the result is byte for byte what a clean build gives", async () => {
    await assertSameTree(againTree, clean.outDir);
    for (const file of STALE_GZ) assert.ok(!againTree.has(file), `${file} is left`);
    assert.ok(existsSync(join(clean.outDir, "articles/2020/09/01/festival-returns/index.html")));
  });
});

describe("one article taken down from a built archive", () => {
  test("its page and files are removed from the kept folder", () => {
    const page = "articles/2019/02/02/winter-roads/";
    assert.deepEqual(
      [...afterRemovalTree.keys()].filter((path) => path.startsWith(page)),
      [],
      "its page, original.txt and citation files",
    );
    // The edit's build that followed writes no page there either.
    assert.ok(!existsSync(join(afterRemoval.outDir, page)), "and its folder");
    assert.match(afterRemoval.output, /Removed \d+ file\(s\) an earlier build left/);
  });

  test("the result is byte for byte what a clean build gives", async () => {
    await assertSameTree(afterRemovalTree, cleanAfterRemoval.outDir);
  });
});

describe("one article's frontmatter edited in a built archive", () => {
  test("its citation files carry the new title, and only its are written again", async () => {
    const cite = await readFile(join(afterEdit.outDir, EDITED, "cite.bib"), "utf8");
    assert.match(cite, /corrected/);
    assert.match(afterEdit.output, /citations of 1 articles in \d+ ms \(5 unchanged\)/);
  });

  test("its new alias redirects, as after a clean build", async () => {
    // The redirects are kept from one build to the next by each entry's signature: the
    // edited entry must be read again.
    const redirects = await readFile(join(afterEdit.outDir, "_redirects"), "utf8");
    assert.match(redirects, new RegExp(`^${OLD_URL} /${EDITED}/ 301$`, "m"));
  });

  test("the result is byte for byte what a clean build gives", async () => {
    await assertSameTree(await tree(afterEdit.outDir), cleanAfterEdit.outDir);
  });
});

describe("a page an earlier build left, as the search index starts", () => {
  // The index starts when the pages are rendered, before the output sweep removes what the
  // build no longer makes: here no sweep runs at all, so only the index's reading the
  // build's own pages keeps the left page out (with the sweep, which of the two gets to it
  // first is a race).
  const STALE = "articles/2020/09/01/festival-gone/index.html";
  let site: string;
  let indexed: Map<string, Buffer>;

  before(async () => {
    site = await testFolder("leftover-");
    await cp(clean.outDir, site, { recursive: true });
    await rm(join(site, "pagefind"), { recursive: true });
    const pages = [...(await tree(site)).keys()]
      .filter((path) => path.endsWith("/index.html"))
      .map((path) => ({ pathname: path.slice(0, -"index.html".length) }));
    await mkdir(join(site, dirname(STALE)));
    await copyFile(
      join(site, "articles/2020/09/01/festival-returns/index.html"),
      join(site, STALE),
    );
    const quiet = () => undefined;
    await indexSite(
      {
        enabled: true,
        shardPages: Number(env.SEARCH_SHARD_PAGES),
        maxFragments: DEFAULT_SETTINGS.pagefindMaxFragments,
        cores: 2,
        memoryMb: 4096,
      },
      {
        dir: pathToFileURL(`${site}/`),
        pages,
        cacheDir: await testFolder("leftover-cache-"),
        logger: { info: quiet, warn: quiet, error: quiet } as unknown as AstroIntegrationLogger,
      },
    );
    indexed = await tree(join(site, "pagefind"));
  });

  test("the index is the clean build's, byte for byte, and dist/ is the sweep's", async () => {
    const full = await tree(join(clean.outDir, "pagefind"));
    const reference = new Map([...full].filter(([path]) => !path.endsWith(".gz")));
    assert.deepEqual([...indexed.keys()].sort(), [...reference.keys()].sort());
    const differing = [...reference].filter(([path, bytes]) => !indexed.get(path)!.equals(bytes));
    assert.deepEqual(
      differing.map(([path]) => path),
      [],
    );
    // Pagefind read the build's pages from a folder of their own, and wrote nothing here.
    assert.ok(existsSync(join(site, STALE)), `${STALE} is left for the sweep`);
  });
});
