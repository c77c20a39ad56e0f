/**
 * Summaries of benchmark figures: median, 95th percentile and maximum. The percentile is
 * the nearest rank (the smallest value at or above p% of the values), so it is always a
 * value that was measured; the median of an even count is the mean of the middle two.
 */

export interface Summary {
  count: number;
  median: number;
  p95: number;
  max: number;
}

/** Nearest-rank percentile of `values` (p in 0..100); NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export function median(values: readonly number[]): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function summarize(values: readonly number[]): Summary {
  return {
    count: values.length,
    median: median(values),
    p95: percentile(values, 95),
    max: values.length ? Math.max(...values) : NaN,
  };
}
