/**
 * Gathers a shard's article pages into a folder of their own for Pagefind to read, each
 * under the language it is indexed as (src/lib/search/index-language.ts).
 *
 * Pagefind reads a page's language from its `<html lang>` only, so a page indexed as another
 * language (Azerbaijani as Turkish) must reach it with that `lang`. Pages used to be handed
 * to Pagefind one by one for that, but Pagefind reads a folder with less work (it looks each
 * handed page up among those it already has, one by one): on 9,568 pages, alone, 55.0 s and
 * 41.7 s with 80.4 s and 57.2 s of CPU, against 70.3 s and 65.4 s with 90.1 s and 86.1 s
 * handed over (README, "Scale"). So each page is hard-linked (across file
 * systems, copied) into the folder at its own path, and a page indexed as another language is
 * written there as a copy with its `lang` replaced; `dist/` itself is never written.
 *
 * Only the build's article pages go in: the listing pages beside them carry no
 * `data-pagefind-body`, so Pagefind would parse them only to drop them, and a page an
 * earlier build left in `dist/` (an article taken down or moved) is not among them, so it
 * is not indexed though the output sweep removes it only later.
 *
 * Pagefind numbers pages in the order it finds them, and its files depend on that order; a
 * folder walk's order depends on the names and, on some file systems, on the order they were
 * made. The folder is made afresh, one page after another in path order, so two builds of
 * the same pages (one whole, one in slices; one incremental, one clean) index them alike.
 */
import {
  closeSync,
  copyFileSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { asIndexed } from "../../lib/search/index-language.ts";

/** Enough of a page to hold its `<!DOCTYPE html><html lang="…">`. */
const HEAD_BYTES = 1024;

/** File systems that cannot hard-link here: the page is copied instead. */
const NO_HARD_LINKS = new Set(["EXDEV", "EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS"]);

function headOf(path: string): string {
  const file = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    return buffer.subarray(0, readSync(file, buffer, 0, HEAD_BYTES, 0)).toString("utf8");
  } finally {
    closeSync(file);
  }
}

function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (error) {
    if (!NO_HARD_LINKS.has((error as NodeJS.ErrnoException).code ?? "")) throw error;
    copyFileSync(from, to);
  }
}

/** `/articles/2019/12/11/slug/` (a page's pathname) to its file, `articles/…/slug/index.html`. */
export function fileOfPage(pathname: string): string {
  return `${pathname.replace(/^\/+/, "").replace(/\/?$/, "/")}index.html`;
}

/**
 * Makes `folder` (removed first if there) hold the file of each of `pages` (pathnames of
 * article pages of `outDir`) at its own path, as Pagefind is to read it. Synchronous, one page
 * after another: this runs in a shard's own process, which has nothing else to do meanwhile,
 * and a fixed order of making is what keeps the index the same (above). Returns the number
 * of pages written as a copy in another language.
 */
export function stagePages(outDir: string, pages: readonly string[], folder: string): number {
  rmSync(folder, { recursive: true, force: true });
  let relabelled = 0;
  for (const file of pages.map(fileOfPage).sort()) {
    const from = join(outDir, file);
    const to = join(folder, file);
    mkdirSync(dirname(to), { recursive: true });
    if (asIndexed(headOf(from)) === null) {
      linkOrCopy(from, to);
      continue;
    }
    const html = readFileSync(from, "utf8");
    writeFileSync(to, asIndexed(html) ?? html);
    relabelled++;
  }
  return relabelled;
}
