import { createHash } from "node:crypto";
import { mkdir, open, readFile, rename } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import matter from "gray-matter";
import { validateFrontmatter } from "../lib/article-schema.ts";
import { inBatches } from "../lib/in-batches.ts";
import { bodyOfEntry } from "../lib/article-text.ts";
import { deterministicGzip } from "../lib/dataset/gzip.ts";
import {
  CSV_FILE,
  archivePackageText,
  DATAPACKAGE_FILE,
  SLICE_DATASET_FILE,
  yearFileName,
  type FileFacts,
  type SliceDataset,
} from "../lib/dataset/package.ts";
import {
  csvHeader,
  csvLine,
  csvValues,
  datasetRecord,
  formatSample,
  jsonlLine,
} from "../lib/dataset/records.ts";
import { replaceFile } from "./replace-file.ts";
import { DatasetCacheFolder, sizeOf, type DatasetCache, type YearRecord } from "./dataset/cache.ts";
import { DATA_PATH, dataFilePath } from "../lib/permalink.ts";
import { DEFAULT_SETTINGS } from "../lib/settings.ts";
import { parseSlice } from "../lib/slice.ts";
import { builtEntries, entriesByYear, type BuiltEntry } from "./built-entries.ts";
import { keepOutput } from "./output-sweep.ts";

/** Bump to have every file written again when something `formatSample` cannot show changes. */
const FORMAT = "dataset-1";
/** Entry files read at once. */
const PARALLEL = 32;

export interface DatasetOptions {
  /** The folder holding `articles/` (relative to the working directory, or absolute). */
  archiveDir?: string;
  /**
   * `--slice` (BUILD_SLICE): a year slice writes its years' files and, instead of
   * articles.csv and datapackage.json, a record of them for the merge; the site slice
   * writes nothing.
   */
  slice?: string;
}

const sha256 = (bytes: string | Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Entries by year, each year's in path order: date, then slug. */
function byYear(entries: readonly BuiltEntry[]): Map<string, BuiltEntry[]> {
  // By date, then slug: `a` before `a-b` (the `.md` would put it after).
  const key = (entry: BuiltEntry) => entry.file.slice(0, -".md".length);
  return entriesByYear([...entries].sort((a, b) => (key(a) < key(b) ? -1 : 1)));
}

interface Context {
  site: string;
  /** Digest of the format: FORMAT and how a sample is written (gzip included). */
  format: string;
  dataDir: string;
  before: DatasetCache;
  cache: DatasetCacheFolder;
}

/**
 * One year's `articles-YYYY.jsonl.gz`, written only when an entry of the year, the site URL
 * or the format changed since the last build; otherwise kept with its bytes and mtime. Only
 * this year's texts are in memory.
 */
async function yearFile(
  year: string,
  entries: readonly BuiltEntry[],
  { site, format, dataDir, before, cache }: Context,
): Promise<{ record: YearRecord; written: boolean }> {
  // The entries' signatures stand for their texts (./built-entries.ts): a year none of
  // whose entries was written since the last build is not read.
  const key = sha256(
    [format, site, ...entries.map((entry) => `${entry.file}\0${entry.signature}`)].join("\n"),
  );
  const name = yearFileName(year);
  const path = join(dataDir, name);
  const last = before.years[year];
  if (last?.key === key && (await sizeOf(path)) === last.bytes && (await cache.hasRows(last))) {
    keepOutput(dataFilePath(name));
    return { record: last, written: false };
  }
  const texts = await inBatches(entries, PARALLEL, (entry) => readFile(entry.path, "utf8"));
  let lines = "";
  let csv = "";
  entries.forEach((entry, i) => {
    // An options object turns off gray-matter's cache of every file it has parsed.
    const parsed = validateFrontmatter(matter(texts[i]!, {}).data);
    if (!parsed.ok) throw new Error(`${entry.path}: ${parsed.errors.join("; ")}`);
    lines += jsonlLine(datasetRecord(parsed.data, bodyOfEntry(texts[i]!), site));
    csv += csvLine(csvValues(parsed.data, site));
  });
  const packed = await deterministicGzip(Buffer.from(lines));
  await replaceFile(path, packed);
  keepOutput(dataFilePath(name));
  const record = { year, articles: entries.length, bytes: packed.length, sha256: sha256(packed) };
  return {
    record: { ...record, key, csvBytes: await cache.writeRows(year, key, csv) },
    written: true,
  };
}

/** articles.csv: the header, then each year's rows, oldest first; written only if changed. */
async function csvFile(
  years: readonly YearRecord[],
  { format, dataDir, before, cache }: Context,
): Promise<FileFacts & { key: string; written: boolean }> {
  const key = sha256([format, ...years.map((year) => year.key)].join("\n"));
  const path = join(dataDir, CSV_FILE);
  keepOutput(dataFilePath(CSV_FILE));
  const last = before.csv;
  if (last?.key === key && (await sizeOf(path)) === last.bytes) return { ...last, written: false };
  // Written in parts: at 100,000 articles the file is tens of MB.
  const hash = createHash("sha256");
  let bytes = 0;
  const file = await open(`${path}.partial`, "w");
  try {
    for (const part of [null, ...years]) {
      const buffer = part === null ? Buffer.from(csvHeader()) : await cache.readRows(part);
      hash.update(buffer);
      bytes += buffer.length;
      await file.write(buffer);
    }
  } finally {
    await file.close();
  }
  await rename(`${path}.partial`, path);
  return { key, bytes, sha256: hash.digest("hex"), written: true };
}

const yearsByName = (years: readonly YearRecord[]) =>
  Object.fromEntries(years.map((year) => [year.year, year]));

/** A year slice's record of its years for `npm run merge` (instead of csv and package). */
async function writeSliceRecord(
  outDir: string,
  years: readonly YearRecord[],
  cache: DatasetCacheFolder,
): Promise<void> {
  const record: SliceDataset = { years: [] };
  for (const made of years) {
    const { year, articles, bytes, sha256 } = made;
    record.years.push({ year, articles, bytes, sha256, csv: String(await cache.readRows(made)) });
  }
  await replaceFile(join(outDir, SLICE_DATASET_FILE), JSON.stringify(record));
}

/** datapackage.json, written only when its text changed; whether it was. */
async function writeDescriptor(dataDir: string, descriptor: string): Promise<boolean> {
  const path = join(dataDir, DATAPACKAGE_FILE);
  keepOutput(dataFilePath(DATAPACKAGE_FILE));
  const current = await readFile(path, "utf8").catch(() => null);
  if (current === descriptor) return false;
  await replaceFile(path, descriptor);
  return true;
}

/**
 * Writes the archive as a dataset into `dist/data/` at the end of the build (the page
 * explaining it is src/pages/data.astro): one gzipped JSON Lines file per year, articles.csv
 * and datapackage.json. As with the article files (./article-files.ts), `dist/` is kept
 * between builds and a file whose inputs did not change is not written again; what each
 * was made from is remembered in the build cache (./dataset/cache.ts).
 */
export default function dataset(options: DatasetOptions = {}): AstroIntegration {
  const archiveDir = options.archiveDir ?? DEFAULT_SETTINGS.archiveDir;
  const slice = parseSlice(options.slice ?? DEFAULT_SETTINGS.buildSlice);
  let site = "";
  let cacheDir = "";
  return {
    name: "news-archive:dataset",
    hooks: {
      "astro:config:done": ({ config }) => {
        site = config.site ?? "";
        cacheDir = fileURLToPath(config.cacheDir);
      },
      "astro:build:done": async ({ dir, pages, logger }) => {
        if (slice.kind === "site") return;
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        const dataDir = join(outDir, DATA_PATH);
        await mkdir(dataDir, { recursive: true });
        const cache = new DatasetCacheFolder(cacheDir);
        const before = await cache.load();
        const sample = Buffer.from(formatSample(site));
        const packed = await deterministicGzip(sample);
        const format = sha256(Buffer.concat([Buffer.from(FORMAT), sample, packed]));
        const context: Context = { site, format, dataDir, before, cache };
        const years: YearRecord[] = [];
        let written = 0;
        for (const [year, entries] of byYear(
          await builtEntries(archiveDir, cacheDir, { dir, pages }),
        )) {
          const result = await yearFile(year, entries, context);
          years.push(result.record);
          if (result.written) written += 1;
        }
        if (slice.kind !== "all") {
          await writeSliceRecord(outDir, years, cache);
          await cache.save({ ...before, years: yearsByName(years) });
          logger.info(`Wrote ${written} of ${years.length} year file(s) of the dataset`);
          return;
        }
        const csv = await csvFile(years, context);
        const descriptorWritten = await writeDescriptor(
          dataDir,
          archivePackageText(site, years, csv),
        );
        await cache.save({
          years: yearsByName(years),
          csv: { key: csv.key, bytes: csv.bytes, sha256: csv.sha256 },
        });
        const ms = Math.round(performance.now() - started);
        logger.info(
          `Wrote the dataset in ${ms} ms: ${written} of ${years.length} year file(s)` +
            `${csv.written ? ", articles.csv" : ""}${descriptorWritten ? ", datapackage.json" : ""}`,
        );
      },
    },
  };
}
