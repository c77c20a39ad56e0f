/**
 * Quality gates over a whole build: valid HTML, accessibility, links, permanence and
 * security. Pages are discovered from the build and src/pages, never listed by hand, and
 * every route must have a page checked. Each gate is a function in tests/support/ that the
 * negative tests at the end run on deliberately broken fixtures, to show it can fail.
 */
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { cp, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { beforeAll } from "../support/hooks.ts";
import { buildSite, ROOT, testFolder } from "../support/build-site.ts";
import { serveStatic, type StaticServer } from "../support/static-server.ts";
import { launchBrowser, watchConsole } from "../support/browser.ts";
import {
  htmlRoutePatterns,
  routeCoverage,
  siteFiles,
  type CheckedPage,
  type RouteCoverage,
} from "../support/site-pages.ts";
import { findBrokenLinks } from "../support/link-check.ts";
import { lostPermalinks, readLedger } from "../support/permanence.ts";
import { validateHtml } from "../support/html-validate.ts";
import { cspProblems, headersProblems } from "../support/security-gate.ts";
import { axeViolations, offsiteAndConsoleProblems } from "../support/browser-gates.ts";
import { gatesArchive, MOVED_FROM } from "../support/gate-archive.ts";
import { siteUrlFrom } from "../../src/lib/site.ts";

const XSS_PERMALINK_PREFIX = "/articles/2021/03/04/";

let archiveDir: string;
let distDir: string;
let server: StaticServer;
let browser: Browser;
let coverage: RouteCoverage;

const setUpDone = beforeAll(async () => {
  archiveDir = await gatesArchive();
  const build = await buildSite(archiveDir);
  assert.equal(build.code, 0, build.output);
  distDir = build.outDir;
  server = await serveStatic(distDir);
  browser = await launchBrowser();
  coverage = await routeCoverage(distDir);
});

after(async () => {
  await setUpDone();
  await browser?.close();
  await server?.close();
});

describe("quality gates", () => {
  test("routes: every route has a page checked, paginated lists and an alias redirect included", () => {
    assert.deepEqual(coverage.missing, []);
    // The alias sits at an article-shaped URL; it must count for the alias route.
    assert.deepEqual(
      coverage.pages.find((p) => p.route === "[...alias].astro"),
      { route: "[...alias].astro", kind: "page", url: MOVED_FROM, redirect: true },
    );
  });

  test("HTML: every built page passes the Nu checker with zero errors", async () => {
    const pages = (await siteFiles(distDir)).filter((f) => f.endsWith(".html"));
    const errors = await validateHtml(pages.map((p) => join(distDir, p)));
    assert.deepEqual(
      errors.map((e) => `${e.file.replace(distDir, "")}:${e.line}: ${e.message}`),
      [],
    );
  });

  for (const colorScheme of ["light", "dark"] as const) {
    test(`accessibility: zero axe violations (WCAG 2.2 A/AA) on every route, ${colorScheme}`, async () => {
      assert.deepEqual(
        await axeViolations(browser, server.origin, coverage.pages, colorScheme),
        [],
      );
    });
  }

  test("links: every internal link and asset reference resolves", async () => {
    // Absolute links (canonical, feeds) use the public site URL the build was made for.
    const broken = await findBrokenLinks(distDir, siteUrlFrom(process.env));
    assert.deepEqual(
      broken.map((b) => `${b.page}: ${b.url} (${b.reason})`),
      [],
    );
  });

  test("permanence: every URL in the ledger resolves", async () => {
    const ledger = await readLedger(archiveDir);
    assert.ok(
      ledger.some((url) => url.startsWith(XSS_PERMALINK_PREFIX)),
      "the import CLI adds to the ledger",
    );
    assert.deepEqual(await lostPermalinks(ledger, distDir), []);
  });

  test("security: every page has a CSP meta without 'unsafe-inline' scripts; _headers is written", async () => {
    assert.deepEqual(await cspProblems(distDir), []);
    assert.deepEqual(await headersProblems(distDir), []);
  });

  test("security: no request leaves the site's origin on any route, and consoles stay clean", async () => {
    assert.deepEqual(await offsiteAndConsoleProblems(browser, server.origin, coverage.pages), []);
  });

  test("security: markup and script in an article's raw text stay literal text", async () => {
    const ledger = await readLedger(archiveDir);
    const permalink = ledger.find((url) => url.startsWith(XSS_PERMALINK_PREFIX))!;
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on("dialog", async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    const problems = watchConsole(page);
    await page.goto(`${server.origin}${permalink}`);
    const article = page.locator("article");
    const text = await article.innerText();
    for (const literal of [
      '<script>alert("xss")</script>',
      '<img src=x onerror="alert(1)">',
      "[link](javascript:alert(2))",
      '<a href="javascript:alert(3)">click me</a>',
      "{curly} braces, {{double}} too, and ${template} text.",
      "# Not a heading",
      "- not a list item",
      "1. nor a numbered one",
      "> not a quote, &amp; not an entity, <!-- not a comment --> and a backslash \\ stays.",
    ]) {
      assert.ok(text.includes(literal), `article text lacks ${literal}`);
    }
    assert.equal(await page.locator("article script, article img, article [onerror]").count(), 0);
    assert.equal(await page.locator('a[href^="javascript:"]').count(), 0);
    assert.equal(
      await page.locator("article h2, article ul, article ol, article blockquote").count(),
      0,
    );
    assert.match(
      await page.locator("h1").innerText(),
      /<script>alert\("headline"\)<\/script> Ministry <b>denies<\/b> \{curly\} claims/,
    );
    await page.waitForTimeout(200);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe("the permanence gate fails when an article moves", () => {
  const SEED = "2019/12/11/azerbaijan-and-pakistan-discuss-military-cooperation";
  const SEED_URL = `/articles/${SEED}/`;

  async function redatedArchive(withAlias: boolean): Promise<string> {
    const dir = await testFolder("moved-");
    await cp(join(ROOT, "content"), dir, { recursive: true });
    const from = join(dir, "articles", SEED);
    const to = join(dir, "articles", SEED.replace("/11/", "/12/"));
    const md = (await readFile(`${from}.md`, "utf8")).replace(
      "date: '2019-12-11'",
      `date: '2019-12-12'${withAlias ? `\naliases:\n  - ${SEED_URL}` : ""}`,
    );
    await cp(join(dir, "articles/2019/12/11"), join(dir, "articles/2019/12/12"), {
      recursive: true,
    });
    await rm(join(dir, "articles/2019/12/11"), { recursive: true });
    await writeFile(`${to}.md`, md);
    return dir;
  }

  test("re-dating an article without an alias loses its URL, and the gate names it", async () => {
    const dir = await redatedArchive(false);
    const build = await buildSite(dir);
    assert.equal(build.code, 0, build.output);
    assert.deepEqual(await lostPermalinks(await readLedger(dir), build.outDir), [SEED_URL]);
  });

  test("with the old URL as an alias, it redirects and the gate passes", async () => {
    const dir = await redatedArchive(true);
    const build = await buildSite(dir);
    assert.equal(build.code, 0, build.output);
    assert.deepEqual(await lostPermalinks(await readLedger(dir), build.outDir), []);
    const served = await serveStatic(build.outDir);
    const page = await browser.newPage();
    await page.goto(`${served.origin}${SEED_URL}`);
    await page.waitForURL(`**${SEED_URL.replace("/11/", "/12/")}`);
    assert.equal(
      await page.locator("h1").innerText(),
      "Azerbaijan and Pakistan discuss military cooperation",
    );
    await page.close();
    await served.close();
  });

  test("deleting an article loses its URL, and the gate names it", async () => {
    const dir = await testFolder("deleted-");
    await cp(join(ROOT, "content"), dir, { recursive: true });
    await rm(join(dir, "articles", `${SEED}.md`));
    const build = await buildSite(dir);
    assert.deepEqual(await lostPermalinks(await readLedger(dir), build.outDir), [SEED_URL]);
  });
});

describe("each gate fails on a deliberately broken page", () => {
  const broken = join(ROOT, "tests/fixtures/broken-site");

  test("HTML: the Nu checker reports its errors", async () => {
    const errors = await validateHtml([join(broken, "index.html")]);
    assert.ok(
      errors.some((e) => /ul/.test(e.message)),
      JSON.stringify(errors),
    );
    assert.ok(
      errors.some((e) => /alt/.test(e.message)),
      JSON.stringify(errors),
    );
  });

  test("links: the checker names the broken link, anchor, image and foreign script", async () => {
    const found = (await findBrokenLinks(broken, "http://localhost:4321/")).map(
      (b) => `${b.url} (${b.reason})`,
    );
    assert.deepEqual(found.sort(), [
      '/#no-such-anchor (no element with id "no-such-anchor")',
      "/also-missing.png (no such file in the build)",
      "/missing/ (no such file in the build)",
      "https://cdn.example.invalid/widget.js (asset from another origin)",
    ]);
  });

  /** Runs `check` on the pages of a fixture folder served as a site. */
  async function onServed<T>(dir: string, check: (origin: string) => Promise<T>): Promise<T> {
    const served = await serveStatic(dir);
    try {
      return await check(served.origin);
    } finally {
      await served.close();
    }
  }
  const home: CheckedPage = { route: "index.html", kind: "page", url: "/" };

  test("accessibility: the gate's WCAG 2.2 A/AA run reports contrast, alt text, list, label and lang", async () => {
    const violations = await onServed(broken, (origin) => axeViolations(browser, origin, [home]));
    const ids = violations.map((v) => /^index\.html \/: ([\w-]+):/.exec(v)?.[1]);
    for (const id of ["color-contrast", "image-alt", "list", "label", "html-has-lang"]) {
      assert.ok(ids.includes(id), `axe did not report ${id}: ${violations.join("\n")}`);
    }
  });

  test("security: the CSP gate names a page without a CSP and one allowing 'unsafe-inline'", async () => {
    assert.deepEqual(await cspProblems(join(ROOT, "tests/fixtures/broken-security")), [
      "/no-csp.html: no CSP meta",
      "/unsafe-inline.html: script-src allows 'unsafe-inline'",
    ]);
  });

  test("security: the headers gate names a missing _headers file", async () => {
    assert.deepEqual(await headersProblems(join(ROOT, "tests/fixtures/broken-security")), [
      "_headers is missing",
    ]);
  });

  test("security: the request gate names a script from another origin", async () => {
    const problems = await onServed(broken, (origin) =>
      offsiteAndConsoleProblems(browser, origin, [home]),
    );
    assert.ok(
      problems.includes("index.html /: request to https://cdn.example.invalid/widget.js"),
      problems.join("\n"),
    );
  });

  test("security: the console gate names a console error and a page error", async () => {
    const problems = await onServed(join(ROOT, "tests/fixtures/broken-console"), (origin) =>
      offsiteAndConsoleProblems(browser, origin, [home]),
    );
    assert.deepEqual(problems, [
      "index.html /: console.error: deliberate console error",
      "index.html /: page error: deliberate page error",
    ]);
  });

  test("routes: the coverage gate names every route of src/pages with no page built", async () => {
    const { missing, pages } = await routeCoverage(broken);
    assert.deepEqual(pages, [{ route: "index.astro", kind: "page", url: "/" }]);
    const others = (await htmlRoutePatterns())
      .map((p) => p.route)
      .filter((r) => r !== "index.astro");
    for (const route of ["404.astro", "search.astro", "[...alias].astro"]) {
      assert.ok(others.includes(route), `${route} not discovered: ${others.join(", ")}`);
    }
    for (const route of others) {
      assert.ok(
        missing.some((m) => m.startsWith(`${route} (`)),
        `${route} not named: ${missing.join(", ")}`,
      );
    }
  });

  test("routes: a [...page] list needs a page/N page, and an article-shaped page is no alias", async () => {
    const fixture = join(ROOT, "tests/fixtures/broken-routes");
    const { missing } = await routeCoverage(join(fixture, "built"), join(fixture, "pages"));
    assert.deepEqual(missing, ["sources/[...page].md (page/N)", "[...alias].md (page)"]);
  });
});
