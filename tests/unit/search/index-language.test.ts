import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  asIndexed,
  htmlLang,
  indexedLanguage,
  indexPartsOf,
} from "../../../src/lib/search/index-language.ts";

describe("the language a page is indexed as", () => {
  const cases: [string, string][] = [
    ["az", "tr"],
    ["AZ", "tr"],
    ["az-Latn", "tr"],
    ["en", "en"],
    ["ru", "ru"],
    ["en-GB", "en-GB"],
    ["tr", "tr"],
  ];
  for (const [lang, expected] of cases) {
    test(`${lang} → ${expected}`, () => assert.equal(indexedLanguage(lang), expected));
  }
});

describe("a page as Pagefind is to index it", () => {
  const cases: { name: string; html: string; expected: string | null }[] = [
    {
      name: "Azerbaijani: lang replaced, nothing else",
      html: '<!DOCTYPE html><html lang="az" data-x="1"><head><title>Bakı</title></head>',
      expected: '<!DOCTYPE html><html lang="tr" data-x="1"><head><title>Bakı</title></head>',
    },
    {
      name: "single quotes and other attributes first",
      html: '<html class="a" lang=\'az\'><body lang="en">',
      expected: '<html class="a" lang=\'tr\'><body lang="en">',
    },
    { name: "unquoted", html: "<html lang=az>", expected: "<html lang=tr>" },
    { name: "English: as it is", html: '<html lang="en"><body>', expected: null },
    { name: "Russian: as it is", html: '<html lang="ru"><body>', expected: null },
    {
      name: "only the html element's lang counts",
      html: '<html lang="en"><p lang="az">Bakı</p>',
      expected: null,
    },
    { name: "no lang", html: "<html><body>", expected: null },
  ];
  for (const { name, html, expected } of cases) {
    test(name, () => assert.equal(asIndexed(html), expected));
  }
  test("htmlLang reads the html element's lang", () => {
    assert.equal(htmlLang('<!doctype html><html dir="ltr" lang="ru">'), "ru");
    assert.equal(htmlLang("<html>"), null);
  });
});

describe("the language parts of a shard's index", () => {
  test("each language of the entry with its page count, in the entry's order", () => {
    const entry = {
      version: "1.6.0",
      languages: {
        en: { hash: "en_1", wasm: "en", page_count: 5 },
        tr: { hash: "tr_2", wasm: "tr", page_count: 2 },
        ru: { hash: "ru_3", wasm: "ru", page_count: 1 },
      },
    };
    assert.deepEqual(indexPartsOf(entry), [
      { language: "en", pages: 5 },
      { language: "tr", pages: 2 },
      { language: "ru", pages: 1 },
    ]);
  });
  test("an entry without languages or page counts is an error", () => {
    assert.throws(() => indexPartsOf({}), /lists no languages/);
    assert.throws(() => indexPartsOf({ languages: { en: { hash: "x" } } }), /page count/);
  });
});
