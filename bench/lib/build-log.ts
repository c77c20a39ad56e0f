/**
 * Figures read from the log of `astro build` (colour codes already stripped), for the
 * benchmarks. A figure the log does not hold is `null`, never 0: a missing line must not
 * read as "took no time". Times read here are the build's own account of itself, so the
 * benchmarks mark them `fromLog`.
 */

/** A time the build reported about itself, and the log line it came from. */
export interface LoggedTime {
  seconds: number;
  fromLog: true;
  line: string;
}

function logged(output: string, pattern: RegExp, msGroup = 1): LoggedTime | null {
  const match = pattern.exec(output);
  if (!match) return null;
  return { seconds: Number(match[msGroup]) / 1000, fromLog: true, line: match[0] };
}

/** Pagefind indexing (src/integrations/pagefind.ts): "Indexed N pages in X ms: ...". */
export function indexTime(output: string): (LoggedTime & { pages: number }) | null {
  const time = logged(output, /Indexed (\d+) pages in (\d+) ms[^\n]*/, 2);
  return time && { ...time, pages: Number(/Indexed (\d+)/.exec(time.line)![1]) };
}

/**
 * The part of the index time the build waited for, the rest running beside its other steps
 * (src/integrations/pagefind.ts): "...; the build waited X ms for it beside its other steps".
 * The build's time less this is its time without the index.
 */
export function indexWait(output: string): LoggedTime | null {
  return logged(output, /Indexed \d+ pages in \d+ ms[^\n]*the build waited (\d+) ms for it/);
}

/** The archive check of the content loader (src/content.config.ts). */
export function syncTime(output: string): LoggedTime | null {
  return logged(output, /\d+ articles checked \(\d+ parsed\) in (\d+) ms/);
}

/** original.txt and citation files (src/integrations/article-files.ts). */
export function articleFilesTime(output: string): LoggedTime | null {
  return logged(output, /Wrote original\.txt and citations of \d+ articles in (\d+) ms[^\n]*/);
}

/** A figure the log must hold: a missing line is an error, not 0 s. */
export function required<T>(value: T | null, what: string, output: string): T {
  if (value === null) {
    throw new Error(`the build log has no ${what} line:\n${output.slice(-2000)}`);
  }
  return value;
}

/** "N shard(s), I indexed, R reused" of the index line, or null. */
export function shardSummary(output: string): string | null {
  return /\d+ shard\(s\)(?:, \d+ indexed, \d+ reused)?/.exec(output)?.[0] ?? null;
}

export interface PageLines {
  /** Files Astro rendered in this build (`(+12ms)`, `(+1.02s)`, `(+1m 5s)`). */
  rendered: number;
  /** Files taken from the last build (`(restored)` from the cache, `(cached)` kept in dist). */
  restored: number;
  /** The same two counts for `.html` files only. */
  pages: { rendered: number; restored: number };
}

/**
 * Counts the per-file lines Astro prints while generating: `  ├─ /path/index.html (+12ms)`.
 * The time is `(+Nms)` under a second, `(+N.NNs)` under a minute, `(+Nm Ns)` beyond.
 */
export function countPageLines(output: string): PageLines {
  const counts: PageLines = { rendered: 0, restored: 0, pages: { rendered: 0, restored: 0 } };
  for (const { path, rendered } of fileLines(output)) {
    const kind = rendered ? "rendered" : "restored";
    counts[kind]++;
    if (path.endsWith(".html")) counts.pages[kind]++;
  }
  return counts;
}

/** The paths of the files Astro rendered in this build, as it lists them (`/rss.xml`). */
export function renderedFiles(output: string): string[] {
  return [...fileLines(output)].filter((file) => file.rendered).map((file) => file.path);
}

function* fileLines(output: string): Generator<{ path: string; rendered: boolean }> {
  const line = /├─ (\S+) \((restored|cached|\+(?:\d+ms|\d+(?:\.\d+)?s|\d+m \d+s))\)/g;
  for (const [, path, status] of output.matchAll(line)) {
    yield { path: path!, rendered: status!.startsWith("+") };
  }
}

/** "S pages built in T" of Astro's closing line. */
export function pagesBuilt(output: string): { pages: number; took: string } | null {
  const match = /(\d+) page\(s\) built in (\d+m \d+s|[\d.]+m?s)/.exec(output);
  return match ? { pages: Number(match[1]), took: match[2]! } : null;
}
