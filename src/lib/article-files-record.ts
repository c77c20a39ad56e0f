/**
 * What the last build wrote beside each article page (src/integrations/article-files.ts):
 * for each entry, the signature it had (src/integrations/built-entries.ts), under the
 * site URL the files were written for. Its files follow from the entry's path
 * (`articleFilePaths`), so the record holds one short line an entry: at 100,000 articles a
 * JSON record of every file was 65 MB, read and written again by every build.
 */

import {
  CITATION_FORMATS,
  citationPathFor,
  originalTextPathFor,
  type ArticleKey,
} from "./permalink.ts";

/**
 * The files written beside an article's page, in the order they are written:
 * `original.txt`, then the citation downloads (site paths).
 */
export function articleFilePaths(article: ArticleKey): string[] {
  return [
    originalTextPathFor(article),
    ...CITATION_FORMATS.map((format) => citationPathFor(article, format)),
  ];
}

/**
 * The article whose entry file is `file` (`2019/12/11/<slug>.md`): the content collection
 * fails the build when an entry's folders and name are not its date and slug.
 */
export function articleOfEntryFile(file: string): ArticleKey {
  const [year, month, day, name] = file.split("/");
  return { date: `${year}-${month}-${day}`, slug: name!.slice(0, -".md".length) };
}

/** The first line, before the site URL: a new version reads an older record as empty. */
const HEADER = "article-files 2\t";

/** Entry file (`2019/12/11/<slug>.md`) to its signature when its files were written. */
export type ArticleFilesRecord = Map<string, string>;

/** The record's text: the header with `site`, then `file<TAB>signature` lines, sorted. */
export function serializeArticleFiles(site: string, record: ArticleFilesRecord): string {
  const lines = [...record].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${HEADER}${site}\n${lines.map(([file, signature]) => `${file}\t${signature}\n`).join("")}`;
}

/**
 * Reads what serializeArticleFiles wrote for `site`: a record of another version or for
 * another site URL (whose citations name other URLs) gives nothing, and a line of another
 * shape is skipped, so those entries' files are written again.
 */
export function parseArticleFiles(site: string, text: string): ArticleFilesRecord {
  const record: ArticleFilesRecord = new Map();
  const firstLine = `${HEADER}${site}\n`;
  if (!text.startsWith(firstLine)) return record;
  for (const line of text.slice(firstLine.length).split("\n")) {
    const tab = line.indexOf("\t");
    if (tab > 0 && tab < line.length - 1 && line.endsWith(".md", tab)) {
      record.set(line.slice(0, tab), line.slice(tab + 1));
    }
  }
  return record;
}
