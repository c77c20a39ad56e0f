/**
 * Internal links and asset references of a built site that resolve to nothing.
 * Reads the HTML as Astro writes it (quoted attributes); external URLs are reported too,
 * since nothing on the site may depend on another origin.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { siteFiles } from "./site-pages.ts";

export interface BrokenLink {
  page: string;
  url: string;
  reason: string;
}

const REFERENCE = /<(a|link|script|img|source|iframe|form)\b[^>]*>/gi;
const ATTRIBUTE = /\s(href|src|action|srcset)="([^"]*)"/gi;
const ID = /\sid="([^"]*)"/g;

function decode(value: string): string {
  return value
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

/** Resolves a site path to the file a static host would serve, or null. */
function fileFor(path: string, files: Set<string>): string | null {
  const clean = decodeURIComponent(path);
  if (files.has(clean)) return clean;
  if (clean.endsWith("/") && files.has(`${clean}index.html`)) return `${clean}index.html`;
  return null;
}

/** `origin` is the site's public URL: absolute links to it count as internal. */
export async function findBrokenLinks(distDir: string, origin: string): Promise<BrokenLink[]> {
  const all = await siteFiles(distDir);
  const files = new Set(all);
  const idsByFile = new Map<string, Set<string>>();
  const htmlByFile = new Map<string, string>();
  for (const file of all.filter((f) => f.endsWith(".html"))) {
    const html = await readFile(join(distDir, file), "utf8");
    htmlByFile.set(file, html);
    idsByFile.set(file, new Set([...html.matchAll(ID)].map((m) => m[1]!)));
  }
  const broken: BrokenLink[] = [];
  for (const [file, html] of htmlByFile) {
    const pageUrl = new URL(file.replace(/index\.html$/, ""), origin);
    for (const tag of html.matchAll(REFERENCE)) {
      for (const [, attribute, raw] of tag[0].matchAll(ATTRIBUTE)) {
        const values =
          attribute === "srcset"
            ? decode(raw!)
                .split(",")
                .map((s) => s.trim().split(/\s+/)[0]!)
            : [decode(raw!)];
        for (const value of values) {
          if (value === "" || /^(mailto|tel|data):/i.test(value)) continue;
          const url = new URL(value, pageUrl);
          if (url.origin !== new URL(origin).origin) {
            // Only plain outbound <a> links may leave the site; assets never.
            if (tag[1]!.toLowerCase() !== "a")
              broken.push({ page: file, url: value, reason: "asset from another origin" });
            continue;
          }
          const target = fileFor(url.pathname, files);
          if (!target) {
            broken.push({ page: file, url: value, reason: "no such file in the build" });
          } else if (url.hash.length > 1 && target.endsWith(".html")) {
            const id = decodeURIComponent(url.hash.slice(1));
            if (!idsByFile.get(target)?.has(id))
              broken.push({ page: file, url: value, reason: `no element with id "${id}"` });
          }
        }
      }
    }
  }
  return broken;
}
