/**
 * A small archive for comparing search across index shards: articles over fifteen years,
 * some years with many articles and some with one, written from a weighted vocabulary (a
 * few words common, most rare), with names in Azerbaijani and plain spellings, `JF-17`
 * spellings and a recurring phrase. Deterministic: the same articles on every run.
 */
import { randomFrom } from "../../bench/lib/vocabulary.ts";
import type { FixtureArticle } from "./search-fixture.ts";

/** Words of the bodies, commonest first (weight 1/rank, as in news text). */
const WORDS = (
  "the ministry said cooperation energy talks officials forum minister military exports oil " +
  "market pipeline agreement region delegation investment summit transport railway harvest " +
  "festival contract thunder negotiations cooperative ministers marketplace exporters " +
  "energetic forums pipelines summitry railways transit ceasefire tariff"
).split(" ");
const NAMES = (
  "Hasanov|Hasanova|Həsənova|Əliyev|Aliyev|Şəhriyar|Shahriyar|Gəncə|Ganja|Bakı|Baku|Moscow|" +
  "Nagorno-Karabakh|JF-17|JF17|JF 17"
).split("|");
const PHRASES = ["military cooperation", "energy forum", "JF-17 Thunder"];
const SOURCES = ["Azernews", "Trend", "APA", "Report.az", "Caspian Bulletin"];
const AUTHORS = ["Ofeliya Afandiyeva", "Rauf Hasanov", "Günay Həsənova", "John Smith"];
/** Articles per year, 2008-2022: uneven, so shards hold one year or several. */
const PER_YEAR = [2, 1, 6, 1, 1, 7, 3, 2, 5, 1, 8, 2, 4, 1, 6];

const WEIGHTS = WORDS.map((_, rank) => 1 / (rank + 1));
const TOTAL_WEIGHT = WEIGHTS.reduce((a, b) => a + b, 0);

function zipfWord(next: () => number): string {
  let pick = next() * TOTAL_WEIGHT;
  for (const [i, weight] of WEIGHTS.entries()) {
    pick -= weight;
    if (pick <= 0) return WORDS[i]!;
  }
  return WORDS[WORDS.length - 1]!;
}

function sentence(next: () => number, words: number): string {
  const parts: string[] = [];
  for (let i = 0; i < words; i++) {
    const roll = next();
    if (roll < 0.08) parts.push(NAMES[Math.floor(next() * NAMES.length)]!);
    else if (roll < 0.12) parts.push(PHRASES[Math.floor(next() * PHRASES.length)]!);
    else parts.push(zipfWord(next));
  }
  const text = parts.join(" ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** The archive's articles, oldest first. */
export function rankingArticles(seed = 13): FixtureArticle[] {
  const next = randomFrom(seed);
  const articles: FixtureArticle[] = [];
  PER_YEAR.forEach((count, i) => {
    const year = 2008 + i;
    for (let n = 0; n < count; n++) {
      const month = String(1 + Math.floor(next() * 12)).padStart(2, "0");
      // Two articles a year share a day, so date ties occur.
      const day = n % 3 === 1 ? "15" : String(1 + Math.floor(next() * 28)).padStart(2, "0");
      const paragraphs = 1 + Math.floor(next() * 3);
      articles.push({
        slug: `report-${year}-${n + 1}`,
        title: sentence(next, 3 + Math.floor(next() * 4)).replace(/\.$/, ""),
        date: `${year}-${month}-${day}`,
        source: SOURCES[Math.floor(next() * SOURCES.length)]!,
        author: AUTHORS[Math.floor(next() * AUTHORS.length)]!,
        body: Array.from({ length: paragraphs }, () =>
          sentence(next, 6 + Math.floor(next() * 30)),
        ).join("\n\n"),
      });
    }
  });
  return articles;
}
