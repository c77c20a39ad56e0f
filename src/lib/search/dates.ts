/**
 * Date ranges for search, as a reader types their ends: `2019`, `2019-03` or `2019-03-15`.
 * A range covers whole periods: from `2019-03` means from 2019-03-01, to `2019` means up to
 * 2019-12-31. Calendar dates are `YYYY-MM-DD` strings, compared as text, so no time zone
 * can shift a day (src/lib/search/facets.ts applies the range).
 */
import { isCalendarDate } from "../dates.ts";

/** A date a reader may type for a range end: `2019`, `2019-03` or `2019-03-15`. */
export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/;

/** Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (also `YYYY-M-D`); null when it is not one. */
export function parsePartialDate(text: string): PartialDate | null {
  const match = PARTIAL_DATE.exec(text.trim());
  if (!match) return null;
  const year = Number(match[1]);
  if (match[2] === undefined) return { year };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  if (match[3] === undefined) return { year, month };
  const day = Number(match[3]);
  return isCalendarDate(isoDate(year, month, day)) ? { year, month, day } : null;
}

const pad = (n: number) => String(n).padStart(2, "0");

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${pad(month)}-${pad(day)}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The first day a partial date covers: `2019-03` → `2019-03-01`. */
export function startOf(date: PartialDate): string {
  return isoDate(date.year, date.month ?? 1, date.day ?? 1);
}

/** The last day a partial date covers: `2019-02` → `2019-02-28`, `2019` → `2019-12-31`. */
export function endOf(date: PartialDate): string {
  const month = date.month ?? 12;
  return isoDate(date.year, month, date.day ?? daysInMonth(date.year, month));
}

export type RangeProblem = "from-invalid" | "to-invalid" | "reversed";

export interface DateRange {
  /** First day included, `YYYY-MM-DD`, or null for no lower bound. */
  start: string | null;
  /** Last day included, or null for no upper bound. */
  end: string | null;
}

/** Reads the `from` and `to` fields; problems name the field to fix. */
export function parseDateRange(
  from: string,
  to: string,
): { range: DateRange; problems: RangeProblem[] } {
  const problems: RangeProblem[] = [];
  const fromDate = from.trim() ? parsePartialDate(from) : null;
  const toDate = to.trim() ? parsePartialDate(to) : null;
  if (from.trim() && !fromDate) problems.push("from-invalid");
  if (to.trim() && !toDate) problems.push("to-invalid");
  const range = { start: fromDate && startOf(fromDate), end: toDate && endOf(toDate) };
  if (range.start && range.end && range.start > range.end) problems.push("reversed");
  return { range, problems };
}
