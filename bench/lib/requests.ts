/**
 * The request log of one benchmark page, and what is read from it: bytes fetched between
 * two moments, and how long requests were in flight then (network time). Times are
 * milliseconds since the epoch, so the browser's clock (performance.timeOrigin + now) and
 * the request timings of Playwright compare directly.
 */

export interface RequestRecord {
  url: string;
  /** When the request was sent. */
  start: number;
  /** When its response ended (or the request failed). */
  end: number;
  /** Response body as sent (the static server does not compress). */
  bytes: number;
  /** The body as a host would send it: gzip, unless that is no smaller. */
  gzipBytes: number;
  failed?: boolean;
}

export interface Transfer {
  requests: number;
  bytes: number;
  gzipBytes: number;
}

/** Requests sent at or after `from` whose response ended by `to`. */
export function transferBetween(
  records: readonly RequestRecord[],
  from: number,
  to: number,
): Transfer {
  const total: Transfer = { requests: 0, bytes: 0, gzipBytes: 0 };
  for (const record of records) {
    if (record.start < from || record.end > to) continue;
    total.requests++;
    total.bytes += record.bytes;
    total.gzipBytes += record.gzipBytes;
  }
  return total;
}

/**
 * Milliseconds between `from` and `to` during which at least one request was in flight:
 * the union of the requests' intervals, clipped to the window. Parallel requests count once.
 */
export function busyTime(records: readonly RequestRecord[], from: number, to: number): number {
  const spans = records
    .map((r) => [Math.max(r.start, from), Math.min(r.end, to)] as const)
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  let busy = 0;
  let reach = -Infinity;
  for (const [start, end] of spans) {
    if (end <= reach) continue;
    busy += end - Math.max(start, reach);
    reach = end;
  }
  return busy;
}
