/**
 * The side-by-side table of bench/hugo.ts: what each build wrote, kind by kind, and what it
 * cost, with our figure over Hugo's.
 */
import type { Output } from "./output.ts";
import { mb } from "./measure.ts";

interface Side extends Output {
  ms: number;
  cpuMs?: number;
  peakRssBytes?: number;
}

const count = (n: number) => n.toLocaleString("en-US");
const ratio = (ours: number | undefined, theirs: number | undefined) =>
  ours !== undefined && theirs && Number.isFinite(ours) ? `${(ours / theirs).toFixed(2)}x` : "-";

/** Rows of Hugo, ours, ours without the search index (its time from the log), ratios. */
export function comparisonTable(sides: {
  hugo: Side;
  astro: Side;
  withoutIndex: Side;
  articles: number;
}): string[] {
  const { hugo, astro, withoutIndex: bare, articles } = sides;
  const extensions = [
    ...new Set([...Object.keys(hugo.byExtension), ...Object.keys(bare.byExtension)]),
  ].sort();
  type Row = [string, number | undefined, number | undefined, number | undefined, string];
  const rows: Row[] = [
    ["HTML pages", hugo.htmlPages, astro.htmlPages, bare.htmlPages, ""],
    ["  of which redirects", hugo.redirectPages, astro.redirectPages, bare.redirectPages, ""],
    ...extensions.map((ext): Row => [
      `  ${ext} files`,
      hugo.byExtension[ext] ?? 0,
      astro.byExtension[ext] ?? 0,
      bare.byExtension[ext] ?? 0,
      "",
    ]),
    ["files output", hugo.files, astro.files, bare.files, ""],
    ["output size", hugo.bytes, astro.bytes, bare.bytes, "bytes"],
    ["wall s", hugo.ms, astro.ms, bare.ms, "ms"],
    ["ms per article", hugo.ms / articles, astro.ms / articles, bare.ms / articles, "ms/a"],
    ["CPU s (user+sys)", hugo.cpuMs, astro.cpuMs, undefined, "ms"],
    ["peak RSS", hugo.peakRssBytes, astro.peakRssBytes, undefined, "bytes"],
  ];
  const show = (value: number | undefined, unit: string) => {
    if (value === undefined) return "-";
    if (unit === "bytes") return mb(value);
    if (unit === "ms") return (value / 1000).toFixed(2);
    if (unit === "ms/a") return value.toFixed(2);
    return count(value);
  };
  const cells = [
    ["", "Hugo", "Astro (ours)", "ours w/o index", "ours/Hugo", "w/o index/Hugo"],
    ...rows.map(([label, h, a, b, unit]) => [
      label,
      show(h, unit),
      show(a, unit),
      show(b, unit),
      ratio(a, h),
      ratio(b, h),
    ]),
  ];
  const widths = cells[0]!.map((_, column) => Math.max(...cells.map((row) => row[column]!.length)));
  return cells.map((row) =>
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!),
      )
      .join("  "),
  );
}
