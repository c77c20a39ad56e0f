import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { metaFilesOf, pageIdsOfMeta } from "../../../src/lib/search/pagefind-meta.ts";

/** A CBOR head of `major` with `n` as its argument, in the shortest form (as minicbor). */
function head(major: number, n: number): number[] {
  if (n < 24) return [(major << 5) | n];
  if (n < 0x100) return [(major << 5) | 24, n];
  if (n < 0x10000) return [(major << 5) | 25, n >> 8, n & 0xff];
  return [(major << 5) | 26, (n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}
const text = (s: string) => {
  const bytes = [...new TextEncoder().encode(s)];
  return [...head(3, bytes.length), ...bytes];
};
const uint = (n: number) => head(0, n);
const array = (...items: number[][]) => [...head(4, items.length), ...items.flat()];
const signed = (bytes: number[]) =>
  new Uint8Array([...new TextEncoder().encode("pagefind_dcd"), ...bytes]);

/** A `MetaIndex` as Pagefind 1.6 writes it: version, pages, chunks, filters, sorts, ... */
function meta(pages: number[][]): number[] {
  const chunk = array(text("a"), text("m"), text("en_0a1b2c3"));
  return array(text("1.6.0"), array(...pages), array(chunk), array(), array(), array());
}
const ids = (n: number) =>
  Array.from({ length: n }, (_, i) => `en_${i.toString(16).padStart(7, "0")}`);

describe("page ids of a Pagefind .pf_meta", () => {
  const cases: { name: string; bytes: Uint8Array; expected: string[] }[] = [
    {
      name: "pages with word counts and an empty field, in the file's order",
      bytes: signed(
        meta([
          array(text("en_f35fe4e"), uint(702), text("")),
          array(text("en_90b24dd"), uint(789), text("")),
        ]),
      ),
      expected: ["en_f35fe4e", "en_90b24dd"],
    },
    {
      name: "no signature (already stripped)",
      bytes: new Uint8Array(meta([array(text("en_1"), uint(3))])),
      expected: ["en_1"],
    },
    {
      name: "300 pages (a two-byte length), word counts past 65,535 (four bytes)",
      bytes: signed(meta(ids(300).map((id) => array(text(id), uint(70_000))))),
      expected: ids(300),
    },
    {
      name: "fields it does not know (a map, nested arrays, bytes) are skipped",
      bytes: signed(
        meta([
          array(
            text("en_a"),
            [...head(5, 1), ...text("k"), ...array(uint(1), uint(2))],
            [...head(2, 2), 1, 2],
          ),
          array(text("en_b")),
        ]),
      ),
      expected: ["en_a", "en_b"],
    },
    { name: "no pages", bytes: signed(meta([])), expected: [] },
  ];
  for (const { name, bytes, expected } of cases) {
    test(name, () => assert.deepEqual(pageIdsOfMeta(bytes), expected));
  }

  const broken: { name: string; bytes: Uint8Array; message: RegExp }[] = [
    {
      name: "cut short",
      bytes: signed(meta([array(text("en_f35fe4e"), uint(702))])).slice(0, 28),
      message: /ends early/,
    },
    { name: "not an array", bytes: signed(text("1.6.0")), message: /no index array/ },
    {
      name: "a page that is not an array",
      bytes: signed(array(text("1.6.0"), array(text("en_1")))),
      message: /no page 0/,
    },
    {
      name: "an indefinite length",
      bytes: signed([0x9f, 0xff]),
      message: /Unsupported CBOR item 159/,
    },
  ];
  for (const { name, bytes, message } of broken) {
    test(`refused: ${name}`, () => assert.throws(() => pageIdsOfMeta(bytes), message));
  }
});

describe("the .pf_meta files of an entry", () => {
  test("one per language, in the entry's order", () => {
    const entry = {
      version: "1.6.0",
      languages: { ru: { hash: "ru_9e8d", page_count: 2 }, en: { hash: "en_cb9b", page_count: 5 } },
    };
    assert.deepEqual(metaFilesOf(entry), ["pagefind.ru_9e8d.pf_meta", "pagefind.en_cb9b.pf_meta"]);
  });
  const broken: [string, unknown, RegExp][] = [
    ["no languages", { version: "1.6.0" }, /lists no languages/],
    ["not an object", null, /lists no languages/],
    [
      "a language without hash",
      { languages: { en: { page_count: 1 } } },
      /no index hash for language en/,
    ],
  ];
  for (const [name, entry, message] of broken) {
    test(`refused: ${name}`, () => assert.throws(() => metaFilesOf(entry), message));
  }
});
