/**
 * datapackage.json: a Frictionless Data Package (v2) describing every file of /data/ with
 * its size, SHA-256 and fields, so a reader can check a download and load it with tools
 * that read Data Packages.
 */
import { absoluteUrl, DATA_PATH } from "../permalink.ts";
import { DATA_LICENSES, SITE_DESCRIPTION, SITE_NAME } from "../site.ts";
import { CSV_FIELDS, RECORD_FIELDS, type DataField } from "./fields.ts";

export const DATAPACKAGE_FILE = "datapackage.json";
export const CSV_FILE = "articles.csv";
const PACKAGE_PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json";

/** `articles-2019.jsonl.gz`: the articles of one year. */
export function yearFileName(year: string): string {
  return `articles-${year}.jsonl.gz`;
}

/** The year of a year file's name (`articles-2019.jsonl.gz` → `2019`), or null. */
export function yearOfFileName(name: string): string | null {
  return /^articles-(\d{4})\.jsonl\.gz$/.exec(name)?.[1] ?? null;
}

/** A licence as Data Packages declare it: an Open Definition or SPDX id and/or a URL. */
export interface DataLicense {
  name: string;
  path?: string;
  title?: string;
}

/** What the build measured of one written file. */
export interface FileFacts {
  bytes: number;
  /** Hex digest of the file's bytes as served. */
  sha256: string;
}

export interface YearFacts extends FileFacts {
  year: string;
  articles: number;
}

/**
 * What a year slice's build (`--slice`) records of its dataset files in its output, for
 * `npm run merge` to write `articles.csv` and `datapackage.json` of the whole archive.
 */
export const SLICE_DATASET_FILE = ".dataset.json";

export interface SliceDataset {
  /** Oldest first, each with its rows of `articles.csv` (no header). */
  years: (YearFacts & { csv: string })[];
}

export interface PackageInput {
  site: string;
  title: string;
  description: string;
  licenses: readonly DataLicense[];
  csv: FileFacts & { articles: number };
  /** Oldest first. */
  years: readonly YearFacts[];
}

const schemaOf = (fields: readonly DataField[]) => ({
  fields: fields.map((field) => ({ ...field })),
});

/** The package descriptor, keys in a fixed order, no timestamp: same archive, same bytes. */
export function dataPackage(input: PackageInput): Record<string, unknown> {
  const csvResource = {
    name: "articles",
    type: "table",
    path: CSV_FILE,
    title: "Every article's metadata",
    description: `One row per article (${input.csv.articles}), oldest first; no text.`,
    format: "csv",
    mediatype: "text/csv",
    encoding: "utf-8",
    bytes: input.csv.bytes,
    hash: `sha256:${input.csv.sha256}`,
    dialect: { header: true, delimiter: ",", lineTerminator: "\r\n", quoteChar: '"' },
    schema: { ...schemaOf(CSV_FIELDS), primaryKey: ["permalink"] },
  };
  const yearResources = input.years.map((year) => ({
    name: `articles-${year.year}`,
    path: yearFileName(year.year),
    title: `Articles of ${year.year}`,
    description:
      `One JSON object per line for each article published in ${year.year} ` +
      `(${year.articles}), oldest first, gzipped: metadata, text, permalink and original's SHA-256.`,
    format: "jsonl",
    compression: "gz",
    encoding: "utf-8",
    bytes: year.bytes,
    hash: `sha256:${year.sha256}`,
    schema: schemaOf(RECORD_FIELDS),
  }));
  return {
    $schema: PACKAGE_PROFILE,
    name: "news-archive",
    title: input.title,
    description: input.description,
    homepage: absoluteUrl(DATA_PATH, input.site),
    ...(input.licenses.length > 0 && { licenses: input.licenses.map((l) => ({ ...l })) }),
    resources: [csvResource, ...yearResources],
  };
}

/**
 * This archive's descriptor (its name, description and licences from src/lib/site.ts), from
 * the facts of its year files (oldest first) and of articles.csv: what a whole build and
 * `npm run merge` both write.
 */
export function archivePackageText(
  site: string,
  years: readonly YearFacts[],
  csv: FileFacts,
): string {
  return dataPackageText({
    site,
    title: SITE_NAME,
    description: SITE_DESCRIPTION,
    licenses: DATA_LICENSES,
    csv: { ...csv, articles: years.reduce((sum, year) => sum + year.articles, 0) },
    years: years.map(({ year, articles, bytes, sha256 }) => ({ year, articles, bytes, sha256 })),
  });
}

/** The descriptor's file: two-space JSON ending in a newline. */
export function dataPackageText(input: PackageInput): string {
  return `${JSON.stringify(dataPackage(input), null, 2)}\n`;
}
