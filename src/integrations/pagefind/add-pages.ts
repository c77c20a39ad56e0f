/**
 * Adds one year's article pages to a shard's Pagefind index, each under the language it is
 * indexed as (src/lib/search/index-language.ts). Pagefind reads a page's language from its
 * `<html lang>` only, so a year holding a page indexed as another language (Azerbaijani as
 * Turkish) hands Pagefind every page's text itself, that page's with the `lang` replaced;
 * any other year Pagefind reads from the folder as it is (the faster way: nothing passes
 * through this process).
 */
import { open, readFile } from "node:fs/promises";
import { join } from "node:path";
import type * as pagefind from "pagefind";
import { filesUnder } from "../../lib/files-under.ts";
import { inBatches } from "../../lib/in-batches.ts";
import { asIndexed } from "../../lib/search/index-language.ts";

/** Enough of a page to hold its `<!DOCTYPE html><html lang="…">`. */
const HEAD_BYTES = 1024;
/** Files read at once. */
const READ_AT_ONCE = 16;

async function headOf(path: string): Promise<string> {
  const file = await open(path, "r");
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(HEAD_BYTES), 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString("utf8");
  } finally {
    await file.close();
  }
}

/** The URL Pagefind gives a page it reads from the folder: `/articles/…/slug/`. */
export function urlOfPage(relative: string): string {
  return `/${relative
    .split("\\")
    .join("/")
    .replace(/(^|\/)index\.html$/, "$1")}`;
}

/** Adds `articles/<year>/**\/*.html` of `outDir` to `index`; Pagefind's errors, if any. */
export async function addYear(
  index: pagefind.PagefindIndex,
  outDir: string,
  year: string,
): Promise<string[]> {
  const yearDir = join(outDir, "articles", year);
  const files = (await filesUnder(yearDir)).filter((name) => name.endsWith(".html")).sort();
  const heads = await inBatches(files, READ_AT_ONCE, (name) => headOf(join(yearDir, name)));
  if (heads.every((head) => asIndexed(head) === null)) {
    return (await index.addDirectory({ path: outDir, glob: `articles/${year}/**/*.html` })).errors;
  }
  // Pagefind numbers a shard's pages in the order they arrive, and its files depend on that
  // order; one build must give the same files as another (slices, incremental builds). So the
  // pages are sent in path order: each batch's reads run at once, then its pages are sent one
  // after another (each send writes to Pagefind's input at once; Pagefind takes them in turn)
  // while the next batch is read.
  const errors: string[] = [];
  let sending: Promise<string[][]> = Promise.resolve([]);
  for (let i = 0; i < files.length; i += READ_AT_ONCE) {
    const batch = files.slice(i, i + READ_AT_ONCE);
    const pages = await Promise.all(batch.map((name) => readFile(join(yearDir, name), "utf8")));
    for (const sent of await sending) errors.push(...sent);
    sending = Promise.all(
      pages.map(async (html, j) => {
        const added = await index.addHTMLFile({
          url: urlOfPage(join("articles", year, batch[j]!)),
          content: asIndexed(html) ?? html,
        });
        return added.errors;
      }),
    );
    // Awaited before the next batch is sent or at the end; not a rejection nobody handles.
    sending.catch(() => undefined);
  }
  for (const sent of await sending) errors.push(...sent);
  return errors;
}
