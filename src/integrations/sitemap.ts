/**
 * The sitemap (@astrojs/sitemap), listing pages in pathname order rather than the order
 * Astro rendered them, so it depends on the set of pages only: a merge of slices
 * (src/cli/merge.ts) writes, with {@link writeSitemap}, the same files a whole build does.
 */
import sitemap from "@astrojs/sitemap";
import type { AstroConfig, AstroIntegration, AstroIntegrationLogger } from "astro";
import { SITEMAP_BASENAME } from "../lib/permalink.ts";

type Hooks = AstroIntegration["hooks"];
type BuildDone = Parameters<NonNullable<Hooks["astro:build:done"]>>[0];

/** Pages only (their URLs end in /): not original.txt, citation files or feeds. */
function plugin(): AstroIntegration {
  return sitemap({
    filenameBase: SITEMAP_BASENAME,
    filter: (url) => url.endsWith("/"),
    namespaces: { news: false, xhtml: false, image: false, video: false },
  });
}

/** Copies of the pages, by pathname (the plugin edits the objects it is given). */
function sortedPages(pages: readonly { pathname: string }[]): { pathname: string }[] {
  return pages
    .map(({ pathname }) => ({ pathname }))
    .sort((a, b) => (a.pathname < b.pathname ? -1 : a.pathname > b.pathname ? 1 : 0));
}

/** The sitemap of a whole build; a slice build writes none (the merge does). */
export default function sortedSitemap(options: { wholeSite: boolean }): AstroIntegration {
  const inner = plugin().hooks;
  return {
    name: "news-archive:sitemap",
    hooks: {
      "astro:routes:resolved": (args) => inner["astro:routes:resolved"]?.(args),
      "astro:config:done": (args) => inner["astro:config:done"]?.(args),
      "astro:build:done": async (args) => {
        if (options.wholeSite)
          await inner["astro:build:done"]?.({ ...args, pages: sortedPages(args.pages) });
      },
    },
  };
}

/**
 * Writes the sitemap of `pages` (pathnames, as Astro gives them) into `outDir`, as a whole
 * build of the site at `site` would: the plugin run on the config fields it reads. No
 * route is added to the pages (the whole build adds static routes, all among its pages).
 */
export async function writeSitemap(
  outDir: URL,
  site: string,
  pages: readonly string[],
  logger: AstroIntegrationLogger,
): Promise<void> {
  const hooks = plugin().hooks;
  const config = {
    site,
    base: "/",
    trailingSlash: "always",
    build: { format: "directory" },
  } as unknown as AstroConfig;
  await hooks["astro:routes:resolved"]?.({ routes: [], logger });
  await hooks["astro:config:done"]?.({ config, logger } as never);
  await hooks["astro:build:done"]?.({
    dir: outDir,
    pages: sortedPages(pages.map((pathname) => ({ pathname }))),
    logger,
  } as unknown as BuildDone);
}
