/**
 * The front door end to end: raw fixtures imported with the CLI into a temp archive, built,
 * served, and found through search in Chromium at the permalinks the CLI reported.
 */
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { beforeAll } from "../support/hooks.ts";
import { buildSite, IMPORT_CACHE_DIR, ROOT, testFolder } from "../support/build-site.ts";
import { serveStatic, type StaticServer } from "../support/static-server.ts";
import { launchBrowser, watchConsole } from "../support/browser.ts";

interface ImportReport {
  file: string;
  status: "imported" | "duplicate" | "failed";
  permalink?: string;
  entry?: string;
}

let archive: string;
let reports: ImportReport[];
let server: StaticServer;
let browser: Browser;

function importFixtures(): ImportReport[] {
  const out = execFileSync(
    process.execPath,
    [
      "src/cli/import.ts",
      "--json",
      "--source",
      "Fixture Wire",
      "--out",
      join(archive, "articles"),
      "tests/fixtures/raw",
    ],
    { cwd: ROOT, encoding: "utf8", env: { ...process.env, CACHE_DIR: IMPORT_CACHE_DIR } },
  );
  return JSON.parse(out) as ImportReport[];
}

const setUpDone = beforeAll(async () => {
  archive = await testFolder("import-e2e-");
  reports = importFixtures();
  const build = await buildSite(archive);
  assert.equal(build.code, 0, build.output);
  server = await serveStatic(build.outDir);
  browser = await launchBrowser();
});

after(async () => {
  await setUpDone();
  await browser?.close();
  await server?.close();
});

function permalinkOf(fixture: string): string {
  const report = reports.find((r) => r.file.endsWith(`/${fixture}`));
  assert.ok(report?.permalink, `${fixture} was not imported: ${JSON.stringify(report)}`);
  return report.permalink;
}

describe("imported articles", () => {
  test("every fixture imports, and the permalinks land in the archive's ledger", async () => {
    assert.deepEqual(
      reports.filter((r) => r.status !== "imported").map((r) => r.file),
      [],
    );
    const ledger = (await readFile(join(archive, "permalinks.txt"), "utf8")).trim().split("\n");
    assert.deepEqual(ledger.sort(), reports.map((r) => r.permalink!).sort());
  });

  test("a second import of the same files changes nothing", () => {
    const again = importFixtures();
    assert.deepEqual(
      again.map((r) => r.status),
      again.map(() => "duplicate"),
    );
  });

  const searches: [string, string, string][] = [
    [
      "timetable",
      "headline-dateline-byline.txt",
      "Ministry unveils new rail timetable for the Ganja line",
    ],
    ["ipək festivalı", "azerbaijani.txt", "Şəki şəhərində ipək festivalı başlayıb"],
  ];
  for (const [query, fixture, title] of searches) {
    test(`searching "${query}" finds ${fixture} at its permalink`, async () => {
      const permalink = permalinkOf(fixture);
      const page = await browser.newPage();
      const problems = watchConsole(page);
      await page.goto(`${server.origin}/search/?q=${encodeURIComponent(query)}`);
      const result = page.locator(`a[href^="${permalink}"]`).first();
      await result.waitFor({ timeout: 15_000 });
      await result.click();
      await page.waitForURL((url) => url.pathname === permalink);
      assert.equal(await page.locator("h1").innerText(), title);
      assert.deepEqual(problems, []);
      await page.close();
    });
  }

  test("an imported article's original.txt is its raw file byte for byte", async () => {
    for (const fixture of [
      "bom-crlf-leading-spaces.txt",
      "georgian.txt",
      "markup-and-script.txt",
    ]) {
      const response = await fetch(`${server.origin}${permalinkOf(fixture)}original.txt`);
      const served = Buffer.from(await response.arrayBuffer());
      assert.ok(served.equals(await readFile(join(ROOT, "tests/fixtures/raw", fixture))), fixture);
    }
  });
});
