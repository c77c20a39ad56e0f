import { test } from "node:test";
import assert from "node:assert/strict";
import { generation, pageKey, WrittenPages } from "../../src/lib/written-pages.ts";

/** The generating order of a small build: newest articles first, then listings. */
const ORDER = [
  "/404",
  "/articles/2024/12/31/b/",
  "/articles/2024/01/02/a/",
  "/articles/2023/05/05/c/",
  "/articles/2024/12/31/",
  "/",
];
const Y2024 = ["articles/2024/12/31/b/", "articles/2024/01/02/a/"];
const Y2023 = ["articles/2023/05/05/c/"];

/** Which of `waits` have settled (by name), after the microtasks run. */
async function settled(waits: Record<string, Promise<void>>): Promise<string[]> {
  const done: string[] = [];
  for (const [name, wait] of Object.entries(waits)) {
    void wait.then(
      () => done.push(name),
      () => done.push(`${name} failed`),
    );
  }
  await new Promise((resolve) => setImmediate(resolve));
  return done.sort();
}

/** One page generated: it starts rendering, and its render returns (Astro writes it next). */
function render(written: WrittenPages, pathname: string): void {
  written.starting(pathname);
  written.rendered(pathname);
}

test("pageKey names a page the same from a route's pathname, a page name and a URL", () => {
  const cases: [string, string][] = [
    ["/articles/2019/12/11/slug/", "articles/2019/12/11/slug"],
    ["articles/2019/12/11/slug/", "articles/2019/12/11/slug"],
    ["/articles/2019/12/11/slug", "articles/2019/12/11/slug"],
    ["/authors/%C3%A9mile/", "authors/émile"],
    ["/authors/%E0%A4%A/", "authors/%E0%A4%A"],
    ["/", ""],
  ];
  for (const [pathname, key] of cases) assert.equal(pageKey(pathname), key, pathname);
});

test("lastOf gives where the last of some pages is generated", () => {
  const written = new WrittenPages(ORDER);
  const cases: [readonly string[], number][] = [
    [Y2024, 2],
    [Y2023, 3],
    [[...Y2023, ...Y2024], 3],
    [[], -1],
    [["articles/1999/01/01/gone/"], Infinity],
  ];
  for (const [pages, last] of cases) assert.equal(written.lastOf(pages), last, pages.join());
});

test("a year's pages are written once a page after them starts, not before", async () => {
  const written = new WrittenPages(ORDER);
  const waits = { y2024: written.whenWritten(Y2024), y2023: written.whenWritten(Y2023) };
  render(written, "/articles/2024/12/31/b/");
  render(written, "/articles/2024/01/02/a/");
  assert.deepEqual(await settled(waits), [], "the last 2024 page has only started");
  render(written, "/articles/2023/05/05/c/");
  assert.deepEqual(await settled(waits), ["y2024"]);
  // A page kept from the last build is not rendered: the next one rendered tells as much.
  render(written, "/");
  assert.deepEqual(await settled(waits), ["y2023", "y2024"]);
  assert.deepEqual(await settled({ later: written.whenWritten(Y2024) }), ["later"]);
});

test("pages that start again or out of order never move the written pages back", async () => {
  const written = new WrittenPages(ORDER);
  render(written, "/articles/2024/12/31/");
  render(written, "/articles/2024/12/31/b/");
  render(written, "/not/listed/");
  assert.deepEqual(await settled({ y2023: written.whenWritten(Y2023) }), ["y2023"]);
});

test("pages not in the order, or the last pages, are written only when generating ends", async () => {
  const written = new WrittenPages(ORDER);
  const waits = {
    unknown: written.whenWritten(["articles/1999/01/01/gone/"]),
    home: written.whenWritten(["/"]),
  };
  render(written, "/");
  assert.deepEqual(await settled(waits), []);
  written.finished();
  assert.deepEqual(await settled(waits), ["home", "unknown"]);
});

test("a failed generation rejects the pages still waited for and those asked for later", async () => {
  const written = new WrittenPages(ORDER);
  const waits = { y2024: written.whenWritten(Y2024), y2023: written.whenWritten(Y2023) };
  render(written, "/articles/2023/05/05/c/");
  written.failed(new Error("render failed"));
  assert.deepEqual(await settled(waits), ["y2023 failed", "y2024"]);
  await assert.rejects(written.whenWritten(["/"]), /render failed/);
  // Already written pages stay written; an end after the failure writes nothing more.
  written.finished();
  await written.whenWritten(Y2024);
  await assert.rejects(written.whenWritten(Y2023), /render failed/);
});

test("two at a time: a page starting tells the pages before it are written only while the other renders", async () => {
  // Astro starts the next page once one is written; the renderer sees starts and returns.
  const steps: [string, string, string[]][] = [
    ["starting", "/404", []],
    ["starting", "/articles/2024/12/31/b/", []],
    // /404 rendered: it may be being written while the next page starts.
    ["rendered", "/404", []],
    ["starting", "/articles/2024/01/02/a/", []],
    ["rendered", "/articles/2024/01/02/a/", []],
    // The other page at work (b) is rendering, so every page before c but b is written.
    ["starting", "/articles/2023/05/05/c/", []],
    ["rendered", "/articles/2024/12/31/b/", []],
    ["rendered", "/articles/2023/05/05/c/", []],
    // c may still be being written when the next starts: nothing more is known.
    ["starting", "/articles/2024/12/31/", []],
    // The other page at work (the day) renders: b, then a and c, are written.
    ["starting", "/", ["y2023", "y2024"]],
  ];
  const written = new WrittenPages(ORDER, 2);
  const waits = { y2024: written.whenWritten(Y2024), y2023: written.whenWritten(Y2023) };
  for (const [step, pathname, done] of steps) {
    if (step === "starting") written.starting(pathname);
    else written.rendered(pathname);
    assert.deepEqual(await settled(waits), done, `${step} ${pathname}`);
  }
});

test("two at a time: the page rendering beside another keeps the pages after it waiting", async () => {
  const written = new WrittenPages(ORDER, 2);
  const waits = { y2024: written.whenWritten(Y2024), y2023: written.whenWritten(Y2023) };
  // b renders long, beside a, then c, then the day: pages before b are written, not b.
  written.starting("/articles/2024/12/31/b/");
  for (const pathname of ["/articles/2024/01/02/a/", "/articles/2023/05/05/c/"]) {
    written.starting(pathname);
    written.rendered(pathname);
  }
  written.starting("/articles/2024/12/31/");
  assert.deepEqual(await settled(waits), []);
  written.rendered("/articles/2024/12/31/b/");
  written.rendered("/articles/2024/12/31/");
  written.starting("/");
  assert.deepEqual(await settled(waits), []);
  written.finished();
  assert.deepEqual(await settled(waits), ["y2023", "y2024"]);
});

test("pages at once must be a whole number, 1 or more", () => {
  for (const atOnce of [0, -1, 1.5, Number.NaN]) {
    assert.throws(() => new WrittenPages(ORDER, atOnce), /whole number, 1 or more/, `${atOnce}`);
  }
});

test("a page listed twice is generated at its first place", async () => {
  const written = new WrittenPages(["/a/", "/b/", "/a/", "/c/"]);
  assert.equal(written.lastOf(["/a/"]), 0);
  render(written, "/b/");
  assert.deepEqual(await settled({ a: written.whenWritten(["/a/"]) }), ["a"]);
});

test("generation lists what Astro generates, in its order, and its pages as its page list names them", () => {
  const paths = [
    { pathname: "/404", route: { type: "page" } },
    { pathname: "/articles/2024/12/31/b/", route: { type: "page" } },
    { pathname: "/fr/", route: { type: "fallback" } },
    { pathname: "/atom.xml", route: { type: "endpoint" } },
    { pathname: "/articles/2024/12/31/b", route: { type: "page" } },
    { pathname: "/old/", route: { type: "redirect" } },
    { pathname: "/", route: { type: "page" } },
  ];
  assert.deepEqual(generation(paths), {
    order: ["/404", "/articles/2024/12/31/b/", "/atom.xml", "/old/", "/", "/fr/"],
    pages: ["404/", "articles/2024/12/31/b/", ""],
  });
});
