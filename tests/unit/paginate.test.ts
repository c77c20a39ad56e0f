import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { PAGE_SIZE, pageParam, paginate, type Page } from "../../src/lib/paginate.ts";
import { pagedPath } from "../../src/lib/permalink.ts";

describe("paginate", () => {
  const list = Array.from({ length: 120 }, (_, i) => i + 1);
  let pages: Page<number>[];
  before(() => {
    pages = paginate(list, "/sources/azernews/");
  });

  const table: [string, () => unknown, unknown][] = [
    ["50 a page by default", () => PAGE_SIZE, 50],
    ["page count", () => pages.map((p) => p.items.length), [50, 50, 20]],
    [
      "paths",
      () => pages.map((p) => p.path),
      ["/sources/azernews/", "/sources/azernews/page/2/", "/sources/azernews/page/3/"],
    ],
    [
      "previous",
      () => pages.map((p) => p.previousPath),
      [undefined, "/sources/azernews/", "/sources/azernews/page/2/"],
    ],
    [
      "next",
      () => pages.map((p) => p.nextPath),
      ["/sources/azernews/page/2/", "/sources/azernews/page/3/", undefined],
    ],
    [
      "first and last positions",
      () => pages.map((p) => [p.first, p.last]),
      [
        [1, 50],
        [51, 100],
        [101, 120],
      ],
    ],
    [
      "totals",
      () => pages.map((p) => [p.number, p.count, p.total]),
      [
        [1, 3, 120],
        [2, 3, 120],
        [3, 3, 120],
      ],
    ],
    ["exactly one page", () => paginate(list.slice(0, 50), "/x/").length, 1],
    ["one over", () => paginate(list.slice(0, 51), "/x/").map((p) => p.items.length), [50, 1]],
    [
      "empty list: one empty page",
      () => paginate([], "/x/").map((p) => [p.count, p.first, p.last, p.nextPath]),
      [[1, 0, 0, undefined]],
    ],
    [
      "custom size",
      () => paginate(list.slice(0, 5), "/x/", 2).map((p) => p.items),
      [[1, 2], [3, 4], [5]],
    ],
  ];
  for (const [name, actual, expected] of table) {
    test(name, () => assert.deepEqual(actual(), expected));
  }

  test("a page size below one throws", () => assert.throws(() => paginate(list, "/x/", 0)));
});

describe("pageParam", () => {
  test("page 1 has no parameter: the route serves the list's own path", () => {
    assert.equal(pageParam(1), undefined);
  });

  test("later pages: page/N, which the route appends to the list's path", () => {
    assert.deepEqual([2, 3, 12].map(pageParam), ["page/2", "page/3", "page/12"]);
    for (const number of [2, 3, 12]) {
      assert.equal(
        `/sources/azernews/${pageParam(number)}/`,
        pagedPath("/sources/azernews/", number),
      );
    }
  });

  test("each page's parameter gives the page's own path", () => {
    for (const page of paginate(
      Array.from({ length: 160 }, (_, i) => i),
      "/authors/ann-lee/",
    )) {
      const param = pageParam(page.number);
      assert.equal(`/authors/ann-lee/${param === undefined ? "" : `${param}/`}`, page.path);
    }
  });

  for (const number of [0, -1, 1.5]) {
    test(`page ${number} has no parameter`, () =>
      assert.throws(() => pageParam(number), /Not a page number/));
  }
});
