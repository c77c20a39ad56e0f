import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";

/** The module Astro's content collections read the store from, as Vite resolves it. */
const STORE_MODULE = "\0astro:data-layer-content";
/** Astro's mark for content data, which its incremental build leaves out of a page's code. */
const CONTENT_DATA = { astroIncremental: { kind: "content-data" } };

/**
 * Astro builds the content store into the site's code as one module,
 * `export default JSON.parse("<the whole store>")`: 62 MB at 100,000 articles. Node took
 * about 30 s of CPU to compile it in every build whose store changed (one article added is
 * enough; an unchanged store comes from Node's compile cache), and Vite bundled all of it.
 * In a build the store is a file of the build cache, written before the pages are rendered
 * and read by the same machine, so the module reads that file instead: the same value, from
 * a module of two lines. Dev and the client bundle keep Astro's own module.
 */
export default function contentStoreFile(): AstroIntegration {
  return {
    name: "news-archive:content-store-file",
    hooks: {
      "astro:config:setup": ({ config, command, updateConfig }) => {
        if (command !== "build") return;
        const store = fileURLToPath(new URL("data-store.json", config.cacheDir));
        updateConfig({
          vite: {
            plugins: [
              {
                name: "news-archive:content-store-file",
                enforce: "pre",
                // Before Astro's own plugin, which loads the same module.
                load: {
                  order: "pre",
                  handler(id) {
                    if (id !== STORE_MODULE || this.environment.name === "client") return null;
                    // No store yet (no collection): Astro's module gives an empty one.
                    if (!existsSync(store)) return null;
                    return {
                      code:
                        `import { readFileSync } from "node:fs";\n` +
                        `export default JSON.parse(readFileSync(${JSON.stringify(store)}, "utf8"));\n`,
                      map: { mappings: "" },
                      meta: CONTENT_DATA,
                    };
                  },
                },
              },
            ],
          },
        });
      },
    },
  };
}
