/**
 * The fields of the dataset's files, described once: datapackage.json's Table Schemas and
 * the /data/ page's tables are both made from these lists, so they cannot disagree.
 */

/** A Table Schema field (https://datapackage.org/standard/table-schema/), as the files use it. */
export interface DataField {
  name: string;
  type: "string" | "date" | "object";
  format?: "uri";
  description: string;
  constraints?: { required?: true; unique?: true; pattern?: string };
}

/** How several bylines share one CSV cell. */
export const AUTHOR_SEPARATOR = "; ";
/** How several aliases share one CSV cell (a site path holds no space). */
export const ALIAS_SEPARATOR = " ";

const SHA256_PATTERN = "[0-9a-f]{64}";

/** The keys of one line of a year's JSON Lines file, in the order they are written. */
export const RECORD_FIELDS: readonly DataField[] = [
  {
    name: "permalink",
    type: "string",
    format: "uri",
    description: "The article's permanent URL.",
    constraints: { required: true, unique: true },
  },
  {
    name: "original",
    type: "string",
    format: "uri",
    description: "URL of original.txt: the raw text the article was imported from, byte for byte.",
    constraints: { required: true },
  },
  {
    name: "originalSha256",
    type: "string",
    description: "SHA-256 (hex) of original.txt, as sha256sum prints it.",
    constraints: { required: true, pattern: SHA256_PATTERN },
  },
  {
    name: "frontmatter",
    type: "object",
    description:
      "The article's metadata as the archive keeps it: the fields of articles.csv, with " +
      "author a string or a list of them and aliases a list.",
    constraints: { required: true },
  },
  {
    name: "text",
    type: "string",
    description: "The article's text: paragraphs separated by a blank line.",
    constraints: { required: true },
  },
];

/** The columns of articles.csv, in order: an article's metadata, without its text. */
export const CSV_FIELDS: readonly DataField[] = [
  {
    name: "permalink",
    type: "string",
    format: "uri",
    description: "The article's permanent URL.",
    constraints: { required: true, unique: true },
  },
  {
    name: "date",
    type: "date",
    description: "Date of publication, YYYY-MM-DD.",
    constraints: { required: true },
  },
  { name: "title", type: "string", description: "Headline.", constraints: { required: true } },
  {
    name: "source",
    type: "string",
    description: "The publication credited.",
    constraints: { required: true },
  },
  {
    name: "author",
    type: "string",
    description: `Byline; several are separated by "${AUTHOR_SEPARATOR}". Empty when unknown.`,
  },
  { name: "section", type: "string", description: "Section of the publication, if known." },
  {
    name: "language",
    type: "string",
    description: "BCP 47 language tag (en, az, ru).",
    constraints: { required: true },
  },
  {
    name: "slug",
    type: "string",
    description: "Last segment of the permanent URL, frozen at import.",
    constraints: { required: true },
  },
  {
    name: "originalUrl",
    type: "string",
    format: "uri",
    description: "Where the text was found, if known.",
  },
  {
    name: "sha256",
    type: "string",
    description: "SHA-256 (hex) of the article's original.txt.",
    constraints: { required: true, pattern: SHA256_PATTERN },
  },
  {
    name: "aliases",
    type: "string",
    description: "Earlier site paths that redirect to the article, separated by a space.",
  },
];
