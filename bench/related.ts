/**
 * `npm run bench:related -- --archive DIR` (or `--articles N`: the bench's news corpus,
 * generated and imported into a temp dir first, as bench/search.ts does): the cost of related coverage alone over an
 * imported archive, as a build pays it (src/archive.ts relatedOf): read every entry file,
 * count its words (src/lib/related/terms.ts), then find every article's related articles
 * (src/lib/related/related.ts). Then again as an incremental build does, with the counted
 * words the first pass kept (src/lib/related/term-cache.ts) and one article changed: only
 * its body is read. Prints and saves the wall and CPU time of each step, the
 * work done (postings read, pairs scored: independent of the machine's load), the peak
 * memory of this process and how many articles got a list; `--out` names the result file
 * (default bench/results/related-<articles>.json). Nothing is rendered or written into DIR.
 *
 *   node bench/related.ts --archive DIR [--out FILE]
 *   node bench/related.ts --articles N [--seed 1] [--out FILE]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import process from "node:process";
import { parseArgs } from "node:util";
import matter from "gray-matter";
import { bodyOfEntry } from "../src/lib/article-text.ts";
import { RELATED_DEFAULTS, relatedArticles, type RelatedWork } from "../src/lib/related/related.ts";
import { countAll, EMPTY_CACHE, type Countable } from "../src/lib/related/term-cache.ts";
import { decodeTermCache, encodeTermCache } from "../src/lib/related/term-cache-file.ts";
import { ROOT } from "../tests/support/build-site.ts";
import { entryFiles } from "./lib/archive-docs.ts";
import { importCorpus } from "./lib/bench-site.ts";
import { describeMachine, machineAtStart } from "./lib/machine.ts";

const { values } = parseArgs({
  options: {
    archive: { type: "string" },
    articles: { type: "string" },
    seed: { type: "string", default: "1" },
    out: { type: "string" },
  },
});
if (!values.archive && !values.articles)
  throw new Error("usage: node bench/related.ts --archive DIR | --articles N [--out FILE]");

let temp: string | undefined;
let archive = values.archive;
if (!archive) {
  temp = mkdtempSync(join(tmpdir(), "news-archive-related-bench-"));
  ({ archive } = importCorpus(temp, Number(values.articles), Number(values.seed), "news"));
}
const machine = machineAtStart();
const files = entryFiles(resolve(archive));
const rssMb = () => process.memoryUsage().rss / 1024 / 1024;
const startRss = rssMb();

// Step 1, outside the timed steps: titles and dates, which a build has from its data store.
const fields = files.map((file) => {
  const text = readFileSync(file, "utf8");
  const { data } = matter(text.slice(0, text.length - bodyOfEntry(text).length), {});
  const date = data["date"] instanceof Date ? data["date"].toISOString() : String(data["date"]);
  return { title: String(data["title"] ?? ""), date: date.slice(0, 10) };
});

const cpuMs = (since: NodeJS.CpuUsage) => {
  const { user, system } = process.cpuUsage(since);
  return Math.round((user + system) / 1000);
};
// Keyed by file, as a build keys entries by id and digest; the second pass changes one.
const countable = (changed: number): Countable[] =>
  files.map((file, i) => ({ key: i === changed ? `${file} changed` : file, ...fields[i]! }));
let readMs = 0;
const body = (index: number) => {
  const readStart = performance.now();
  const text = bodyOfEntry(readFileSync(files[index]!, "utf8"));
  readMs += performance.now() - readStart;
  return Promise.resolve(text);
};

let cpu = process.cpuUsage();
let started = performance.now();
const { counted, documentFrequency, cache } = await countAll(countable(-1), EMPTY_CACHE, body);
const countMs = performance.now() - started - readMs;
const readAndCountCpuMs = cpuMs(cpu);

// The cache as the next build finds it: written, read back, one article changed.
started = performance.now();
const cacheBytes = encodeTermCache(cache);
const encodeMs = performance.now() - started;
cpu = process.cpuUsage();
started = performance.now();
const again = await countAll(countable(0), decodeTermCache(cacheBytes), body);
const cachedCountMs = performance.now() - started;
const cachedCountCpuMs = cpuMs(cpu);

cpu = process.cpuUsage();
started = performance.now();
const work: RelatedWork = { postingsRead: 0, scored: 0 };
const all = () => true;
const lists = relatedArticles(counted, documentFrequency, RELATED_DEFAULTS, all, work);
const relateMs = performance.now() - started;
const relateCpuMs = cpuMs(cpu);

const withList = lists.filter((list) => list.length > 0).length;
const totalMs = readMs + countMs + relateMs;
const result = {
  articles: files.length,
  options: RELATED_DEFAULTS,
  readMs: Math.round(readMs),
  countMs: Math.round(countMs),
  relateMs: Math.round(relateMs),
  totalMs: Math.round(totalMs),
  readAndCountCpuMs,
  relateCpuMs,
  cache: {
    bytes: cacheBytes.length,
    encodeMs: Math.round(encodeMs),
    bodiesRead: again.read,
    readBackAndCountMs: Math.round(cachedCountMs),
    readBackAndCountCpuMs: cachedCountCpuMs,
  },
  postingsReadPerArticle: Number((work.postingsRead / files.length).toFixed(1)),
  pairsScoredPerArticle: Number((work.scored / files.length).toFixed(1)),
  msPerArticle: Number((totalMs / files.length).toFixed(3)),
  words: documentFrequency.length,
  articlesWithRelated: withList,
  relatedLinks: lists.reduce((sum, list) => sum + list.length, 0),
  rssAtStartMb: Math.round(startRss),
  peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  machine: machine.finish(),
};
const out = values.out ?? join(ROOT, "bench/results", `related-${files.length}.json`);
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
console.log(
  `${files.length} articles: read ${(readMs / 1000).toFixed(1)} s, count words ` +
    `${(countMs / 1000).toFixed(1)} s, relate ${(relateMs / 1000).toFixed(1)} s: ` +
    `${(totalMs / 1000).toFixed(1)} s, ${result.msPerArticle} ms an article (CPU: read and ` +
    `count ${(readAndCountCpuMs / 1000).toFixed(1)} s, relate ${(relateCpuMs / 1000).toFixed(1)} s); ` +
    `${result.postingsReadPerArticle} postings read and ${result.pairsScoredPerArticle} ` +
    `pairs scored an article; peak RSS ` +
    `${result.peakRssMb} MB (${result.rssAtStartMb} MB at start); ${withList} articles with ` +
    `related coverage, ${result.relatedLinks} links; ${result.words} distinct words`,
);
console.log(
  `with the kept words (${(cacheBytes.length / 1024 / 1024).toFixed(1)} MB, written in ` +
    `${(encodeMs / 1000).toFixed(1)} s) and one article changed: read back and count ` +
    `${(cachedCountMs / 1000).toFixed(1)} s (CPU ${(cachedCountCpuMs / 1000).toFixed(1)} s), ` +
    `${again.read} body read`,
);
console.log(describeMachine(result.machine));
console.log(`saved ${out}`);
if (temp) rmSync(temp, { recursive: true, force: true });
