/**
 * A slice build (`npm run build -- --slice X`, README "Building an archive too large for
 * one machine"). Its routes read the slice from the virtual module `virtual:build-slice`
 * (src/archive.ts) and list only the pages the slice builds; the pages of routes with one
 * page (home, about, feeds...) are rendered by every build, so at the end this removes
 * from the output every file that belongs to another slice, and writes the slice's record
 * (`.slice.json`) for the merge.
 */
import { readdir, rm, rmdir, writeFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { SLICE_RECORD_FILE, type SliceRecord } from "../lib/slice-merge.ts";
import { keepsOutput, parseSlice, sliceName, type BuildSlice } from "../lib/slice.ts";
import { DEFAULT_SETTINGS } from "../lib/settings.ts";
import { articlesPerYear } from "./built-entries.ts";

const VIRTUAL = "virtual:build-slice";
/** In the build cache: related coverage's counted words (src/lib/related/term-cache.ts). */
const RELATED_TERMS_FILE = "related-terms.bin";
const RESOLVED = `\0${VIRTUAL}`;

export interface SliceOutputOptions {
  /** `BUILD_SLICE`: `all` (the default), a year, a range of years, or `site`. */
  slice?: string;
  /** The archive (`ARCHIVE_DIR`), whose years the record lists. */
  archiveDir?: string;
}

/** Removes the files (and folders left empty) of `dir` the slice does not keep; a count. */
async function removeOthers(outDir: string, dir: string, slice: BuildSlice): Promise<number> {
  let removed = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    const path = relative(outDir, full).split(sep).join("/");
    if (path.startsWith(".")) continue; // Astro's `.prerender`, the record
    if (entry.isDirectory()) {
      removed += await removeOthers(outDir, full, slice);
      if ((await readdir(full)).length === 0) await rmdir(full);
    } else if (!keepsOutput(slice, path)) {
      await rm(full);
      removed += 1;
    }
  }
  return removed;
}

export default function sliceOutput(options: SliceOutputOptions = {}): AstroIntegration {
  const slice = parseSlice(options.slice ?? DEFAULT_SETTINGS.buildSlice);
  const archiveDir = options.archiveDir ?? DEFAULT_SETTINGS.archiveDir;
  return {
    name: "news-archive:slice-output",
    hooks: {
      "astro:config:setup": ({ config, updateConfig }) => {
        // Also where related coverage keeps its counted words (src/archive.ts): pages
        // see no config of their own.
        const termsFile = join(fileURLToPath(config.cacheDir), RELATED_TERMS_FILE);
        const source =
          `export const buildSlice = ${JSON.stringify(sliceName(slice))};\n` +
          `export const relatedTermsFile = ${JSON.stringify(termsFile)};`;
        updateConfig({
          vite: {
            plugins: [
              {
                name: "news-archive:build-slice",
                resolveId: (id: string) => (id === VIRTUAL ? RESOLVED : undefined),
                load: (id: string) => (id === RESOLVED ? source : undefined),
              },
            ],
          },
        });
      },
      // Last of all, after the .gz files: a slice's output holds only its own files.
      "astro:build:done": async ({ dir, pages, logger }) => {
        if (slice.kind === "all") return;
        const outDir = fileURLToPath(dir);
        const removed = await removeOthers(outDir, outDir, slice);
        const record: SliceRecord = {
          slice: sliceName(slice),
          pages: pages.map(({ pathname }) => pathname).filter((p) => keepsOutput(slice, p)),
          years: [...(await articlesPerYear(archiveDir)).keys()].sort(),
        };
        await writeFile(join(outDir, SLICE_RECORD_FILE), JSON.stringify(record));
        logger.info(
          `Slice ${record.slice}: ${record.pages.length} pages kept, ${removed} files of ` +
            `other slices removed`,
        );
      },
    },
  };
}
