/**
 * `npm run audit`: Lighthouse on the home, an article and the search page of the built
 * site (dist/, built first if missing), printing the four category scores of each.
 * Not part of npm test: scores depend on a noisy shared machine. Lighthouse is fetched
 * from the npm registry by npx on first use, so it adds nothing to `npm ci`.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { serveStatic } from "../tests/support/static-server.ts";
import { CHROMIUM } from "../tests/support/browser.ts";

const LIGHTHOUSE = "lighthouse@13.5.0";
const ROOT = join(import.meta.dirname, "..");
const DIST = join(ROOT, process.env["OUT_DIR"] || "dist");
const run = promisify(execFile);

if (!existsSync(join(DIST, "index.html"))) {
  console.error("No build found: running npm run build first.");
  await run("npm", ["run", "build"], { cwd: ROOT });
}

const ledger = await readFile(
  join(ROOT, process.env["ARCHIVE_DIR"] || "content", "permalinks.txt"),
  "utf8",
);
const article = ledger.split("\n").find((line) => line.startsWith("/articles/"));
const pages = { home: "/", article: article ?? "/", search: "/search/?q=JF-17" };

const server = await serveStatic(DIST, 4322);
const rows: string[][] = [];
try {
  for (const [name, path] of Object.entries(pages)) {
    const { stdout } = await run(
      "npx",
      [
        "--yes",
        LIGHTHOUSE,
        `${server.origin}${path}`,
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        "--only-categories=performance,accessibility,best-practices,seo",
        "--chrome-flags=--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync",
      ],
      { env: { ...process.env, CHROME_PATH: CHROMIUM }, maxBuffer: 256 * 1024 * 1024 },
    );
    const report = JSON.parse(stdout) as { categories: Record<string, { score: number | null }> };
    const score = (id: string) => String(Math.round((report.categories[id]?.score ?? 0) * 100));
    rows.push([
      name,
      path,
      score("performance"),
      score("accessibility"),
      score("best-practices"),
      score("seo"),
    ]);
  }
} finally {
  await server.close();
}
console.log(["page", "path", "performance", "accessibility", "best-practices", "seo"].join("\t"));
for (const row of rows) console.log(row.join("\t"));
