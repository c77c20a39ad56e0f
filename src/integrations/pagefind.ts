import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import {
  copyFile,
  link,
  mkdir,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  writeFile,
} from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync, gzipSync } from "node:zlib";
import type { AstroIntegration } from "astro";
import * as pagefind from "pagefind";
import { isCalendarDate } from "../lib/dates.ts";
import { PAGEFIND_PATH } from "../lib/permalink.ts";
import { encodeFacetTable, type FacetRecord } from "../lib/search/facets.ts";
import {
  articlePagesByYear,
  articleYearOf,
  DEFAULT_SHARD_PAGES,
  indexFingerprint,
  planShards,
  SHARD_FOLDER,
  SHARD_MANIFEST_FILE,
  type Shard,
  type ShardManifest,
} from "../lib/search/shards.ts";
import { FACETS } from "../lib/search/state.ts";
import { ownOutputFolder } from "./output-sweep.ts";

/**
 * Indexes the built site with Pagefind's Node API at `astro:build:done`, so `astro build`
 * alone yields a searchable `dist/` (no second CLI step). Which parts of a page are
 * indexed, and with what filters, sort keys and metadata, is decided by the data-pagefind-*
 * attributes in src/layouts and src/components.
 *
 * One index for every language: articles in English and Azerbaijani (and any other) are
 * searched together and told apart by the `language` filter, rather than split into one
 * index per `<html lang>` that a search page would see only one of. English stemming then
 * applies to all words; words without English suffixes are unaffected by it.
 *
 * The index is built in shards of consecutive years (src/lib/search/shards.ts), one Pagefind
 * process after another, so memory stays that of one shard. Each shard is written to
 * `<cacheDir>/search-shards/<key>/`, keyed by what Pagefind reads of its pages, and linked
 * into `dist/`: the next build reuses every shard whose pages index the same, so adding an
 * article re-indexes only its year.
 *
 * Next to the index it writes the facet table of the search page (src/lib/search/facets.ts):
 * each indexed page's id, date and filter values, read back from the fragments Pagefind
 * wrote, gzipped as Pagefind's own files are and named after its content, and the manifest
 * that lists the shards and the table.
 */
export const INDEX_OPTIONS = {
  forceLanguage: "en",
  // Hosts cap file counts: past this many pages, fragments are bundled into shared files,
  // so no folder of the index ever holds more (10,000 articles stay one file each).
  maxFragments: Number(process.env["PAGEFIND_MAX_FRAGMENTS"]) || 10_000,
} as const satisfies pagefind.PagefindServiceConfig;

/** Pagefind's files are gzip, then a 12-byte signature, then the content. */
const SIGNATURE = "pagefind_dcd";

function decodePagefindFile(bytes: Uint8Array): string {
  const raw = gunzipSync(bytes);
  const text = raw.toString("utf8");
  return text.startsWith(SIGNATURE) ? text.slice(SIGNATURE.length) : text;
}

interface Fragment {
  url: string;
  meta?: Record<string, string>;
  filters?: Record<string, string[]>;
}

/** Facet records of every page, from single fragment files or bundled fragment groups. */
export function facetRecordsFrom(files: { path: string; content: Uint8Array }[]): FacetRecord[] {
  const records: FacetRecord[] = [];
  const add = (id: string, fragment: Fragment) => {
    const date = fragment.meta?.["date"];
    if (!date || !isCalendarDate(date)) {
      throw new Error(`Indexed page ${fragment.url} has no date metadata (YYYY-MM-DD)`);
    }
    const facets: FacetRecord["facets"] = {};
    for (const facet of FACETS) {
      const values = fragment.filters?.[facet];
      if (values?.length) facets[facet] = values;
    }
    records.push({ id, url: fragment.url, date, facets });
  };
  for (const file of files) {
    const match = /^fragment\/(.+)\.pf_fragment$/.exec(file.path);
    if (!match) continue;
    const json = JSON.parse(decodePagefindFile(file.content)) as
      Fragment | Record<string, Fragment>;
    if (typeof json.url === "string") add(match[1]!, json as Fragment);
    else
      for (const [id, fragment] of Object.entries(json as Record<string, Fragment>))
        add(id, fragment);
  }
  return records;
}

/** Everything that changes how the same pages index: part of every shard's cache key. */
const SETTINGS = JSON.stringify({
  pagefind: (
    JSON.parse(
      readFileSync(
        join(dirname(fileURLToPath(import.meta.resolve("pagefind"))), "../package.json"),
        "utf8",
      ),
    ) as { version: string }
  ).version,
  options: INDEX_OPTIONS,
  layout: 1,
});

/** Written last into a cached shard: a folder without it is a half-written one. */
const COMPLETE = "complete.json";
/** A cached shard's facet records, for the table of all shards. */
const RECORDS = "facet-records.json";
/** What a shard other than the first needs: its index, not Pagefind's script and UI. */
const INDEX_FILES = /^(pagefind-entry\.json|.*\.pf_meta|fragment|index|filter)$/;

/**
 * Hashes of what Pagefind reads of each page, by page file, with the file's mtime and size
 * when hashed: a page the incremental build kept (same mtime and size) is not read again.
 */
type Fingerprints = Record<string, [mtimeMs: number, size: number, hash: string]>;

/** The shard's cache key: index settings and, per page, its URL and what Pagefind reads. */
async function shardKey(
  outDir: string,
  pathnames: readonly string[],
  before: Fingerprints,
  after: Fingerprints,
): Promise<string> {
  const hash = createHash("sha256").update(SETTINGS);
  const sorted = [...pathnames].sort();
  const BATCH = 64;
  for (let i = 0; i < sorted.length; i += BATCH) {
    const batch = sorted.slice(i, i + BATCH);
    const hashes = await Promise.all(
      batch.map(async (pathname) => {
        const file = join(outDir, pathname, "index.html");
        const { mtimeMs, size } = await stat(file);
        const known = before[pathname];
        const page =
          known && known[0] === mtimeMs && known[1] === size
            ? known[2]
            : createHash("sha256")
                .update(indexFingerprint(await readFile(file, "utf8")))
                .digest("hex");
        after[pathname] = [mtimeMs, size, page];
        return page;
      }),
    );
    hashes.forEach((page, j) => hash.update(`\0${batch[j]}\0${page}`));
  }
  return hash.digest("hex").slice(0, 32);
}

async function readFragments(folder: string): Promise<{ path: string; content: Uint8Array }[]> {
  const dir = join(folder, "fragment");
  const names = existsSync(dir) ? await readdir(dir) : [];
  return Promise.all(
    names.map(async (name) => ({
      path: `fragment/${name}`,
      content: await readFile(join(dir, name)),
    })),
  );
}

/** Indexes one shard's years of `outDir` into `folder`, in a Pagefind process of its own. */
async function indexShard(outDir: string, shard: Shard, folder: string): Promise<void> {
  const partial = `${folder}.partial`;
  await rm(partial, { recursive: true, force: true });
  try {
    const { index, errors } = await pagefind.createIndex(INDEX_OPTIONS);
    if (!index) throw new Error(errors.join("\n"));
    for (const year of shard.years) {
      const added = await index.addDirectory({ path: outDir, glob: `articles/${year}/**/*.html` });
      if (added.errors.length) throw new Error(added.errors.join("\n"));
    }
    const written = await index.writeFiles({ outputPath: partial });
    if (written.errors.length) throw new Error(written.errors.join("\n"));
  } finally {
    // A fresh process per shard: Pagefind's memory goes back before the next one.
    await pagefind.close();
  }
  const records = facetRecordsFrom(await readFragments(partial));
  for (const record of records) {
    const year = record.date.slice(0, 4);
    if (!shard.years.includes(year) || articleYearOf(record.url) !== year) {
      throw new Error(
        `Indexed page ${record.url} (${record.date}) is outside the ${shard.path} shard`,
      );
    }
  }
  await writeFile(join(partial, RECORDS), JSON.stringify(records));
  await writeFile(
    join(partial, COMPLETE),
    JSON.stringify({ years: shard.years, pages: records.length }),
  );
  await rm(folder, { recursive: true, force: true });
  await rename(partial, folder);
}

/** Hard-links (or, across file systems, copies) a cached shard's files into `dist/`. */
async function linkTree(from: string, to: string, keep: (name: string) => boolean) {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    if (!keep(entry.name)) continue;
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) {
      await linkTree(source, target, () => true);
      continue;
    }
    await rm(target, { force: true });
    await link(source, target).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== "EXDEV" && error.code !== "EPERM") throw error;
      await copyFile(source, target);
    });
  }
}

/**
 * Puts a cached shard into `dist/` unless `dist/` (kept between builds) already holds it:
 * the same `pagefind-entry.json` names the same index files. Otherwise what an earlier
 * index left there goes first; the primary shard shares its folder with the others' ones.
 */
async function placeShard(cached: string, target: string, primary: boolean): Promise<void> {
  const entry = "pagefind-entry.json";
  const same = await Promise.all([
    readFile(join(cached, entry)),
    readFile(join(target, entry)).catch(() => null),
  ]).then(([a, b]) => b !== null && a.equals(b));
  if (same) return;
  if (!primary) await rm(target, { recursive: true, force: true });
  else if (existsSync(target)) {
    for (const name of await readdir(target)) {
      if (!SHARD_FOLDER.test(name)) await rm(join(target, name), { recursive: true, force: true });
    }
  }
  await linkTree(cached, target, (name) =>
    primary ? name !== COMPLETE && name !== RECORDS : INDEX_FILES.test(name),
  );
}

/** Shard folders and facet tables an earlier build left in `/pagefind/`. */
async function removeStale(bundleDir: string, shards: readonly Shard[], facets: string) {
  const live = new Set(shards.map((shard) => shard.folder));
  for (const name of await readdir(bundleDir)) {
    const stale =
      (SHARD_FOLDER.test(name) && !live.has(name)) ||
      (/^facets\..*\.pf_facets$/.test(name) && name !== facets);
    if (stale) await rm(join(bundleDir, name), { recursive: true, force: true });
  }
}

export default function pagefindIntegration(): AstroIntegration {
  let cacheDir = "";
  return {
    name: "news-archive:pagefind",
    hooks: {
      "astro:config:done": ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
        // Its shards and tables in the kept dist/ are replaced and removed here.
        ownOutputFolder(PAGEFIND_PATH);
      },
      "astro:build:done": async ({ dir, pages, logger }) => {
        // For measuring the render alone on archives too large to index on one machine.
        if (process.env["SEARCH_INDEX"] === "off") {
          // (Nor one kept from an earlier build into this dist/: it would be stale.)
          await rm(join(fileURLToPath(dir), PAGEFIND_PATH), { recursive: true, force: true });
          logger.warn("SEARCH_INDEX=off: no search index written");
          return;
        }
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        const bundleDir = join(outDir, PAGEFIND_PATH);
        const shardsDir = join(cacheDir, "search-shards");
        const byYear = articlePagesByYear(pages.map((page) => page.pathname));
        const maxPages = Number(process.env["SEARCH_SHARD_PAGES"]) || DEFAULT_SHARD_PAGES;
        const shards = planShards(
          new Map([...byYear].map(([year, paths]) => [year, paths.length])),
          maxPages,
        );
        const fingerprintsFile = join(cacheDir, "search-fingerprints.json");
        const fingerprints: Fingerprints = existsSync(fingerprintsFile)
          ? (JSON.parse(await readFile(fingerprintsFile, "utf8")) as Fingerprints)
          : {};
        const nextFingerprints: Fingerprints = {};
        const used = new Set<string>();
        const records: FacetRecord[] = [];
        const segments: number[] = [];
        let indexed = 0;
        let reused = 0;
        for (const shard of shards) {
          const key = await shardKey(
            outDir,
            shard.years.flatMap((year) => byYear.get(year)!),
            fingerprints,
            nextFingerprints,
          );
          const folder = join(shardsDir, key);
          if (existsSync(join(folder, COMPLETE))) reused += 1;
          else {
            await indexShard(outDir, shard, folder);
            indexed += 1;
          }
          used.add(key);
          await placeShard(folder, join(outDir, shard.path), shard.folder === null);
          const shardRecords = JSON.parse(
            await readFile(join(folder, RECORDS), "utf8"),
          ) as FacetRecord[];
          records.push(...shardRecords);
          segments.push(shardRecords.length);
        }
        // Shards no build uses any more.
        if (existsSync(shardsDir)) {
          for (const name of await readdir(shardsDir)) {
            if (!used.has(name)) await rm(join(shardsDir, name), { recursive: true, force: true });
          }
        }
        const table = encodeFacetTable(records, segments);
        const facetBytes = gzipSync(JSON.stringify(table), { level: 9 });
        const facets = `facets.${createHash("sha256").update(facetBytes).digest("hex").slice(0, 16)}.pf_facets`;
        await mkdir(bundleDir, { recursive: true });
        await writeFile(join(bundleDir, facets), facetBytes);
        await removeStale(bundleDir, shards, facets);
        await mkdir(cacheDir, { recursive: true });
        await writeFile(`${fingerprintsFile}.partial`, JSON.stringify(nextFingerprints));
        await rename(`${fingerprintsFile}.partial`, fingerprintsFile);
        const manifest: ShardManifest = {
          version: 1,
          shards: shards.map((shard) => ({
            path: shard.path,
            years: [shard.years[0]!, shard.years[shard.years.length - 1]!],
            pages: shard.pages,
          })),
          facets,
        };
        await writeFile(join(bundleDir, SHARD_MANIFEST_FILE), JSON.stringify(manifest));
        const ms = Math.round(performance.now() - started);
        logger.info(
          `Indexed ${table.rows} pages in ${ms} ms: ${shards.length} shard(s), ${indexed} ` +
            `indexed, ${reused} reused; facet table ${(facetBytes.length / 1024).toFixed(1)} KB`,
        );
      },
    },
  };
}
