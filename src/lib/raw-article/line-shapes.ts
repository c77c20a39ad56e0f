/**
 * The shapes of lines in a raw text's header: date lines, datelines, time stamps, bylines,
 * `Agency:` lines, page furniture and site signatures, and the small readers of names and
 * credits the parser uses. Pure.
 */
import { MONTH_NAMES } from "../dates.ts";

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
export const DATE_LINE = /^date:?[ \t]+(\S+)(?:[ \t]+(.*))?$/i;
export const ISO_DATE_TOKEN = /^\d{4}-\d{2}-\d{2}$/;

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
export function withoutFurniture(line: string): string {
  if (!/px|[↺↻⟲⟳]/.test(line)) return line.trim();
  return line
    .replace(FURNITURE_RUN, (run, lead: string, tokens: string) =>
      /px|[↺↻⟲⟳]/.test(tokens) ? lead : run,
    )
    .trim();
}

/** Runs of white space as one space, trimmed. */
export function collapse(text: string): string {
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
export function splitNames(credit: string): string[] {
  return credit
    .split(/\s*(?:,|&|\band\b)\s*/)
    .map((name) => collapse(name).replace(/[.,;:]+$/, ""))
    .filter(Boolean);
}

/** The same name however spaced, cased or punctuated. */
export function sameName(a: string | undefined, b: string | undefined): boolean {
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

/** A site's signature after the article: a copyright line, a bare address, furniture. */
export function isSignature(line: string): boolean {
  const text = line.trim();
  if (text === "" || text.length > 120) return false;
  return SIGNATURE.test(text) || BARE_URL.test(text) || withoutFurniture(text) === "";
}

export function isBlank(line: string): boolean {
  return /^\s*$/.test(line);
}

/** What a header line is, if it is header furniture. */
export type HeaderLine =
  | { kind: "timestamp" }
  | { kind: "dateline"; agency?: string }
  | { kind: "agency-byline"; authors: string[]; agency: string; rest: string }
  | { kind: "byline"; credit: string }
  | { kind: "agency-line"; agency: string }
  | { kind: "furniture" };

/** The header shape of a line, or undefined when it is not header (a headline or body). */
export function classify(raw: string): HeaderLine | undefined {
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
