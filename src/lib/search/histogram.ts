/**
 * "Results over time" above the search results: matching articles per year, or per month
 * when the range spans one or two years. The worker counts the matches per month from the
 * dates it already holds (monthCounts); the page bins those counts (histogramOf), draws the
 * bars (barGeometry) and lists the same numbers as a table. Pure, so it is tested as a
 * table; src/client/search-histogram.ts puts it on the page.
 */
import { MONTH_NAMES as NAMES } from "../dates.ts";
import type { DateRange } from "./dates.ts";

const MONTH_NAMES = NAMES.en;

/** Matching articles per month, `YYYY-MM` → count (months without any are left out). */
export type MonthCounts = Record<string, number>;

/**
 * Counts the matches per month of their `YYYY-MM-DD` dates. Run in the worker on every
 * answer: a Map, which counts 100,000 dates faster than an object does.
 */
export function monthCounts(hits: Iterable<{ date: string }>): MonthCounts {
  const counts = new Map<string, number>();
  for (const { date } of hits) {
    const month = date.slice(0, 7);
    counts.set(month, (counts.get(month) ?? 0) + 1);
  }
  return Object.fromEntries(counts);
}

/** Longest span, in calendar years, still drawn per month. */
export const MONTHLY_MAX_YEARS = 2;

export type BinUnit = "year" | "month";

/** One bar: a year (`2019`) or a month (`2019-03`), which is also its `from` and `to`. */
export interface Bin {
  period: string;
  /** How the period reads: `2019`, `March 2019`. */
  label: string;
  /** Under its bar: `2019`, `Mar`. */
  short: string;
  count: number;
}

export interface Histogram {
  unit: BinUnit;
  bins: Bin[];
  /** What it shows: `Matching articles per year, 2017–2022`. */
  caption: string;
}

const yearOf = (isoOrMonth: string) => Number(isoOrMonth.slice(0, 4));
const pad = (n: number) => String(n).padStart(2, "0");
const monthLabel = (month: string) =>
  `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]!} ${month.slice(0, 4)}`;

function yearBins(months: MonthCounts, first: number, last: number): Bin[] {
  const perYear = new Map<number, number>();
  for (const [month, n] of Object.entries(months)) {
    perYear.set(yearOf(month), (perYear.get(yearOf(month)) ?? 0) + n);
  }
  const bins: Bin[] = [];
  for (let year = first; year <= last; year++) {
    const period = String(year);
    bins.push({ period, label: period, short: period, count: perYear.get(year) ?? 0 });
  }
  return bins;
}

/** Every month of the years `first`..`last` within the range's ends (`YYYY-MM`), if given. */
function monthBins(
  months: MonthCounts,
  first: number,
  last: number,
  bounds: { lo: string | null; hi: string | null },
): Bin[] {
  const bins: Bin[] = [];
  for (let year = first; year <= last; year++) {
    for (let m = 1; m <= 12; m++) {
      const period = `${year}-${pad(m)}`;
      if ((bounds.lo && period < bounds.lo) || (bounds.hi && period > bounds.hi)) continue;
      const short = MONTH_NAMES[m - 1]!.slice(0, 3);
      bins.push({ period, label: monthLabel(period), short, count: months[period] ?? 0 });
    }
  }
  return bins;
}

/**
 * The bars for the counts so far within `range` (the search's date range, each end
 * optional), or null when nothing matches. Years run from the first to the last year with
 * a match, empty years included. Months are used when those years, or the range when both
 * its ends are given, span at most MONTHLY_MAX_YEARS; then every month of those years is a
 * bar, cut to the range's ends.
 */
export function histogramOf(months: MonthCounts, range: DateRange): Histogram | null {
  const found = Object.keys(months)
    .filter((month) => (months[month] ?? 0) > 0)
    .sort();
  if (found.length === 0) return null;
  let first = yearOf(found[0]!);
  let last = yearOf(found.at(-1)!);
  const bounded = range.start !== null && range.end !== null && range.start <= range.end;
  if (bounded && yearOf(range.end!) - yearOf(range.start!) < MONTHLY_MAX_YEARS) {
    first = yearOf(range.start!);
    last = yearOf(range.end!);
  }
  if (last - first >= MONTHLY_MAX_YEARS) {
    return {
      unit: "year",
      bins: yearBins(months, first, last),
      caption: `Matching articles per year, ${spanText(String(first), String(last))}`,
    };
  }
  const bins = monthBins(months, first, last, {
    lo: range.start?.slice(0, 7) ?? null,
    hi: range.end?.slice(0, 7) ?? null,
  });
  const span = spanText(bins[0]!.label, bins.at(-1)!.label);
  return { unit: "month", bins, caption: `Matching articles per month, ${span}` };
}

/** `2017–2022`, `March–May 2019`, `March 2019–May 2020`, or one period alone. */
function spanText(from: string, to: string): string {
  if (from === to) return from;
  const [fromMonth, fromYear] = from.split(" ");
  const [, toYear] = to.split(" ");
  if (fromYear && fromYear === toYear) return `${fromMonth!}–${to}`;
  return `${from}–${to}`;
}

/** What a bar says, to a screen reader and as its tooltip: `2019: 12 articles`. */
export function binText(bin: Bin): string {
  return `${bin.label}: ${bin.count.toLocaleString("en")} article${bin.count === 1 ? "" : "s"}`;
}

export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Smallest height of a bar with a count, so one article still shows. */
export const MIN_BAR_HEIGHT = 2;

/**
 * Each bin's bar in a `width` × `height` box (SVG user units): equal slots side by side,
 * a gap between bars, heights in proportion to the largest count.
 */
export function barGeometry(counts: readonly number[], width: number, height: number): Bar[] {
  const slot = counts.length ? width / counts.length : 0;
  const gap = Math.min(4, slot * 0.2);
  const max = Math.max(0, ...counts);
  return counts.map((count, i) => {
    const tall = count > 0 ? Math.max(MIN_BAR_HEIGHT, (count / max) * height) : 0;
    return { x: i * slot + gap / 2, y: height - tall, width: slot - gap, height: tall };
  });
}

/**
 * Which bins get a label under their bar, so labels `labelWidth` wide never overlap:
 * every n-th from the first.
 */
export function labelledBins(count: number, width: number, labelWidth: number): number[] {
  if (count === 0) return [];
  const every = Math.max(1, Math.ceil((count * labelWidth) / width));
  return Array.from({ length: Math.ceil(count / every) }, (_, i) => i * every);
}
