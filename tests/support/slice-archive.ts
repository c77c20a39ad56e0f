/**
 * A small archive over four years for the slice-and-merge test (tests/e2e/slices.test.ts):
 * neighbours across every year boundary, sources and authors in several years, a moved
 * article (an alias and a redirect) and two languages.
 */
import type { FixtureArticle } from "./fixture-archive.ts";

const SOURCES = ["Caspian Bulletin", "Trend", "Azernews"];
const AUTHORS = ["Kamran Mammadov", "Leyla Aliyeva", "Rashad Huseynov"];
const TOPICS = ["Port traffic", "Rail link", "Spring floods", "Harvest figures", "A new bridge"];

/** Four articles a year, 2016-2019, on dates spread over each year. */
export const SLICE_ARTICLES: readonly FixtureArticle[] = ["2016", "2017", "2018", "2019"].flatMap(
  (year, y) =>
    ["01-15", "04-02", "08-20", "12-30"].map((day, d) => {
      const n = y * 4 + d;
      const topic = TOPICS[n % TOPICS.length]!;
      return {
        title: `${topic} in ${year}, report ${n + 1}`,
        date: `${year}-${day}`,
        source: SOURCES[n % SOURCES.length]!,
        author: AUTHORS[(n + y) % AUTHORS.length]!,
        section: n % 2 ? "Economy" : "Politics",
        ...(n === 5 ? { language: "az" } : {}),
        ...(n === 9 ? { aliases: [`/articles/${year}/08/19/an-earlier-headline/`] } : {}),
        body: `${topic} were reported on ${year}-${day} by the ${SOURCES[n % 3]} desk.\n\nA second paragraph, number ${n + 1}, with the word harbour.`,
      };
    }),
);
