import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { slugify, toAscii } from "../../src/lib/slug.ts";
import { SLUG_PATTERN } from "../../src/lib/article-schema.ts";

describe("slugify", () => {
  const cases: { name: string; text: string; max?: number; slug: string }[] = [
    {
      name: "English headline",
      text: "Azerbaijan and Pakistan discuss military cooperation",
      slug: "azerbaijan-and-pakistan-discuss-military-cooperation",
    },
    {
      name: "Azerbaijani letters ə ğ ı ö ş ü ç",
      text: "Şəki şəhərində ipək festivalı başlayıb",
      slug: "seki-seherinde-ipek-festivali-baslayib",
    },
    { name: "Azerbaijani capitals Ə İ Ğ Ö Ş Ü Ç", text: "ƏLİYEV ĞÖŞÜÇ", slug: "eliyev-gosuc" },
    { name: "a person's name", text: "Şəhriyar Əliyev", slug: "sehriyar-eliyev" },
    {
      name: "Russian Cyrillic",
      text: "В Гяндже открылся новый завод",
      slug: "v-gyandzhe-otkrylsya-novyy-zavod",
    },
    {
      name: "Cyrillic ё щ ъ ь",
      text: "Ёлка, щука, подъезд, соль",
      slug: "yolka-shchuka-podezd-sol",
    },
    {
      name: "Azerbaijani Cyrillic ә ҹ ҝ ј",
      text: "Әлијев Ҹәлил Ҝәнҹә",
      slug: "alijev-calil-ganca",
    },
    {
      name: "Georgian",
      text: "თბილისში ახალი ხიდი გაიხსნა",
      slug: "tbilisshi-akhali-khidi-gaikhsna",
    },
    { name: "Armenian", text: "Երևան", slug: "erevan" },
    { name: "Greek with accents", text: "Αθήνα και Θεσσαλονίκη", slug: "athina-kai-thessaloniki" },
    {
      name: "Persian (Arabic script) with Persian digits",
      text: "نمایشگاه کتاب ۲۰۰",
      slug: "nmayshgah-ktab-200",
    },
    { name: "accented Latin", text: "Café Zürich naïve façade", slug: "cafe-zurich-naive-facade" },
    {
      name: "apostrophes vanish inside words",
      text: "Azerbaijan’s JF-17 deal isn't done",
      slug: "azerbaijans-jf-17-deal-isnt-done",
    },
    {
      name: "markup and punctuation are separators",
      text: "<script>alert(1)</script> & {budget}",
      slug: "script-alert-1-script-budget",
    },
    { name: "only untransliterable text", text: "日本語のニュース", slug: "" },
    {
      name: "cut at a word boundary",
      text: "one two three four five",
      max: 13,
      slug: "one-two-three",
    },
    {
      name: "a first word longer than the limit is cut",
      text: "Supercalifragilistic word",
      max: 10,
      slug: "supercalif",
    },
  ];
  for (const { name, text, max, slug } of cases) {
    it(`${name}: ${JSON.stringify(text)} -> ${JSON.stringify(slug)}`, () => {
      const actual = max === undefined ? slugify(text) : slugify(text, max);
      assert.equal(actual, slug);
      if (actual) assert.match(actual, SLUG_PATTERN);
    });
  }

  it("never exceeds 80 characters by default, and stays a valid slug", () => {
    const long = "The quick brown fox jumps over the lazy dog near the riverbank while ".repeat(5);
    const slug = slugify(long);
    assert.ok(slug.length <= 80, `${slug.length} characters`);
    assert.match(slug, SLUG_PATTERN);
    assert.ok(long.toLowerCase().replace(/ /g, "-").startsWith(slug), "cut at a word boundary");
  });
});

describe("toAscii", () => {
  const cases: [string, string][] = [
    ["ASCII stays", "ASCII stays"],
    ["Ə ə Ğ ğ I ı İ i Ö ö Ş ş Ü ü Ç ç", "e e g g I i i i o o s s u u c c"],
    ["Straße Œuvre Łódź", "strasse oeuvre lodz"],
    ["emoji 🎉 vanish", "emoji  vanish"],
  ];
  for (const [text, ascii] of cases) {
    it(`${JSON.stringify(text)} -> ${JSON.stringify(ascii)}`, () => {
      assert.equal(toAscii(text).toLowerCase(), ascii.toLowerCase());
    });
  }
});
