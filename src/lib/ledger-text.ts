/**
 * The permanence ledger's text (`permalinks.txt`, one URL a line), as an interrupted
 * import can leave it. Pure.
 */
import { entryKeyOfPermalink } from "./import-plan.ts";
import { ARCHIVE_PATH } from "./permalink.ts";

/**
 * The torn last line of a ledger, or "" when there is none: text after the last newline
 * that the import cannot have written whole. The import writes each line with its newline
 * in one write, so a last line without one is either typed by hand (kept: any complete
 * article permalink, comment or other URL) or cut short by a crash or power cut (dropped:
 * part of `/articles/YYYY/MM/DD/<slug>/`, or the zero bytes a file system can leave).
 */
export function tornLastLine(text: string): string {
  const last = text.slice(text.lastIndexOf("\n") + 1);
  if (last === "") return "";
  if (/^\0+$/.test(last)) return last;
  const line = last.replace(/\r$/, "").trim();
  const partOfPermalink = ARCHIVE_PATH.startsWith(line) || line.startsWith(ARCHIVE_PATH);
  return partOfPermalink && entryKeyOfPermalink(line) === null ? last : "";
}
