/**
 * What Pagefind reads of a shard: the build's article pages, each at its own path, an
 * Azerbaijani one as Turkish, made afresh in path order; `dist/` left as it was.
 */
import { afterEach, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { filesUnder } from "../../../src/lib/files-under.ts";
import { runShardIndexer } from "../../../src/integrations/pagefind/run-shard.ts";
import { fileOfPage, stagePages } from "../../../src/integrations/pagefind/stage-pages.ts";

const page = (lang: string, text: string) =>
  `<!DOCTYPE html><html lang="${lang}"><head><title>t</title></head><body><p>${text}</p></body></html>`;

/** A folder of its own for each test, holding an empty `dist/`. */
let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "stage-pages-"));
  await mkdir(join(root, "dist"));
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe("the file of a page", () => {
  const cases: [string, string][] = [
    ["/articles/2019/12/11/slug/", "articles/2019/12/11/slug/index.html"],
    ["articles/2019/12/11/slug/", "articles/2019/12/11/slug/index.html"],
    ["/articles/2019/12/11/slug", "articles/2019/12/11/slug/index.html"],
  ];
  for (const [pathname, file] of cases) {
    test(`${pathname} → ${file}`, () => assert.equal(fileOfPage(pathname), file));
  }
});

test("a shard's staged folder holds its article pages only, the Azerbaijani one as Turkish", async () => {
  const out = join(root, "dist");
  const files: Record<string, string> = {
    "articles/2017/04/02/harbour/index.html": page("en", "harbour"),
    "articles/2017/04/02/baki/index.html": page("az", "Bakıda"),
    "articles/2017/04/03/lang-az-in-text/index.html": page("en", 'a <html lang="az"> tag'),
    // Listings and files beside the pages, and a page an earlier build left.
    "articles/2017/04/02/index.html": page("en", "day list"),
    "articles/2017/04/02/harbour/original.txt": "text",
    "articles/2017/05/09/taken-down/index.html": page("en", "gone"),
  };
  for (const [file, text] of Object.entries(files)) {
    await mkdir(join(out, file, ".."), { recursive: true });
    await writeFile(join(out, file), text);
  }
  const pages = [
    "/articles/2017/04/03/lang-az-in-text/",
    "/articles/2017/04/02/harbour/",
    "/articles/2017/04/02/baki/",
  ];
  const staged = join(root, "staged");
  // Whatever a crashed run left in the folder goes first.
  await mkdir(join(staged, "articles/2016"), { recursive: true });
  await writeFile(join(staged, "articles/2016/stale.html"), page("en", "stale"));

  assert.equal(stagePages(out, pages, staged), 1, "one page relabelled");
  assert.deepEqual((await filesUnder(staged)).sort(), [
    "articles/2017/04/02/baki/index.html",
    "articles/2017/04/02/harbour/index.html",
    "articles/2017/04/03/lang-az-in-text/index.html",
  ]);
  const read = (dir: string, file: string) => readFile(join(dir, file), "utf8");
  assert.equal(await read(staged, "articles/2017/04/02/baki/index.html"), page("tr", "Bakıda"));
  for (const file of [
    "articles/2017/04/02/harbour/index.html",
    "articles/2017/04/03/lang-az-in-text/index.html",
  ]) {
    assert.equal(await read(staged, file), files[file], file);
  }
  // The site keeps its language: the copy was written beside, not through a link.
  assert.equal(await read(out, "articles/2017/04/02/baki/index.html"), page("az", "Bakıda"));
});

test("a page the build lists but dist/ lacks is an error naming it", () => {
  assert.throws(
    () => stagePages(join(root, "dist"), ["/articles/2017/04/02/gone/"], join(root, "s")),
    /articles\/2017\/04\/02\/gone\/index\.html/,
  );
});

test("a shard's process that cannot gather a page says which step and page, and cleans up", async () => {
  const folder = join(root, "shard.partial");
  const outcome = await runShardIndexer({
    outDir: join(root, "dist"),
    years: ["2016", "2017"],
    pages: ["/articles/2017/04/02/gone/"],
    folder,
    config: {},
  });
  assert.equal(outcome.ok, false);
  if (outcome.ok) return;
  assert.equal(outcome.step, `to gather the pages of 2016–2017 into ${folder}-pages`);
  assert.match(outcome.message, /articles\/2017\/04\/02\/gone\/index\.html/);
  assert.ok(!existsSync(`${folder}-pages`), "the gathered pages are removed");
});
