// @ts-check
import { availableParallelism, totalmem } from "node:os";
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import articleFiles from "./src/integrations/article-files.ts";
import contentStoreFile from "./src/integrations/content-store-file.ts";
import dataset from "./src/integrations/dataset.ts";
import pagefind from "./src/integrations/pagefind.ts";
import outputSweep from "./src/integrations/output-sweep.ts";
import securityHeaders from "./src/integrations/security-headers.ts";
import deployFiles from "./src/integrations/deploy-files.ts";
import sitemap from "./src/integrations/sitemap.ts";
import sliceOutput from "./src/integrations/slice-output.ts";
import { precompress } from "./src/integrations/precompress.ts";
import { CSP_DIRECTIVES, CSP_SCRIPT_SOURCES, CSP_STYLE_SOURCES } from "./src/lib/security.ts";
import { settingsFrom } from "./src/lib/settings.ts";

// The environment is read here, once (README's "Settings"); the rest gets options.
const settings = settingsFrom(process.env, {
  cores: availableParallelism(),
  memoryMb: totalmem() / 1024 / 1024,
});

const search = pagefind({
  enabled: settings.searchIndex,
  shardPages: settings.searchShardPages,
  newestShard: settings.searchNewestShard,
  maxFragments: settings.pagefindMaxFragments,
  cores: settings.buildCores,
  memoryMb: settings.buildMemoryMb,
  slice: settings.buildSlice,
  archiveDir: settings.archiveDir,
});

export default defineConfig({
  site: settings.siteUrl,
  trailingSlash: "always",
  // Two pages at a time: while one is written (Astro awaits each file), the other renders.
  // One at a time left the renderer idle a third of the time; on 10,000 articles, rendering
  // took 87-90 s at 1 and 45-72 s at 2 (4: 58 s). A page starting while the other renders
  // tells which pages are written, so a search shard starts while later pages render
  // (search.start, src/lib/written-pages.ts).
  build: { format: "directory", concurrency: 2 },
  // Fixture and benchmark archives (ARCHIVE_DIR) build into their own folders.
  outDir: settings.outDir,
  cacheDir: settings.cacheDir,
  // Article bodies are plain text; no code blocks to highlight (Shiki's inline styles break CSP).
  markdown: { syntaxHighlight: false },
  // Content-Security-Policy in every page's <meta>, with hashes of its own scripts and styles.
  security: {
    csp: {
      directives: [...CSP_DIRECTIVES],
      scriptDirective: { resources: [...CSP_SCRIPT_SOURCES] },
      styleDirective: { resources: [...CSP_STYLE_SOURCES] },
    },
  },
  // Pages whose getStaticPaths `cacheKey` and code are unchanged since the last build are
  // kept (or copied from the build cache) instead of rendered (src/archive.ts): an added
  // article re-renders only itself, its neighbours and its listings. Needs `cacheDir` kept;
  // `dist/` is kept too (src/integrations/output-sweep.ts). The cache's copy of each page
  // costs a full build about 5 s at 10,000 articles; INCREMENTAL=off skips it.
  experimental: { incrementalBuild: settings.incremental },
  integrations: [
    mdx(),
    // The content store read from its file when pages render, not compiled into the code.
    contentStoreFile(),
    // Starts each search shard as soon as its pages are written, while later pages render:
    // Pagefind works in processes of its own while Astro renders and the steps below run
    // (`search.finish` waits for it).
    search.start,
    // Pages only, in pathname order; a slice build writes none (`npm run merge` does).
    sitemap({ wholeSite: settings.buildSlice === "all" }),
    articleFiles({ archiveDir: settings.archiveDir }),
    // /data/: the archive as gzipped JSON Lines per year, a CSV and datapackage.json.
    dataset({ archiveDir: settings.archiveDir, slice: settings.buildSlice }),
    // _headers, _redirects, and the nginx config in deploy/ beside dist/ (README, "Deploy"):
    // before the sweep, which would otherwise take the last build's for left over.
    securityHeaders(),
    deployFiles({ archiveDir: settings.archiveDir, slice: settings.buildSlice }),
    // After the pages and article files: removes what earlier builds left in the kept dist/
    // and this one did not make (the search index, which starts earlier, reads only this
    // build's pages: ./src/integrations/pagefind/stage-pages.ts).
    outputSweep(),
    // .gz copies of the text files the sweep left, for nginx's gzip_static.
    precompress(),
    // Waits for the search index begun while the pages rendered (`search.start`), puts
    // it in place, and writes its folder's .gz copies.
    search.finish,
    // `--slice` (BUILD_SLICE): which pages the routes list; after all else, a slice's output
    // keeps only its own files, with a record for `npm run merge` (README).
    sliceOutput({ slice: settings.buildSlice, archiveDir: settings.archiveDir }),
  ],
});
