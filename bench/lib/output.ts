/**
 * What a build wrote, counted alike for Hugo and for us (bench/hugo.ts): HTML pages, the
 * redirect pages among them, and every file by extension, so the two sides' work can be
 * compared kind by kind.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join, relative, sep } from "node:path";

/** Redirect pages are a few hundred bytes; larger pages are not read. */
const REDIRECT_MAX_BYTES = 2048;

export interface Output {
  /** HTML files, redirects included. */
  htmlPages: number;
  /** HTML files that only redirect (`<meta http-equiv="refresh">`): aliases, Hugo's page/1/. */
  redirectPages: number;
  files: number;
  bytes: number;
  /** Files per extension (`.html`, `.txt`, `.bib`...). */
  byExtension: Record<string, number>;
}

export function outputOf(dir: string, skip: (path: string) => boolean = () => false): Output {
  const output: Output = { htmlPages: 0, redirectPages: 0, files: 0, bytes: 0, byExtension: {} };
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if (skip(relative(dir, path))) continue;
    const size = statSync(path).size;
    const ext = extname(entry.name) || "(none)";
    output.files++;
    output.bytes += size;
    output.byExtension[ext] = (output.byExtension[ext] ?? 0) + 1;
    if (ext !== ".html") continue;
    output.htmlPages++;
    // Redirect pages are a few hundred bytes; only those are read.
    if (size < REDIRECT_MAX_BYTES && /http-equiv="?refresh/i.test(readFileSync(path, "utf8"))) {
      output.redirectPages++;
    }
  }
  return output;
}

/** `YYYY/MM/DD/<slug>` of every entry under `articles/`, from the file paths. */
export function entryKeys(articlesDir: string): string[] {
  return readdirSync(articlesDir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".md"))
    .map((file) => file.slice(0, -3));
}

/** Entries whose page is missing at /articles/YYYY/MM/DD/<slug>/ in a build. */
export function missingPages(outDir: string, keys: string[]): string[] {
  return keys.filter((key) => !existsSync(join(outDir, "articles", key, "index.html")));
}

/** Warning and error lines of a build's output. */
export function warningLines(output: string): string[] {
  return output
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => /^(WARN|ERROR)\b|\[(warn|error)\]|\bwarning\b/i.test(line));
}

/**
 * Every file under `dir` (`/`-separated path relative to it) with its size, and whether it
 * is an HTML page that only redirects, for bench/lib/output-kinds.ts.
 */
export function* filesOf(
  dir: string,
): Generator<{ path: string; bytes: number; redirect: boolean }> {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    const bytes = statSync(full).size;
    const redirect =
      entry.name.endsWith(".html") &&
      bytes < REDIRECT_MAX_BYTES &&
      /http-equiv="?refresh/i.test(readFileSync(full, "utf8"));
    yield { path: relative(dir, full).split(sep).join("/"), bytes, redirect };
  }
}
