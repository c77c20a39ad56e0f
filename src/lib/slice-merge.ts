/**
 * The rules of `npm run merge` (src/cli/merge.ts): which slice outputs make a whole site,
 * and how their search manifests become the one a whole build writes.
 */
import { addCounts, emptyCounts, type Counts } from "./search/facets.ts";
import type { ManifestShard, ShardManifest } from "./search/shards.ts";
import { parseSlice, sliceName, type BuildSlice } from "./slice.ts";

/** Written by a slice build into its output (`.slice.json`), read by the merge. */
export interface SliceRecord {
  /** As `--slice` wrote it: `2001-2012`, `2019` or `site`. */
  slice: string;
  /** Pathnames of the pages it built (`articles/2019/`), for the sitemap. */
  pages: string[];
  /** Every year of the archive that has articles (what the year slices must cover). */
  years: string[];
}

export const SLICE_RECORD_FILE = ".slice.json";

/** A slice output as the merge sees it: its folder (for messages) and its record. */
export interface SliceOutput {
  dir: string;
  record: SliceRecord;
}

/** The slice of an output; throws when it is not one a merge takes. */
function sliceOf({ dir, record }: SliceOutput): BuildSlice {
  const slice = parseSlice(record.slice);
  if (slice.kind === "all")
    throw new Error(`${dir} is a whole build, not a slice: nothing to merge`);
  return slice;
}

/**
 * Checks that the outputs are one site slice and year slices that cover every year of the
 * archive once, and returns them oldest years first, the site slice last.
 */
export function orderSlices(outputs: readonly SliceOutput[]): SliceOutput[] {
  const slices = outputs.map((output) => ({ output, slice: sliceOf(output) }));
  const sites = slices.filter(({ slice }) => slice.kind === "site");
  if (sites.length !== 1) {
    const found = sites.map(({ output }) => output.dir).join(", ") || "none";
    throw new Error(`A merge needs exactly one site slice (--slice site); found ${found}`);
  }
  const years = slices.flatMap(({ output, slice }) =>
    slice.kind === "years" ? [{ output, first: slice.first, last: slice.last }] : [],
  );
  years.sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  for (let i = 1; i < years.length; i++) {
    const [a, b] = [years[i - 1]!, years[i]!];
    if (b.first <= a.last) {
      throw new Error(
        `Slices ${a.output.dir} (${a.output.record.slice}) and ${b.output.dir} ` +
          `(${b.output.record.slice}) overlap: each year must be built by one slice`,
      );
    }
  }
  const site = sites[0]!.output;
  const other = outputs.find(({ record }) => record.years.join() !== site.record.years.join());
  if (other) {
    throw new Error(
      `Slices ${other.dir} and ${site.dir} were built from different archives (years with ` +
        `articles: ${other.record.years.join(", ")}; ${site.record.years.join(", ")})`,
    );
  }
  const missing = site.record.years.filter(
    (year) => !years.some(({ first, last }) => year >= first && year <= last),
  );
  if (missing.length > 0) {
    throw new Error(
      `No slice built the years ${missing.join(", ")} of the archive: build them ` +
        `(npm run build -- --slice YEAR-YEAR) and pass their output to the merge`,
    );
  }
  return [...years.map(({ output }) => output), site];
}

/** The slice's name for messages: `2001-2012 (slices/a)`. */
export function describeSlice(output: SliceOutput): string {
  return `${sliceName(parseSlice(output.record.slice))} (${output.dir})`;
}

/**
 * The manifest of the whole archive from those of the year slices (oldest first): their
 * shards in order, and totals summed in that order, as a whole build counts its pages.
 */
export function mergeManifests(
  parts: readonly { dir: string; manifest: ShardManifest }[],
): ShardManifest {
  const shards: ManifestShard[] = [];
  const totals: Counts = emptyCounts();
  for (const { dir, manifest } of parts) {
    for (const shard of manifest.shards) {
      const last = shards[shards.length - 1];
      if (last && shard.years[0] <= last.years[1]) {
        throw new Error(
          `The search shard ${shard.path} of ${dir} (${shard.years.join("-")}) comes after ` +
            `${last.path} (${last.years.join("-")}): slices out of order or overlapping`,
        );
      }
      shards.push(shard);
    }
    addCounts(totals, manifest.totals);
  }
  return { version: 2, shards, totals };
}

/** The pages of every slice, once each, sorted: what the sitemap lists. */
export function mergedPages(outputs: readonly SliceOutput[]): string[] {
  return [...new Set(outputs.flatMap(({ record }) => record.pages))].sort();
}

/** `npm run merge`'s command line: `[--out DIR] <slice output>...`. */
export interface MergeArgs {
  /** Where the merged site goes (default `OUT_DIR`, `dist`). */
  out: string;
  /** The slice outputs, as given. */
  dirs: string[];
}

export const MERGE_USAGE =
  "Usage: npm run merge -- [--out DIR] <slice output>...\n" +
  "  Joins the outputs of `npm run build -- --slice X` (one site slice, year slices\n" +
  "  covering every year) into one site, in DIR (default: OUT_DIR, or dist).\n";

/** Reads the command line; throws a message for a usage error. */
export function parseMergeArgs(args: readonly string[], defaultOut: string): MergeArgs {
  let out: string | undefined;
  const dirs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--out" || arg.startsWith("--out=")) {
      const value = arg === "--out" ? args[++i] : arg.slice("--out=".length);
      if (!value) throw new Error("--out needs a folder");
      out = value;
    } else if (arg.startsWith("-")) throw new Error(`Unknown option ${arg}`);
    else dirs.push(arg);
  }
  if (dirs.length === 0) throw new Error("Name the slice outputs to merge");
  const target = out ?? defaultOut;
  const clean = (dir: string) => dir.replace(/\/+$/, "");
  if (dirs.some((dir) => clean(dir) === clean(target))) {
    throw new Error(`The merge writes ${target}: it cannot also be a slice to merge`);
  }
  return { out: target, dirs };
}
