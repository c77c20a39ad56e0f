/**
 * One article more, built again with the `dist/` and cache the last build kept (bench/run.ts):
 * generates one raw text dated `date` (bench/generate-raw.ts), imports it with the CLI, runs
 * `astro build` again and reads from its log what it rendered and indexed again. Dated the
 * corpus's last day it is an archive growing; dated an older year, a back-fill, whose year's
 * search shard is indexed again rather than the newest year's.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { SHARD_MANIFEST_FILE, type ShardManifest } from "../../src/lib/search/shards.ts";
import { ROOT } from "../../tests/support/build-site.ts";
import { generateRawArticles, type CorpusLanguage, type VocabularyKind } from "../generate-raw.ts";
import {
  countPageLines,
  indexTime,
  renderedFiles,
  required,
  shardSummary,
  type LoggedTime,
} from "./build-log.ts";
import { mb, measureCommand } from "./measure.ts";
import { classifyOutput, type OutputKind } from "./output-kinds.ts";

/** The archive and build the article is added to, as bench/run.ts made them. */
export interface AddOneSetup {
  /** Where the raw text is generated. */
  temp: string;
  archive: string;
  dist: string;
  node: string;
  buildArgs: string[];
  env: NodeJS.ProcessEnv;
  seed: number;
  vocabulary: VocabularyKind;
  /** False with --no-index: the rebuild then has no index line to read. */
  indexed: boolean;
}

export interface AddedArticle {
  date: string;
  importSeconds: number;
  rebuildSeconds: number;
  /** The rebuild's CPU time (user + system) over its whole process tree. */
  rebuildCpuSeconds: number;
  /** The rebuild's peak resident memory, process tree. */
  rebuildPeakRssBytes: number;
  pagesRendered: number;
  pagesRestored: number;
  otherFilesRendered: number;
  otherFilesRestored: number;
  /** The pages rendered, by kind (bench/lib/output-kinds.ts). */
  pagesRenderedByKind: Partial<Record<OutputKind, number>>;
  index: LoggedTime | null;
  shards: string | null;
  /** The shards whose page count changed: the one the article went into. */
  shardsGrown: { years: [string, string]; pages: number }[];
}

/** The shards of the index in `dist`, as its manifest lists them (none when not indexed). */
function shardsOf(dist: string): ShardManifest["shards"] {
  const file = join(dist, "pagefind", SHARD_MANIFEST_FILE);
  if (!existsSync(file)) return [];
  return (JSON.parse(readFileSync(file, "utf8")) as ShardManifest).shards;
}

function byKind(paths: string[]): Partial<Record<OutputKind, number>> {
  const counts: Partial<Record<OutputKind, number>> = {};
  for (const path of paths.filter((p) => p.endsWith(".html"))) {
    const { kind } = classifyOutput(path.replace(/^\//, ""));
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}

/**
 * Adds one article dated `date` (its text from seed + `seedOffset`) to the archive and
 * builds again; the same date and offset always give the same article.
 */
export async function addOneArticle(
  setup: AddOneSetup,
  date: string,
  seedOffset: number,
): Promise<AddedArticle> {
  const extra = generateRawArticles(
    join(setup.temp, `one-more-${date}`),
    1,
    setup.seed + seedOffset,
    { from: date, to: date },
    setup.vocabulary,
  );
  const lang = (Object.keys(extra.languages) as CorpusLanguage[]).find(
    (l) => extra.languages[l].files,
  )!;
  const out = join(setup.archive, "articles");
  const added = await measureCommand(
    setup.node,
    ["src/cli/import.ts", "--lang", lang, "--out", out, extra.languages[lang].dir],
    { cwd: ROOT },
  );
  if (added.code !== 0) throw new Error(`import of one article failed:\n${added.output}`);
  const before = shardsOf(setup.dist);
  const rebuild = await measureCommand(setup.node, setup.buildArgs, { cwd: ROOT, env: setup.env });
  if (rebuild.code !== 0) throw new Error(`rebuild failed:\n${rebuild.output.slice(-4000)}`);
  // Astro lists each file it writes: `(+12ms)` or `(+1.02s)` when rendered, `(restored)`
  // or `(cached)` when taken from the last build.
  const lines = countPageLines(rebuild.output);
  const grown = shardsOf(setup.dist).filter(
    (shard) => before.find((old) => old.path === shard.path)?.pages !== shard.pages,
  );
  return {
    date,
    importSeconds: added.ms / 1000,
    rebuildSeconds: rebuild.ms / 1000,
    rebuildCpuSeconds: rebuild.cpuMs / 1000,
    rebuildPeakRssBytes: rebuild.peakRssBytes,
    pagesRendered: lines.pages.rendered,
    pagesRestored: lines.pages.restored,
    otherFilesRendered: lines.rendered - lines.pages.rendered,
    otherFilesRestored: lines.restored - lines.pages.restored,
    pagesRenderedByKind: byKind(renderedFiles(rebuild.output)),
    index: setup.indexed ? required(indexTime(rebuild.output), "index", rebuild.output) : null,
    shards: shardSummary(rebuild.output),
    shardsGrown: grown.map((shard) => ({ years: shard.years, pages: shard.pages })),
  };
}

/** One line for the table: import and rebuild, pages, index and the shard that grew. */
export function describeAdded(added: AddedArticle): string {
  const index = added.index ? `${added.index.seconds.toFixed(1)} s` : "missing";
  const grown = added.shardsGrown.map(({ years: [first, last], pages }) =>
    first === last ? `${first} (${pages} pages)` : `${first}-${last} (${pages} pages)`,
  );
  return (
    `import ${added.importSeconds.toFixed(1)} s + rebuild ${added.rebuildSeconds.toFixed(1)} s ` +
    `(CPU ${added.rebuildCpuSeconds.toFixed(1)} s, peak ${mb(added.rebuildPeakRssBytes)}; ` +
    `${added.pagesRendered} pages rendered, ${added.pagesRestored} restored; ` +
    `index ${index} by its log, ${added.shards}` +
    (grown.length ? `; shard grown: ${grown.join(", ")})` : ")")
  );
}
