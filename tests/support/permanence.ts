/**
 * The permanence ledger: every article URL ever published, one a line, kept with the
 * archive (`$ARCHIVE_DIR/permalinks.txt`). A URL in it must still resolve in the build,
 * either to its page or to a redirect page made from an `aliases` entry.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { siteFiles } from "./site-pages.ts";

export async function readLedger(archiveDir: string): Promise<string[]> {
  const text = await readFile(join(archiveDir, "permalinks.txt"), "utf8");
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"));
}

/** Ledger URLs that no longer resolve to a page in `distDir`. */
export async function lostPermalinks(ledger: string[], distDir: string): Promise<string[]> {
  const files = new Set(await siteFiles(distDir));
  return ledger.filter((url) => !files.has(url.endsWith("/") ? `${url}index.html` : url));
}
