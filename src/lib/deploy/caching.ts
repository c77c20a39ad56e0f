/**
 * How long browsers and CDNs may keep each kind of file, and which files are worth a
 * precompressed `.gz` copy: one set of rules for the nginx config and the README's
 * object-storage commands.
 */

/** Files whose name carries a hash of their content: a new version is a new URL. */
export const IMMUTABLE = "public, max-age=31536000, immutable";
/** Everything else (pages, feeds, the search manifest): ask the server each time. */
export const REVALIDATE = "no-cache";

/** Astro's bundled scripts and styles, all content-hashed. */
export const HASHED_ASSETS_PATH = "/_astro/";
/**
 * Pagefind's hashed index files (`en_4e99a3e.pf_fragment`, `pagefind.en_356428125d.pf_meta`).
 * Its entry files (`pagefind-entry.json`, `wasm.en.pagefind`, `pagefind.js`) and the
 * shard manifest (`search-shards.json`) keep their names across builds, so they revalidate.
 */
export const HASHED_PAGEFIND_EXTENSIONS = [
  "pf_fragment",
  "pf_index",
  "pf_filter",
  "pf_meta",
  "pf_facets",
] as const;

/** The Cache-Control of a site path (`/_astro/x.js`, `/articles/.../`). */
export function cacheControlFor(path: string): string {
  if (path.startsWith(HASHED_ASSETS_PATH)) return IMMUTABLE;
  const extension = path.slice(path.lastIndexOf(".") + 1);
  if (path.includes(".") && (HASHED_PAGEFIND_EXTENSIONS as readonly string[]).includes(extension))
    return IMMUTABLE;
  return REVALIDATE;
}

/**
 * Text files a reader's pages load, written again as `<file>.gz` for nginx's `gzip_static`:
 * pages, styles, scripts, the search's JSON, feeds and sitemaps. Not `original.txt`, read
 * far more rarely than it is built (one `.gz` per article): nginx gzips it on the fly
 * (`gzip_types` in ./nginx.ts). Pagefind's `pf_*` files and its `.pagefind` WebAssembly are
 * gzip already; images other than SVG too.
 */
export const PRECOMPRESSED_EXTENSIONS = [
  "html",
  "css",
  "js",
  "mjs",
  "json",
  "xml",
  "svg",
  // The dataset's articles.csv (/data/): tens of MB at 100,000 articles, too big to gzip
  // at every request.
  "csv",
] as const;

/** The suffix of a compressed copy beside its file (written by the `.gz` step, kept by the sweep). */
export const GZ = ".gz";

/**
 * Files the build writes gzipped as they are served (the dataset's `articles-YYYY.jsonl.gz`):
 * downloads, not `.gz` copies of another file, so no file beside them is missing.
 */
export const GZIP_DOWNLOAD_SUFFIXES = [".jsonl.gz"] as const;

/** Whether a file ending in `.gz` is a download in its own right rather than a `.gz` copy. */
export function isGzipDownload(path: string): boolean {
  return GZIP_DOWNLOAD_SUFFIXES.some((suffix) => path.endsWith(suffix));
}

/**
 * Below this size a file gets no `.gz` and nginx sends it as it is (`gzip_min_length`):
 * the citation files and the favicon, a few hundred bytes each, would save a packet at most
 * and cost a file each.
 */
export const PRECOMPRESS_MIN_BYTES = 1024;

/** Whether a file (any path, `/`-separated) of `bytes` gets a `.gz` copy. */
export function isPrecompressed(path: string, bytes: number): boolean {
  const name = path.slice(path.lastIndexOf("/") + 1);
  const dot = name.lastIndexOf(".");
  return (
    bytes >= PRECOMPRESS_MIN_BYTES &&
    dot > 0 &&
    (PRECOMPRESSED_EXTENSIONS as readonly string[]).includes(name.slice(dot + 1))
  );
}
