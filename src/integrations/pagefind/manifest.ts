/**
 * The files of `/pagefind/` beside the shards' own: each shard's facet table
 * (src/lib/search/facets.ts), gzipped as Pagefind's own files are and named after its
 * content, and the manifest that lists the shards, their tables and Pagefind entry files,
 * and the facet counts of the whole archive, so the search page needs no shard until a
 * search.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { encodeFacetTable, type FacetRecord } from "../../lib/search/facet-table.ts";
import {
  SHARD_FOLDER,
  SHARD_MANIFEST_FILE,
  type ManifestShard,
  type Shard,
  type ShardManifest,
} from "../../lib/search/shards.ts";
import { readMetaIds } from "./fragments.ts";

/** Shard folders an earlier build left in `/pagefind/`. */
export async function removeStaleShards(bundleDir: string, shards: readonly Shard[]) {
  const live = new Set(shards.map((shard) => shard.folder));
  for (const name of await readdir(bundleDir)) {
    if (SHARD_FOLDER.test(name) && !live.has(name)) {
      await rm(join(bundleDir, name), { recursive: true, force: true });
    }
  }
}

/**
 * Writes a shard's facet table into its folder (unless a kept `dist/` has it: the name is
 * its content's hash), removes any other table there, and returns its manifest entry.
 */
export async function writeShardTable(
  folder: string,
  shard: Shard,
  records: readonly FacetRecord[],
): Promise<ManifestShard> {
  const entry: unknown = JSON.parse(await readFile(join(folder, "pagefind-entry.json"), "utf8"));
  const table = encodeFacetTable(records, await readMetaIds(folder, entry));
  const bytes = gzipSync(JSON.stringify(table), { level: 9 });
  const facets = `facets.${createHash("sha256").update(bytes).digest("hex").slice(0, 16)}.pf_facets`;
  for (const name of await readdir(folder)) {
    if (/^facets\..*\.pf_facets$/.test(name) && name !== facets) await rm(join(folder, name));
  }
  if (!existsSync(join(folder, facets))) await writeFile(join(folder, facets), bytes);
  return {
    path: shard.path,
    years: [shard.years[0]!, shard.years[shard.years.length - 1]!],
    pages: records.length,
    facets,
    entry,
  };
}

/** Writes the manifest (a year slice's lists its own shards; the merge joins them). */
export async function writeManifest(bundleDir: string, manifest: ShardManifest): Promise<void> {
  await mkdir(bundleDir, { recursive: true });
  await writeFile(join(bundleDir, SHARD_MANIFEST_FILE), JSON.stringify(manifest));
}
