import { createHash } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import matter from "gray-matter";
import { aliasRedirects } from "../lib/aliases.ts";
import { validateFrontmatter } from "../lib/article-schema.ts";
import {
  deployDirFor,
  NGINX_CONFIG_FILE,
  NGINX_SITE_FILE,
  nginxServerConfig,
  nginxSiteConfig,
} from "../lib/deploy/nginx.ts";
import { redirectsFile, type Redirect } from "../lib/deploy/redirects.ts";
import { inBatches } from "../lib/in-batches.ts";
import { entryPathFor, type ArticleKey } from "../lib/permalink.ts";
import { DEFAULT_SETTINGS } from "../lib/settings.ts";
import { buildsSite, parseSlice } from "../lib/slice.ts";
import { archiveEntries, builtEntries, entriesByYear, type BuiltEntry } from "./built-entries.ts";
import { replaceFile } from "./replace-file.ts";

export interface DeployFilesOptions {
  /** The folder holding `articles/` (relative to the working directory, or absolute). */
  archiveDir?: string;
  /**
   * What this build makes (`BUILD_SLICE`): a year slice writes none of these (the site
   * slice does, from every entry of the archive, as it renders every alias page).
   */
  slice?: string;
}

/** What the redirects need of an entry that has aliases. */
type Aliased = ArticleKey & { aliases: string[] };

/**
 * Per year of entries: what its entries were (a digest of their files and signatures,
 * ./built-entries.ts), and those with aliases. One line an entry took 21 MB at 100,000
 * articles, read and written by every build; a year whose entries did not change is not read.
 */
type AliasRecord = Record<string, [key: string, aliased: Aliased[]]>;

/** Entry files read at once. */
const READ_AT_ONCE = 64;
/** The record of each year's aliases, in the build cache. */
const ALIAS_RECORD = "deploy-aliases-2.json";
/** The record's earlier form, removed when this one is written. */
const EARLIER_RECORD = "deploy-aliases-1.json";

/** The last build's record, or none (a first build, or a file that is not one). */
async function readRecord(path: string): Promise<AliasRecord> {
  try {
    const record: unknown = JSON.parse(await readFile(path, "utf8"));
    return record && typeof record === "object" ? (record as AliasRecord) : {};
  } catch {
    return {};
  }
}

/**
 * What the redirects need of one entry, read from its file: only an entry that mentions
 * `aliases` is parsed (no YAML for the rest).
 */
async function aliasedOf({ file, path }: BuiltEntry): Promise<Aliased | null> {
  const text = await readFile(path, "utf8");
  if (!/^aliases:/m.test(text)) return null;
  const parsed = validateFrontmatter(matter(text, {}).data);
  if (!parsed.ok) throw new Error(`${file}: ${parsed.errors.join("; ")}`);
  const { date, slug, aliases = [] } = parsed.data;
  return { date, slug, aliases };
}

/**
 * The aliases of `entries`, as the alias pages have them (src/pages/[...alias].astro, which
 * has already refused a clash). A year whose entries and their signatures are those `before`
 * holds is not read: reading all 100,000 took 5 s of every build. Returns the record for
 * the next build.
 */
async function aliasesOf(
  entries: readonly BuiltEntry[],
  before: AliasRecord,
): Promise<{ redirects: Redirect[]; record: AliasRecord }> {
  const record: AliasRecord = {};
  for (const [year, ofYear] of entriesByYear(entries)) {
    const hash = createHash("sha256");
    for (const { file, signature } of ofYear) hash.update(`${file}\0${signature}\n`);
    const key = hash.digest("hex");
    const last = before[year];
    if (last?.[0] === key) {
      record[year] = last;
      continue;
    }
    const found = await inBatches(ofYear, READ_AT_ONCE, aliasedOf);
    record[year] = [key, found.filter((aliased) => aliased !== null)];
  }
  const articles = Object.values(record).flatMap(([, aliased]) =>
    aliased.map((data) => ({ id: `${entryPathFor(data)}.md`, data })),
  );
  return { redirects: aliasRedirects(articles).map(({ from, to }) => ({ from, to })), record };
}

/**
 * Writes what real servers need beside the pages: `_redirects` into the site (Netlify,
 * Cloudflare Pages), and the nginx config into the deploy folder beside it (never into
 * the served folder): `nginx-site.conf` to include, and a whole `nginx.conf`.
 */
export default function deployFiles(options: DeployFilesOptions = {}): AstroIntegration {
  const archiveDir = options.archiveDir ?? DEFAULT_SETTINGS.archiveDir;
  const slice = parseSlice(options.slice ?? DEFAULT_SETTINGS.buildSlice);
  let cacheDir = "";
  return {
    name: "news-archive:deploy-files",
    hooks: {
      "astro:config:done": ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      "astro:build:done": async ({ dir, pages, logger }) => {
        if (!buildsSite(slice)) return;
        const outDir = fileURLToPath(dir).replace(/\/$/, "");
        const entries =
          slice.kind === "site"
            ? await archiveEntries(archiveDir, cacheDir)
            : await builtEntries(archiveDir, cacheDir, { dir, pages });
        const recordFile = join(cacheDir, ALIAS_RECORD);
        const before = await readRecord(recordFile);
        const { redirects, record } = await aliasesOf(entries, before);
        await mkdir(cacheDir, { recursive: true });
        await replaceFile(recordFile, JSON.stringify(record));
        await rm(join(cacheDir, EARLIER_RECORD), { force: true });
        await writeFile(join(outDir, "_redirects"), redirectsFile(redirects));
        const deployDir = deployDirFor(outDir);
        await mkdir(deployDir, { recursive: true });
        await writeFile(join(deployDir, NGINX_SITE_FILE), nginxSiteConfig(redirects));
        await writeFile(join(deployDir, NGINX_CONFIG_FILE), nginxServerConfig({ root: outDir }));
        logger.info(`Wrote _redirects and ${deployDir}/ (${redirects.length} alias redirects)`);
      },
    },
  };
}
