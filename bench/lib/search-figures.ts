/**
 * From one measured query (bench/lib/search-measure.ts) to its figures, and from every
 * query of a pass to the table of issue 13's targets: each figure's median, 95th percentile
 * and maximum, the target, and whether it is met. Bytes are judged as a host sends them
 * (gzip unless no smaller); the bytes as the bench's plain server sent them are shown too.
 */
import { busyTime, transferBetween, type RequestRecord, type Transfer } from "./requests.ts";
import type { PageMarks } from "./search-measure.ts";
import { summarize, type Summary } from "./stats.ts";

export interface QueryFigures {
  /** Results the summary gave when complete (0 for none), and results listed at first paint. */
  results: number;
  firstItems: number;
  firstStatus: string;
  /** Last keystroke to the first results painted, and to the complete results. */
  firstResultMs: number;
  completeMs: number;
  /** Opening the page with the query's URL until it was ready and idle. */
  open: Transfer;
  /** From the first keystroke: to the first results, to complete, until the network was idle. */
  toFirstResults: Transfer;
  toComplete: Transfer;
  query: Transfer;
  /** Of firstResultMs and completeMs: time with a request in flight. */
  networkMsToFirst: number;
  networkMsToComplete: number;
  /**
   * Of firstResultMs and completeMs: time the worker spent in Pagefind's calls (the fetches
   * they make included, so it overlaps the network time); the rest is the page's and the
   * worker's own code, messages and painting.
   */
  pagefindMsToFirst: number;
  pagefindMsToComplete: number;
}

/** Requests the browser makes for itself (the tab's icon at each URL change), not the search. */
const isBrowserOwn = (record: RequestRecord) => new URL(record.url).pathname === "/favicon.svg";

/** The number a summary starts with (`1,302 results for …`); 0 for `No results…`. */
export function resultCount(summary: string): number {
  const match = /^([\d,]+) /.exec(summary);
  return match ? Number(match[1]!.replaceAll(",", "")) : 0;
}

export function queryFigures(marks: PageMarks, requests: readonly RequestRecord[]): QueryFigures {
  const search = requests.filter((r) => !isBrowserOwn(r));
  return {
    results: resultCount(marks.summary),
    firstItems: marks.firstItems,
    firstStatus: marks.firstStatus,
    firstResultMs: marks.firstPaint - marks.lastKey,
    completeMs: marks.complete - marks.lastKey,
    open: transferBetween(search, marks.opened, marks.firstKey),
    toFirstResults: transferBetween(search, marks.firstKey, marks.firstPaint),
    toComplete: transferBetween(search, marks.firstKey, marks.complete),
    query: transferBetween(search, marks.firstKey, Infinity),
    networkMsToFirst: busyTime(search, marks.lastKey, marks.firstPaint),
    networkMsToComplete: busyTime(search, marks.lastKey, marks.complete),
    pagefindMsToFirst: marks.firstPagefindMs,
    pagefindMsToComplete: marks.pagefindMs,
  };
}

export type Unit = "ms" | "KB";

export interface Target {
  median?: number;
  p95?: number;
  max?: number;
}

export interface FigureRow {
  figure: string;
  unit: Unit;
  summary: Summary;
  /** Bytes as the bench's server sent them (no compression), when the figure is bytes. */
  sent?: Summary;
  target?: Target;
  /** True or false against the target; null without one. */
  met: boolean | null;
}

export function meets(summary: Summary, target: Target | undefined): boolean | null {
  if (!target || !summary.count) return null;
  return (["median", "p95", "max"] as const).every(
    (key) => target[key] === undefined || summary[key] <= target[key],
  );
}

function row(
  figure: string,
  unit: Unit,
  values: number[],
  target?: Target,
  sentValues?: number[],
): FigureRow {
  const summary = summarize(values);
  return {
    figure,
    unit,
    summary,
    ...(sentValues ? { sent: summarize(sentValues) } : {}),
    ...(target ? { target } : {}),
    met: meets(summary, target),
  };
}

const kib = (bytes: number) => bytes / 1024;

export interface MeasuredQuery {
  /** True when the URL opened holds a filter (source, dates): the page searches on opening. */
  filtered: boolean;
  figures: QueryFigures;
}

/** The rows of a pass measured without throttling. */
export function unthrottledRows(queries: readonly MeasuredQuery[]): FigureRow[] {
  const all = queries.map((q) => q.figures);
  const plain = queries.filter((q) => !q.filtered).map((q) => q.figures);
  const filtered = queries.filter((q) => q.filtered).map((q) => q.figures);
  const gz = (list: QueryFigures[], pick: (f: QueryFigures) => Transfer) =>
    list.map((f) => kib(pick(f).gzipBytes));
  const sent = (list: QueryFigures[], pick: (f: QueryFigures) => Transfer) =>
    list.map((f) => kib(pick(f).bytes));
  return [
    row(
      "open /search/ (no filter in URL)",
      "KB",
      gz(plain, (f) => f.open),
      { max: 150 },
      sent(plain, (f) => f.open),
    ),
    row(
      "open /search/?<filters> (searches on opening)",
      "KB",
      gz(filtered, (f) => f.open),
      undefined,
      sent(filtered, (f) => f.open),
    ),
    row(
      "last key -> first results",
      "ms",
      all.map((f) => f.firstResultMs),
      { median: 300, p95: 600 },
    ),
    row(
      "  of which network (requests in flight)",
      "ms",
      all.map((f) => f.networkMsToFirst),
    ),
    row(
      "  of which in Pagefind (its fetches included)",
      "ms",
      all.map((f) => f.pagefindMsToFirst),
    ),
    row(
      "  of which our code (page, worker, paint)",
      "ms",
      all.map((f) => f.firstResultMs - f.pagefindMsToFirst),
    ),
    row(
      "last key -> complete",
      "ms",
      all.map((f) => f.completeMs),
    ),
    row(
      "  of which network (requests in flight)",
      "ms",
      all.map((f) => f.networkMsToComplete),
    ),
    row(
      "  of which in Pagefind (its fetches included)",
      "ms",
      all.map((f) => f.pagefindMsToComplete),
    ),
    row(
      "bytes first key -> first results",
      "KB",
      gz(all, (f) => f.toFirstResults),
      undefined,
      sent(all, (f) => f.toFirstResults),
    ),
    row(
      "bytes first key -> complete",
      "KB",
      gz(all, (f) => f.toComplete),
      undefined,
      sent(all, (f) => f.toComplete),
    ),
    row(
      "bytes per query (first key -> idle)",
      "KB",
      gz(all, (f) => f.query),
      { median: 200, max: 500 },
      sent(all, (f) => f.query),
    ),
  ];
}

/** The rows of a throttled pass (`label` names the conditions). */
export function throttledRows(label: string, queries: readonly MeasuredQuery[]): FigureRow[] {
  const all = queries.map((q) => q.figures);
  return [
    row(
      `${label}: last key -> first results`,
      "ms",
      all.map((f) => f.firstResultMs),
      { max: 2500 },
    ),
    row(
      `${label}:   of which network`,
      "ms",
      all.map((f) => f.networkMsToFirst),
    ),
    row(
      `${label}:   of which in Pagefind`,
      "ms",
      all.map((f) => f.pagefindMsToFirst),
    ),
    row(
      `${label}: last key -> complete`,
      "ms",
      all.map((f) => f.completeMs),
    ),
  ];
}

const number = (value: number) => (Number.isNaN(value) ? "-" : value.toFixed(value >= 100 ? 0 : 1));

function targetText(target: Target | undefined, unit: Unit): string {
  if (!target) return "";
  return (["median", "p95", "max"] as const)
    .filter((key) => target[key] !== undefined)
    .map((key) => `${key} <= ${target[key]} ${unit}`)
    .join(", ");
}

/** The table as text lines. */
export function formatRows(rows: readonly FigureRow[]): string[] {
  const cells = rows.map((r) => [
    r.figure,
    r.unit,
    String(r.summary.count),
    number(r.summary.median),
    number(r.summary.p95),
    number(r.summary.max),
    r.sent ? `${number(r.sent.median)} / ${number(r.sent.max)}` : "",
    targetText(r.target, r.unit),
    r.met === null ? "" : r.met ? "met" : "NOT met",
  ]);
  const head = ["figure", "unit", "n", "median", "p95", "max", "sent: median / max", "target", ""];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) =>
    c
      .map((cell, i) => (i >= 2 && i <= 5 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(head), ...cells.map(line)];
}
