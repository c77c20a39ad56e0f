/**
 * Pages of a built site, discovered rather than listed: every HTML file in the output, and
 * the route patterns of src/pages, so gates cover tomorrow's page types too. The route
 * coverage gate picks the pages the browser gates check and names every route left without.
 */
import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { ROOT } from "./build-site.ts";

/** Every file under `dir`, as site paths (`/articles/.../index.html`). */
export async function siteFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => "/" + relative(dir, join(e.parentPath, e.name)).split(sep).join("/"))
    .sort();
}

/** `/a/b/index.html` -> `/a/b/`, `/404.html` stays. */
export function urlOfHtmlFile(file: string): string {
  return file.endsWith("/index.html") ? file.slice(0, -"index.html".length) : file;
}

export interface RoutePattern {
  /** The route file, relative to src/pages. */
  route: string;
  regex: RegExp;
  /** Fewer dynamic segments first: a static route wins over a dynamic one. */
  dynamic: number;
  /** A `[...page]` route serves a list's first page and its `page/N/` pages. */
  paginated: boolean;
  /** Another rest parameter (`[...alias]`): it may serve any path. */
  catchAll: boolean;
}

const PAGE_REST = "\0page";
const ANY_REST = "\0any";

/** The pattern of URLs one route file (relative to src/pages) serves. */
export function routePattern(route: string): RoutePattern {
  let path = "/" + route.replace(/\.(astro|md|mdx)$/, "");
  path = path.replace(/\/index$/, "/");
  if (!path.endsWith("/") && path !== "/404") path += "/";
  if (path === "/404") path = "/404.html";
  let dynamic = 0;
  let paginated = false;
  let catchAll = false;
  const source = path
    .split(/(\[\.\.\.[^\]]+\]|\[[^\]]+\])/)
    .map((part) => {
      if (part === "[...page]") {
        paginated = true;
        dynamic += 1;
        return PAGE_REST;
      }
      if (part.startsWith("[...")) {
        catchAll = true;
        dynamic += 100; // a rest parameter matches anything: try it last
        return ANY_REST;
      }
      if (part.startsWith("[")) {
        dynamic += 1;
        return "[^/]+";
      }
      return part.replace(/[.*+?^${}()|\\]/g, "\\$&");
    })
    .join("")
    .replaceAll(`/${PAGE_REST}/`, "/(?:page/[0-9]+/)?")
    .replaceAll(`/${ANY_REST}/`, "/(?:.*/)?");
  return { route, regex: new RegExp(`^${source}$`), dynamic, paginated, catchAll };
}

/** Route patterns of the HTML pages in `pagesDir` (endpoints such as feeds excluded). */
export async function htmlRoutePatterns(
  pagesDir = join(ROOT, "src/pages"),
): Promise<RoutePattern[]> {
  const files = (await readdir(pagesDir, { recursive: true }))
    .map((f) => f.split(sep).join("/"))
    .filter((f) => /\.(astro|md|mdx)$/.test(f));
  return files
    .map(routePattern)
    .sort((a, b) => a.dynamic - b.dynamic || a.route.localeCompare(b.route));
}

const REDIRECT = /<meta\b[^>]*http-equiv="refresh"/i;

/**
 * The route that built a page. A redirect page can only come from a catch-all route (an
 * alias at an article-shaped URL is not an article page), any other page from the most
 * specific route matching its URL.
 */
export function routeOfPage(
  patterns: readonly RoutePattern[],
  url: string,
  redirect: boolean,
): RoutePattern | undefined {
  const matching = patterns.filter((p) => p.regex.test(url));
  if (redirect) return matching.find((p) => p.catchAll) ?? matching[0];
  return matching[0];
}

/** The kinds of page a route must have checked: a `[...page]` route its first and a later page. */
function kindsOf(pattern: RoutePattern): string[] {
  return pattern.paginated ? ["first page", "page/N"] : ["page"];
}

function kindOfPage(pattern: RoutePattern, url: string): string {
  if (!pattern.paginated) return "page";
  return /\/page\/[0-9]+\/$/.test(url) ? "page/N" : "first page";
}

export interface CheckedPage {
  route: string;
  kind: string;
  url: string;
  /** A redirect page (an alias), which leaves for its target at once. */
  redirect?: boolean;
}

export interface RouteCoverage {
  /** One built page for every route and kind of page that has any: what the gates check. */
  pages: CheckedPage[];
  /** `route (kind)` for each one with no page: the coverage gate wants none. */
  missing: string[];
}

/** Picks the pages to check in `distDir`, one per route of `pagesDir` and kind of page. */
export async function routeCoverage(
  distDir: string,
  pagesDir = join(ROOT, "src/pages"),
): Promise<RouteCoverage> {
  const patterns = await htmlRoutePatterns(pagesDir);
  const chosen = new Map<string, CheckedPage>();
  for (const file of (await siteFiles(distDir)).filter((f) => f.endsWith(".html"))) {
    const url = urlOfHtmlFile(file);
    const redirect = REDIRECT.test(await readFile(join(distDir, file), "utf8"));
    const pattern = routeOfPage(patterns, url, redirect);
    if (!pattern) continue;
    const kind = kindOfPage(pattern, url);
    const key = `${pattern.route} (${kind})`;
    if (!chosen.has(key))
      chosen.set(key, { route: pattern.route, kind, url, ...(redirect && { redirect }) });
  }
  const missing = patterns
    .flatMap((p) => kindsOf(p).map((kind) => `${p.route} (${kind})`))
    .filter((key) => !chosen.has(key));
  return { pages: [...chosen.values()], missing };
}
