/**
 * The content store module of a build: read from the store's file when pages render, the
 * same value Astro's own module gives, and left to Astro where it must be (the client
 * bundle, no store yet, dev).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import contentStoreFile from "../../src/integrations/content-store-file.ts";

const STORE_MODULE = "\0astro:data-layer-content";

interface LoadResult {
  code: string;
  meta: Record<string, unknown>;
}
type Load = (this: { environment: { name: string } }, id: string) => LoadResult | null;

/** The Vite plugin's load handler the integration registers for `command`, if any. */
function loadHandler(cacheDir: URL, command: string): Load | null {
  let plugins: { load?: { handler: Load } }[] = [];
  const setup = contentStoreFile().hooks["astro:config:setup"] as unknown as (options: {
    config: { cacheDir: URL };
    command: string;
    updateConfig: (config: { vite: { plugins: typeof plugins } }) => void;
  }) => void;
  setup({
    config: { cacheDir },
    command,
    updateConfig: (config) => (plugins = config.vite.plugins),
  });
  return plugins[0]?.load?.handler ?? null;
}

test("a build's pages read the content store from its file, as Astro's module would", async () => {
  const dir = await mkdtemp(join(tmpdir(), "content-store-"));
  try {
    const cacheDir = pathToFileURL(`${dir}/`);
    const load = loadHandler(cacheDir, "build")!;
    const server = { environment: { name: "prerender" } };
    assert.equal(load.call(server, STORE_MODULE), null, "no store yet: Astro's module");
    // devalue's output, as Astro writes it: text with quotes, backslashes and non-ASCII.
    const store = JSON.stringify([["Map", 1], { articles: 2 }, 'Şəki "quoted" \\ back']);
    await writeFile(join(dir, "data-store.json"), store);
    const result = load.call(server, STORE_MODULE)!;
    assert.deepEqual(result.meta, { astroIncremental: { kind: "content-data" } });
    assert.ok(result.code.length < 300, "the store is not in the module's code");
    await writeFile(join(dir, "store-module.mjs"), result.code);
    const module = (await import(join(dir, "store-module.mjs"))) as { default: unknown };
    assert.deepEqual(module.default, JSON.parse(store));
    assert.equal(load.call({ environment: { name: "client" } }, STORE_MODULE), null);
    assert.equal(load.call(server, "\0astro:content"), null, "other modules: Astro's");
    assert.equal(loadHandler(cacheDir, "dev"), null, "dev: Astro's module");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
