/**
 * Building an archive in slices, on separate machines (README, "Building an archive too
 * large for one machine"): each year slice builds its years' article, day, month and year
 * pages, their article files and the search shards of those years; the `site` slice builds
 * everything that spans every year; a merge joins them into one `dist/`. These are the
 * rules that decide what belongs where; the build and the merge only apply them.
 */
import { CSV_FILE, DATAPACKAGE_FILE, yearOfFileName } from "./dataset/package.ts";
import { DATA_PATH, PAGEFIND_PATH } from "./permalink.ts";

/** What one build makes: the whole site, a range of years, or what spans every year. */
export type BuildSlice =
  { kind: "all" } | { kind: "site" } | { kind: "years"; first: string; last: string };

export const WHOLE_SITE: BuildSlice = { kind: "all" };

/** What `--slice` (and `BUILD_SLICE`) accepts. */
export const SLICE_USAGE =
  "a year (2019), a range of years (2001-2012), site (what spans every year) or all";

/** `2019`, `2001-2012`, `site` or `all` to a slice; throws naming what is wrong. */
export function parseSlice(text: string): BuildSlice {
  if (text === "all") return WHOLE_SITE;
  if (text === "site") return { kind: "site" };
  const match = /^(\d{4})(?:-(\d{4}))?$/.exec(text);
  if (!match) throw new Error(`--slice ${JSON.stringify(text)}: must be ${SLICE_USAGE}`);
  const first = match[1]!;
  const last = match[2] ?? first;
  if (last < first) {
    throw new Error(
      `--slice ${text}: the first year must not be after the last (${last}-${first})`,
    );
  }
  return { kind: "years", first, last };
}

/** The slice as `--slice` writes it. */
export function sliceName(slice: BuildSlice): string {
  if (slice.kind !== "years") return slice.kind;
  return slice.first === slice.last ? slice.first : `${slice.first}-${slice.last}`;
}

/** Whether the slice builds the pages of `year` (`YYYY`). */
export function buildsYear(slice: BuildSlice, year: string): boolean {
  if (slice.kind === "all") return true;
  if (slice.kind === "site") return false;
  return year >= slice.first && year <= slice.last;
}

/** Whether the slice builds what spans every year (home, sources, authors, feeds...). */
export function buildsSite(slice: BuildSlice): boolean {
  return slice.kind !== "years";
}

/** `data/` of `dist/`. */
const DATA_DIR = DATA_PATH.slice(1);

/** The year of a dataset year file (`data/articles-2019.jsonl.gz`), or null. */
const datasetYear = (path: string) =>
  path.startsWith(DATA_DIR) ? yearOfFileName(path.slice(DATA_DIR.length)) : null;

/**
 * The dataset's files of every year (`data/articles.csv`, `datapackage.json`, and their
 * `.gz`): a whole build writes them; in slices, the merge does, from what each year slice
 * recorded.
 */
const DATASET_WHOLE = new Set([CSV_FILE, DATAPACKAGE_FILE].map((file) => DATA_DIR + file));

/**
 * Where a file of the site (path relative to `dist/`, `/`-separated) comes from: the year
 * of the article pages or dataset file it belongs to, `search` for the index (placed by
 * shard, below), `dataset` for the dataset's whole-archive files, or `site` for the rest.
 */
export function ownerOfOutput(path: string): { year: string } | "search" | "dataset" | "site" {
  const clean = path.replace(/^\/+/, "");
  const year = /^articles\/(\d{4})\//.exec(clean)?.[1] ?? datasetYear(clean);
  if (year) return { year };
  if (clean.startsWith(PAGEFIND_PATH.slice(1))) return "search";
  if (DATASET_WHOLE.has(clean.replace(/\.gz$/, ""))) return "dataset";
  return "site";
}

/**
 * Whether a year or site slice keeps a file it made. The search index is written by shard
 * (see {@link shardsOfSlice}), so a year slice keeps all of it and the site slice none.
 */
export function keepsOutput(slice: BuildSlice, path: string): boolean {
  const owner = ownerOfOutput(path);
  if (owner === "search") return slice.kind !== "site";
  if (owner === "dataset") return slice.kind === "all";
  if (owner === "site") return buildsSite(slice);
  return buildsYear(slice, owner.year);
}

/** The years a shard or slice holds, for messages: `2019` or `2001–2010`. */
function span(years: readonly string[]): string {
  const first = years[0]!;
  const last = years[years.length - 1]!;
  return first === last ? first : `${first}-${last}`;
}

/**
 * The search shards (planned over the whole archive) that a slice indexes: those whose
 * years it builds. A year slice that would hold part of a shard cannot index it alone, so
 * that is an error naming the shard and the slices that would fit.
 */
export function shardsOfSlice<S extends { years: readonly string[] }>(
  slice: BuildSlice,
  shards: readonly S[],
): S[] {
  const inside: S[] = [];
  for (const shard of shards) {
    const built = shard.years.filter((year) => buildsYear(slice, year));
    if (built.length === shard.years.length) inside.push(shard);
    else if (built.length > 0) {
      throw new Error(
        `--slice ${sliceName(slice)} splits the search shard of ${span(shard.years)}: a shard ` +
          `is indexed whole, by one slice. Start and end slices at shard boundaries; the ` +
          `shards of this archive are ${shards.map((s) => span(s.years)).join(", ")} ` +
          `(their size is SEARCH_SHARD_PAGES).`,
      );
    }
  }
  return inside;
}

/**
 * `npm run build`'s arguments: `--slice X` (or `--slice=X`), checked, and the rest, which
 * go to `astro build` as they are.
 */
export function parseBuildArgs(args: readonly string[]): { slice?: string; rest: string[] } {
  const rest: string[] = [];
  let slice: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg !== "--slice" && !arg.startsWith("--slice=")) {
      rest.push(arg);
      continue;
    }
    if (slice !== undefined) throw new Error(`--slice given twice: build one slice at a time`);
    const value = arg === "--slice" ? args[++i] : arg.slice("--slice=".length);
    if (value === undefined || value === "") throw new Error(`--slice needs ${SLICE_USAGE}`);
    slice = sliceName(parseSlice(value));
  }
  return slice === undefined ? { rest } : { slice, rest };
}

/**
 * Year slices for `jobs` machines: the archive's shards (oldest first) in at most `jobs`
 * runs of consecutive shards, each about an equal share of the articles (a shard goes to
 * the share its middle article falls in), so no slice splits a shard. Names as `--slice`
 * takes them.
 */
export function planSlices(
  shards: readonly { years: readonly string[]; pages: number }[],
  jobs: number,
): string[] {
  if (!(jobs >= 1)) throw new Error("Slices need at least one job");
  const total = shards.reduce((sum, shard) => sum + shard.pages, 0);
  const groups = new Map<number, string[]>();
  let before = 0;
  for (const shard of shards) {
    const share = Math.floor(((before + shard.pages / 2) * jobs) / Math.max(total, 1));
    const index = Math.min(jobs - 1, share);
    groups.set(index, [...(groups.get(index) ?? []), ...shard.years]);
    before += shard.pages;
  }
  return [...groups.values()].map(span);
}
