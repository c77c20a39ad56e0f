import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import * as pagefind from "pagefind";

/**
 * Indexes the built site with Pagefind's Node API at `astro:build:done`, so `astro build`
 * alone yields a searchable `dist/` (no second CLI step). Which parts of a page are
 * indexed, and with what filters, sort keys and metadata, is decided by the data-pagefind-*
 * attributes in src/layouts and src/components.
 */
export default function pagefindIntegration(): AstroIntegration {
  return {
    name: "news-archive:pagefind",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        try {
          const { index, errors } = await pagefind.createIndex({});
          if (!index) throw new Error(errors.join("\n"));
          const added = await index.addDirectory({ path: outDir });
          if (added.errors.length) throw new Error(added.errors.join("\n"));
          const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
          if (written.errors.length) throw new Error(written.errors.join("\n"));
          const ms = Math.round(performance.now() - started);
          logger.info(`Indexed ${added.page_count} pages in ${ms} ms`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
