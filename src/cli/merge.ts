/**
 * `npm run merge -- [--out DIR] <slice output>...`: joins the outputs of slice builds
 * (`npm run build -- --slice X`, README "Building an archive too large for one machine")
 * into one site, the same files a whole build writes. The site is assembled in a folder
 * beside DIR and renamed into place, so DIR is never half written; then the nginx config
 * is written beside it, as a build does.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import process from "node:process";
import {
  deployDirFor,
  NGINX_CONFIG_FILE,
  NGINX_SITE_FILE,
  nginxServerConfig,
  nginxSiteConfig,
} from "../lib/deploy/nginx.ts";
import { parseRedirectsFile } from "../lib/deploy/redirects.ts";
import { settingsFrom } from "../lib/settings.ts";
import {
  MERGE_USAGE,
  orderSlices,
  parseMergeArgs,
  SLICE_RECORD_FILE,
  type SliceOutput,
  type SliceRecord,
} from "../lib/slice-merge.ts";
import { copySlices } from "./merge/copy-slices.ts";
import { consoleLogger, writeMergedFiles } from "./merge/global-files.ts";

async function readSlice(dir: string): Promise<SliceOutput> {
  const file = join(dir, SLICE_RECORD_FILE);
  if (!existsSync(file)) {
    throw new Error(
      `${dir} is not the output of a slice build (no ${SLICE_RECORD_FILE}): build it with ` +
        `npm run build -- --slice X`,
    );
  }
  return { dir, record: JSON.parse(await readFile(file, "utf8")) as SliceRecord };
}

/** Replaces `out` with `built` by renames (the old site is removed after). */
async function swapInto(built: string, out: string): Promise<void> {
  const old = `${out}.old-${process.pid}`;
  const had = existsSync(out);
  if (had) await rename(out, old);
  await rename(built, out);
  if (had) await rm(old, { recursive: true, force: true });
}

/** The nginx config beside the site, as a build writes it (README, "Deploy"). */
async function writeDeployFiles(out: string): Promise<void> {
  const redirects = parseRedirectsFile(await readFile(join(out, "_redirects"), "utf8"));
  const deployDir = deployDirFor(out);
  await mkdir(deployDir, { recursive: true });
  await writeFile(join(deployDir, NGINX_SITE_FILE), nginxSiteConfig(redirects));
  await writeFile(join(deployDir, NGINX_CONFIG_FILE), nginxServerConfig({ root: out }));
}

/** Runs the merge for `argv` (without node and the script); the exit status. */
export async function main(argv: string[], env: Record<string, string | undefined>) {
  const settings = settingsFrom(env);
  let args;
  try {
    args = parseMergeArgs(argv, settings.outDir);
  } catch (error) {
    process.stderr.write(`merge: ${(error as Error).message}\n\n${MERGE_USAGE}`);
    return 2;
  }
  const out = resolve(args.out);
  const ordered = orderSlices(await Promise.all(args.dirs.map(readSlice)));
  const building = `${out}.merging-${process.pid}`;
  await rm(building, { recursive: true, force: true });
  try {
    const files = await copySlices(ordered, building);
    await writeMergedFiles(ordered, building, settings.siteUrl, consoleLogger());
    await swapInto(building, out);
    console.log(`merge: ${ordered.length} slices, ${files} files, into ${out}`);
  } catch (error) {
    await rm(building, { recursive: true, force: true });
    throw error;
  }
  await writeDeployFiles(out);
  return 0;
}

/** Run as a program, not when imported by a test. */
if (import.meta.filename === resolve(process.argv[1] ?? "")) {
  try {
    process.exitCode = await main(process.argv.slice(2), process.env);
  } catch (error) {
    process.stderr.write(`merge: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
