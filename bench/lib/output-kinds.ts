/**
 * What each file of a build is, by its path: article pages and their files, each kind of
 * list page, feeds, the sitemap, the search index's parts, assets. `.gz` copies count with
 * the kind of the file they copy, in their own columns, so a breakdown shows both what a
 * kind costs and what its precompressed copies add (bench/output-breakdown.ts).
 */

import { isGzipDownload } from "../../src/lib/deploy/caching.ts";

/** Kinds in the order a breakdown lists them. */
export const OUTPUT_KINDS = [
  "article page",
  "original.txt",
  "citation files",
  "redirect page",
  "day list",
  "day list, page 2+",
  "month list",
  "month list, page 2+",
  "year page",
  "dates index",
  "source list",
  "source list, page 2+",
  "sources index",
  "author list",
  "author list, page 2+",
  "authors index",
  "home, search, about, 404",
  "feeds",
  "sitemap",
  "search: fragments",
  "search: index chunks",
  "search: filters",
  "search: meta",
  "search: other",
  "dataset",
  "assets",
  "server and crawler files",
  "other",
] as const;
export type OutputKind = (typeof OUTPUT_KINDS)[number];

const GZ = ".gz";
const PAGED = String.raw`(?:page/\d+/)?`;
/** Patterns over `/`-separated paths relative to the build folder, tried in order. */
const PATTERNS: [RegExp, OutputKind | ((m: RegExpMatchArray) => OutputKind)][] = [
  [/^articles\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/, "article page"],
  [/^articles\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/original\.txt$/, "original.txt"],
  [/^articles\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/cite\.(?:bib|ris|json)$/, "citation files"],
  [/^articles\/\d{4}\/\d{2}\/\d{2}\/(page\/\d+\/)?index\.html$/, paged("day list")],
  [/^articles\/\d{4}\/\d{2}\/(page\/\d+\/)?index\.html$/, paged("month list")],
  [/^articles\/\d{4}\/index\.html$/, "year page"],
  [new RegExp(`^articles/${PAGED}index\\.html$`), "dates index"],
  [new RegExp(`^sources/${PAGED}index\\.html$`), "sources index"],
  [/^sources\/[^/]+\/(page\/\d+\/)?index\.html$/, paged("source list")],
  [new RegExp(`^authors/${PAGED}index\\.html$`), "authors index"],
  [/^authors\/[^/]+\/(page\/\d+\/)?index\.html$/, paged("author list")],
  [/^(?:index|404|search\/index|about\/index)\.html$/, "home, search, about, 404"],
  [/^(?:rss|atom)\.xml$/, "feeds"],
  [/^sitemap-[^/]+\.xml$/, "sitemap"],
  [/^pagefind\/.*\.pf_fragment$/, "search: fragments"],
  [/^pagefind\/.*\.pf_index$/, "search: index chunks"],
  [/^pagefind\/.*\.pf_filter$/, "search: filters"],
  [/^pagefind\/.*\.pf_meta$/, "search: meta"],
  [/^pagefind\//, "search: other"],
  [/^data\//, "dataset"],
  [/^(?:_astro\/|favicon\.)/, "assets"],
  [/^(?:_headers|_redirects|robots\.txt)$/, "server and crawler files"],
];

/** `day list` for a first page, `day list, page 2+` when the match holds `page/N/`. */
function paged(kind: "day list" | "month list" | "source list" | "author list") {
  return (m: RegExpMatchArray): OutputKind => (m[1] ? `${kind}, page 2+` : kind);
}

export interface ClassifiedFile {
  kind: OutputKind;
  /** Whether the file is a `.gz` copy of a file of that kind. */
  gz: boolean;
}

/**
 * The kind of a file of the build (`/`-separated path relative to it). `redirect` says the
 * file is an HTML page that only redirects (a moved article's alias): an alias can have any
 * path, an article's old one included, so only its content tells it apart.
 */
export function classifyOutput(path: string, redirect = false): ClassifiedFile {
  // The dataset's year files are gzip downloads, not copies of a file beside them.
  const gz = path.endsWith(GZ) && !isGzipDownload(path);
  const plain = gz ? path.slice(0, -GZ.length) : path;
  if (redirect && plain.endsWith(".html")) return { kind: "redirect page", gz };
  for (const [pattern, kind] of PATTERNS) {
    const match = pattern.exec(plain);
    if (match) return { kind: typeof kind === "string" ? kind : kind(match), gz };
  }
  return { kind: "other", gz };
}

export interface KindTotals {
  files: number;
  bytes: number;
  gzFiles: number;
  gzBytes: number;
}

export interface Breakdown {
  /** Article pages found: what "per 1,000 articles" divides by. */
  articles: number;
  kinds: Record<OutputKind, KindTotals>;
  total: KindTotals;
}

/** Totals per kind of a build's files, given each file's path, size and redirect flag. */
export function breakdownOf(
  files: Iterable<{ path: string; bytes: number; redirect?: boolean }>,
): Breakdown {
  const zero = (): KindTotals => ({ files: 0, bytes: 0, gzFiles: 0, gzBytes: 0 });
  const kinds = Object.fromEntries(OUTPUT_KINDS.map((kind) => [kind, zero()])) as Record<
    OutputKind,
    KindTotals
  >;
  const total = zero();
  for (const { path, bytes, redirect } of files) {
    const { kind, gz } = classifyOutput(path, redirect);
    for (const totals of [kinds[kind], total]) {
      if (gz) {
        totals.gzFiles += 1;
        totals.gzBytes += bytes;
      } else {
        totals.files += 1;
        totals.bytes += bytes;
      }
    }
  }
  return { articles: kinds["article page"].files, kinds, total };
}

/** Totals scaled to 1,000 articles (files rounded to whole numbers by the caller). */
export function perThousand(totals: KindTotals, articles: number): KindTotals {
  const scale = articles ? 1000 / articles : 0;
  return {
    files: totals.files * scale,
    bytes: totals.bytes * scale,
    gzFiles: totals.gzFiles * scale,
    gzBytes: totals.gzBytes * scale,
  };
}
