import { mkdir, readdir, readFile, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import type { FileFacts, YearFacts } from "../../lib/dataset/package.ts";
import { replaceFile } from "../replace-file.ts";

/** What one year's file was made from (`key`), and the size of its rows of articles.csv. */
export interface YearRecord extends YearFacts {
  key: string;
  csvBytes: number;
}

/** What the dataset step remembers from one build to the next. */
export interface DatasetCache {
  years: { [year: string]: YearRecord };
  csv?: FileFacts & { key: string };
}

const FOLDER = "dataset";
const RECORD = "years.json";
/** The one JSON of the first version, rows included: removed when the folder is saved. */
const EARLIER_RECORD = "dataset.json";

/** A year's rows, in a file named by what they were made from: never another year's. */
const rowsFile = (year: string, key: string) => `rows-${year}-${key}.csv`;

/** Size of a file, or -1 when it is missing. */
export const sizeOf = (path: string) =>
  stat(path).then(
    (s) => s.size,
    () => -1,
  );

/**
 * The dataset step's part of the build cache, a folder: `years.json` (what each year's
 * file and articles.csv were made from) and each year's rows of articles.csv in a file of
 * its own. In one JSON the rows were escaped and parsed again by every build (36 MB at
 * 100,000 articles, 3.4 s of a build that adds one article); here a build reads only the
 * rows it writes into articles.csv, and writes only a changed year's.
 */
export class DatasetCacheFolder {
  readonly #dir: string;
  readonly #cacheDir: string;

  constructor(cacheDir: string) {
    this.#cacheDir = cacheDir;
    this.#dir = join(cacheDir, FOLDER);
  }

  /** What the last build saved; nothing if it saved nothing or something unreadable. */
  async load(): Promise<DatasetCache> {
    const text = await readFile(join(this.#dir, RECORD), "utf8").catch(() => null);
    try {
      return text === null ? { years: {} } : (JSON.parse(text) as DatasetCache);
    } catch {
      return { years: {} };
    }
  }

  /** Whether the rows of `record`'s year, as it was made, are still here. */
  async hasRows(record: YearRecord): Promise<boolean> {
    return (await sizeOf(join(this.#dir, rowsFile(record.year, record.key)))) === record.csvBytes;
  }

  /** Keeps a year's rows of articles.csv; returns their size in bytes. */
  async writeRows(year: string, key: string, rows: string): Promise<number> {
    await mkdir(this.#dir, { recursive: true });
    const bytes = Buffer.from(rows);
    await replaceFile(join(this.#dir, rowsFile(year, key)), bytes);
    return bytes.length;
  }

  /** The rows of `record`'s year. */
  readRows(record: YearRecord): Promise<Buffer> {
    return readFile(join(this.#dir, rowsFile(record.year, record.key)));
  }

  /** Saves `cache` and removes the rows no year of it names (and the earlier record). */
  async save(cache: DatasetCache): Promise<void> {
    await mkdir(this.#dir, { recursive: true });
    await replaceFile(join(this.#dir, RECORD), JSON.stringify(cache));
    const named = new Set(Object.values(cache.years).map((year) => rowsFile(year.year, year.key)));
    for (const name of await readdir(this.#dir)) {
      if (name.startsWith("rows-") && !named.has(name)) await rm(join(this.#dir, name));
    }
    await rm(join(this.#cacheDir, EARLIER_RECORD), { force: true });
  }
}
