/**
 * `node bench/language-stemming.ts`: how each way of stemming a language finds the word
 * forms of tests/support/language-fixture.ts. For each way it indexes the fixture's
 * articles with Pagefind (body, title and the plain-spelling metadata, as article pages
 * are indexed) under that language, searches every form of every word, once as written and
 * once in plain letters (`Bakının` → `Bakinin`), in Pagefind's own search code (the
 * bundle's `pagefind.js`, run in Node), and prints recall and precision as a Markdown table.
 *
 * With `DETAIL=1` it also prints each search: the words, relevant found, relevant, found.
 *
 * Azerbaijani has no stemmer in Pagefind: `az` pages index with none; `tr` is Snowball's
 * Turkish; `en` is what one English index gave every page before issue 16.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import * as pagefind from "pagefind";
import { alternateSpellings, plainFold } from "../src/lib/search/spelling.ts";
import {
  AZERBAIJANI_ARTICLES,
  AZERBAIJANI_FORMS,
  RUSSIAN_ARTICLES,
  RUSSIAN_FORMS,
  type FormGroup,
} from "../tests/support/language-fixture.ts";
import type { FixtureArticle } from "../tests/support/search-fixture.ts";

interface Way {
  /** The language the articles are indexed (and searched) as. */
  lang: string;
  label: string;
}

const escape = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** An article page as Pagefind meets it: the parts src/layouts/ArticleLayout.astro marks. */
function pageOf(article: FixtureArticle, lang: string): string {
  const paragraphs = article.body.split(/\n\n/).map((p) => `<p>${escape(p)}</p>`);
  const spellings = alternateSpellings([article.title, article.body]);
  return (
    `<!doctype html><html lang="${lang}"><head><title>${escape(article.title)}</title></head>` +
    `<body><h1 data-pagefind-meta="title">${escape(article.title)}</h1>` +
    `<div data-pagefind-body>${paragraphs.join("")}</div>` +
    `<div hidden data-pagefind-ignore><span data-pagefind-meta="spellings">${escape(spellings)}</span></div>` +
    `</body></html>`
  );
}

type Search = (term: string) => Promise<string[]>;

/** Indexes `articles` as `lang` into `dir` and returns a search of it (slugs found). */
async function indexAs(articles: readonly FixtureArticle[], lang: string, dir: string) {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(errors.join("\n"));
  for (const article of articles) {
    const added = await index.addHTMLFile({
      url: `/${article.slug}/`,
      content: pageOf(article, lang),
    });
    if (added.errors.length) throw new Error(added.errors.join("\n"));
  }
  await index.writeFiles({ outputPath: dir });
  await pagefind.close();
  // pagefind.js as the browser runs it: its files read from `dir`, its language from a
  // stand-in document, a module of its own (a query string) so its WebAssembly is this one.
  const files = globalThis as { fetch: typeof fetch; document?: unknown };
  // Pagefind asks for its files by path strings under its basePath, `/pf/`.
  files.fetch = async (url: RequestInfo | URL) => {
    const path = url instanceof Request ? url.url : url.toString();
    return new Response(await readFile(join(dir, path.replace(/^\/pf\/|\?.*$/g, ""))));
  };
  const module = (await import(`${pathToFileURL(join(dir, "pagefind.js")).href}?${lang}`)) as {
    createInstance: (options: object) => {
      init: () => Promise<void>;
      search: (term: string) => Promise<{ results: { data: () => Promise<{ url: string }> }[] }>;
    };
  };
  files.document = { querySelector: () => ({ getAttribute: () => lang }) };
  const instance = module.createInstance({ noWorker: true, basePath: "/pf/" });
  delete files.document;
  await instance.init();
  const search: Search = async (term) => {
    const { results } = await instance.search(term);
    const urls = await Promise.all(results.map(async (result) => (await result.data()).url));
    return urls.map((url) => url.replaceAll("/", ""));
  };
  return search;
}

interface Score {
  recall: number;
  precision: number;
}

/** Mean recall and precision over every form of every group (a search finding nothing has precision 1). */
async function measure(
  search: Search,
  groups: readonly FormGroup[],
  spell: (w: string) => string,
): Promise<Score> {
  let recall = 0;
  let precision = 0;
  let n = 0;
  for (const group of groups) {
    for (const form of group.forms) {
      const found = await search(spell(form));
      const hits = found.filter((slug) => group.relevant.includes(slug)).length;
      if (process.env["DETAIL"]) {
        console.log(spell(form), hits, group.relevant.length, found.join(","));
      }
      recall += hits / group.relevant.length;
      precision += found.length === 0 ? 1 : hits / found.length;
      n++;
    }
  }
  return { recall: recall / n, precision: precision / n };
}

const percent = (x: number) => `${Math.round(x * 100)}%`;

async function table(
  title: string,
  articles: readonly FixtureArticle[],
  groups: readonly FormGroup[],
  ways: readonly Way[],
) {
  const forms = groups.reduce((sum, group) => sum + group.forms.length, 0);
  console.log(`\n${title}: ${articles.length} articles, ${groups.length} words, ${forms} forms\n`);
  console.log(
    "| indexed as | recall | precision | recall, plain letters | precision, plain letters |",
  );
  console.log("| --- | --- | --- | --- | --- |");
  for (const way of ways) {
    const dir = await mkdtemp(join(tmpdir(), "news-archive-stemming-"));
    try {
      const search = await indexAs(articles, way.lang, dir);
      const native = await measure(search, groups, (w) => w);
      const plain = await measure(search, groups, plainFold);
      console.log(
        `| ${way.label} | ${percent(native.recall)} | ${percent(native.precision)} | ` +
          `${percent(plain.recall)} | ${percent(plain.precision)} |`,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}

await table("Azerbaijani", AZERBAIJANI_ARTICLES, AZERBAIJANI_FORMS, [
  { lang: "en", label: "English stemming (one index, before)" },
  { lang: "az", label: "no stemming (`az`)" },
  { lang: "tr", label: "Turkish stemming (`tr`)" },
]);
await table("Russian", RUSSIAN_ARTICLES, RUSSIAN_FORMS, [
  { lang: "en", label: "English stemming (one index, before)" },
  { lang: "ru", label: "Russian stemming (`ru`)" },
]);
