import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { generateRawArticles, type GeneratedCorpus } from "../../bench/generate-raw.ts";
import {
  pseudoWords,
  randomFrom,
  vocabularyFor,
  distinctWordCount,
  zipfCumulative,
  zipfRank,
} from "../../bench/lib/vocabulary.ts";
import { WORDS } from "../../bench/lib/words.ts";

const texts = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), "utf8"));

describe("zipf", () => {
  it("draws rank 1 about twice as often as rank 2 (exponent 1)", () => {
    const cumulative = zipfCumulative(1000);
    const random = randomFrom(7);
    const counts = new Array<number>(1000).fill(0);
    for (let i = 0; i < 100_000; i++) counts[zipfRank(cumulative, random())]!++;
    const ratio = counts[0]! / counts[1]!;
    assert.ok(ratio > 1.8 && ratio < 2.2, `rank 1 / rank 2 = ${ratio}`);
    assert.ok(counts[999]! < counts[0]! / 100);
  });

  it("maps the ends of [0, 1) to the first and last rank", () => {
    const cumulative = zipfCumulative(10);
    assert.equal(zipfRank(cumulative, 0), 0);
    assert.equal(zipfRank(cumulative, 0.999999), 9);
  });
});

describe("pseudoWords", () => {
  it("gives distinct words, none already taken, the same for the same seed", () => {
    const syllables = { onsets: ["b", "k", "t"], vowels: ["a", "o"], codas: ["", "n"] };
    const taken = new Set(["bako"]);
    const first = pseudoWords(syllables, 300, randomFrom(3), taken);
    assert.equal(new Set(first).size, 300);
    assert.ok(!first.includes("bako"));
    assert.deepEqual(pseudoWords(syllables, 300, randomFrom(3), new Set(["bako"])), first);
  });
});

describe("generateRawArticles with the news vocabulary", () => {
  let temp: string;
  let news: GeneratedCorpus;
  let newsTexts: string[];
  let classic: GeneratedCorpus;
  before(() => {
    temp = mkdtempSync(join(tmpdir(), "bench-vocabulary-"));
    news = generateRawArticles(join(temp, "news"), 400, 5);
    newsTexts = texts(join(temp, "news"));
    classic = generateRawArticles(join(temp, "classic"), 400, 5, undefined, "classic");
  });
  after(() => rmSync(temp, { recursive: true, force: true }));

  it("writes the same bytes for the same seed", () => {
    generateRawArticles(join(temp, "again"), 400, 5);
    assert.deepEqual(texts(join(temp, "again")), newsTexts);
  });

  it("uses a long tail of words, far more than the classic corpus", () => {
    assert.ok(news.distinctWords > 30_000, `${news.distinctWords} distinct words`);
    assert.ok(classic.distinctWords <= new Set(Object.values(WORDS).flat()).size);
    assert.ok(news.distinctWords > 50 * classic.distinctWords);
  });

  it("counts the distinct words it wrote", () => {
    const written = new Set(
      newsTexts
        .join(" ")
        .toLowerCase()
        .match(/\p{L}+/gu)!
        .filter((word) => word.length > 1),
    );
    // The files also hold sources, bylines, datelines and month names.
    assert.ok(
      written.size >= news.distinctWords * 0.99,
      `${written.size} vs ${news.distinctWords}`,
    );
    assert.ok(written.size <= news.distinctWords + 3000);
  });

  it("keeps common content words, each in 10% or more of articles", () => {
    const english = newsTexts.filter((text) => /\b(the|of|and)\b/.test(text));
    for (const word of ["cooperation", "energy", "forum", "ministry"]) {
      const share = english.filter((text) => new RegExp(`\\b${word}\\b`, "i").test(text)).length;
      assert.ok(share >= english.length / 10, `${word} in ${share} of ${english.length}`);
    }
  });

  it("names people, places and organisations", () => {
    const all = newsTexts.join("\n");
    assert.match(
      all,
      / [A-Z][a-z]+ (Group|Holding|Bank|Institute|Foundation|Company|Union|Agency)\b/,
    );
    assert.match(all, /[A-Z][a-z]+ [A-Z][a-z]+(ov|ova|li|adze|yan|son|er|ski|ev|eva)\b/);
  });
});

describe("vocabularyFor", () => {
  it("starts with nothing drawn", () => {
    assert.equal(distinctWordCount(vocabularyFor("classic")), 0);
  });
});
