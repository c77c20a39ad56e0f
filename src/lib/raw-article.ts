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
 * One function per step: `readDateLine`, `readHeader` (raw-article/header.ts, over the line
 * shapes of raw-article/line-shapes.ts), `readBody`, `readCredits`, `titleAndSlug`.
 * Pure: no file system, no site constants.
 */
import { firstSentence, truncateAtWord } from "./article-text.ts";
import { isCalendarDate } from "./dates.ts";
import { chooseLanguage, type LanguageChoice } from "./language.ts";
import { readHeader, type Header } from "./raw-article/header.ts";
import {
  collapse,
  DATE_LINE,
  isBlank,
  isSignature,
  ISO_DATE_TOKEN,
  looksLikePerson,
  sameName,
} from "./raw-article/line-shapes.ts";
import { slugify } from "./slug.ts";

export { looksLikePerson } from "./raw-article/line-shapes.ts";
export { decodeRawText, type DecodedText } from "./raw-article/decode.ts";

/** Settings that come from the command line rather than from the text. */
export interface RawArticleOptions {
  /** Source to use when the text credits none (`--source`). */
  source?: string | undefined;
  /** Author(s) to use when the text names none (`--author`). */
  author?: string | string[] | undefined;
  /** Headline to use instead of the one in the text or the derived one (`--title`). */
  title?: string | undefined;
  /** BCP 47 language tag (`--lang`); detected in the body when not given (./language.ts). */
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
  /** How `frontmatter.language` was chosen: given, detected in the body, or the default. */
  languageChoice: LanguageChoice;
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

function fail(code: RawArticleProblem, problem: string, fix: string): RawArticleFailure {
  return { ok: false, code, problem, fix };
}

/**
 * Reads one raw text. The options fill in what the text cannot say (`source`, `author`
 * when it names none) and set what it never says (`title` override, `language`,
 * `section`, `originalUrl`); without `language`, it is detected in the body (English,
 * Russian, Azerbaijani), `en` when unsure. Fails, saying what is wrong and how to fix it, when the text
 * has no date line, an impossible date, no body, or no source and none was given.
 */
export function parseRawArticle(text: string, options: RawArticleOptions = {}): RawArticleResult {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const dateLine = readDateLine(lines);
  if (!dateLine.ok) return dateLine;
  const header = readHeader(lines, dateLine.index, dateLine.rest);
  const paragraphs = readBody(lines.slice(header.end), header.bodyHead);
  if (paragraphs.length === 0) {
    return fail(
      "empty-body",
      "the article has no text after its header (date line, headline and byline)",
      "check that the file is complete; there is nothing to archive without the article text",
    );
  }
  const credits = readCredits(header, options);
  if (!credits.ok) return credits;
  const { title, slug } = titleAndSlug(header.headline, paragraphs[0]!, options);
  const { source, author } = credits;
  const body = paragraphs.join("\n\n");
  const languageChoice = chooseLanguage(body, options.language);
  const frontmatter: RawArticleFields = {
    title,
    date: dateLine.date,
    source,
    ...(author.length ? { author: author.length === 1 ? author[0]! : author } : {}),
    slug,
    language: languageChoice.language,
    ...(options.section?.trim() ? { section: collapse(options.section) } : {}),
    ...(options.originalUrl?.trim() ? { originalUrl: options.originalUrl.trim() } : {}),
  };
  return { ok: true, article: { frontmatter, body, languageChoice } };
}

// ---------------------------------------------------------------------------------------
// The date line: the first non-empty line, `date YYYY-MM-DD <rest>`.

interface DateLine {
  ok: true;
  date: string;
  /** What follows the date on its line: a headline, a credit, a dateline, or nothing. */
  rest: string;
  /** Its index in the lines. */
  index: number;
}

function readDateLine(lines: string[]): DateLine | RawArticleFailure {
  const index = lines.findIndex((line) => !isBlank(line));
  const line = index === -1 ? undefined : lines[index]!.trim();
  const match = line === undefined ? null : DATE_LINE.exec(line);
  if (!match) {
    const found =
      line === undefined
        ? "the text is empty"
        : `the first non-empty line is ${JSON.stringify(truncateAtWord(line, 60))}`;
    return fail(
      "no-date-line",
      `no date line: ${found}`,
      'make the first line "date YYYY-MM-DD", e.g. "date 2019-12-11 By Azernews", with the publication date',
    );
  }
  const date = match[1]!;
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
  return { ok: true, date, rest: match[2] ?? "", index };
}

// ---------------------------------------------------------------------------------------
// The body: what is left, less a trailing site signature, as paragraphs.

function readBody(lines: string[], bodyHead: string | undefined): string[] {
  const bodyLines = bodyHead === undefined ? [...lines] : [bodyHead, ...lines];
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
  return paragraphs;
}

// ---------------------------------------------------------------------------------------
// Credits: source and authors.

type Credits = { ok: true; source: string; author: string[] };

function readCredits(header: Header, options: RawArticleOptions): Credits | RawArticleFailure {
  const { dateLineCredit, agency, bylineAuthors } = header;
  let source = agency;
  let creditAuthor: string | undefined;
  if (dateLineCredit !== undefined) {
    // With a separate byline, the date line's credit is the agency (`By Azernews`).
    // Alone, it is the author when it reads as a person's name, else the agency.
    const isAuthor =
      bylineAuthors.length === 0 &&
      looksLikePerson(dateLineCredit) &&
      !sameName(dateLineCredit, options.source) &&
      !sameName(dateLineCredit, agency);
    if (isAuthor) creditAuthor = dateLineCredit;
    else source ??= dateLineCredit;
  }
  source ??= options.source?.trim() || undefined;
  if (source === undefined) return noSource(creditAuthor, bylineAuthors);

  const authors = creditAuthor === undefined ? bylineAuthors : [creditAuthor, ...bylineAuthors];
  const uniqueAuthors = authors.filter(
    (name, i) => !authors.slice(0, i).some((other) => sameName(other, name)),
  );
  const optionAuthors = [options.author ?? []].flat().map(collapse).filter(Boolean);
  return {
    ok: true,
    source: collapse(source),
    author: uniqueAuthors.length ? uniqueAuthors : optionAuthors,
  };
}

function noSource(creditAuthor: string | undefined, bylineAuthors: string[]): RawArticleFailure {
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

// ---------------------------------------------------------------------------------------
// Title and slug.

function titleAndSlug(
  headline: string | undefined,
  firstParagraph: string,
  options: RawArticleOptions,
): { title: string; slug: string } {
  const title =
    (options.title !== undefined && collapse(options.title)) ||
    (headline && truncateAtWord(headline, HEADLINE_MAX)) ||
    firstSentence(firstParagraph, DERIVED_TITLE_MAX);
  const slug =
    slugify(title, IMPORT_SLUG_MAX) || slugify(firstParagraph, IMPORT_SLUG_MAX) || FALLBACK_SLUG;
  return { title, slug };
}

/** `problem (fix)`: one sentence for a failure, to prefix with the file name. */
export function describeFailure(failure: Pick<RawArticleFailure, "problem" | "fix">): string {
  return `${failure.problem}; ${failure.fix}`;
}
