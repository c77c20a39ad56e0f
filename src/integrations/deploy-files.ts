import { mkdir, readFile, writeFile } from "node:fs/promises";
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
import { type ArticleKey } from "../lib/permalink.ts";
import { DEFAULT_SETTINGS } from "../lib/settings.ts";
import { buildsSite, parseSlice } from "../lib/slice.ts";
import { archiveEntries, builtEntries, type BuiltEntry } from "./built-entries.ts";
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

/** Per entry file: its signature (./built-entries.ts), and its aliases if it has any. */
type AliasRecord = Record<string, [signature: string, aliased: Aliased | null]>;

/** Entry files read at once. */
const READ_AT_ONCE = 64;
/** The record of each entry's aliases, in the build cache. */
const ALIAS_RECORD = "deploy-aliases-1.json";

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
 * has already refused a clash). An entry whose signature is the one `before` holds is not
 * read: reading all 100,000 took 5 s of every build. Returns the record for the next build.
 */
async function aliasesOf(
  entries: readonly BuiltEntry[],
  before: AliasRecord,
): Promise<{ redirects: Redirect[]; record: AliasRecord }> {
  const record: AliasRecord = {};
  const found = await inBatches(entries, READ_AT_ONCE, async (entry) => {
    const last = before[entry.file];
    const aliased = last?.[0] === entry.signature ? last[1] : await aliasedOf(entry);
    record[entry.file] = [entry.signature, aliased];
    return aliased && { id: entry.file, data: aliased };
  });
  const articles = found.filter((article) => article !== null);
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
