/**
 * Calendar dates of publication. An article's `date` is a day on the calendar, not an
 * instant: it is kept as the string `YYYY-MM-DD` and every computation below works on its
 * parts or in UTC, so no reader's or builder's time zone can shift it by a day.
 */

export const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface DateParts {
  year: string;
  month: string;
  day: string;
}

/** True when `value` is `YYYY-MM-DD` and names a real day (2019-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Splits `YYYY-MM-DD` into its zero-padded parts, as they appear in URLs. */
export function dateParts(isoDate: string): DateParts {
  const match = ISO_DATE.exec(isoDate);
  if (!match || !isCalendarDate(isoDate)) {
    throw new Error(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(isoDate)}`);
  }
  return { year: match[1]!, month: match[2]!, day: match[3]! };
}

/**
 * YAML turns an unquoted `2019-12-11` into a Date at UTC midnight; this turns such a Date
 * (or a string) back into the calendar date it was written as.
 */
export function toIsoDate(value: unknown): unknown {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return value.toISOString().slice(0, 10);
  }
  return value;
}

/** Month names, January first: English, Azerbaijani, and Russian in the genitive of dates. */
export const MONTH_NAMES = {
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
  az: [
    "yanvar",
    "fevral",
    "mart",
    "aprel",
    "may",
    "iyun",
    "iyul",
    "avqust",
    "sentyabr",
    "oktyabr",
    "noyabr",
    "dekabr",
  ],
  ru: [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
  ],
} as const;
const MONTHS = MONTH_NAMES.en;

/** English month name for a 1-based month number or `MM` string. */
export function monthName(month: number | string): string {
  const name = MONTHS[Number(month) - 1];
  if (!name) throw new Error(`Not a month: ${month}`);
  return name;
}

/** `11 December 2019`: the human form, day first, with no time zone involved. */
export function formatLongDate(isoDate: string): string {
  const { year, month, day } = dateParts(isoDate);
  return `${Number(day)} ${monthName(month)} ${year}`;
}

/** Newest first; equal dates keep a stable order by the tie-breaker. */
export function compareNewestFirst(
  a: { date: string; key: string },
  b: { date: string; key: string },
): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
