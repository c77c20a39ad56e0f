/**
 * What importing one raw text into the archive does, decided without touching the file
 * system: `duplicate` (its bytes are archived already), or a new entry with a slug no
 * other entry, stray file, alias or published permalink holds; and the exact `.md` text,
 * validated with the site's own schema before the caller writes anything.
 */
import matter from "gray-matter";
import { validateFrontmatter, type ArticleFrontmatter } from "./article-schema.ts";
import { isCalendarDate } from "./dates.ts";
import { entryPathFor, permalinkFor, ARCHIVE_PATH } from "./permalink.ts";
import { IMPORT_SLUG_MAX, type RawArticleFields } from "./raw-article.ts";

/** An archived entry, as the import needs to know it. */
export interface KnownEntry {
  /** `2019/12/11/<slug>`: the .md path under `articles/`, without extension. */
  key: string;
  /** Its permanent URL path, from its frontmatter date and slug. */
  permalink: string;
}

/** What the archive holds, read once at the start of a run and kept up to date in memory. */
export interface ArchiveContents {
  /** sha256 of each archived original -> its entry. */
  bySha256: Map<string, KnownEntry>;
  /**
   * Entry keys (`YYYY/MM/DD/slug`) a new entry may not take: existing entries (by path and
   * by frontmatter), any `<slug>.*` file, aliases, and every permalink in the ledger.
   */
  takenKeys: Set<string>;
  /** sha256 -> key of a `<slug>.original.txt` whose `.md` was never written (interrupted run). */
  orphanOriginals: Map<string, string>;
}

export function emptyArchiveContents(): ArchiveContents {
  return { bySha256: new Map(), takenKeys: new Set(), orphanOriginals: new Map() };
}

/** The fields of an existing entry's frontmatter that the import reads. */
export interface ExistingFrontmatter {
  sha256?: unknown;
  date?: unknown;
  slug?: unknown;
  aliases?: unknown;
}

/** `/articles/2019/12/11/<slug>/` -> `2019/12/11/<slug>`; null for any other path. */
export function entryKeyOfPermalink(path: string): string | null {
  if (!path.startsWith(ARCHIVE_PATH)) return null;
  const match = /^(\d{4})\/(\d{2})\/(\d{2})\/([^/]+)\/$/.exec(path.slice(ARCHIVE_PATH.length));
  return match ? `${match[1]}/${match[2]}/${match[3]}/${match[4]}` : null;
}

/** `2019/12/11/<slug>` -> `/articles/2019/12/11/<slug>/`. */
export function permalinkOfKey(key: string): string {
  return `${ARCHIVE_PATH}${key}/`;
}

function asIsoDate(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime()))
    return value.toISOString().slice(0, 10);
  return typeof value === "string" && isCalendarDate(value) ? value : undefined;
}

/**
 * Records an existing `.md` entry found at `key` (path under `articles/`, no extension)
 * with its frontmatter `data` (whatever YAML gave; a broken entry still blocks its slug).
 */
export function addExistingEntry(
  index: ArchiveContents,
  key: string,
  data: ExistingFrontmatter,
): void {
  index.takenKeys.add(key);
  const date = asIsoDate(data.date);
  const slug = typeof data.slug === "string" ? data.slug : undefined;
  let permalink = permalinkOfKey(key);
  if (date !== undefined && slug) {
    const own = { date, slug };
    index.takenKeys.add(entryPathFor(own));
    permalink = permalinkFor(own);
  }
  if (Array.isArray(data.aliases)) {
    for (const alias of data.aliases) {
      const aliasKey = typeof alias === "string" ? entryKeyOfPermalink(alias) : null;
      if (aliasKey) index.takenKeys.add(aliasKey);
    }
  }
  if (typeof data.sha256 === "string" && !index.bySha256.has(data.sha256)) {
    index.bySha256.set(data.sha256, { key, permalink });
  }
}

/** Records a file `<slug>.<anything>` that is not an entry: its slug is taken all the same. */
export function addOtherFile(index: ArchiveContents, key: string): void {
  index.takenKeys.add(key);
}

/** Records a `.original.txt` with no `.md` beside it, so the same text can complete it. */
export function addOrphanOriginal(index: ArchiveContents, key: string, sha256: string): void {
  index.takenKeys.add(key);
  if (!index.orphanOriginals.has(sha256)) index.orphanOriginals.set(sha256, key);
}

/** Records a line of the permanence ledger: a URL once published is never reused. */
export function addLedgerLine(index: ArchiveContents, line: string): void {
  const key = entryKeyOfPermalink(line.trim());
  if (key) index.takenKeys.add(key);
}

/**
 * `base` with the suffix for the `n`th article of that date and title: `base` for 1,
 * `base-2` for 2, ...; the base is shortened at a hyphen so the result fits `maxLength`.
 */
export function slugWithSuffix(base: string, n: number, maxLength = IMPORT_SLUG_MAX): string {
  if (n <= 1) return base;
  const suffix = `-${n}`;
  if (base.length + suffix.length <= maxLength) return `${base}${suffix}`;
  const room = maxLength - suffix.length;
  const cut = base.slice(0, room + 1).lastIndexOf("-");
  const head = cut > 0 ? base.slice(0, cut) : base.slice(0, room);
  return `${head.replace(/-+$/, "")}${suffix}`;
}

export type ImportPlan =
  | { status: "duplicate"; existing: KnownEntry }
  | {
      status: "imported";
      slug: string;
      /** `YYYY/MM/DD/<slug>` under `articles/`. */
      key: string;
      permalink: string;
      /** True when `<slug>.original.txt` with these bytes is already there (interrupted run). */
      originalInPlace: boolean;
    };

/**
 * Decides what importing an article with `date`, derived `slug` and `sha256` does:
 * a duplicate of an archived entry, or a new entry at the first free `slug`, `slug-2`, ...
 */
export function planImport(
  index: ArchiveContents,
  article: { date: string; slug: string; sha256: string },
): ImportPlan {
  const existing = index.bySha256.get(article.sha256);
  if (existing) return { status: "duplicate", existing };
  const orphan = index.orphanOriginals.get(article.sha256);
  if (orphan !== undefined) {
    const slug = orphan.slice(orphan.lastIndexOf("/") + 1);
    const own = entryPathFor({ date: article.date, slug });
    if (own === orphan) {
      return {
        status: "imported",
        slug,
        key: own,
        permalink: permalinkFor(article),
        originalInPlace: true,
      };
    }
  }
  for (let n = 1; ; n++) {
    const slug = slugWithSuffix(article.slug, n);
    const key = entryPathFor({ date: article.date, slug });
    if (!index.takenKeys.has(key)) {
      return {
        status: "imported",
        slug,
        key,
        permalink: permalinkFor({ date: article.date, slug }),
        originalInPlace: false,
      };
    }
  }
}

/** Marks a planned entry as archived, so later files in the same run see it. */
export function recordImport(
  index: ArchiveContents,
  key: string,
  permalink: string,
  sha256: string,
): void {
  index.takenKeys.add(key);
  index.orphanOriginals.delete(sha256);
  index.bySha256.set(sha256, { key, permalink });
}

/** Marks a key as unavailable after a write found it taken by something the scan missed. */
export function markTaken(index: ArchiveContents, key: string): void {
  index.takenKeys.add(key);
  for (const [sha256, orphan] of index.orphanOriginals) {
    if (orphan === key) index.orphanOriginals.delete(sha256);
  }
}

export type EntryText =
  { ok: true; text: string; data: ArticleFrontmatter } | { ok: false; errors: string[] };

/**
 * The `.md` text of an entry: frontmatter written by gray-matter, then the body. The data
 * is validated with the site's schema first; then the text is read back the way the site
 * reads it: the frontmatter must parse to exactly the validated data (the date must stay
 * the string `YYYY-MM-DD`, a title like `true` or `2019` must stay a string) and the text
 * after the closing `---` must be the body exactly. Nothing is returned to write unless
 * all of that holds.
 */
export function entryText(fields: RawArticleFields & { sha256: string }, body: string): EntryText {
  const data: Record<string, unknown> = {};
  // Key order is the order a reader expects; undefined fields are left out.
  for (const key of ENTRY_FIELDS) {
    const value = fields[key];
    if (value !== undefined) data[key] = value;
  }
  const before = validateFrontmatter(data);
  if (!before.ok) return before;

  const text = `${frontmatterText(data)}${body}\n`;

  // Read it back as gray-matter does: the frontmatter ends at the first "\n---" after the
  // opening one, and the content starts after that line. (Parsing the head alone keeps
  // gray-matter from keying its cache by the whole text.)
  const close = text.indexOf("\n---", 3);
  const head = close === -1 ? text : text.slice(0, close + 4);
  const content = close === -1 ? "" : text.slice(close + 4).replace(/^\r?\n?/, "");
  const readBack: Record<string, unknown> = matter(head, {}).data;
  const problems: string[] = [];
  if (JSON.stringify(readBack) !== JSON.stringify(data)) {
    // YAML turned a value into something else (a date into a Date, a string into a number).
    for (const key of new Set([...Object.keys(data), ...Object.keys(readBack)])) {
      if (JSON.stringify(readBack[key]) !== JSON.stringify(data[key])) {
        problems.push(
          `${key}: does not read back as written (${JSON.stringify(data[key])} became ${JSON.stringify(readBack[key])})`,
        );
      }
    }
  }
  if (content !== `${body}\n`) problems.push("body: does not read back as written");
  if (problems.length) return { ok: false, errors: problems };
  // What was written reads back as exactly the data validated above.
  return { ok: true, text, data: before.data };
}

/** YAML options: long titles stay on one line instead of YAML's folded `>-` form. */
const YAML_OPTIONS = { lineWidth: -1 } as Parameters<typeof matter.stringify>[2];

/**
 * `---\n<yaml>---\n`, as gray-matter's `matter.stringify(body, data)` writes it before
 * the body (which it then appends with a final newline). Stringifying an empty body keeps
 * gray-matter from copying every body into a Buffer it never uses.
 */
export function frontmatterText(data: Record<string, unknown>): string {
  return matter.stringify("", data, YAML_OPTIONS).replace(/\n$/, "");
}

const ENTRY_FIELDS = [
  "title",
  "date",
  "source",
  "author",
  "slug",
  "language",
  "section",
  "originalUrl",
  "sha256",
] as const;

/** The fields (frontmatter only) of an entry's `.md` text, without reading its body. */
export function frontmatterOf(head: string): Record<string, unknown> {
  return matter(head, {}).data;
}

const SIMPLE_FIELD = {
  sha256: /^sha256: ([0-9a-f]{64})\r?$/gm,
  date: /^date: '?(\d{4}-\d{2}-\d{2})'?\r?$/gm,
  slug: /^slug: '?([a-z0-9]+(?:-[a-z0-9]+)*)'?\r?$/gm,
} as const;

/**
 * What the import needs from an existing entry's frontmatter block (sha256, date, slug,
 * aliases). Entries as the import writes them are read with three line patterns; anything
 * else (aliases, hand-edited YAML) is parsed as YAML, as the site parses it.
 */
export function existingFieldsOf(block: string): ExistingFrontmatter {
  if (!/^aliases:/m.test(block) && block.match(/^(?:sha256|date|slug):/gm)?.length === 3) {
    const fields: Record<string, string> = {};
    for (const [key, pattern] of Object.entries(SIMPLE_FIELD)) {
      const matches = [...block.matchAll(pattern)];
      if (matches.length !== 1) return frontmatterOf(block);
      fields[key] = matches[0]![1]!;
    }
    return fields;
  }
  return block ? frontmatterOf(block) : {};
}

/**
 * The frontmatter block at the start of an `.md` text (`---` ... `---`), or null when
 * `head` does not hold all of it yet: lets a scan read only the first bytes of each file.
 */
export function frontmatterBlock(head: string): string | null {
  const text = head.replace(/^\uFEFF/, "");
  if (!/^---\r?\n/.test(text)) return "";
  const close = /\r?\n---[ \t]*(?:\r?\n|$)/.exec(text.slice(3));
  return close ? text.slice(0, 3 + close.index + close[0].length) : null;
}
