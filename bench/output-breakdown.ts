/**
 * What a build's output is made of: files and bytes per kind (bench/lib/output-kinds.ts),
 * with the `.gz` copies of each kind beside it, per 1,000 articles and in all.
 *
 *   node bench/output-breakdown.ts <built site folder> [--json FILE]
 *
 * Builds of a generated archive come from `npm run bench -- --articles N --keep` (which
 * prints where it kept the build) or from `OUT_DIR=... npm run build`.
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import process from "node:process";
import { parseArgs } from "node:util";
import {
  breakdownOf,
  OUTPUT_KINDS,
  perThousand,
  type Breakdown,
  type KindTotals,
} from "./lib/output-kinds.ts";
import { filesOf } from "./lib/output.ts";

const count = (n: number) => Math.round(n).toLocaleString("en-US");
const megabytes = (n: number) => (n / 1e6).toFixed(2);

/** The breakdown as a plain-text table: per 1,000 articles, then the whole build. */
export function breakdownTable(breakdown: Breakdown): string {
  const head = ["kind", "files", "MB", ".gz files", ".gz MB", "all files", "all MB"];
  const row = (name: string, totals: KindTotals, all: KindTotals) => {
    const per = perThousand(totals, breakdown.articles);
    return [
      name,
      count(per.files),
      megabytes(per.bytes),
      count(per.gzFiles),
      megabytes(per.gzBytes),
      count(all.files + all.gzFiles),
      megabytes(all.bytes + all.gzBytes),
    ];
  };
  const rows = OUTPUT_KINDS.filter((kind) => {
    const t = breakdown.kinds[kind];
    return t.files + t.gzFiles > 0;
  }).map((kind) => row(kind, breakdown.kinds[kind], breakdown.kinds[kind]));
  rows.push(row("total", breakdown.total, breakdown.total));
  const widths = head.map((_, i) => Math.max(...[head, ...rows].map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  const per = perThousand(breakdown.total, breakdown.articles);
  return [
    `${breakdown.articles.toLocaleString("en-US")} articles; per 1,000 articles except "all":`,
    line(head),
    ...rows.map(line),
    `per 1,000 articles: ${count(per.files)} files, ${megabytes(per.bytes)} MB without .gz; ` +
      `${count(per.files + per.gzFiles)} files, ${megabytes(per.bytes + per.gzBytes)} MB with .gz`,
  ].join("\n");
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { json: { type: "string" } },
  });
  if (positionals.length !== 1) {
    process.stderr.write(
      "usage: node bench/output-breakdown.ts <built site folder> [--json FILE]\n",
    );
    process.exit(2);
  }
  const dir = resolve(positionals[0]!);
  const breakdown = breakdownOf(filesOf(dir));
  if (!breakdown.articles) {
    process.stderr.write(`no article pages under ${dir}: not a built site?\n`);
    process.exit(1);
  }
  console.log(breakdownTable(breakdown));
  if (values.json) writeFileSync(values.json, JSON.stringify(breakdown, null, 2) + "\n");
}
