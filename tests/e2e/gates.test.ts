/**
 * Quality gates over a whole build: valid HTML, accessibility, links, permanence and
 * security. Pages are discovered from the build and src/pages, never listed by hand.
 * The archive is the real one plus fixture articles imported through the CLI.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import type { Browser, BrowserContext } from "playwright-core";
import { buildSite, ROOT } from "../support/build-site.ts";
import { serveStatic, type StaticServer } from "../support/static-server.ts";
import { launchBrowser, watchConsole } from "../support/browser.ts";
import { onePagePerRoute, siteFiles } from "../support/site-pages.ts";
import { findBrokenLinks } from "../support/link-check.ts";
import { lostPermalinks, readLedger } from "../support/permanence.ts";
import { validateHtml } from "../support/html-validate.ts";
import { siteUrlFrom } from "../../src/lib/site.ts";

const axeSource: string = createRequire(import.meta.url)("axe-core").source;
const XSS_PERMALINK_PREFIX = "/articles/2021/03/04/";

let archiveDir: string;
let distDir: string;
let server: StaticServer;
let browser: Browser;
let routePages: Map<string, string>;

/** The real archive plus the gate fixtures, imported the way any article arrives. */
async function gatesArchive(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "news-archive-gates-"));
  await cp(join(ROOT, "content"), dir, { recursive: true });
  execFileSync(
    process.execPath,
    ["src/cli/import.ts", "--out", join(dir, "articles"), join(ROOT, "tests/fixtures/gates")],
    { cwd: ROOT, stdio: "pipe" },
  );
  return dir;
}

before(async () => {
  archiveDir = await gatesArchive();
  const build = await buildSite(archiveDir);
  assert.equal(build.code, 0, build.output);
  distDir = build.outDir;
  server = await serveStatic(distDir);
  browser = await launchBrowser();
  routePages = await onePagePerRoute(distDir);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

describe("quality gates", () => {
  test("every route pattern produced a page to check", () => {
    for (const route of ["index.astro", "404.astro", "search.astro"]) {
      assert.ok(routePages.has(route), `no page built for ${route}`);
    }
    assert.ok(
      [...routePages.keys()].some((r) => r.includes("[slug]")),
      "no article page",
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
      const context = await browser.newContext({ colorScheme, bypassCSP: true });
      const failures: string[] = [];
      for (const [route, url] of routePages) {
        const page = await context.newPage();
        await page.goto(`${server.origin}${url}`);
        await page.waitForLoadState("networkidle");
        await page.evaluate(axeSource);
        const violations = await page.evaluate(async () => {
          const result = await (window as any).axe.run(document, {
            runOnly: {
              type: "tag",
              values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
            },
          });
          return result.violations.map(
            (v: any) =>
              `${v.id}: ${v.help} (${v.nodes.map((n: any) => n.target.join(" ")).join(", ")})`,
          );
        });
        failures.push(...violations.map((v: string) => `${route} ${url}: ${v}`));
        await page.close();
      }
      await context.close();
      assert.deepEqual(failures, []);
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
    for (const file of (await siteFiles(distDir)).filter((f) => f.endsWith(".html"))) {
      const html = await readFile(join(distDir, file), "utf8");
      const csp = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html)?.[1];
      assert.ok(csp, `${file} has no CSP meta`);
      const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
      assert.match(scriptSrc, /'self'/, file);
      assert.doesNotMatch(scriptSrc, /unsafe-inline/, file);
      assert.match(csp, /worker-src 'self' blob:/, file);
    }
    const headers = await readFile(join(distDir, "_headers"), "utf8");
    for (const name of [
      "Content-Security-Policy",
      "X-Content-Type-Options: nosniff",
      "Referrer-Policy",
      "Permissions-Policy",
    ]) {
      assert.match(headers, new RegExp(name), `_headers lacks ${name}`);
    }
  });

  test("security: no request leaves the site's origin on any route, and consoles stay clean", async () => {
    const failures: string[] = [];
    const context: BrowserContext = await browser.newContext();
    for (const [route, url] of routePages) {
      const page = await context.newPage();
      const problems = watchConsole(page);
      page.on("request", (request) => {
        if (
          !request.url().startsWith(server.origin) &&
          !request.url().startsWith("blob:") &&
          !request.url().startsWith("data:")
        ) {
          failures.push(`${route} ${url}: request to ${request.url()}`);
        }
      });
      const response = await page.goto(`${server.origin}${url}`);
      await page.waitForLoadState("networkidle");
      const expected404 = url === "/404.html" || response?.status() === 404;
      for (const p of problems) {
        if (!(expected404 && /404/.test(p))) failures.push(`${route} ${url}: ${p}`);
      }
      await page.close();
    }
    await context.close();
    assert.deepEqual(failures, []);
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
    const dir = await mkdtemp(join(tmpdir(), "news-archive-moved-"));
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
    const dir = await mkdtemp(join(tmpdir(), "news-archive-deleted-"));
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

  test("accessibility: axe reports contrast, alt text, list and label violations", async () => {
    const served = await serveStatic(broken);
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.route("https://cdn.example.invalid/**", (route) => route.abort());
    await page.goto(`${served.origin}/`);
    await page.evaluate(axeSource);
    const ids: string[] = await page.evaluate(async () =>
      ((await (window as any).axe.run(document)).violations as { id: string }[]).map((v) => v.id),
    );
    for (const id of ["color-contrast", "image-alt", "list", "label", "html-has-lang"]) {
      assert.ok(ids.includes(id), `axe did not report ${id}: ${ids.join(", ")}`);
    }
    await context.close();
    await served.close();
  });
});
