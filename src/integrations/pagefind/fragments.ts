/**
 * Reading back the fragments Pagefind wrote for a shard, for the search page's facet table
 * (src/lib/search/facets.ts): each indexed page's id, URL, date and filter values.
 *
 * Pagefind writes one fragment file per page until a shard holds more pages than its
 * `maxFragments` option; past that it bundles fragments into shared files (a JSON object
 * of fragments by page id), since hosts cap file counts. Both shapes are read here.
 */
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { isCalendarDate } from "../../lib/dates.ts";
import type { FacetRecord } from "../../lib/search/facet-table.ts";
import { metaFilesOf, pageIdsOfMeta } from "../../lib/search/pagefind-meta.ts";
import { FACETS } from "../../lib/search/state.ts";

/** A file of an index, by its path inside the index folder (`fragment/en_1a2b.pf_fragment`). */
export interface IndexFile {
  path: string;
  content: Uint8Array;
}

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
export function facetRecordsFrom(files: readonly IndexFile[]): FacetRecord[] {
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

/** Fragment files read at once: a shard of 40,000 pages has over 20,000 of them. */
const PARALLEL_READS = 256;

/** The fragment files of the index in `folder`. */
export async function readFragments(folder: string): Promise<IndexFile[]> {
  const dir = join(folder, "fragment");
  const names = existsSync(dir) ? await readdir(dir) : [];
  const files: IndexFile[] = [];
  for (let i = 0; i < names.length; i += PARALLEL_READS) {
    const batch = names.slice(i, i + PARALLEL_READS);
    const contents = await Promise.all(batch.map((name) => readFile(join(dir, name))));
    batch.forEach((name, j) => files.push({ path: `fragment/${name}`, content: contents[j]! }));
  }
  return files;
}

/** The page ids the index in `folder` lists, in the order of its `.pf_meta` files. */
export async function readMetaIds(folder: string, entry: unknown): Promise<string[]> {
  const ids: string[] = [];
  for (const name of metaFilesOf(entry)) {
    ids.push(...pageIdsOfMeta(gunzipSync(await readFile(join(folder, name)))));
  }
  return ids;
}
