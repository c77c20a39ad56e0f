/**
 * Raw scraped news text -> frontmatter fields and a plain-text body.
 *
 * A raw text starts with a date line, `date YYYY-MM-DD <rest>`, then a header of varying
 * shape (agency credit, headline, dateline, time stamp, byline, `Agency:` line, page
 * furniture such as `+ ↺ − 16 px`), then paragraphs, sometimes followed by a site
 * signature. The header and the furniture are read into fields and left out of the body;
 * every other character of the text is kept exactly, as plain-text paragraphs separated
 * by one blank line (see `paragraphsOf` in article-text.ts). Nothing is escaped: the site
 * renders the body as literal text, never as Markdown or HTML.
 *
 * Pure: no file system, no site constants.
 */
import { firstSentence, truncateAtWord } from "./article-text.ts";
import { isCalendarDate, MONTH_NAMES } from "./dates.ts";
import { slugify } from "./slug.ts";

/** Settings that come from the command line rather than from the text. */
export interface RawArticleOptions {
  /** Source to use when the text credits none (`--source`). */
  source?: string | undefined;
  /** Author(s) to use when the text names none (`--author`). */
  author?: string | string[] | undefined;
  /** Headline to use instead of the one in the text or the derived one (`--title`). */
  title?: string | undefined;
  /** BCP 47 language tag (`--lang`); `en` when not given. */
  language?: string | undefined;
  /** Section of the source publication (`--section`). */
  section?: string | undefined;
  /** Where the text was found (`--url`). */
  originalUrl?: string | undefined;
}

/** The frontmatter fields a raw text yields; `sha256` comes from its bytes, not its text. */
export interface RawArticleFields {
  title: string;
  date: string;
  source: string;
  author?: string | string[];
  slug: string;
  language: string;
  section?: string;
  originalUrl?: string;
}

export interface RawArticle {
  frontmatter: RawArticleFields;
  /** Plain-text paragraphs separated by one blank line, no trailing newline. */
  body: string;
}

export type RawArticleProblem =
  "no-date-line" | "bad-date" | "impossible-date" | "empty-body" | "no-source";

/** Why a raw text cannot be archived, and what to do about it. */
export interface RawArticleFailure {
  ok: false;
  code: RawArticleProblem;
  /** What is wrong, e.g. `the date 2019-02-30 is not a real calendar day`. */
  problem: string;
  /** What to do, e.g. `correct the date line`. */
  fix: string;
}

export type RawArticleResult = { ok: true; article: RawArticle } | RawArticleFailure;

/** Longest title derived from the first sentence. */
export const DERIVED_TITLE_MAX = 120;
/** Longest headline kept from the text (the schema's limit). */
export const HEADLINE_MAX = 300;
/** Longest slug chosen at import. */
export const IMPORT_SLUG_MAX = 80;
/** Slug of an article whose title and text hold nothing transliterable to ASCII. */
export const FALLBACK_SLUG = "article";

// ---------------------------------------------------------------------------------------
// Line shapes

/** Abbreviations seen in datelines, besides the full names. */
const EN_MONTH_ABBREVIATIONS = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Sept",
  "Oct",
  "Nov",
  "Dec",
];
function capitalized(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

/** Month names as written in datelines: `Aug`, `AUG`, `aug`, `August`, `avqust`, `августа`. */
const MONTH = [...MONTH_NAMES.en, ...EN_MONTH_ABBREVIATIONS, ...MONTH_NAMES.az, ...MONTH_NAMES.ru]
  .flatMap((m) => [m, m.toUpperCase(), m.toLowerCase(), capitalized(m)])
  .filter((m, i, all) => all.indexOf(m) === i)
  .sort((a, b) => b.length - a.length)
  .join("|");

const DAY = String.raw`\d{1,2}`;
const YEAR = String.raw`\d{4}`;
/** `Aug. 8`, `8 August`, `8 August 2019`, `Aug. 8, 2019`. */
const DAY_AND_MONTH = String.raw`(?:(?:${MONTH})\.?\s+${DAY}|${DAY}\s+(?:${MONTH})\.?)(?:,?\s+${YEAR})?`;
/** `Baku`, `BAKU`, `New York`, `Tbilisi`, `Bakı`, `Баку`. */
const PLACE = String.raw`\p{Lu}[\p{L}\p{M}.'’\- ]{0,40}`;

/**
 * A dateline: `Baku, Azerbaijan, Aug. 8`, `BAKU, Azerbaijan, Jan. 15`, `Баку, 2 ноября`,
 * optionally followed by an agency in brackets or slashes (`(Trend)`, `/APA/`).
 */
const DATELINE = new RegExp(
  String.raw`^${PLACE}(?:,\s*${PLACE}){0,3},\s*${DAY_AND_MONTH}` +
    String.raw`(?:\s*[(/]([^()/]{1,60})[)/])?\s*[:–—-]?$`,
  "u",
);

const TIME = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?`;
const TIME_ZONE = String.raw`\(?(?:UTC|GMT)(?:\s*[+−-]\s*\d{1,2}(?::?\d{2})?)?\)?`;
const CALENDAR_DATE = [
  String.raw`${DAY}\s+(?:${MONTH})\.?,?\s+${YEAR}`,
  String.raw`(?:${MONTH})\.?\s+${DAY},?\s+${YEAR}`,
  String.raw`${DAY}[./]${DAY}[./]${YEAR}`,
  String.raw`${YEAR}-\d{2}-\d{2}`,
].join("|");
/** A time stamp line: `18 June 2019 15:20 (UTC+04:00)`, `Published: June 18, 2019`. */
const TIMESTAMP = new RegExp(
  String.raw`^(?:(?:Published|Updated|Posted)(?:\s+on)?:?\s*)?` +
    String.raw`(?:(?:${CALENDAR_DATE})(?:,?\s+(?:at\s+)?${TIME})?|${TIME},?\s+(?:${CALENDAR_DATE}))` +
    String.raw`(?:\s*${TIME_ZONE})?$`,
  "u",
);

/** `date 2019-12-11 <rest>`; the word is matched in any case, a colon may follow it. */
const DATE_LINE = /^date:?[ \t]+(\S+)(?:[ \t]+(.*))?$/i;
const ISO_DATE_TOKEN = /^\d{4}-\d{2}-\d{2}$/;

/** `By Tural Ganjaliyev – Kura Press:` (en or em dash, or a spaced hyphen), text may follow. */
const AGENCY_BYLINE = /^By\s+(.+?)\s+[–—-]\s+([^:\s][^:]{0,60}?)\s*:\s*(.*)$/u;
/** `By Ofeliya Afandiyeva`, `By Azernews`. */
const PLAIN_BYLINE = /^By\s+(.{1,120}?)[\s.,;:]*$/u;
/** A line that is only `<Agency>:`. */
const AGENCY_LINE = /^([\p{L}\p{N}][\p{L}\p{M}\p{N}.&'’\- ]{0,59}?)\s*:$/u;

/** Widgets scraped with the page: `+ ↺ − 16 px` (font size controls). */
const FURNITURE_TOKEN = String.raw`(?:[+−↺↻⟲⟳]|-|\d{1,2}\s?px)`;
const FURNITURE_RUN = new RegExp(
  String.raw`(^|\s)(${FURNITURE_TOKEN}(?:\s*${FURNITURE_TOKEN})*)(?=\s|$)`,
  "gu",
);

/** Words that name a publication rather than a person. */
const PUBLICATION_WORD =
  /(?:^|[\s.])(?:news|press|agency|info|inform|media|daily|times|post|today|tv|radio|bulletin|ledger|herald|gazette|journal|report|review|service|network|channel|observer|tribune|chronicle|courier|express|monitor|telegraph|weekly|magazine|dispatch|digest|online|wire|group|centre|center|portal|newspaper|reporter|staff|correspondent|desk|az|com|ru|ge|net|org)(?=$|[\s.])/i;
/** A word of a person's name: `Ofeliya`, `Afandiyeva`, `Smith-Jones`, `O’Neil`. */
const NAME_WORD = /^\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)*$/u;
const NAME_PARTICLE =
  /^(?:de|da|di|du|van|von|der|den|al|el|bin|ibn|le|la|oglu|oğlu|qizi|qızı|kyzy|uulu)$/;
/** A word of a credit (person or publication): capitalized, or an initial, or a particle. */
const CREDIT_WORD = /^(?:[\p{Lu}\p{Lo}\p{N}\u10D0-\u10FF][\p{L}\p{M}\p{N}.'’&-]*|&|and|of|the)$/u;

/** Signatures sites add after the article. */
const SIGNATURE =
  /©|\(c\)\s*\d{4}|copyright|all rights reserved|^(?:follow us|subscribe to|read more|read also|share this|originally published)\b/i;
const BARE_URL = /^(?:https?:\/\/)?(?:www\.)?(?:[\p{L}\p{N}-]+\.)+\p{L}{2,}(?:\/\S*)?$/u;

// ---------------------------------------------------------------------------------------
// Small readers

/** The line without furniture runs; "" when the line was only furniture. */
function withoutFurniture(line: string): string {
  if (!/px|[↺↻⟲⟳]/.test(line)) return line.trim();
  return line
    .replace(FURNITURE_RUN, (run, lead: string, tokens: string) =>
      /px|[↺↻⟲⟳]/.test(tokens) ? lead : run,
    )
    .trim();
}

function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** A credit as written after `By`: names or a publication, not a sentence. */
function isCredit(text: string): boolean {
  const words = text.split(/\s+/).filter(Boolean);
  return (
    words.length > 0 &&
    words.length <= 10 &&
    words.every((word) => CREDIT_WORD.test(word.replace(/[,;]$/, "")))
  );
}

/** `Ofeliya Afandiyeva`, not `Azernews` or `Caspian Wire`. */
export function looksLikePerson(name: string): boolean {
  const words = name.split(/\s+/).filter(Boolean);
  if (words.length < 2 || words.length > 4) return false;
  if (PUBLICATION_WORD.test(name)) return false;
  return words.every((w) => NAME_WORD.test(w) || NAME_PARTICLE.test(w));
}

/** `A and B`, `A, B & C` -> names; a single name stays one. */
function splitNames(credit: string): string[] {
  return credit
    .split(/\s*(?:,|&|\band\b)\s*/)
    .map((name) => collapse(name).replace(/[.,;:]+$/, ""))
    .filter(Boolean);
}

function sameName(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  const key = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
  return key(a) === key(b);
}

function isAgencyLine(line: string): string | undefined {
  const match = AGENCY_LINE.exec(line);
  if (!match) return undefined;
  const name = match[1]!.trim();
  const words = name.split(/\s+/);
  if (words.length > 5 || !words.every((w) => CREDIT_WORD.test(w))) return undefined;
  return name;
}

function isSignature(line: string): boolean {
  const text = line.trim();
  if (text === "" || text.length > 120) return false;
  return SIGNATURE.test(text) || BARE_URL.test(text) || withoutFurniture(text) === "";
}

function isBlank(line: string): boolean {
  return /^\s*$/.test(line);
}

/** What a header line is, if it is header furniture. */
type HeaderLine =
  | { kind: "timestamp" }
  | { kind: "dateline"; agency?: string }
  | { kind: "agency-byline"; authors: string[]; agency: string; rest: string }
  | { kind: "byline"; credit: string }
  | { kind: "agency-line"; agency: string }
  | { kind: "furniture" };

function classify(raw: string): HeaderLine | undefined {
  const line = withoutFurniture(raw);
  if (line === "") return { kind: "furniture" };
  if (TIMESTAMP.test(line)) return { kind: "timestamp" };
  const dateline = DATELINE.exec(line);
  if (dateline) {
    const agency = dateline[1]?.trim();
    return agency ? { kind: "dateline", agency } : { kind: "dateline" };
  }
  const agencyByline = AGENCY_BYLINE.exec(line);
  if (agencyByline && isCredit(agencyByline[1]!) && isCredit(agencyByline[2]!)) {
    return {
      kind: "agency-byline",
      authors: splitNames(agencyByline[1]!),
      agency: collapse(agencyByline[2]!),
      rest: agencyByline[3]!,
    };
  }
  const byline = PLAIN_BYLINE.exec(line);
  if (byline && isCredit(byline[1]!)) return { kind: "byline", credit: collapse(byline[1]!) };
  const agency = isAgencyLine(line);
  if (agency !== undefined) return { kind: "agency-line", agency };
  return undefined;
}

function fail(code: RawArticleProblem, problem: string, fix: string): RawArticleFailure {
  return { ok: false, code, problem, fix };
}

// ---------------------------------------------------------------------------------------

/**
 * Reads one raw text. The options fill in what the text cannot say (`source`, `author`
 * when it names none) and set what it never says (`title` override, `language`,
 * `section`, `originalUrl`). Fails, saying what is wrong and how to fix it, when the text
 * has no date line, an impossible date, no body, or no source and none was given.
 */
export function parseRawArticle(text: string, options: RawArticleOptions = {}): RawArticleResult {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);

  // 1. The date line: the first non-empty line.
  let index = lines.findIndex((line) => !isBlank(line));
  const dateLine = index === -1 ? undefined : lines[index]!.trim();
  const dateMatch = dateLine === undefined ? null : DATE_LINE.exec(dateLine);
  if (!dateMatch) {
    const found =
      dateLine === undefined
        ? "the text is empty"
        : `the first non-empty line is ${JSON.stringify(truncateAtWord(dateLine, 60))}`;
    return fail(
      "no-date-line",
      `no date line: ${found}`,
      'make the first line "date YYYY-MM-DD", e.g. "date 2019-12-11 By Azernews", with the publication date',
    );
  }
  const date = dateMatch[1]!;
  if (!ISO_DATE_TOKEN.test(date)) {
    return fail(
      "bad-date",
      `the date line's date ${JSON.stringify(date)} is not written YYYY-MM-DD`,
      'write the date as year-month-day with leading zeros, e.g. "date 2019-12-11"',
    );
  }
  if (!isCalendarDate(date)) {
    return fail(
      "impossible-date",
      `the date ${date} on the date line is not a real calendar day`,
      "correct the date line to the day the article was published",
    );
  }

  // 2. The rest of the date line.
  let headline: string | undefined;
  let dateLineCredit: string | undefined;
  let textAgency: string | undefined;
  const bylineAuthors: string[] = [];
  let bodyHead: string | undefined; // text after `By A – Agency:` on the same line

  const rest = withoutFurniture(dateMatch[2] ?? "");
  if (rest !== "") {
    const shape = classify(rest);
    switch (shape?.kind) {
      case undefined:
        headline = collapse(rest);
        break;
      case "byline":
        dateLineCredit = shape.credit;
        break;
      case "agency-byline":
        bylineAuthors.push(...shape.authors);
        textAgency = shape.agency;
        if (shape.rest.trim() !== "") bodyHead = shape.rest;
        break;
      case "agency-line":
        textAgency = shape.agency;
        break;
      case "dateline":
        if (shape.agency) textAgency = shape.agency;
        break;
      case "timestamp":
      case "furniture":
        break;
    }
  }

  // 3. The header lines that follow, up to the first line of the body.
  index++;
  let consumedHeader = false;
  while (bodyHead === undefined && index < lines.length) {
    const line = lines[index]!;
    if (isBlank(line)) {
      index++;
      continue;
    }
    const shape = classify(line);
    if (shape === undefined) {
      // A headline on its own line: the first line after the date line, followed by
      // header furniture (a time stamp, a dateline or a byline).
      if (headline === undefined && !consumedHeader) {
        const next = lines.findIndex((l, i) => i > index && !isBlank(l));
        const nextShape = next === -1 ? undefined : classify(lines[next]!);
        if (nextShape && nextShape.kind !== "furniture" && nextShape.kind !== "agency-line") {
          headline = collapse(withoutFurniture(line));
          consumedHeader = true;
          index++;
          continue;
        }
      }
      break;
    }
    // An `Agency:` line credits the source only when nothing else has; otherwise a short
    // capitalized line ending in a colon is the start of the body.
    if (shape.kind === "agency-line" && (textAgency ?? dateLineCredit) !== undefined) break;
    consumedHeader = true;
    index++;
    switch (shape.kind) {
      case "byline":
        bylineAuthors.push(...splitNames(shape.credit));
        break;
      case "agency-byline":
        bylineAuthors.push(...shape.authors);
        textAgency = shape.agency;
        if (shape.rest.trim() !== "") bodyHead = shape.rest;
        break;
      case "agency-line":
        textAgency = shape.agency;
        break;
      case "dateline":
        if (shape.agency && textAgency === undefined) textAgency = shape.agency;
        break;
      case "timestamp":
      case "furniture":
        break;
    }
  }

  // 4. The body: what is left, less a trailing site signature.
  const bodyLines = lines.slice(index);
  if (bodyHead !== undefined) bodyLines.unshift(bodyHead);
  let last = bodyLines.length - 1;
  while (last >= 0 && isBlank(bodyLines[last]!)) last--;
  if (last >= 0 && isSignature(bodyLines[last]!)) bodyLines.length = last;
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const line of bodyLines) {
    if (isBlank(line)) {
      if (current.length) paragraphs.push(current.join("\n").trimEnd());
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length) paragraphs.push(current.join("\n").trimEnd());
  if (paragraphs.length === 0) {
    return fail(
      "empty-body",
      "the article has no text after its header (date line, headline and byline)",
      "check that the file is complete; there is nothing to archive without the article text",
    );
  }

  // 5. Source and author.
  let source = textAgency;
  let creditAuthor: string | undefined;
  if (dateLineCredit !== undefined) {
    // With a separate byline, the date line's credit is the agency (`By Azernews`).
    // Alone, it is the author when it reads as a person's name, else the agency.
    const isAuthor =
      bylineAuthors.length === 0 &&
      looksLikePerson(dateLineCredit) &&
      !sameName(dateLineCredit, options.source) &&
      !sameName(dateLineCredit, textAgency);
    if (isAuthor) creditAuthor = dateLineCredit;
    else source ??= dateLineCredit;
  }
  source ??= options.source?.trim() || undefined;
  if (source === undefined) {
    const hint =
      creditAuthor !== undefined
        ? `"By ${creditAuthor}" on the date line names a person, and `
        : bylineAuthors.length
          ? `the byline names only the author (${bylineAuthors.join(", ")}), and `
          : "";
    return fail(
      "no-source",
      `${hint}the text credits no source (no "By <Agency>" on the date line, no "By <Author> – <Agency>:" byline, no "<Agency>:" line)`,
      creditAuthor !== undefined
        ? `pass --source with the publication's name (if "${creditAuthor}" is the publication, pass --source "${creditAuthor}")`
        : 'pass --source with the publication\'s name, e.g. --source "Azernews"',
    );
  }
  const authors = [...bylineAuthors];
  if (creditAuthor !== undefined) authors.unshift(creditAuthor);
  const uniqueAuthors = authors.filter(
    (name, i) => !authors.slice(0, i).some((other) => sameName(other, name)),
  );
  const optionAuthors = [options.author ?? []].flat().map(collapse).filter(Boolean);
  const author = uniqueAuthors.length ? uniqueAuthors : optionAuthors;

  // 6. Title and slug.
  const title =
    (options.title !== undefined && collapse(options.title)) ||
    (headline && truncateAtWord(headline, HEADLINE_MAX)) ||
    firstSentence(paragraphs[0]!, DERIVED_TITLE_MAX);
  const slug =
    slugify(title, IMPORT_SLUG_MAX) || slugify(paragraphs[0]!, IMPORT_SLUG_MAX) || FALLBACK_SLUG;

  const frontmatter: RawArticleFields = {
    title,
    date,
    source: collapse(source),
    ...(author.length ? { author: author.length === 1 ? author[0]! : author } : {}),
    slug,
    language: options.language?.trim() || "en",
    ...(options.section?.trim() ? { section: collapse(options.section) } : {}),
    ...(options.originalUrl?.trim() ? { originalUrl: options.originalUrl.trim() } : {}),
  };
  return { ok: true, article: { frontmatter, body: paragraphs.join("\n\n") } };
}

/** `problem (fix)`: one sentence for a failure, to prefix with the file name. */
export function describeFailure(failure: Pick<RawArticleFailure, "problem" | "fix">): string {
  return `${failure.problem}; ${failure.fix}`;
}
