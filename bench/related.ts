/**
 * `npm run bench:related -- --archive DIR` (or `--articles N`: the bench's news corpus,
 * generated and imported into a temp dir first, as bench/search.ts does): the cost of related coverage alone over an
 * imported archive, as a build pays it (src/archive.ts relatedOf): read every entry file,
 * count its words (src/lib/related/terms.ts), then find every article's related articles
 * (src/lib/related/related.ts). Prints and saves the wall and CPU time of each step, the
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
import { countTerms, newVocabulary, type ArticleTerms } from "../src/lib/related/terms.ts";
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
let cpu = process.cpuUsage();
let started = performance.now();
let readMs = 0;
const vocabulary = newVocabulary();
const counted: { terms: ArticleTerms; date: string }[] = [];
files.forEach((file, i) => {
  const readStart = performance.now();
  const body = bodyOfEntry(readFileSync(file, "utf8"));
  readMs += performance.now() - readStart;
  counted.push({ terms: countTerms(fields[i]!.title, body, vocabulary), date: fields[i]!.date });
});
const countMs = performance.now() - started - readMs;
const readAndCountCpuMs = cpuMs(cpu);

cpu = process.cpuUsage();
started = performance.now();
const work: RelatedWork = { postingsRead: 0, scored: 0 };
const all = () => true;
const lists = relatedArticles(counted, vocabulary.documentFrequency, RELATED_DEFAULTS, all, work);
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
  postingsReadPerArticle: Number((work.postingsRead / files.length).toFixed(1)),
  pairsScoredPerArticle: Number((work.scored / files.length).toFixed(1)),
  msPerArticle: Number((totalMs / files.length).toFixed(3)),
  words: vocabulary.documentFrequency.length,
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
console.log(describeMachine(result.machine));
console.log(`saved ${out}`);
if (temp) rmSync(temp, { recursive: true, force: true });
