import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { RELATED_DEFAULTS, relatedArticles } from "../../src/lib/related/related.ts";
import { countTerms, newVocabulary, termsOf } from "../../src/lib/related/terms.ts";
import {
  HAND_WRITTEN_ARTICLES,
  SAME_EVENT_ARTICLES,
  dailyBriefs,
  type FixtureArticle,
} from "../support/fixture-archive.ts";

/** Related titles of every article of `articles`, by title. */
function relatedTitles(
  articles: readonly FixtureArticle[],
  options = RELATED_DEFAULTS,
): Map<string, string[]> {
  const vocabulary = newVocabulary();
  const counted = articles.map((article) => ({
    terms: countTerms(article.title, article.body, vocabulary),
    date: article.date,
  }));
  const lists = relatedArticles(counted, vocabulary.documentFrequency, options);
  return new Map(
    articles.map((article, i) => [article.title, lists[i]!.map((j) => articles[j]!.title)]),
  );
}

const [QUAKE_A, QUAKE_B] = SAME_EVENT_ARTICLES as [FixtureArticle, FixtureArticle];
const ARCHIVE = [...HAND_WRITTEN_ARTICLES, ...SAME_EVENT_ARTICLES];

/** An article on one story, told with the story's words and a few of its own. */
function storyArticle(n: number, date: string): FixtureArticle {
  return {
    title: `Pipeline talks in Tbilisi, round ${n}`,
    date,
    source: `Source ${n}`,
    body: `Negotiators met in Tbilisi over the Caspian pipeline tariff and the Kars junction; delegation ${"abcdefghij"[n]}x${n} joined.`,
  };
}

describe("related coverage", () => {
  test("words are folded as search folds them, without stopwords, short words or numbers", () => {
    assert.deepEqual(termsOf("The Bakı port and the 2021 JF-17 on Şəki road, said Əliyev"), [
      "baki",
      "port",
      "seki",
      "road",
      "eliyev",
    ]);
  });

  test("two sources reporting the same event find each other", () => {
    const related = relatedTitles(ARCHIVE);
    assert.deepEqual(related.get(QUAKE_A.title), [QUAKE_B.title]);
    assert.deepEqual(related.get(QUAKE_B.title), [QUAKE_A.title]);
  });

  test("an article with nothing similar gets nothing, and no article lists itself", () => {
    const related = relatedTitles(ARCHIVE);
    for (const article of HAND_WRITTEN_ARTICLES) assert.deepEqual(related.get(article.title), []);
    for (const [title, list] of related) assert.ok(!list.includes(title), title);
  });

  const cases: [string, FixtureArticle[], (related: Map<string, string[]>) => void][] = [
    [
      "at most five, the nearest in date first when equally similar",
      [
        ...Array.from({ length: 8 }, (_, n) => storyArticle(n, `2021-01-0${n + 1}`)),
        ...HAND_WRITTEN_ARTICLES,
      ],
      (related) =>
        assert.deepEqual(related.get(storyArticle(3, "").title), [
          storyArticle(2, "").title,
          storyArticle(4, "").title,
          storyArticle(1, "").title,
          storyArticle(5, "").title,
          storyArticle(0, "").title,
        ]),
    ],
    [
      "the same text a thousand times is too common to relate any two",
      [...dailyBriefs(30, "2019-03-04", "Caspian Herald"), QUAKE_A, QUAKE_B],
      (related) => {
        assert.deepEqual(related.get("Market brief number 1"), []);
        assert.deepEqual(related.get(QUAKE_A.title), [QUAKE_B.title]);
      },
    ],
    [
      "two shared words are not enough",
      [
        { ...QUAKE_A, body: "Shamakhi wine festival opens with tastings." },
        { ...QUAKE_B, title: "Shamakhi observatory", body: "Telescopes, stars and local wine." },
        ...HAND_WRITTEN_ARTICLES,
      ],
      (related) => assert.deepEqual(related.get("Shamakhi observatory"), []),
    ],
  ];
  for (const [name, articles, check] of cases) test(name, () => check(relatedTitles(articles)));

  test("the same archive gives the same lists, whatever ran before", () => {
    const archive = [
      ...ARCHIVE,
      ...Array.from({ length: 8 }, (_, n) => storyArticle(n, "2021-01-01")),
    ];
    const first = relatedTitles(archive);
    relatedTitles([...archive].reverse());
    assert.deepEqual(relatedTitles(archive), first);
    // Equal dates and scores: the earlier article in the given order wins the last places.
    assert.equal(first.get(storyArticle(7, "").title)!.length, 5);
  });

  test("only the wanted articles get a list; every article is still a candidate", () => {
    const vocabulary = newVocabulary();
    const counted = ARCHIVE.map((a) => ({
      terms: countTerms(a.title, a.body, vocabulary),
      date: a.date,
    }));
    const last = ARCHIVE.length - 1;
    const lists = relatedArticles(
      counted,
      vocabulary.documentFrequency,
      RELATED_DEFAULTS,
      (i) => i === last,
    );
    assert.deepEqual(lists[last], [last - 1]);
    assert.deepEqual(lists[last - 1], []);
  });
});
