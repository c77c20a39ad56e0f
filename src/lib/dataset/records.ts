/**
 * One article as a line of its year's JSON Lines file and as a row of articles.csv. Pure:
 * the same article and site give the same bytes, whatever the build.
 */
import { articleSchema, authorsOf, type ArticleFrontmatter } from "../article-schema.ts";
import { absoluteUrl, originalTextPathFor, permalinkFor } from "../permalink.ts";
import { ALIAS_SEPARATOR, AUTHOR_SEPARATOR, CSV_FIELDS } from "./fields.ts";

/** One line of a year's file (keys as in `RECORD_FIELDS`). */
export interface DatasetRecord {
  permalink: string;
  original: string;
  originalSha256: string;
  frontmatter: Partial<ArticleFrontmatter>;
  text: string;
}

/** Frontmatter keys in the schema's order, unset ones left out: stable whatever the file's order. */
export function orderedFrontmatter(data: ArticleFrontmatter): Partial<ArticleFrontmatter> {
  const ordered: Record<string, unknown> = {};
  for (const key of Object.keys(articleSchema.shape) as (keyof ArticleFrontmatter)[]) {
    if (data[key] !== undefined) ordered[key] = data[key];
  }
  return ordered;
}

/**
 * The record of an article: `data` is its validated frontmatter, `text` its body. The
 * original's SHA-256 is the frontmatter's, which the build has just checked against the
 * bytes of original.txt (src/content.config.ts): a mismatch stops the build.
 */
export function datasetRecord(data: ArticleFrontmatter, text: string, site: string): DatasetRecord {
  return {
    permalink: absoluteUrl(permalinkFor(data), site),
    original: absoluteUrl(originalTextPathFor(data), site),
    originalSha256: data.sha256,
    frontmatter: orderedFrontmatter(data),
    text,
  };
}

/** An article with every field set, for {@link formatSample}. */
const SAMPLE: ArticleFrontmatter = {
  title: 'A "sample", with commas',
  date: "2019-12-11",
  source: "Source",
  author: ["One", "Two"],
  slug: "sample",
  language: "en",
  section: "Section",
  originalUrl: "https://example.org/a",
  sha256: "0".repeat(64),
  aliases: ["/articles/2019/12/10/sample/"],
};

/**
 * A sample article as the dataset writes it (a JSON line, the CSV header and a row): its
 * digest changes when the code that writes the files does, so a build can tell that files
 * an older version wrote must be written again.
 */
export function formatSample(site: string): string {
  return (
    jsonlLine(datasetRecord(SAMPLE, "Text\n\nmore.\n", site)) +
    csvHeader() +
    csvLine(csvValues(SAMPLE, site))
  );
}

/** A JSON Lines line: one JSON object, no raw line break inside, ending in `\n`. */
export function jsonlLine(record: DatasetRecord): string {
  // JSON.stringify escapes \n and \r; U+2028/U+2029 are valid JSON but split lines in some
  // readers, so they are escaped too.
  return `${JSON.stringify(record)
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029")}\n`;
}

/** A CSV field per RFC 4180: quoted when it holds a quote, comma, CR or LF; quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A CSV record ending in CRLF (RFC 4180). */
export function csvLine(values: readonly string[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

/** The header line of articles.csv. */
export function csvHeader(): string {
  return csvLine(CSV_FIELDS.map((field) => field.name));
}

/** An article's metadata, one value per column of `CSV_FIELDS`; unset fields are empty. */
export function csvValues(data: ArticleFrontmatter, site: string): string[] {
  const values: Record<string, string> = {
    permalink: absoluteUrl(permalinkFor(data), site),
    date: data.date,
    title: data.title,
    source: data.source,
    author: authorsOf(data).join(AUTHOR_SEPARATOR),
    section: data.section ?? "",
    language: data.language,
    slug: data.slug,
    originalUrl: data.originalUrl ?? "",
    sha256: data.sha256,
    aliases: (data.aliases ?? []).join(ALIAS_SEPARATOR),
  };
  return CSV_FIELDS.map((field) => values[field.name] ?? "");
}

/**
 * Parses CSV as RFC 4180 writes it (`csvLine`): quoted fields may hold commas, quotes and
 * line breaks; records end in CRLF. Throws, naming the offset, on anything else (a bare
 * quote or line break, text after a closing quote, an unclosed quote), for tests and for
 * readers checking a download.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const fail = (problem: string): never => {
    throw new Error(`CSV: ${problem} at offset ${i}`);
  };
  while (i < text.length) {
    let field = "";
    if (text[i] === '"') {
      const quoted = /([^"]*(?:""[^"]*)*)"/y;
      quoted.lastIndex = i + 1;
      const match = quoted.exec(text) ?? fail("unclosed quote");
      field = match[1]!.replace(/""/g, '"');
      i = quoted.lastIndex;
    } else {
      const end = /[,\r\n"]|$/g;
      end.lastIndex = i;
      const stop = end.exec(text)!.index;
      field = text.slice(i, stop);
      i = stop;
      if (text[i] === '"') fail("quote inside an unquoted field");
    }
    row.push(field);
    if (text[i] === ",") i += 1;
    else if (text.startsWith("\r\n", i) || i === text.length) {
      rows.push(row);
      row = [];
      i += 2;
    } else fail("text after a field");
  }
  if (row.length > 0) rows.push([...row, ""]); // the text ended in a comma
  return rows;
}
