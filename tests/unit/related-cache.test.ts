import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { relatedArticles } from "../../src/lib/related/related.ts";
import {
  canonicalOrder,
  countAll,
  EMPTY_CACHE,
  TERMS_FORMAT,
  type Countable,
} from "../../src/lib/related/term-cache.ts";
import { decodeTermCache, encodeTermCache } from "../../src/lib/related/term-cache-file.ts";
import {
  HAND_WRITTEN_ARTICLES,
  SAME_EVENT_ARTICLES,
  type FixtureArticle,
} from "../support/fixture-archive.ts";
import { newVocabulary } from "../../src/lib/related/terms.ts";

/** Articles to count, keyed by their text as a build keys them by their entry's digest. */
function countable(articles: readonly FixtureArticle[]): Countable[] {
  return articles.map((article) => ({
    key: `${article.title}|${article.body}`,
    title: article.title,
    date: article.date,
  }));
}

async function count(articles: readonly FixtureArticle[], cache = EMPTY_CACHE) {
  const bodiesRead: string[] = [];
  const counted = await countAll(countable(articles), cache, (index) => {
    bodiesRead.push(articles[index]!.title);
    return Promise.resolve(articles[index]!.body);
  });
  return { ...counted, bodiesRead };
}

/**
 * The cache file with its first article's first two word ids swapped, so out of order: the
 * third of the four counts after the header is how many ids there are, and the ids come
 * four bytes each before their counts' two, at the end.
 */
function withIdsSwapped(bytes: Uint8Array): Uint8Array {
  const copy = new Uint8Array(bytes);
  const view = new DataView(copy.buffer);
  const countsAt = Math.ceil((TERMS_FORMAT.length + 1) / 4) * 4;
  const idsAt = copy.length - view.getUint32(countsAt + 8, true) * 6;
  const [first, second] = [view.getInt32(idsAt, true), view.getInt32(idsAt + 4, true)];
  view.setInt32(idsAt, second, true);
  view.setInt32(idsAt + 4, first, true);
  return copy;
}

const [QUAKE_A, QUAKE_B] = SAME_EVENT_ARTICLES as [FixtureArticle, FixtureArticle];
const FOLLOW_UP: FixtureArticle = {
  title: "Shamakhi rebuilds houses damaged by the February earthquake",
  date: "2021-05-20",
  source: "Azernews",
  body: "Builders restored the old houses in Shamakhi that the magnitude 5.2 earthquake damaged; schools inspected after the tremor reopened.",
};

describe("related coverage: counted words kept between builds", () => {
  const before = [QUAKE_A, ...HAND_WRITTEN_ARTICLES, QUAKE_B];
  // The next build: one article added (its words new to the archive come first in any
  // order), one edited, one taken down.
  const edited = { ...HAND_WRITTEN_ARTICLES[1]!, body: "Tbilisi zebra quorum: an edited body." };
  const after = [
    FOLLOW_UP,
    QUAKE_A,
    HAND_WRITTEN_ARTICLES[0]!,
    edited,
    ...HAND_WRITTEN_ARTICLES.slice(3),
    QUAKE_B,
  ];

  test("a build from the cache counts, numbers and relates as a clean build does", async () => {
    const first = await count(before);
    const cached = await count(after, first.cache);
    const clean = await count(after);
    assert.deepEqual(cached.counted, clean.counted);
    assert.deepEqual(cached.documentFrequency, clean.documentFrequency);
    assert.deepEqual(cached.cache.terms, clean.cache.terms);
    const lists = (c: typeof clean) => relatedArticles(c.counted, c.documentFrequency);
    assert.deepEqual(lists(cached), lists(clean));
    // The follow-up is found by both reports, from counts the second build did not redo.
    assert.ok(lists(cached)[1]!.includes(0), "the follow-up relates to the first report");
    // And a build after that, with nothing changed, keeps the numbering as it is.
    const again = await count(after, cached.cache);
    assert.equal(again.read, 0);
    assert.deepEqual(again.counted, clean.counted);
    assert.deepEqual(again.documentFrequency, clean.documentFrequency);
    assert.deepEqual(again.cache.terms, clean.cache.terms);
  });

  test("only new and changed bodies are read", async () => {
    const first = await count(before);
    assert.equal(first.read, before.length);
    const second = await count(after, first.cache);
    assert.deepEqual(second.bodiesRead.sort(), [FOLLOW_UP.title, edited.title].sort());
    // The taken-down article's words leave the cache.
    assert.equal(second.cache.articles.size, after.length);
    assert.ok(first.cache.terms.includes("metropoliteninin"));
    assert.ok(!second.cache.terms.includes("metropoliteninin"), "words of no article are dropped");
    const third = await count(after, second.cache);
    assert.equal(third.read, 0);
  });

  test("the cache file gives back what was written, whatever the letters", async () => {
    const { cache } = await count([...after, { ...QUAKE_A, title: "Şəki və Bakı: Грузия" }]);
    const bytes = encodeTermCache(cache);
    // As readFile gives it: a Buffer, here a view at an odd offset into a larger one.
    const read = Buffer.concat([Buffer.from("xyz"), bytes, Buffer.from("xyz")]).subarray(3, -3);
    for (const back of [decodeTermCache(bytes), decodeTermCache(read)]) {
      assert.deepEqual(back.terms, cache.terms);
      assert.deepEqual(
        [...back.articles].map(([key, { ids, counts }]) => [key, [...ids], [...counts]]),
        [...cache.articles].map(([key, { ids, counts }]) => [key, [...ids], [...counts]]),
      );
    }
    assert.ok(cache.terms.includes("грузия") && cache.terms.includes("seki"));
  });

  test("words are numbered in their sort order, however the vocabulary met them", () => {
    const cases: [string, string[]][] = [
      [
        "the cache's words, then new ones",
        ["apple", "cherry", "melon", "pear", "banana", "zebra", "aardvark", "kiwi"],
      ],
      ["new words only, as met", ["pear", "apple", "zebra", "apple-pie", "Zebra", "ébène"]],
      ["in order already", ["a", "b", "c"]],
      ["one word", ["solo"]],
      ["no word left", ["b"]],
    ];
    for (const [name, words] of cases) {
      const dead = (word: string) => word === "melon" || word === "b";
      const vocabulary = newVocabulary();
      words.forEach((word, id) => vocabulary.ids.set(word, id));
      // A word no article has any more ("melon", "b") is left out.
      vocabulary.documentFrequency = words.map((word) => (dead(word) ? 0 : 2));
      // One article with every live word, as met.
      const ids = Int32Array.from(words.keys()).filter((id) => !dead(words[id]!));
      const counted = [{ ids, counts: Uint16Array.from(ids, (id) => id + 1) }];
      const canonical = canonicalOrder(vocabulary, counted);
      const expected = words.filter((word) => !dead(word)).sort();
      assert.deepEqual(canonical.terms, expected, name);
      // Its words renumbered in that order, each with its own count.
      const article = canonical.counted[0]!;
      assert.deepEqual(
        [...article.ids],
        expected.map((_, id) => id),
        name,
      );
      assert.deepEqual(
        [...article.counts],
        expected.map((word) => words.indexOf(word) + 1),
        name,
      );
    }
  });

  test("a file that is not a cache, or is cut short, is refused (the build counts afresh)", async () => {
    const bytes = encodeTermCache((await count(before)).cache);
    const cases: [string, Uint8Array][] = [
      ["another format", new TextEncoder().encode("related-terms-0\n\u0000\u0000")],
      ["cut short", bytes.subarray(0, bytes.length - 3)],
      ["bytes after the end", Uint8Array.from([...bytes, 0])],
      ["empty", new Uint8Array()],
      ["a word id out of order", withIdsSwapped(bytes)],
    ];
    for (const [name, broken] of cases) {
      assert.throws(() => decodeTermCache(broken), Error, name);
    }
  });
});
