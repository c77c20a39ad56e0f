/**
 * What only the whole site knows, written by the merge as a whole build writes it: the
 * search manifest (every shard, archive-wide counts) and the sitemap, with their `.gz`.
 */
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { AstroIntegrationLogger } from "astro";
import { writeManifest } from "../../integrations/pagefind.ts";
import { precompressFile } from "../../integrations/precompress.ts";
import { writeSitemap } from "../../integrations/sitemap.ts";
import { absoluteUrl, PAGEFIND_PATH, SITEMAP_PATH } from "../../lib/permalink.ts";
import { SHARD_MANIFEST_FILE, type ShardManifest } from "../../lib/search/shards.ts";
import { mergedPages, mergeManifests, type SliceOutput } from "../../lib/slice-merge.ts";

const BUNDLE = PAGEFIND_PATH.replace(/^\/|\/$/g, "");

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
    const file = join(dir, BUNDLE, SHARD_MANIFEST_FILE);
    if (!existsSync(file)) continue;
    parts.push({ dir, manifest: JSON.parse(await readFile(file, "utf8")) as ShardManifest });
  }
  if (parts.length === 0) return 0;
  const manifest = mergeManifests(parts);
  await writeManifest(join(into, BUNDLE), manifest);
  await precompressFile(into, `${BUNDLE}/${SHARD_MANIFEST_FILE}`);
  return manifest.shards.length;
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
  const pages = mergedPages(ordered);
  await writeSitemap(pathToFileURL(`${into}/`), siteUrl, pages, logger);
  for (const name of await readdir(into)) {
    if (/^sitemap-.*\.xml$/.test(name)) await precompressFile(into, name);
  }
  logger.info(`search manifest of ${shards} shard(s), sitemap of ${pages.length} pages`);
}
