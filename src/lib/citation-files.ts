/**
 * The citation files reference managers import, written beside every article page: BibTeX
 * (BibLaTeX `@article` with `entrysubtype = {newspaper}`), RIS (`TY  - NEWS`) and CSL-JSON
 * (`article-newspaper`). The styled strings (APA, MLA, Chicago) and the names they share
 * are in ./citation.ts.
 */
import { dateParts } from "./dates.ts";
import { type CitationFormat } from "./permalink.ts";
import { slugify } from "./slug.ts";
import { invertedName, parseName, type CitationInput } from "./citation.ts";

/** The citation downloads: label for readers, media type for the link and the host. */
export const CITATION_FILES: Record<CitationFormat, { label: string; mediaType: string }> = {
  bib: { label: "BibTeX", mediaType: "application/x-bibtex" },
  ris: { label: "RIS", mediaType: "application/x-research-info-systems" },
  json: { label: "CSL-JSON", mediaType: "application/vnd.citationstyles.csl+json" },
};

/** The citation file of a format. */
export function citationFileText(format: CitationFormat, input: CitationInput): string {
  switch (format) {
    case "bib":
      return bibtex(input);
    case "ris":
      return ris(input);
    case "json":
      return cslJson(input);
  }
}

/** A BibTeX/BibLaTeX key: `afandiyeva2019azerbaijan`. */
export function citationKey(
  input: Pick<CitationInput, "authors" | "source" | "date" | "title">,
): string {
  const first = input.authors[0];
  const who = slugify(first === undefined ? input.source : parseName(first).family, 40);
  const what =
    slugify(input.title, 40)
      .split("-")
      .find((word) => word.length > 3) ?? "";
  const key = `${who.replace(/-/g, "")}${dateParts(input.date).year}${what}`;
  return /^[a-z]/.test(key) ? key : `article${key}`;
}

/** Escapes text for a braced BibTeX field: LaTeX specials become commands. */
export function bibtexEscape(text: string): string {
  return text.replace(/\s+/g, " ").replace(/[\\{}&%$#_~^]/g, (char) => {
    switch (char) {
      case "\\":
        return "\\textbackslash{}";
      case "~":
        return "\\textasciitilde{}";
      case "^":
        return "\\textasciicircum{}";
      default:
        return `\\${char}`;
    }
  });
}

/** URLs are verbatim in BibLaTeX; only braces, backslashes and spaces must not appear raw. */
function bibtexUrl(url: string): string {
  return url.replace(/[{}\\ ]/g, (char) => encodeURIComponent(char));
}

const BIBTEX_MONTHS = [
  "jan",
  "feb",
  "mar",
  "apr",
  "may",
  "jun",
  "jul",
  "aug",
  "sep",
  "oct",
  "nov",
  "dec",
];

/**
 * A BibTeX entry that BibTeX and BibLaTeX both read: `@article` with
 * `entrysubtype = {newspaper}` (BibLaTeX's newspaper article), `journal` = the source,
 * `date` plus `year`/`month` for classic styles. The headline is double-braced so styles
 * keep its capitals.
 */
export function bibtex(input: CitationInput): string {
  const { year, month } = dateParts(input.date);
  const fields: [string, string][] = [];
  if (input.authors.length) {
    const names = input.authors.map((author) => bibtexEscape(invertedName(author)));
    fields.push(["author", `{${names.join(" and ")}}`]);
  }
  fields.push(
    ["title", `{{${bibtexEscape(input.title)}}}`],
    ["journal", `{${bibtexEscape(input.source)}}`],
    ["entrysubtype", "{newspaper}"],
    ["date", `{${input.date}}`],
    ["year", `{${year}}`],
    ["month", BIBTEX_MONTHS[Number(month) - 1]!],
    ["url", `{${bibtexUrl(input.url)}}`],
    ["note", `{${bibtexEscape(`Archived by ${input.archive}`)}}`],
  );
  const width = Math.max(...fields.map(([name]) => name.length));
  const body = fields.map(([name, value]) => `  ${name.padEnd(width)} = ${value}`).join(",\n");
  return `@article{${citationKey(input)},\n${body}\n}\n`;
}

/** One RIS line; values are single lines. */
function risLine(tag: string, value: string): string {
  return `${tag}  - ${value.replace(/\s+/g, " ").trim()}`;
}

/**
 * RIS with type `NEWS` (newspaper): `TI` headline, `AU` one per author, `T2` the
 * newspaper, `PY`/`DA` the date, `SE` the section, `UR` the archived copy. CRLF line ends
 * as the format specifies; the record ends with `ER  - `.
 */
export function ris(input: CitationInput): string {
  const { year, month, day } = dateParts(input.date);
  const lines = [risLine("TY", "NEWS"), risLine("TI", input.title)];
  for (const author of input.authors) lines.push(risLine("AU", invertedName(author)));
  lines.push(
    risLine("T2", input.source),
    risLine("PY", year),
    risLine("DA", `${year}/${month}/${day}/`),
  );
  if (input.section) lines.push(risLine("SE", input.section));
  if (input.language) lines.push(risLine("LA", input.language));
  lines.push(risLine("UR", input.url));
  if (input.originalUrl) lines.push(risLine("L2", input.originalUrl));
  lines.push(risLine("DB", input.archive), "ER  - ", "");
  return lines.join("\r\n");
}

/** A CSL-JSON name: family/given, or `literal` for a single word. */
function cslName(name: string): { family: string; given: string } | { literal: string } {
  const { family, given } = parseName(name);
  return given ? { family, given } : { literal: family };
}

/** One CSL-JSON item (`type: article-newspaper`), as citeproc and Zotero read it. */
export function cslItem(input: CitationInput): Record<string, unknown> {
  const { year, month, day } = dateParts(input.date);
  const item: Record<string, unknown> = {
    id: citationKey(input),
    type: "article-newspaper",
    title: input.title,
    "container-title": input.source,
  };
  if (input.authors.length) item["author"] = input.authors.map(cslName);
  item["issued"] = { "date-parts": [[Number(year), Number(month), Number(day)]] };
  if (input.section) item["section"] = input.section;
  if (input.language) item["language"] = input.language;
  item["URL"] = input.url;
  item["archive"] = input.archive;
  if (input.originalUrl) item["note"] = `Originally published at ${input.originalUrl}`;
  return item;
}

/** A CSL-JSON file: an array holding the one item. */
export function cslJson(input: CitationInput): string {
  return `${JSON.stringify([cslItem(input)], null, 2)}\n`;
}
