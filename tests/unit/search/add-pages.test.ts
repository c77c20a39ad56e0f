/**
 * Pagefind numbers a shard's pages in the order they reach it, and the index files it writes
 * depend on that order. A year whose pages pass through this process must reach it in path
 * order, whatever order their reads finish in; otherwise two builds of the same pages (one
 * whole, one in slices) write different index files.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type * as pagefind from "pagefind";
import { addYear } from "../../../src/integrations/pagefind/add-pages.ts";

const page = (lang: string, text: string) =>
  `<!DOCTYPE html><html lang="${lang}"><head><title>t</title></head><body><p>${text}</p></body></html>`;

/** An index that records what it was handed, in the order it was handed it. */
function recordingIndex() {
  const added: { url: string; lang: string }[] = [];
  const index = {
    addHTMLFile: (file: { url?: string; content: string }) => {
      added.push({ url: file.url ?? "", lang: /<html lang="(\w+)"/.exec(file.content)?.[1] ?? "" });
      return Promise.resolve({
        errors: [],
        file: { uniqueWords: 1, url: file.url ?? "", meta: {} },
      });
    },
    addDirectory: () =>
      Promise.reject(new Error("a year with an Azerbaijani page is handed page by page")),
  };
  return { index: index as unknown as pagefind.PagefindIndex, added };
}

test("a year's pages reach Pagefind in path order, the slowest read first", async () => {
  const out = await mkdtemp(join(tmpdir(), "add-pages-"));
  try {
    const day = join(out, "articles", "2017", "04", "02");
    // The first page is large, so its read finishes well after the small ones' reads.
    const names = Array.from({ length: 40 }, (_, i) => `p${String(i).padStart(2, "0")}`);
    for (const [i, name] of names.entries()) {
      await mkdir(join(day, name), { recursive: true });
      const text = i === 0 ? "harbour ".repeat(4_000_000) : `page ${i}`;
      await writeFile(join(day, name, "index.html"), page(i === 7 ? "az" : "en", text));
    }
    const { index, added } = recordingIndex();
    assert.deepEqual(await addYear(index, out, "2017"), []);
    assert.deepEqual(
      added.map((a) => a.url),
      names.map((name) => `/articles/2017/04/02/${name}/`),
    );
    assert.equal(added[7]!.lang, "tr", "the Azerbaijani page is indexed as Turkish");
    assert.ok(added.every((a, i) => i === 7 || a.lang === "en"));
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});
