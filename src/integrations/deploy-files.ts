import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import matter from "gray-matter";
import { aliasRedirects } from "../lib/aliases.ts";
import { validateFrontmatter, type ArticleFrontmatter } from "../lib/article-schema.ts";
import {
  deployDirFor,
  NGINX_CONFIG_FILE,
  NGINX_SITE_FILE,
  nginxServerConfig,
  nginxSiteConfig,
} from "../lib/deploy/nginx.ts";
import { redirectsFile, type Redirect } from "../lib/deploy/redirects.ts";
import { DEFAULT_SETTINGS } from "../lib/settings.ts";
import { buildsSite, parseSlice } from "../lib/slice.ts";
import { archiveEntries, builtEntries, type BuiltEntry } from "./built-entries.ts";

export interface DeployFilesOptions {
  /** The folder holding `articles/` (relative to the working directory, or absolute). */
  archiveDir?: string;
  /**
   * What this build makes (`BUILD_SLICE`): a year slice writes none of these (the site
   * slice does, from every entry of the archive, as it renders every alias page).
   */
  slice?: string;
}

/**
 * The aliases of the entries this build rendered, as the alias pages have them
 * (src/pages/[...alias].astro, which has already refused a clash). Only entries that
 * mention `aliases` are parsed: a file read each, no YAML for the rest.
 */
async function aliasesOf(entries: readonly BuiltEntry[]): Promise<Redirect[]> {
  const articles: { id: string; data: ArticleFrontmatter }[] = [];
  // Read many at once: one after another, 100,000 reads took 23 s of an incremental build.
  for (let start = 0; start < entries.length; start += READ_AT_ONCE) {
    const batch = entries.slice(start, start + READ_AT_ONCE);
    const texts = await Promise.all(batch.map(({ path }) => readFile(path, "utf8")));
    batch.forEach(({ file }, i) => {
      const text = texts[i]!;
      if (!/^aliases:/m.test(text)) return;
      const parsed = validateFrontmatter(matter(text, {}).data);
      if (!parsed.ok) throw new Error(`${file}: ${parsed.errors.join("; ")}`);
      articles.push({ id: file, data: parsed.data });
    });
  }
  return aliasRedirects(articles).map(({ from, to }) => ({ from, to }));
}

/** Entry files read at once. */
const READ_AT_ONCE = 64;

/**
 * Writes what real servers need beside the pages: `_redirects` into the site (Netlify,
 * Cloudflare Pages), and the nginx config into the deploy folder beside it (never into
 * the served folder): `nginx-site.conf` to include, and a whole `nginx.conf`.
 */
export default function deployFiles(options: DeployFilesOptions = {}): AstroIntegration {
  const archiveDir = options.archiveDir ?? DEFAULT_SETTINGS.archiveDir;
  const slice = parseSlice(options.slice ?? DEFAULT_SETTINGS.buildSlice);
  return {
    name: "news-archive:deploy-files",
    hooks: {
      "astro:build:done": async ({ dir, pages, logger }) => {
        if (!buildsSite(slice)) return;
        const outDir = fileURLToPath(dir).replace(/\/$/, "");
        const entries =
          slice.kind === "site"
            ? await archiveEntries(archiveDir)
            : await builtEntries(archiveDir, pages);
        const redirects = await aliasesOf(entries);
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
