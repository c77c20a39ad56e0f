// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import pagefind from "./src/integrations/pagefind.ts";
import { siteUrlFrom } from "./src/lib/site.ts";

const env = process.env;

export default defineConfig({
  site: siteUrlFrom(env),
  trailingSlash: "always",
  build: { format: "directory" },
  // Fixture and benchmark archives (ARCHIVE_DIR) build into their own folders.
  outDir: env["OUT_DIR"] || "./dist",
  cacheDir: env["CACHE_DIR"] || "./node_modules/.astro",
  integrations: [mdx(), pagefind()],
});
