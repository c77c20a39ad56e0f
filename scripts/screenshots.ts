/**
 * Screenshots for the README: builds the fixture archive (tests/support/fixture-archive.ts),
 * serves it, and photographs the home page, an article in light and dark, a month page and
 * the search page (with JavaScript, the one page that needs it) in Chromium, into
 * docs/screenshots/*.png.
 *
 *   npx node scripts/screenshots.ts
 */
import { mkdir, mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildSite, ROOT } from "../tests/support/build-site.ts";
import { serveStatic } from "../tests/support/static-server.ts";
import { launchBrowser } from "../tests/support/browser.ts";
import {
  FIXTURE_ARTICLES,
  SAME_EVENT_ARTICLES,
  SEED,
  writeFixtureArchive,
} from "../tests/support/fixture-archive.ts";
import { monthPath, permalinkFor } from "../src/lib/permalink.ts";
import { slugify } from "../src/lib/slug.ts";

const OUT = join(ROOT, "docs/screenshots");
/** A laptop-sized window at 1x keeps the PNGs small and the text legible. */
const VIEWPORT = { width: 800, height: 600 };

interface Shot {
  file: string;
  path: string;
  colorScheme: "light" | "dark";
  /** Search shots: run the page's script and wait until every shard has answered. */
  search?: true;
  /** Scrolled to the bottom of this element (the article's related coverage). */
  scrollTo?: string;
  height?: number;
}

const SHOTS: readonly Shot[] = [
  { file: "home.png", path: "/", colorScheme: "light" },
  { file: "article-light.png", path: SEED.path, colorScheme: "light" },
  { file: "article-dark.png", path: SEED.path, colorScheme: "dark" },
  { file: "month.png", path: monthPath("2019", "12"), colorScheme: "light" },
  {
    // Operators, and the results over time above the list.
    file: "search.png",
    path: `/search/?q=${encodeURIComponent("market OR cooperation -tram")}`,
    colorScheme: "light",
    search: true,
    height: 900,
  },
  {
    // Two sources' reports of one event find each other (src/lib/related/).
    file: "related.png",
    path: permalinkFor({
      date: SAME_EVENT_ARTICLES[0]!.date,
      slug: slugify(SAME_EVENT_ARTICLES[0]!.title),
    }),
    colorScheme: "light",
    scrollTo: "#related-heading",
  },
];

const archive = await mkdtemp(join(tmpdir(), "news-archive-shots-"));
await writeFixtureArchive(archive, [...FIXTURE_ARTICLES, ...SAME_EVENT_ARTICLES]);
const build = await buildSite(archive);
if (build.code !== 0) throw new Error(`build failed:\n${build.output}`);
const server = await serveStatic(build.outDir);
const browser = await launchBrowser();
await mkdir(OUT, { recursive: true });
try {
  for (const shot of SHOTS) {
    const context = await browser.newContext({
      viewport: { ...VIEWPORT, height: shot.height ?? VIEWPORT.height },
      colorScheme: shot.colorScheme,
      javaScriptEnabled: shot.search === true,
    });
    const page = await context.newPage();
    await page.goto(`${server.origin}${shot.path}`);
    if (shot.search) await page.waitForSelector('[data-search][data-status="ready"]');
    if (shot.scrollTo) {
      await page
        .locator(shot.scrollTo)
        .evaluate((heading) => heading.parentElement!.scrollIntoView(false));
    }
    const file = join(OUT, shot.file);
    await page.screenshot({ path: file });
    console.log(
      `${shot.file}: ${shot.path} (${shot.colorScheme}), ${(await stat(file)).size} bytes`,
    );
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
  await rm(archive, { recursive: true, force: true });
  await rm(build.outDir, { recursive: true, force: true });
}
