/**
 * The build's settings, read from the environment in one place: `astro.config.mjs` calls
 * {@link settingsFrom} once and hands the values to Astro and to the integrations as
 * options. README's "Settings" table lists the same variables.
 */
// No imports: site.ts uses this module and is bundled into the search page, whose bundle
// must not change because the build reads settings.

export type Env = Readonly<Record<string, string | undefined>>;

export interface Settings {
  /** `SITE_URL`: the public origin the site is served from, for absolute URLs. */
  siteUrl: string;
  /** `ARCHIVE_DIR`: the folder holding `articles/`, so fixture archives build alone. */
  archiveDir: string;
  /** `OUT_DIR`: where the build writes the site. */
  outDir: string;
  /** `CACHE_DIR`: Astro's build cache, with the search shards and article-file records. */
  cacheDir: string;
  /** `INCREMENTAL`: keep unchanged pages from the last build (Astro's incremental build). */
  incremental: boolean;
  /** `SEARCH_INDEX`: write the search index at all (off only to time rendering alone). */
  searchIndex: boolean;
  /** `SEARCH_SHARD_PAGES`: the largest search index shard, in articles. */
  searchShardPages: number;
  /** `SEARCH_NEWEST_SHARD`: the newest year is a shard of its own (off: one index if it fits). */
  searchNewestShard: boolean;
  /** `PAGEFIND_MAX_FRAGMENTS`: past this many pages in a shard, fragments are bundled. */
  pagefindMaxFragments: number;
  /** `BUILD_CORES`: how many processes the build may run at once (search shards). */
  buildCores: number;
  /** `BUILD_MEMORY_MB`: the memory they may use together, in MB (Astro's own not counted). */
  buildMemoryMb: number;
  /**
   * `BUILD_SLICE` (`npm run build -- --slice X` sets it): `all`, a year or range of years
   * (`2001-2012`), or `site`; parsed by src/lib/slice.ts.
   */
  buildSlice: string;
}

/** The machine the build runs on, for the defaults of `BUILD_CORES` and `BUILD_MEMORY_MB`. */
export interface Machine {
  /** `os.availableParallelism()`. */
  cores: number;
  /** `os.totalmem()`, in MB. */
  memoryMb: number;
}

/**
 * The share of the machine's memory the build's own processes may use by default; the rest
 * is left to Astro's process (idle while the index is built, but still resident) and the OS.
 */
export const MEMORY_SHARE = 0.75;

/** The `BUILD_*` defaults on `machine`. */
export function machineDefaults(machine: Machine): Pick<Settings, "buildCores" | "buildMemoryMb"> {
  return {
    buildCores: Math.max(1, Math.floor(machine.cores)),
    buildMemoryMb: Math.max(1, Math.floor(machine.memoryMb * MEMORY_SHARE)),
  };
}

/**
 * Stands in for the machine when none is given (the search page's bundle, tests): one core,
 * so the build runs one thing at a time as on the smallest machine.
 */
const ONE_CORE: Machine = { cores: 1, memoryMb: 4096 };

export const DEFAULT_SETTINGS: Readonly<Settings> = {
  siteUrl: "http://localhost:4321",
  archiveDir: "content",
  outDir: "./dist",
  cacheDir: "./node_modules/.astro",
  incremental: true,
  searchIndex: true,
  // About 2 GB of Pagefind memory per shard (src/lib/search/shards.ts).
  searchShardPages: 10_000,
  searchNewestShard: true,
  // Hosts cap file counts: past this many pages, Pagefind bundles fragments into shared
  // files, so no folder of the index ever holds more (10,000 articles stay one file each).
  pagefindMaxFragments: 10_000,
  // machineDefaults(ONE_CORE), written out: a call here would not be tree-shaken out of
  // the search page's bundle.
  buildCores: 1,
  buildMemoryMb: 3072,
  buildSlice: "all",
};

/** A variable's value, with an empty one counted as unset (as `VAR= npm run build` gives). */
function valueOf(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === "" ? undefined : value;
}

/** Parses a set (non-empty) value, or says what is wrong with it. */
type Reader<T> = (value: string) => { value: T } | { problem: string };

const text: Reader<string> = (value) => ({ value });

const onOff: Reader<boolean> = (value) =>
  value === "on" || value === "off" ? { value: value === "on" } : { problem: "must be on or off" };

const wholeNumber: Reader<number> = (value) =>
  /^\d+$/.test(value) && Number(value) >= 1
    ? { value: Number(value) }
    : { problem: "must be a whole number, 1 or more" };

// The same shapes as parseSlice (src/lib/slice.ts), which the build applies; checked here so
// a typo stops the build at once (this module imports nothing, see above).
const slice: Reader<string> = (value) => {
  const years = /^(\d{4})-(\d{4})$/.exec(value);
  const valid = /^(all|site|\d{4})$/.test(value) || (years !== null && years[1]! <= years[2]!);
  return valid
    ? { value }
    : { problem: "must be a year (2019), a range of years (2001-2012), site or all" };
};

const absoluteUrl: Reader<string> = (value) => {
  const url = URL.parse(value);
  return url && (url.protocol === "http:" || url.protocol === "https:")
    ? { value }
    : { problem: "must be an absolute http(s) URL, such as https://news.example.org" };
};

const READERS: { [K in keyof Settings]: [variable: string, read: Reader<Settings[K]>] } = {
  siteUrl: ["SITE_URL", absoluteUrl],
  archiveDir: ["ARCHIVE_DIR", text],
  outDir: ["OUT_DIR", text],
  cacheDir: ["CACHE_DIR", text],
  incremental: ["INCREMENTAL", onOff],
  searchIndex: ["SEARCH_INDEX", onOff],
  searchShardPages: ["SEARCH_SHARD_PAGES", wholeNumber],
  searchNewestShard: ["SEARCH_NEWEST_SHARD", onOff],
  pagefindMaxFragments: ["PAGEFIND_MAX_FRAGMENTS", wholeNumber],
  buildCores: ["BUILD_CORES", wholeNumber],
  buildMemoryMb: ["BUILD_MEMORY_MB", wholeNumber],
  buildSlice: ["BUILD_SLICE", slice],
};

/** A setting as it is written in the environment. */
function asValue(setting: string | number | boolean): string {
  return typeof setting === "boolean" ? (setting ? "on" : "off") : String(setting);
}

/** One setting from `env`: its value, its default when unset, or what is wrong with it. */
function read<K extends keyof Settings>(
  env: Env,
  key: K,
  defaults: Readonly<Settings> = DEFAULT_SETTINGS,
): { value: Settings[K] } | { problem: string } {
  const [variable, parse] = READERS[key];
  const value = valueOf(env, variable);
  if (value === undefined) return { value: defaults[key] };
  const parsed = parse(value);
  if ("value" in parsed) return parsed;
  return {
    problem:
      `${variable}=${JSON.stringify(value)} ${parsed.problem}: ` +
      `fix it, or unset it for the default (${asValue(defaults[key])}).`,
  };
}

function invalid(problems: readonly string[]): Error {
  const s = problems.length > 1 ? "s" : "";
  return new Error(`Invalid setting${s} in the environment:\n  ${problems.join("\n  ")}`);
}

/**
 * The settings in `env` (in a build, `process.env`), each defaulted when unset or empty.
 * Throws one error naming every invalid variable and what it must be, so a typo such as
 * `SEARCH_SHARD_PAGES=10k` stops the build instead of silently meaning the default.
 * `machine` (astro.config.mjs reads it from `node:os`) gives the `BUILD_*` defaults;
 * without it they are those of a one-core machine.
 */
export function settingsFrom(env: Env, machine: Machine = ONE_CORE): Settings {
  const defaults: Settings = { ...DEFAULT_SETTINGS, ...machineDefaults(machine) };
  const settings: Partial<Record<keyof Settings, unknown>> = {};
  const problems: string[] = [];
  for (const key of Object.keys(READERS) as (keyof Settings)[]) {
    const result = read(env, key, defaults);
    if ("value" in result) settings[key] = result.value;
    else problems.push(result.problem);
  }
  if (problems.length) throw invalid(problems);
  return settings as Settings;
}

/**
 * One setting alone, checked alone: for the import command, which needs only
 * `ARCHIVE_DIR` and should not fail on a build setting it does not use.
 */
export function settingFrom<K extends keyof Settings>(env: Env, key: K): Settings[K] {
  const result = read(env, key);
  if ("value" in result) return result.value;
  throw invalid([result.problem]);
}
