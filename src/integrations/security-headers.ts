import { writeFile } from "node:fs/promises";
import type { AstroIntegration } from "astro";
import { headersFile } from "../lib/security.ts";

/** Writes `_headers` (from src/lib/security.ts) into the build for hosts that read one. */
export default function securityHeaders(): AstroIntegration {
  return {
    name: "news-archive:security-headers",
    hooks: {
      "astro:build:done": async ({ dir }) => {
        await writeFile(new URL("_headers", dir), headersFile());
      },
    },
  };
}
