/**
 * Citations of an archived newspaper article: APA (7th), MLA (9th) and Chicago (17th,
 * bibliography) strings and the names they need; the files reference managers import
 * (BibTeX, RIS, CSL-JSON) are in ./citation-files.ts. Pure: the caller supplies the
 * absolute URL and the archive's name.
 *
 * Headlines are cited exactly as archived (no case conversion): a sentence-case or
 * title-case rewrite would guess at proper nouns, and the archive's promise is the text as
 * it was published.
 */
import { authorsOf, type ArticleFrontmatter } from "./article-schema.ts";
import { dateParts, monthName } from "./dates.ts";
import { absoluteUrl, permalinkFor } from "./permalink.ts";

export interface CitationInput {
  title: string;
  /** `YYYY-MM-DD`. */
  date: string;
  /** The publication credited. */
  source: string;
  authors: readonly string[];
  section?: string | undefined;
  /** BCP 47. */
  language?: string | undefined;
  /** Absolute URL of the archived copy (the permalink). */
  url: string;
  /** Where the text was found, if known. */
  originalUrl?: string | undefined;
  /** The archive's name, cited as the second container (MLA) and in notes. */
  archive: string;
}

/** What a citation needs of an archived article, its permalink made absolute on `site`. */
export function citationInputFor(
  data: ArticleFrontmatter,
  site: string | URL,
  archive: string,
): CitationInput {
  return {
    title: data.title,
    date: data.date,
    source: data.source,
    authors: authorsOf(data),
    section: data.section,
    language: data.language,
    url: absoluteUrl(permalinkFor(data), site),
    originalUrl: data.originalUrl,
    archive,
  };
}

/** A run of citation text; `emphasis` marks titles set in italics. */
export interface CitationPart {
  text: string;
  emphasis?: boolean;
}

export interface PersonName {
  family: string;
  given: string;
}

/**
 * Splits a byline name into family and given names: `Smith, John` as written, otherwise
 * the last word is the family name. A single word (an agency, a mononym) has no given name.
 */
export function parseName(name: string): PersonName {
  const trimmed = name.trim().replace(/\s+/g, " ");
  const comma = trimmed.indexOf(",");
  if (comma > 0) {
    return { family: trimmed.slice(0, comma).trim(), given: trimmed.slice(comma + 1).trim() };
  }
  const space = trimmed.lastIndexOf(" ");
  if (space < 0) return { family: trimmed, given: "" };
  return { family: trimmed.slice(space + 1), given: trimmed.slice(0, space) };
}

/** `Afandiyeva, Ofeliya` (or just `Reuters`). */
export function invertedName(name: string): string {
  const { family, given } = parseName(name);
  return given ? `${family}, ${given}` : family;
}

/** `Ofeliya Afandiyeva`, whichever way the byline wrote it. */
export function directName(name: string): string {
  const { family, given } = parseName(name);
  return given ? `${given} ${family}` : family;
}

/** APA initials: `Ofeliya` -> `O.`, `Jean-Paul` -> `J.-P.`, `Mary Ann` -> `M. A.` */
export function initials(given: string): string {
  return given
    .split(/\s+/)
    .filter(Boolean)
    .map((word) =>
      word
        .split("-")
        .map((part) => `${[...part][0] ?? ""}.`)
        .join("-"),
    )
    .join(" ");
}

function apaName(name: string): string {
  const { family, given } = parseName(name);
  return given ? `${family}, ${initials(given)}` : family;
}

/** `A`, `A and B`, `A, B, and C` (serial comma), with a custom last joiner. */
function listJoin(names: readonly string[], and = "and"): string {
  if (names.length <= 1) return names.join("");
  if (names.length === 2) return `${names[0]} ${and} ${names[1]}`;
  return `${names.slice(0, -1).join(", ")}, ${and} ${names.at(-1)}`;
}

/** Ends a citation element with a full stop unless it already ends with punctuation. */
function period(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** Drops the scheme, as MLA prints URLs. */
function bareUrl(url: string): string {
  return url.replace(/^https?:\/\//, "");
}

const MLA_MONTHS = [
  "Jan.",
  "Feb.",
  "Mar.",
  "Apr.",
  "May",
  "June",
  "July",
  "Aug.",
  "Sept.",
  "Oct.",
  "Nov.",
  "Dec.",
];

/**
 * APA 7 newspaper article:
 * `Afandiyeva, O. (2019, December 11). Headline. *Azernews*. https://...`
 * With no author the headline moves to the author position.
 */
export function apaCitation(input: CitationInput): CitationPart[] {
  const { year, month, day } = dateParts(input.date);
  const date = `(${year}, ${monthName(month)} ${Number(day)}).`;
  const names = input.authors.map(apaName);
  let authors = "";
  if (names.length === 1) authors = names[0]!;
  else if (names.length === 2) authors = `${names[0]}, & ${names[1]}`;
  else if (names.length > 2) authors = `${names.slice(0, -1).join(", ")}, & ${names.at(-1)}`;
  const parts: CitationPart[] = authors
    ? [{ text: `${period(authors)} ${date} ${period(input.title)} ` }]
    : [{ text: `${period(input.title)} ${date} ` }];
  parts.push({ text: input.source, emphasis: true }, { text: `. ${input.url}` });
  return parts;
}

/**
 * MLA 9, the archive as a second container:
 * `Afandiyeva, Ofeliya. "Headline." *Azernews*, 11 Dec. 2019. *News Archive*, host/path.`
 */
export function mlaCitation(input: CitationInput): CitationPart[] {
  const { year, month, day } = dateParts(input.date);
  const date = `${Number(day)} ${MLA_MONTHS[Number(month) - 1]} ${year}`;
  const [first, second] = input.authors;
  let authors = "";
  if (first !== undefined && input.authors.length === 1) authors = invertedName(first);
  else if (first !== undefined && second !== undefined && input.authors.length === 2) {
    authors = `${invertedName(first)}, and ${directName(second)}`;
  } else if (first !== undefined) authors = `${invertedName(first)}, et al`;
  return [
    { text: `${authors ? `${period(authors)} ` : ""}“${period(input.title)}” ` },
    { text: input.source, emphasis: true },
    { text: `, ${date}. ` },
    { text: input.archive, emphasis: true },
    { text: `, ${bareUrl(input.url)}.` },
  ];
}

/**
 * Chicago 17 bibliography entry for a newspaper article:
 * `Afandiyeva, Ofeliya. "Headline." *Azernews*, December 11, 2019. https://...`
 * With no author the newspaper stands first.
 */
export function chicagoCitation(input: CitationInput): CitationPart[] {
  const { year, month, day } = dateParts(input.date);
  const date = `${monthName(month)} ${Number(day)}, ${year}`;
  const names = input.authors.map((name, i) => (i === 0 ? invertedName(name) : directName(name)));
  const title = `“${period(input.title)}”`;
  if (!names.length) {
    return [{ text: input.source, emphasis: true }, { text: `. ${title} ${date}. ${input.url}.` }];
  }
  // Two names: the first is inverted, so a comma precedes "and". Over ten: seven, et al.
  const authors =
    names.length === 2
      ? `${names[0]}, and ${names[1]}`
      : names.length > 10
        ? `${names.slice(0, 7).join(", ")}, et al`
        : listJoin(names);
  return [
    { text: `${period(authors)} ${title} ` },
    { text: input.source, emphasis: true },
    { text: `, ${date}. ${input.url}.` },
  ];
}

/** The parts as one plain string. */
export function citationText(parts: readonly CitationPart[]): string {
  return parts.map((part) => part.text).join("");
}
