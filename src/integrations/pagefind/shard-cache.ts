/**
 * The search shards kept in the build cache, so a rebuild reuses every shard whose pages
 * index the same. Each shard is written to `<cacheDir>/search-shards/<key>/`, keyed by the
 * index settings and what Pagefind reads of its pages, and linked into `dist/`: adding an
 * article re-indexes only its year.
 */
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
import { replaceFile } from "../replace-file.ts";
import type { FacetRecord } from "../../lib/search/facet-table.ts";
import { indexFingerprint, SHARD_FOLDER, type Shard } from "../../lib/search/shards.ts";

/** Written last into a cached shard: a folder without it is a half-written one. */
const COMPLETE = "complete.json";
/** A cached shard's facet records, for the table of all shards. */
const RECORDS = "facet-records.json";
/**
 * What a shard other than the first needs: its index and its languages' WebAssembly (the
 * first shard's languages may be others), not Pagefind's script and UI.
 */
const INDEX_FILES = /^(pagefind-entry\.json|.*\.pf_meta|fragment|index|filter|wasm\..+\.pagefind)$/;
/** Pages hashed at once. */
const BATCH = 64;

/**
 * Hashes of what Pagefind reads of each page, by page file, with the file's mtime and size
 * when hashed: a page the incremental build kept (same mtime and size) is not read again.
 */
type Fingerprints = Record<string, [mtimeMs: number, size: number, hash: string]>;

/** Everything that changes how the same pages index: part of every shard's cache key. */
export function indexSettingsKey(indexOptions: object): string {
  const packageFile = join(
    dirname(fileURLToPath(import.meta.resolve("pagefind"))),
    "../package.json",
  );
  const { version } = JSON.parse(readFileSync(packageFile, "utf8")) as { version: string };
  return JSON.stringify({ pagefind: version, options: indexOptions, layout: 1 });
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

export class ShardCache {
  readonly #dir: string;
  readonly #fingerprintsFile: string;
  readonly #settings: string;
  readonly #before: Fingerprints;
  readonly #after: Fingerprints = {};
  readonly #used = new Set<string>();

  private constructor(cacheDir: string, settings: string, before: Fingerprints) {
    this.#dir = join(cacheDir, "search-shards");
    this.#fingerprintsFile = join(cacheDir, "search-fingerprints.json");
    this.#settings = settings;
    this.#before = before;
  }

  /** The cache in `cacheDir`, for shards indexed with `settings` (see indexSettingsKey). */
  static async open(cacheDir: string, settings: string): Promise<ShardCache> {
    const file = join(cacheDir, "search-fingerprints.json");
    const before = existsSync(file)
      ? (JSON.parse(await readFile(file, "utf8")) as Fingerprints)
      : {};
    return new ShardCache(cacheDir, settings, before);
  }

  /** The shard's cache key: index settings and, per page, its URL and what Pagefind reads. */
  async keyOf(outDir: string, pathnames: readonly string[]): Promise<string> {
    const hash = createHash("sha256").update(this.#settings);
    const sorted = [...pathnames].sort();
    for (let i = 0; i < sorted.length; i += BATCH) {
      const batch = sorted.slice(i, i + BATCH);
      const hashes = await Promise.all(batch.map((pathname) => this.#pageHash(outDir, pathname)));
      hashes.forEach((page, j) => hash.update(`\0${batch[j]}\0${page}`));
    }
    const key = hash.digest("hex").slice(0, 32);
    this.#used.add(key);
    return key;
  }

  async #pageHash(outDir: string, pathname: string): Promise<string> {
    const file = join(outDir, pathname, "index.html");
    const { mtimeMs, size } = await stat(file);
    const known = this.#before[pathname];
    const page =
      known && known[0] === mtimeMs && known[1] === size
        ? known[2]
        : createHash("sha256")
            .update(indexFingerprint(await readFile(file, "utf8")))
            .digest("hex");
    this.#after[pathname] = [mtimeMs, size, page];
    return page;
  }

  /** Whether the shard `key` was indexed, completely, by an earlier build. */
  has(key: string): boolean {
    return existsSync(join(this.#dir, key, COMPLETE));
  }

  /**
   * Stores the shard `key`: `index` writes its index into the folder it is given and
   * returns its facet records. The shard counts as cached only once all is written.
   */
  async fill(
    key: string,
    shard: Shard,
    index: (folder: string) => Promise<FacetRecord[]>,
  ): Promise<void> {
    const folder = join(this.#dir, key);
    const partial = `${folder}.partial`;
    await rm(partial, { recursive: true, force: true });
    const records = await index(partial);
    await writeFile(join(partial, RECORDS), JSON.stringify(records));
    await writeFile(
      join(partial, COMPLETE),
      JSON.stringify({ years: shard.years, pages: records.length }),
    );
    await rm(folder, { recursive: true, force: true });
    await rename(partial, folder);
  }

  /** The facet records of the cached shard `key`. */
  async records(key: string): Promise<FacetRecord[]> {
    return JSON.parse(await readFile(join(this.#dir, key, RECORDS), "utf8")) as FacetRecord[];
  }

  /**
   * Puts the cached shard `key` into `target` in `dist/` unless `dist/` (kept between
   * builds) already holds it: the same `pagefind-entry.json` names the same index files.
   * Otherwise what an earlier index left there goes first; the primary shard shares its
   * folder with the others' ones.
   */
  async place(key: string, target: string, primary: boolean): Promise<void> {
    const cached = join(this.#dir, key);
    const entry = "pagefind-entry.json";
    const same = await Promise.all([
      readFile(join(cached, entry)),
      readFile(join(target, entry)).catch(() => null),
    ]).then(([a, b]) => b !== null && a.equals(b));
    // (A dist/ kept from before shards carried their WebAssembly has the same entry.)
    const wasm = (await readdir(cached)).filter((name) => /^wasm\..+\.pagefind$/.test(name));
    if (same && wasm.every((name) => existsSync(join(target, name)))) return;
    if (!primary) await rm(target, { recursive: true, force: true });
    else if (existsSync(target)) {
      for (const name of await readdir(target)) {
        if (!SHARD_FOLDER.test(name))
          await rm(join(target, name), { recursive: true, force: true });
      }
    }
    await linkTree(cached, target, (name) =>
      primary ? name !== COMPLETE && name !== RECORDS : INDEX_FILES.test(name),
    );
  }

  /** Removes the shards this build did not use and keeps the page fingerprints it took. */
  async close(): Promise<void> {
    if (existsSync(this.#dir)) {
      for (const name of await readdir(this.#dir)) {
        if (!this.#used.has(name))
          await rm(join(this.#dir, name), { recursive: true, force: true });
      }
    }
    await mkdir(dirname(this.#fingerprintsFile), { recursive: true });
    await replaceFile(this.#fingerprintsFile, JSON.stringify(this.#after));
  }
}
