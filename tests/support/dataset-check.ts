/**
 * Reads a built site's dataset (/data/) back and checks it against the archive it was built
 * from: every article once, its text and frontmatter as the archive has them, the digest of
 * its original.txt, the CSV as declared, and datapackage.json's sizes and digests equal to
 * the files' own. Returns one sentence per problem, so a test can show them all.
 */
import { deepStrictEqual as assertDeepEqual } from "node:assert";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import matter from "gray-matter";
import {
  authorsOf,
  validateFrontmatter,
  type ArticleFrontmatter,
} from "../../src/lib/article-schema.ts";
import { bodyOfEntry } from "../../src/lib/article-text.ts";
import { isCalendarDate } from "../../src/lib/dates.ts";
import { CSV_FIELDS, RECORD_FIELDS, type DataField } from "../../src/lib/dataset/fields.ts";
import { parseCsv } from "../../src/lib/dataset/records.ts";
import { absoluteUrl, originalTextPathFor, permalinkFor } from "../../src/lib/permalink.ts";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

interface ArchivedArticle {
  data: ArticleFrontmatter;
  text: string;
  /** SHA-256 of the `.original.txt` beside the entry. */
  originalSha256: string;
}

/** Every entry of `archiveDir`, by its absolute permalink, read straight from the files. */
export async function archivedArticles(
  archiveDir: string,
  site: string,
): Promise<Map<string, ArchivedArticle>> {
  const articlesDir = join(archiveDir, "articles");
  const articles = new Map<string, ArchivedArticle>();
  for (const file of await readdir(articlesDir, { recursive: true })) {
    if (!file.endsWith(".md")) continue;
    const path = join(articlesDir, file);
    const source = await readFile(path, "utf8");
    const parsed = validateFrontmatter(matter(source, {}).data);
    if (!parsed.ok) throw new Error(`${path}: ${parsed.errors.join("; ")}`);
    const original = await readFile(path.replace(/\.md$/, ".original.txt"));
    articles.set(absoluteUrl(permalinkFor(parsed.data), site), {
      data: parsed.data,
      text: bodyOfEntry(source),
      originalSha256: sha256(original),
    });
  }
  return articles;
}

interface Resource {
  name: string;
  path: string;
  bytes: number;
  hash: string;
  schema: { fields: DataField[] };
}

/** What a CSV column must hold, by its declared type and constraints. */
function cellProblem(field: DataField, value: string): string | null {
  if (value === "") return field.constraints?.required ? "is empty but required" : null;
  if (field.type === "date" && !isCalendarDate(value)) return "is not a date";
  if (field.format === "uri" && URL.parse(value) === null) return "is not a URL";
  const pattern = field.constraints?.pattern;
  if (pattern && !new RegExp(`^(?:${pattern})$`).test(value)) return `does not match ${pattern}`;
  return null;
}

/** The CSV row an article should have, column by column, from the archive's own values. */
function expectedRow(article: ArchivedArticle, permalink: string): Record<string, string> {
  const { data } = article;
  return {
    permalink,
    date: data.date,
    title: data.title,
    source: data.source,
    author: authorsOf(data).join("; "),
    section: data.section ?? "",
    language: data.language,
    slug: data.slug,
    originalUrl: data.originalUrl ?? "",
    sha256: article.originalSha256,
    aliases: (data.aliases ?? []).join(" "),
  };
}

function checkCsv(
  text: string,
  resource: Resource,
  archive: Map<string, ArchivedArticle>,
): string[] {
  const problems: string[] = [];
  let rows: string[][];
  try {
    rows = parseCsv(text);
  } catch (error) {
    return [`${resource.path}: ${(error as Error).message}`];
  }
  const fields = resource.schema.fields;
  const [header = [], ...body] = rows;
  if (header.join(",") !== fields.map((f) => f.name).join(","))
    problems.push(`${resource.path}: header ${header.join(",")} is not the declared fields`);
  const seen = new Set<string>();
  body.forEach((row, i) => {
    const where = `${resource.path} row ${i + 2}`;
    if (row.length !== fields.length) problems.push(`${where}: ${row.length} cells`);
    const cells = Object.fromEntries(fields.map((f, j) => [f.name, row[j] ?? ""]));
    fields.forEach((field) => {
      const problem = cellProblem(field, cells[field.name]!);
      if (problem) problems.push(`${where}: ${field.name} ${problem}`);
    });
    const permalink = cells["permalink"]!;
    const article = archive.get(permalink);
    if (!article) return void problems.push(`${where}: ${permalink} is not in the archive`);
    if (seen.has(permalink)) problems.push(`${where}: ${permalink} is listed twice`);
    seen.add(permalink);
    const expected = expectedRow(article, permalink);
    for (const [name, value] of Object.entries(expected)) {
      if (cells[name] !== value) problems.push(`${where}: ${name} is not the archive's`);
    }
  });
  for (const permalink of archive.keys()) {
    if (!seen.has(permalink)) problems.push(`${resource.path}: ${permalink} is missing`);
  }
  return problems;
}

/** Checks one year's JSON Lines; `seen` collects permalinks across the years. */
function checkYear(
  text: string,
  resource: Resource,
  archive: Map<string, ArchivedArticle>,
  seen: Set<string>,
  site: string,
): string[] {
  const problems: string[] = [];
  const year = /^articles-(\d{4})$/.exec(resource.name)?.[1];
  if (!text.endsWith("\n")) problems.push(`${resource.path}: the last line has no newline`);
  text
    .split("\n")
    .slice(0, -1)
    .forEach((line, i) => {
      const where = `${resource.path} line ${i + 1}`;
      const record = JSON.parse(line) as Record<string, unknown>;
      const keys = resource.schema.fields.map((f) => f.name).join(",");
      if (Object.keys(record).join(",") !== keys) problems.push(`${where}: keys are not ${keys}`);
      const permalink = String(record["permalink"]);
      const article = archive.get(permalink);
      if (!article) return void problems.push(`${where}: ${permalink} is not in the archive`);
      if (seen.has(permalink)) problems.push(`${where}: ${permalink} is in the dataset twice`);
      seen.add(permalink);
      if (!article.data.date.startsWith(`${year}-`))
        problems.push(`${where}: ${permalink} is not of ${year}`);
      if (record["text"] !== article.text) problems.push(`${where}: text is not the archive's`);
      try {
        assertDeepEqual(record["frontmatter"], article.data);
      } catch {
        problems.push(`${where}: frontmatter is not the archive's`);
      }
      if (record["originalSha256"] !== article.originalSha256)
        problems.push(`${where}: originalSha256 is not the digest of original.txt`);
      if (record["original"] !== absoluteUrl(originalTextPathFor(article.data), site))
        problems.push(`${where}: original is not the URL of original.txt`);
    });
  return problems;
}

/**
 * Problems with the dataset in `distDir` against the archive in `archiveDir`, built for
 * `site`: none when every file reads back as the archive.
 */
export async function datasetProblems(
  distDir: string,
  archiveDir: string,
  site: string,
): Promise<string[]> {
  const dataDir = join(distDir, "data");
  const archive = await archivedArticles(archiveDir, site);
  const descriptor = JSON.parse(await readFile(join(dataDir, "datapackage.json"), "utf8")) as {
    resources: Resource[];
  };
  const problems: string[] = [];
  const seen = new Set<string>();
  const years = new Set([...archive.values()].map((a) => a.data.date.slice(0, 4)));
  const expectedNames = ["articles", ...[...years].sort().map((y) => `articles-${y}`)];
  const names = descriptor.resources.map((r) => r.name);
  if (names.join(",") !== expectedNames.join(","))
    problems.push(`datapackage.json lists ${names.join(",")}, not ${expectedNames.join(",")}`);
  for (const resource of descriptor.resources) {
    const path = join(dataDir, resource.path);
    if (!existsSync(path)) {
      problems.push(`${resource.path} is missing`);
      continue;
    }
    const bytes = await readFile(path);
    if (bytes.length !== resource.bytes)
      problems.push(
        `${resource.path}: ${bytes.length} bytes, datapackage.json says ${resource.bytes}`,
      );
    if (`sha256:${sha256(bytes)}` !== resource.hash)
      problems.push(`${resource.path}: its SHA-256 is not datapackage.json's hash`);
    if (resource.name === "articles") {
      if (resource.schema.fields.map((f) => f.name).join() !== CSV_FIELDS.map((f) => f.name).join())
        problems.push(`${resource.path}: declared fields are not CSV_FIELDS`);
      problems.push(...checkCsv(bytes.toString("utf8"), resource, archive));
    } else {
      if (
        resource.schema.fields.map((f) => f.name).join() !== RECORD_FIELDS.map((f) => f.name).join()
      )
        problems.push(`${resource.path}: declared fields are not RECORD_FIELDS`);
      const text = gunzipSync(bytes).toString("utf8");
      problems.push(...checkYear(text, resource, archive, seen, site));
    }
  }
  for (const [permalink, article] of archive) {
    if (!seen.has(permalink)) problems.push(`${permalink} is in no year file`);
    // The original.txt served beside the page: its digest is the one the dataset records.
    const served = await readFile(join(distDir, originalTextPathFor(article.data)));
    if (sha256(served) !== article.originalSha256)
      problems.push(`${permalink}: the served original.txt is not the archive's`);
  }
  return problems;
}
