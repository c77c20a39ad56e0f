import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  alternateSpellings,
  baseFold,
  englishStyleFold,
  plainFold,
  searchableForms,
  spellingVariants,
} from "../../../src/lib/search/spelling.ts";

describe("folds", () => {
  const table: [string, string, string, string][] = [
    // word, base (as Pagefind folds), plain, English style
    ["Şəhriyar", "səhriyar", "sehriyar", "shahriyar"],
    ["Əliyev", "əliyev", "eliyev", "aliyev"],
    ["Bakı", "bakı", "baki", "baki"],
    ["Ağdam", "agdam", "agdam", "aghdam"],
    ["Gəncə", "gəncə", "gence", "ganca"],
    ["Xankəndi", "xankəndi", "xankendi", "khankandi"],
    ["Çingiz", "cingiz", "cingiz", "chingiz"],
    ["Gülər", "gulər", "guler", "gular"],
    ["İlham", "ilham", "ilham", "ilham"],
    ["JF-17", "jf-17", "jf-17", "jf-17"],
    ["Café", "cafe", "cafe", "cafe"],
  ];
  for (const [word, base, plain, english] of table) {
    test(`${word} → ${base} / ${plain} / ${english}`, () => {
      assert.equal(baseFold(word), base);
      assert.equal(plainFold(word), plain);
      assert.equal(englishStyleFold(word), english);
    });
  }
});

describe("spellingVariants", () => {
  const table: [string, string[]][] = [
    ["Şəhriyar", ["sehriyar", "shahriyar"]],
    ["Əliyev", ["eliyev", "aliyev"]],
    ["Bakı", ["baki"]],
    ["Ağayev", ["aghayev"]],
    ["bakıda", ["bakida"]],
    ["ağac", []],
    ["Aliyev", []],
    ["Müller", []],
    ["Xbox", []],
    ["Baku", []],
  ];
  for (const [word, expected] of table) {
    test(`${word} → ${JSON.stringify(expected)}`, () =>
      assert.deepEqual(spellingVariants(word), expected));
  }
});

describe("alternateSpellings", () => {
  test("every variant once, from all texts", () => {
    assert.equal(
      alternateSpellings(["Bakıda Şəhriyar", "Şəhriyar Ağayev", "plain English text"]),
      "bakida sehriyar shahriyar aghayev",
    );
  });
  test("words joining letters and digits also by their parts", () => {
    assert.equal(alternateSpellings(["The JF17 at the G20, not JF-17 or 1990s"]), "jf 17 g 20");
  });
  test("empty without Azerbaijani letters or letter-digit words", () => {
    assert.equal(alternateSpellings(["Azerbaijan and Pakistan discuss JF-17"]), "");
  });
  test("searchable forms start with the native fold", () => {
    assert.deepEqual(searchableForms("Əliyev"), ["əliyev", "eliyev", "aliyev"]);
  });
});
