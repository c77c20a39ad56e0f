/**
 * What only the whole site knows, written by the merge as a whole build writes it: the
 * search manifest (every shard, archive-wide counts), the sitemap, and the dataset's
 * `articles.csv` and `datapackage.json`, with their `.gz`.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { AstroIntegrationLogger } from "astro";
import { writeManifest } from "../../integrations/pagefind/manifest.ts";
import { precompressFile } from "../../integrations/precompress.ts";
import { writeSitemap } from "../../integrations/sitemap.ts";
import { absoluteUrl, PAGEFIND_FOLDER, SITEMAP_PATH } from "../../lib/permalink.ts";
import { SHARD_MANIFEST_FILE, type ShardManifest } from "../../lib/search/shards.ts";
import { mergedPages, mergeManifests, type SliceOutput } from "../../lib/slice-merge.ts";
import {
  CSV_FILE,
  DATAPACKAGE_FILE,
  archivePackageText,
  SLICE_DATASET_FILE,
  type SliceDataset,
} from "../../lib/dataset/package.ts";
import { csvHeader } from "../../lib/dataset/records.ts";
import { DATA_PATH } from "../../lib/permalink.ts";

/** The merge's messages, in the shape the sitemap plugin logs to. */
export function consoleLogger(): AstroIntegrationLogger {
  const log = (text: string) => console.log(`merge: ${text}`);
  const logger = { info: log, warn: log, error: log, debug: () => {}, label: "merge" };
  return { ...logger, fork: () => logger } as unknown as AstroIntegrationLogger;
}

/** The slices must have been built for the site the sitemap names (SITE_URL). */
async function checkSite(site: SliceOutput, siteUrl: string): Promise<void> {
  const robots = await readFile(join(site.dir, "robots.txt"), "utf8");
  const sitemap = absoluteUrl(SITEMAP_PATH, siteUrl);
  if (!robots.includes(sitemap)) {
    throw new Error(
      `${site.dir}/robots.txt does not name ${sitemap}: the slices were built with another ` +
        `SITE_URL than this merge's (${siteUrl}); run both with the same one`,
    );
  }
}

/** The manifest of the whole archive, from the year slices' own (none: no index). */
async function writeSearchManifest(years: readonly SliceOutput[], into: string) {
  const parts: { dir: string; manifest: ShardManifest }[] = [];
  for (const { dir } of years) {
    const file = join(dir, PAGEFIND_FOLDER, SHARD_MANIFEST_FILE);
    if (!existsSync(file)) continue;
    parts.push({ dir, manifest: JSON.parse(await readFile(file, "utf8")) as ShardManifest });
  }
  if (parts.length === 0) return 0;
  const manifest = mergeManifests(parts);
  await writeManifest(join(into, PAGEFIND_FOLDER), manifest);
  await precompressFile(into, `${PAGEFIND_FOLDER}/${SHARD_MANIFEST_FILE}`);
  return manifest.shards.length;
}

/** The dataset's files of every year, from the year slices' records (oldest first). */
async function writeDataset(years: readonly SliceOutput[], into: string, siteUrl: string) {
  const parts: SliceDataset["years"] = [];
  for (const { dir } of years) {
    const file = join(dir, SLICE_DATASET_FILE);
    if (existsSync(file))
      parts.push(...(JSON.parse(await readFile(file, "utf8")) as SliceDataset).years);
  }
  const csv = Buffer.from(csvHeader() + parts.map((part) => part.csv).join(""));
  const dataDir = DATA_PATH.replace(/^\/|\/$/g, "");
  await mkdir(join(into, dataDir), { recursive: true });
  await writeFile(join(into, dataDir, CSV_FILE), csv);
  const descriptor = archivePackageText(siteUrl, parts, {
    bytes: csv.length,
    sha256: createHash("sha256").update(csv).digest("hex"),
  });
  await writeFile(join(into, dataDir, DATAPACKAGE_FILE), descriptor);
  for (const name of [CSV_FILE, DATAPACKAGE_FILE])
    await precompressFile(into, `${dataDir}/${name}`);
  return parts.length;
}

/** Writes the manifest and sitemap of the slices (oldest years first, site last). */
export async function writeMergedFiles(
  ordered: readonly SliceOutput[],
  into: string,
  siteUrl: string,
  logger: AstroIntegrationLogger,
): Promise<void> {
  await checkSite(ordered[ordered.length - 1]!, siteUrl);
  const shards = await writeSearchManifest(ordered.slice(0, -1), into);
  const dataYears = await writeDataset(ordered.slice(0, -1), into, siteUrl);
  const pages = mergedPages(ordered);
  await writeSitemap(pathToFileURL(`${into}/`), siteUrl, pages, logger);
  for (const name of await readdir(into)) {
    if (/^sitemap-.*\.xml$/.test(name)) await precompressFile(into, name);
  }
  logger.info(
    `search manifest of ${shards} shard(s), sitemap of ${pages.length} pages, ` +
      `dataset of ${dataYears} year(s)`,
  );
}
