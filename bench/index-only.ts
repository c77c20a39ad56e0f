/**
 * `npm run bench:index-only -- --archive DIR --out DIR`: a searchable site for an archive
 * too large to render here (issue 13, item 6: the search index alone at 1,000,000
 * articles). Only what search reads is made:
 *
 * 1. the site's shell (search page, scripts, styles) from an Astro build of the archive's
 *    first `--sample` articles;
 * 2. every article's page as Pagefind reads it (its `<html lang>`, the `data-pagefind-*`
 *    parts of src/layouts/ArticleLayout.astro and src/components/PagefindData.astro and
 *    SearchHighlight.astro, written from the same functions), not the rest of the page;
 *    first for the sample, and each such page must index as the built one does
 *    (indexFingerprint), else the run stops: the stand-in pages are checked every time;
 * 3. the build's own index step over them (bench/index-shards.ts: shards, facet tables,
 *    manifest), timed and measured.
 *
 * Then `npm run bench:search -- --archive DIR --dist OUT/dist` measures the queries.
 * `--articles N` generates and imports a news corpus of N articles into OUT first.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import process from "node:process";
import { parseArgs } from "node:util";
import matter from "gray-matter";
import {
  authorsOf,
  validateFrontmatter,
  type ArticleFrontmatter,
} from "../src/lib/article-schema.ts";
import { bodyOfEntry, paragraphsOf } from "../src/lib/article-text.ts";
import { dateParts, formatLongDate } from "../src/lib/dates.ts";
import { permalinkFor } from "../src/lib/permalink.ts";
import { indexFingerprint } from "../src/lib/search/shards.ts";
import { alternateSpellings } from "../src/lib/search/spelling.ts";
import { resultByline } from "../src/lib/search/text.ts";
import { entryFiles } from "./lib/archive-docs.ts";
import { importCorpus } from "./lib/bench-site.ts";
import { buildSite, ROOT } from "../tests/support/build-site.ts";

const { values } = parseArgs({
  options: {
    archive: { type: "string" },
    articles: { type: "string" },
    out: { type: "string" },
    sample: { type: "string", default: "60" },
    seed: { type: "string", default: "1" },
  },
});

/** Astro's escaping of text and attribute values. */
const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

/** The page of one entry file as Pagefind reads it (see the file's comment). */
function standInPage(text: string, file: string): { path: string; html: string } {
  const parsed = validateFrontmatter(matter(text, {}).data);
  if (!parsed.ok) throw new Error(`${file}: ${parsed.errors.join("; ")}`);
  const data: ArticleFrontmatter = parsed.data;
  const body = bodyOfEntry(text);
  const authors = authorsOf(data);
  const byline = [resultByline({ authors, source: data.source }), formatLongDate(data.date)].join(
    " · ",
  );
  const spellings = alternateSpellings([
    data.title,
    data.source,
    ...authors,
    data.section ?? "",
    body,
  ]);
  const filters = [
    `<span data-pagefind-filter="source">${escape(data.source)}</span>`,
    ...authors.map((author) => `<span data-pagefind-filter="author">${escape(author)}</span>`),
    `<span data-pagefind-filter="year">${dateParts(data.date).year}</span>`,
    `<span data-pagefind-filter="language">${escape(data.language)}</span>`,
    data.section ? `<span data-pagefind-filter="section">${escape(data.section)}</span>` : "",
    `<span data-pagefind-meta="date">${data.date}</span>`,
    `<span data-pagefind-meta="byline">${escape(byline)}</span>`,
  ];
  const html =
    `<!DOCTYPE html><html lang="${escape(data.language)}"><head><meta charset="utf-8">` +
    `<title>${escape(data.title)}</title></head><body><main><article>` +
    `<h1 data-pagefind-meta="title">${escape(data.title)}</h1>` +
    `<div hidden data-pagefind-ignore>${filters.join("")}</div>` +
    `<div class="article-body" data-pagefind-body>` +
    paragraphsOf(body)
      .map((paragraph) => `<p>${escape(paragraph)}</p>`)
      .join("") +
    `</div></article>` +
    (spellings
      ? `<div hidden data-pagefind-ignore><span data-pagefind-meta="spellings">${escape(spellings)}</span></div>`
      : "") +
    `</main></body></html>`;
  return { path: permalinkFor(data).slice(1), html };
}

/** What Pagefind reads of a page, whitespace between tags aside. */
const readByIndex = (html: string) =>
  `${/<html lang="([^"]*)"/.exec(html)?.[1]}\n${indexFingerprint(html).replace(/>\s+</g, "><")}`;

if (!values.out) {
  throw new Error(
    "usage: npm run bench:index-only -- --archive DIR --out DIR  (or --articles N --out DIR)",
  );
}
if (!values.archive && !(Number(values.articles) >= 1)) {
  throw new Error("--articles N (a whole number) or --archive DIR is needed");
}
const out = resolve(values.out);
mkdirSync(out, { recursive: true });
const archive = values.archive
  ? resolve(values.archive)
  : importCorpus(out, Number(values.articles), Number(values.seed), "news").archive;
const files = entryFiles(archive);
console.log(`${files.length} entries in ${archive}`);

// 1. The shell: an Astro build of the first articles.
const sampleArchive = join(out, "sample-archive");
rmSync(sampleArchive, { recursive: true, force: true });
const sample = files.slice(0, Number(values.sample));
for (const file of sample) {
  const to = join(sampleArchive, relative(archive, file));
  mkdirSync(dirname(to), { recursive: true });
  cpSync(file, to);
  cpSync(file.replace(/\.md$/, ".original.txt"), to.replace(/\.md$/, ".original.txt"));
}
// Built inside the project (its own folder there), so it never shares `.astro/` with
// another build running at the same time.
const shellBuild = await buildSite(sampleArchive);
if (shellBuild.code !== 0) {
  throw new Error(`the shell's build failed:\n${shellBuild.output.slice(-4000)}`);
}
const shell = shellBuild.outDir;

// 2. Stand-in pages: the sample's must index as the built ones do.
for (const file of sample) {
  const page = standInPage(readFileSync(file, "utf8"), file);
  const built = readFileSync(join(shell, page.path, "index.html"), "utf8");
  const [want, got] = [readByIndex(built), readByIndex(page.html)];
  if (want !== got) {
    let at = 0;
    while (want[at] === got[at]) at++;
    const around = (text: string) => JSON.stringify(text.slice(Math.max(0, at - 80), at + 80));
    throw new Error(
      `The stand-in page of ${file} does not index as the built page does, from character ${at}:\n` +
        `built:    ${around(want)}\nstand-in: ${around(got)}`,
    );
  }
}
console.log(`${sample.length} stand-in pages index as their built pages do`);
const dist = join(out, "dist");
rmSync(dist, { recursive: true, force: true });
cpSync(shell, dist, { recursive: true });
rmSync(join(dist, "articles"), { recursive: true, force: true });
rmSync(join(dist, "pagefind"), { recursive: true, force: true });
const started = performance.now();
for (const [i, file] of files.entries()) {
  const page = standInPage(readFileSync(file, "utf8"), file);
  mkdirSync(join(dist, page.path), { recursive: true });
  writeFileSync(join(dist, page.path, "index.html"), page.html);
  if ((i + 1) % 100_000 === 0) console.log(`${i + 1} pages written`);
}
console.log(
  `${files.length} stand-in pages written in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

// 3. The build's index step, measured.
const index = spawnSync(process.execPath, [join(ROOT, "bench/index-shards.ts"), "--dist", dist], {
  cwd: ROOT,
  stdio: "inherit",
});
if (index.status !== 0) throw new Error(`indexing failed (exit code ${index.status})`);
rmSync(shell, { recursive: true, force: true });
rmSync(`${shell}-cache`, { recursive: true, force: true });
console.log(
  `next: npm run bench:search -- --articles ${files.length} --archive ${archive} --dist ${dist}`,
);
