/**
 * The first article end to end: build the real archive, serve it like a static host, and
 * read, follow and search it in Chromium.
 */
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { beforeAll } from "../support/hooks.ts";
import { buildSite, ROOT } from "../support/build-site.ts";
import { serveStatic, type StaticServer } from "../support/static-server.ts";
import { launchBrowser, watchConsole } from "../support/browser.ts";

const PERMALINK = "/articles/2019/12/11/azerbaijan-and-pakistan-discuss-military-cooperation/";
const SEED = join(ROOT, "tests/fixtures/seed/000_b582ce3222314d79.txt");

/** The part of Pagefind's browser bundle (/pagefind/pagefind.js) the search test calls. */
interface PagefindBundle {
  search: (term: string) => Promise<{
    results: { data: () => Promise<{ meta: Record<string, string>; content: string }> }[];
  }>;
}

let server: StaticServer;
let browser: Browser;

const setUpDone = beforeAll(async () => {
  const build = await buildSite(join(ROOT, "content"));
  assert.equal(build.code, 0, build.output);
  server = await serveStatic(build.outDir);
  browser = await launchBrowser();
});

after(async () => {
  await setUpDone();
  await browser?.close();
  await server?.close();
});

describe("the first article", () => {
  test("the home page links to it at its permalink", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/`);
    const link = page.getByRole("link", {
      name: "Azerbaijan and Pakistan discuss military cooperation",
    });
    assert.equal(await link.getAttribute("href"), PERMALINK);
    await link.click();
    assert.equal(new URL(page.url()).pathname, PERMALINK);
    await page.close();
  });

  test("its page shows headline, byline, date, body, permalink and original link", async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${server.origin}${PERMALINK}`);
    assert.equal(response?.status(), 200);
    assert.equal(await page.locator("html").getAttribute("lang"), "en");
    assert.equal(
      await page.locator("h1").textContent(),
      "Azerbaijan and Pakistan discuss military cooperation",
    );
    // Words must not be glued together by compressHTML: the byline reads as a sentence.
    assert.equal(
      (await page.locator(".byline").innerText()).trim(),
      "By Ofeliya Afandiyeva · Azernews · 11 December 2019",
    );
    assert.equal(await page.locator("time").getAttribute("datetime"), "2019-12-11");
    assert.equal(
      await page.locator('link[rel="canonical"]').getAttribute("href"),
      `http://localhost:4321${PERMALINK}`,
    );
    const paragraphs = await page.locator(".article-body p").allTextContents();
    assert.equal(paragraphs.length, 11);
    assert.match(paragraphs[0]!, /^Azerbaijani Defence Minister Zakir Hasanov/);
    assert.match(paragraphs[8]!, /In 2019–2020, the mass production of JF-17 Block 3/);
    assert.match(
      await page.locator(".permalink").innerText(),
      new RegExp(`Permanent link: http://localhost:4321${PERMALINK}`),
    );
    assert.equal(
      await page.getByRole("link", { name: "Original text as archived" }).getAttribute("href"),
      `${PERMALINK}original.txt`,
    );
    await page.close();
  });

  test("its page ships no JavaScript and reads the same with JavaScript off", async () => {
    const html = await (await fetch(`${server.origin}${PERMALINK}`)).text();
    // JSON-LD is a data block, not a script that runs; the search highlighter's inline
    // loader only acts on visits from a search result (?highlight=) and loads no file here.
    const executable = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(
      ([, attributes]) => !/type="application\/ld\+json"/.test(attributes!),
    );
    assert.ok(
      executable.every(
        ([, attributes, code]) => !/\bsrc=/.test(attributes!) && /highlight/.test(code!),
      ),
      executable.map(([tag]) => tag).join("\n"),
    );
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.origin}${PERMALINK}`);
    assert.ok(await page.locator("h1").isVisible());
    assert.equal(await page.locator(".article-body p").count(), 11);
    await context.close();
  });

  test("its original.txt is the seed byte for byte", async () => {
    const response = await fetch(`${server.origin}${PERMALINK}original.txt`);
    assert.equal(response.status, 200);
    const served = Buffer.from(await response.arrayBuffer());
    assert.ok(served.equals(await readFile(SEED)), "original.txt differs from the seed");
  });

  test("searching JF-17 finds it, and the result opens the permalink", async () => {
    const page = await browser.newPage();
    const problems = watchConsole(page);
    await page.goto(`${server.origin}/search/`);
    await page.getByLabel("Search words").fill("JF-17");
    const result = page.locator(".search-result a", {
      hasText: "Azerbaijan and Pakistan discuss military cooperation",
    });
    await result.first().waitFor({ timeout: 10_000 });
    await result.first().click();
    await page.waitForURL(`**${PERMALINK}?highlight=JF-17`);
    assert.equal(new URL(page.url()).pathname, PERMALINK);
    // Reached from search, the article marks the words searched for.
    await page.locator("mark").first().waitFor();
    assert.match(await page.locator("article mark").first().innerText(), /JF-17/i);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("the search index holds author and source as separate words", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/search/`);
    const found = await page.evaluate(async (bundle) => {
      const pagefind = (await import(bundle)) as PagefindBundle;
      const search = await pagefind.search("Afandiyeva");
      const data = await search.results[0]!.data();
      return { byline: data.meta["byline"], content: data.content };
    }, "/pagefind/pagefind.js");
    // The byline is indexed as metadata, the text alone as the body (excerpts come from it).
    assert.equal(found.byline, "By Ofeliya Afandiyeva · Azernews · 11 December 2019");
    assert.match(found.content, /^Azerbaijani Defence/);
    await page.close();
  });

  test("every page loads with a clean console", async () => {
    for (const path of ["/", PERMALINK, "/search/", "/no-such-page/"]) {
      const page = await browser.newPage();
      const problems = watchConsole(page);
      const response = await page.goto(`${server.origin}${path}`);
      await page.waitForLoadState("networkidle");
      if (path === "/no-such-page/") {
        assert.equal(response?.status(), 404);
        assert.equal(await page.locator("h1").textContent(), "Page not found");
        // The browser logs the 404 status itself; that is the page working.
        problems.splice(0, problems.length, ...problems.filter((p) => !/404/.test(p)));
      }
      assert.deepEqual(problems, [], `console of ${path}`);
      await page.close();
    }
  });
});
