/**
 * Astro's prerenderer, watched: it lists and renders as before, and tells what it does.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import type { AstroPrerenderer, PathWithRoute } from "astro";
import { watchGeneration } from "../../../src/integrations/pagefind/watch-generation.ts";

const PATHS = [
  { pathname: "/articles/2024/03/02/ferry/", route: { type: "page" } },
  { pathname: "/atom.xml", route: { type: "endpoint" } },
] as unknown as PathWithRoute[];

/** A prerenderer keeping its state on `this`, as an adapter's may; it fails one page. */
function prerenderer(calls: string[]): AstroPrerenderer {
  return {
    name: "test",
    app: null as string | null,
    setup(this: { app: string | null }) {
      this.app = "ready";
      calls.push("setup");
      return Promise.resolve();
    },
    getStaticPaths(this: { app: string | null }) {
      calls.push(`paths (${this.app})`);
      return Promise.resolve(PATHS);
    },
    render(this: { app: string | null }, request: Request) {
      const { pathname } = new URL(request.url);
      calls.push(`render ${pathname} (${this.app})`);
      if (pathname === "/broken/") return Promise.reject(new Error("cannot render /broken/"));
      return Promise.resolve(new Response(`page ${pathname}`));
    },
    teardown() {
      calls.push("teardown");
      return Promise.resolve();
    },
  } as AstroPrerenderer;
}

test("the watched prerenderer renders as before and tells each listing, page start, render and failure", async () => {
  const calls: string[] = [];
  const told: string[] = [];
  const watched = watchGeneration(prerenderer(calls), {
    listed: (paths) => told.push(`listed ${paths.map((path) => path.pathname).join(" ")}`),
    rendering: (pathname) => told.push(`rendering ${pathname}`),
    rendered: (pathname) => told.push(`rendered ${pathname}`),
    failed: (error) => told.push(`failed: ${(error as Error).message}`),
  });
  const routeData = PATHS[0]!.route;
  await watched.setup!();
  assert.deepEqual(await watched.getStaticPaths(), PATHS);
  const response = await watched.render(
    new Request("http://localhost/articles/2024/03/02/ferry/"),
    {
      routeData,
    },
  );
  assert.equal(await (response as Response).text(), "page /articles/2024/03/02/ferry/");
  await assert.rejects(
    watched.render(new Request("http://localhost/broken/"), { routeData }),
    /cannot render \/broken\//,
  );
  await watched.teardown!();
  assert.deepEqual(calls, [
    "setup",
    "paths (ready)",
    "render /articles/2024/03/02/ferry/ (ready)",
    "render /broken/ (ready)",
    "teardown",
  ]);
  assert.deepEqual(told, [
    "listed /articles/2024/03/02/ferry/ /atom.xml",
    "rendering /articles/2024/03/02/ferry/",
    "rendered /articles/2024/03/02/ferry/",
    "rendering /broken/",
    "failed: cannot render /broken/",
  ]);
});

test("a watcher that refuses a page fails its render, which never starts", async () => {
  const calls: string[] = [];
  const watched = watchGeneration(prerenderer(calls), {
    listed: () => undefined,
    rendering: () => {
      throw new Error("Pagefind failed indexing the shard of 2024");
    },
    rendered: () => undefined,
    failed: () => undefined,
  });
  await assert.rejects(
    watched.render(new Request("http://localhost/articles/"), { routeData: PATHS[0]!.route }),
    /Pagefind failed indexing the shard of 2024/,
  );
  assert.deepEqual(calls, []);
});
