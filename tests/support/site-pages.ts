/**
 * Pages of a built site, discovered rather than listed: every HTML file in the output, and
 * one page for each route pattern of src/pages, so gates cover tomorrow's page types too.
 */
import { readdir } from "node:fs/promises";
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
  /** Segments before a rest parameter (`[...page]`), -1 without one: the deepest is tried first. */
  restDepth: number;
}

/** Route patterns of the HTML pages in src/pages (endpoints such as feeds excluded). */
export async function htmlRoutePatterns(
  pagesDir = join(ROOT, "src/pages"),
): Promise<RoutePattern[]> {
  const files = (await readdir(pagesDir, { recursive: true }))
    .map((f) => f.split(sep).join("/"))
    .filter((f) => /\.(astro|md|mdx)$/.test(f));
  return files
    .map((route) => {
      let path = "/" + route.replace(/\.(astro|md|mdx)$/, "");
      path = path.replace(/\/index$/, "/");
      if (!path.endsWith("/") && path !== "/404") path += "/";
      if (path === "/404") path = "/404.html";
      let dynamic = 0;
      let restDepth = -1;
      const source = path
        .split(/(\[\.\.\.[^\]]+\]|\[[^\]]+\])/)
        .map((part, i, parts) => {
          if (part.startsWith("[...")) {
            restDepth = parts.slice(0, i).join("").split("/").length - 2;
            return ".*";
          }
          if (part.startsWith("[")) {
            dynamic += 1;
            return "[^/]+";
          }
          return part.replace(/[.*+?^${}()|\\]/g, "\\$&");
        })
        .join("")
        .replace(/\/\.\*\//g, "/(?:.*/)?");
      return { route, regex: new RegExp(`^${source}$`), dynamic, restDepth };
    })
    .sort(
      (a, b) =>
        // A rest parameter matches anything: try such routes last, and of those the deepest
        // first (`/sources/[source]/[...page]`, then `/sources/[...page]`, then `/[...alias]`).
        Number(a.restDepth >= 0) - Number(b.restDepth >= 0) ||
        b.restDepth - a.restDepth ||
        a.dynamic - b.dynamic ||
        a.route.localeCompare(b.route),
    );
}

/** One built page (its URL) for every HTML route pattern that produced any page. */
export async function onePagePerRoute(distDir: string): Promise<Map<string, string>> {
  const patterns = await htmlRoutePatterns();
  const urls = (await siteFiles(distDir)).filter((f) => f.endsWith(".html")).map(urlOfHtmlFile);
  const chosen = new Map<string, string>();
  for (const url of urls) {
    const match = patterns.find((p) => p.regex.test(url));
    if (match && !chosen.has(match.route)) chosen.set(match.route, url);
  }
  return chosen;
}
