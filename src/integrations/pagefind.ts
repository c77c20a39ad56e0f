import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync, gzipSync } from "node:zlib";
import type { AstroIntegration } from "astro";
import * as pagefind from "pagefind";
import { isCalendarDate } from "../lib/dates.ts";
import { PAGEFIND_PATH } from "../lib/permalink.ts";
import {
  encodeFacetTable,
  facetTableFile,
  type FacetRecord,
  type PagefindEntry,
} from "../lib/search-facets.ts";
import { FACETS } from "../lib/search-state.ts";

/**
 * Indexes the built site with Pagefind's Node API at `astro:build:done`, so `astro build`
 * alone yields a searchable `dist/` (no second CLI step). Which parts of a page are
 * indexed, and with what filters, sort keys and metadata, is decided by the data-pagefind-*
 * attributes in src/layouts and src/components.
 *
 * One index for every language: articles in English and Azerbaijani (and any other) are
 * searched together and told apart by the `language` filter, rather than split into one
 * index per `<html lang>` that a search page would see only one of. English stemming then
 * applies to all words; words without English suffixes are unaffected by it.
 *
 * Next to the index it writes the facet table of the search page (src/lib/search-facets.ts):
 * each indexed page's id, date and filter values, read back from the fragments Pagefind
 * wrote, gzipped as Pagefind's own files are, and named after the index it belongs to.
 */
export const INDEX_OPTIONS = {
  forceLanguage: "en",
  // Hosts cap file counts: past this many pages, fragments are bundled into shared files,
  // so no folder of the index ever holds more (10,000 articles stay one file each).
  maxFragments: Number(process.env["PAGEFIND_MAX_FRAGMENTS"]) || 10_000,
} as const satisfies pagefind.PagefindServiceConfig;

/** Pagefind's files are gzip, then a 12-byte signature, then the content. */
const SIGNATURE = "pagefind_dcd";

function decodePagefindFile(bytes: Uint8Array): string {
  const raw = gunzipSync(bytes);
  const text = raw.toString("utf8");
  return text.startsWith(SIGNATURE) ? text.slice(SIGNATURE.length) : text;
}

interface Fragment {
  url: string;
  meta?: Record<string, string>;
  filters?: Record<string, string[]>;
}

/** Facet records of every page, from single fragment files or bundled fragment groups. */
export function facetRecordsFrom(files: { path: string; content: Uint8Array }[]): FacetRecord[] {
  const records: FacetRecord[] = [];
  const add = (id: string, fragment: Fragment) => {
    const date = fragment.meta?.["date"];
    if (!date || !isCalendarDate(date)) {
      throw new Error(`Indexed page ${fragment.url} has no date metadata (YYYY-MM-DD)`);
    }
    const facets: FacetRecord["facets"] = {};
    for (const facet of FACETS) {
      const values = fragment.filters?.[facet];
      if (values?.length) facets[facet] = values;
    }
    records.push({ id, url: fragment.url, date, facets });
  };
  for (const file of files) {
    const match = /^fragment\/(.+)\.pf_fragment$/.exec(file.path);
    if (!match) continue;
    const json = JSON.parse(decodePagefindFile(file.content)) as
      Fragment | Record<string, Fragment>;
    if (typeof json.url === "string") add(match[1]!, json as Fragment);
    else
      for (const [id, fragment] of Object.entries(json as Record<string, Fragment>))
        add(id, fragment);
  }
  return records;
}

export default function pagefindIntegration(): AstroIntegration {
  return {
    name: "news-archive:pagefind",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        // For measuring the render alone on archives too large to index on one machine.
        if (process.env["SEARCH_INDEX"] === "off") {
          logger.warn("SEARCH_INDEX=off: no search index written");
          return;
        }
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        const bundleDir = join(outDir, PAGEFIND_PATH);
        try {
          const { index, errors } = await pagefind.createIndex(INDEX_OPTIONS);
          if (!index) throw new Error(errors.join("\n"));
          const added = await index.addDirectory({ path: outDir });
          if (added.errors.length) throw new Error(added.errors.join("\n"));
          const written = await index.writeFiles({ outputPath: bundleDir });
          if (written.errors.length) throw new Error(written.errors.join("\n"));
          const { files, errors: fileErrors } = await index.getFiles();
          if (fileErrors.length) throw new Error(fileErrors.join("\n"));
          const entryFile = files.find((file) => file.path === "pagefind-entry.json");
          if (!entryFile) throw new Error("Pagefind wrote no pagefind-entry.json");
          const entry = JSON.parse(
            Buffer.from(entryFile.content).toString("utf8"),
          ) as PagefindEntry;
          const table = encodeFacetTable(facetRecordsFrom(files));
          const facetBytes = gzipSync(JSON.stringify(table), { level: 9 });
          await writeFile(join(bundleDir, facetTableFile(entry)), facetBytes);
          const ms = Math.round(performance.now() - started);
          logger.info(
            `Indexed ${added.page_count} pages in ${ms} ms; facet table of ${table.rows} ` +
              `articles, ${(facetBytes.length / 1024).toFixed(1)} KB`,
          );
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
