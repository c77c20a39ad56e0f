/**
 * The site under a real web server: a fixture archive with a moved article is built, served
 * by Debian's nginx with the config the build wrote (deploy/nginx.conf), and browsed in
 * Chromium: pages, search (a Web Worker and WebAssembly under nginx's headers), the alias
 * as a real 301, the 404 page, the headers and caching, and the precompressed files.
 */
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { get } from "node:http";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { beforeAll } from "../support/hooks.ts";
import { buildSite, testFolder } from "../support/build-site.ts";
import { launchBrowser, watchConsole } from "../support/browser.ts";
import { FIXTURE_ARTICLES, SEED, writeFixtureArchive } from "../support/fixture-archive.ts";
import { startNginx, type Nginx } from "../support/nginx.ts";
import { deployDirFor } from "../../src/lib/deploy/nginx.ts";
import { IMMUTABLE, REVALIDATE } from "../../src/lib/deploy/caching.ts";
import { contentSecurityPolicyHeader } from "../../src/lib/security.ts";

const MOVED_FROM = "/articles/2017/05/01/ferry-timetable-changes/";
const MOVED_TO = "/articles/2017/05/02/ferry-timetable-changes-for-the-summer/";
const MOVED_TITLE = "Ferry timetable changes for the summer";

let nginx: Nginx;
let browser: Browser;
let outDir: string;

const setUpDone = beforeAll(async () => {
  const archive = await testFolder("nginx-archive-");
  await writeFixtureArchive(archive, [
    ...FIXTURE_ARTICLES,
    {
      title: MOVED_TITLE,
      date: "2017-05-02",
      source: "Caspian Herald",
      author: "Elvin Mammadov",
      body: "The ferry operator moved its summer departures an hour earlier.",
      aliases: [MOVED_FROM],
    },
  ]);
  const build = await buildSite(archive);
  assert.equal(build.code, 0, build.output);
  outDir = build.outDir;
  nginx = await startNginx(deployDirFor(outDir));
  browser = await launchBrowser();
});

after(async () => {
  await setUpDone();
  await browser?.close();
  await nginx?.close();
});

const url = (path: string) => `${nginx.origin}${path}`;

/** A response as nginx sends it: no redirect followed, no body decoded. */
function raw(
  path: string,
  headers: Record<string, string> = {},
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}> {
  return new Promise((resolve, reject) => {
    get(url(path), { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    }).on("error", reject);
  });
}

/** Opens a page with JavaScript on, failing on any console error or failed request. */
async function open(
  path: string,
  status = 200,
): Promise<{ page: Page; done: () => Promise<void> }> {
  const page = await browser.newPage();
  const problems = watchConsole(page);
  const response = await page.goto(url(path));
  assert.equal(response?.status(), status, `status of ${path}`);
  return {
    page,
    done: async () => {
      assert.deepEqual(problems, [], `${path}: the console stays clean`);
      await page.close();
    },
  };
}

function assertSecurityHeaders(
  headers: Record<string, string | string[] | undefined>,
  what: string,
) {
  assert.equal(headers["content-security-policy"], contentSecurityPolicyHeader(), `${what}: CSP`);
  assert.equal(headers["x-content-type-options"], "nosniff", `${what}: nosniff`);
  assert.equal(headers["x-frame-options"], "DENY", `${what}: X-Frame-Options`);
}

describe("nginx serves the built site", () => {
  test("an article page, with the security headers and revalidation", async () => {
    const { page, done } = await open(SEED.path);
    assert.equal((await page.locator("h1").innerText()).trim(), SEED.title);
    await done();
    const response = await raw(SEED.path);
    assert.equal(response.status, 200);
    assertSecurityHeaders(response.headers, "article");
    assert.equal(response.headers["cache-control"], REVALIDATE);
    assert.match(String(response.headers["content-type"]), /^text\/html; charset=utf-8$/);
  });

  test("a browse page, and a folder without its slash redirects to it", async () => {
    const { page, done } = await open("/articles/2019/");
    assert.equal((await page.locator("h1").innerText()).trim(), "2019");
    await done();
    const bare = await raw("/articles/2019");
    assert.equal(bare.status, 301);
    assert.equal(bare.headers["location"], "/articles/2019/");
  });

  test("search finds the article: its worker and WebAssembly run under nginx's headers", async () => {
    const { page, done } = await open("/search/?q=ferry");
    await page.waitForSelector('[data-search][data-status="ready"]', { timeout: 15_000 });
    const titles = await page.locator(".search-result h3 a").allInnerTexts();
    assert.ok(titles.includes(MOVED_TITLE), `results: ${titles.join(" | ")}`);
    await done();
  });

  test("an alias is a 301 to the permalink, with or without its slash, and the browser lands there", async () => {
    for (const from of [MOVED_FROM, MOVED_FROM.slice(0, -1)]) {
      const response = await raw(from);
      assert.equal(response.status, 301, from);
      assert.equal(response.headers["location"], MOVED_TO, from);
      assertSecurityHeaders(response.headers, `301 from ${from}`);
    }
    const { page, done } = await open(MOVED_FROM);
    assert.equal(new URL(page.url()).pathname, MOVED_TO);
    assert.equal((await page.locator("h1").innerText()).trim(), MOVED_TITLE);
    await done();
  });

  test("a missing page is a 404 with the site's 404 page", async () => {
    const response = await raw("/articles/2019/12/11/no-such-article/");
    assert.equal(response.status, 404);
    assert.equal(response.body.toString(), await readFile(join(outDir, "404.html"), "utf8"));
    assertSecurityHeaders(response.headers, "404");
    const page = await browser.newPage();
    const shown = await page.goto(url("/no/such/page/"));
    assert.equal(shown?.status(), 404);
    assert.match(await page.title(), /not found/i);
    await page.close();
  });

  test("hashed assets are cached for a year; the search manifest and entry revalidate", async () => {
    const [css] = (await readdir(join(outDir, "_astro"))).filter((f) => f.endsWith(".css"));
    const [fragment] = await readdir(join(outDir, "pagefind/fragment"));
    const table: [string, string][] = [
      [`/_astro/${css}`, IMMUTABLE],
      [`/pagefind/fragment/${fragment}`, IMMUTABLE],
      ["/pagefind/search-shards.json", REVALIDATE],
      ["/pagefind/pagefind-entry.json", REVALIDATE],
      ["/", REVALIDATE],
    ];
    for (const [path, cacheControl] of table) {
      const response = await raw(path);
      assert.equal(response.status, 200, path);
      assert.equal(response.headers["cache-control"], cacheControl, path);
      assertSecurityHeaders(response.headers, path);
    }
  });

  test("the build's .gz files are sent gzip-encoded to clients that ask, the plain file to others", async () => {
    const file = await readFile(join(outDir, "index.html"));
    const zipped = await raw("/", { "Accept-Encoding": "gzip" });
    assert.equal(zipped.headers["content-encoding"], "gzip");
    assert.equal(zipped.headers["vary"], "Accept-Encoding");
    assert.deepEqual(zipped.body, await readFile(join(outDir, "index.html.gz")));
    assert.deepEqual(gunzipSync(zipped.body), file);
    const plain = await raw("/");
    assert.equal(plain.headers["content-encoding"], undefined);
    assert.deepEqual(plain.body, file);
  });

  test("original.txt has no .gz: nginx gzips it on the fly; a citation file is too small for either", async () => {
    const original = `${SEED.path}original.txt`;
    const file = await readFile(join(outDir, original));
    assert.ok(!existsSync(join(outDir, `${original}.gz`)), "original.txt.gz written");
    const zipped = await raw(original, { "Accept-Encoding": "gzip" });
    assert.equal(zipped.headers["content-encoding"], "gzip");
    assert.deepEqual(gunzipSync(zipped.body), file, "the original, byte for byte");
    assert.match(String(zipped.headers["content-type"]), /^text\/plain; charset=utf-8$/);
    const cite = `${SEED.path}cite.bib`;
    assert.ok(!existsSync(join(outDir, `${cite}.gz`)), "cite.bib.gz written");
    const small = await raw(cite, { "Accept-Encoding": "gzip" });
    assert.equal(small.headers["content-encoding"], undefined);
    assert.deepEqual(small.body, await readFile(join(outDir, cite)));
  });

  test("the dataset's year files are sent as they are, never gzip-encoded again; its CSV has a .gz", async () => {
    const year = "/data/articles-2019.jsonl.gz";
    const response = await raw(year, { "Accept-Encoding": "gzip" });
    assert.equal(response.headers["content-encoding"], undefined);
    assert.equal(response.headers["content-type"], "application/gzip");
    assert.equal(response.headers["cache-control"], "no-cache");
    assert.deepEqual(response.body, await readFile(join(outDir, year)), "the file, byte for byte");
    const csv = await raw("/data/articles.csv", { "Accept-Encoding": "gzip" });
    assert.equal(csv.headers["content-encoding"], "gzip");
    assert.match(String(csv.headers["content-type"]), /^text\/csv; charset=utf-8$/);
    assert.deepEqual(gunzipSync(csv.body), await readFile(join(outDir, "data/articles.csv")));
  });

  test("_redirects lists the alias as a 301, for Netlify and Cloudflare Pages", async () => {
    const lines = (await readFile(join(outDir, "_redirects"), "utf8"))
      .split("\n")
      .filter((line) => line && !line.startsWith("#"));
    assert.deepEqual(lines, [`${MOVED_FROM} ${MOVED_TO} 301`]);
  });
});
