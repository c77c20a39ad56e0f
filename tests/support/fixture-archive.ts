/**
 * Writes small archives for end-to-end tests: valid entries (`.md` with frontmatter and
 * an `.original.txt` whose sha256 matches) under `<dir>/articles/YYYY/MM/DD/`, ready for
 * `buildSite(dir)`. The default list spans several sources, authors, years and two
 * languages, and has one day with more than 50 articles so listings paginate.
 */
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import matter from "gray-matter";
import { sha256Hex } from "../../src/lib/entry-check.ts";
import { entryPathFor } from "../../src/lib/permalink.ts";
import { slugify } from "../../src/lib/slug.ts";
import { ROOT } from "./build-site.ts";

export interface FixtureArticle {
  title: string;
  /** `YYYY-MM-DD`. */
  date: string;
  source: string;
  author?: string | string[];
  /** Defaults to the slug of the title. */
  slug?: string;
  /** Defaults to `en`. */
  language?: string;
  section?: string;
  originalUrl?: string;
  /** Plain text, paragraphs separated by blank lines. */
  body: string;
  /** The raw text it was "imported" from; defaults to a raw-looking rendering of the rest. */
  original?: string;
  /** Earlier site paths that redirect to the article (frontmatter `aliases`). */
  aliases?: string[];
}

/** The real first article of the archive (content/articles), copied byte for byte. */
export const SEED = {
  title: "Azerbaijan and Pakistan discuss military cooperation",
  date: "2019-12-11",
  slug: "azerbaijan-and-pakistan-discuss-military-cooperation",
  source: "Azernews",
  author: "Ofeliya Afandiyeva",
  section: "Politics",
  originalUrl: "http://www.today.az/news/politics/189074.html",
  path: "/articles/2019/12/11/azerbaijan-and-pakistan-discuss-military-cooperation/",
} as const;

const paragraphs = (...texts: string[]) => texts.join("\n\n");

/** The day on which {@link DAILY_BRIEFS} are published: more than a page of articles. */
export const BUSY_DAY = "2019-03-04";
/** How many briefs are published on {@link BUSY_DAY}. */
export const DAILY_BRIEF_COUNT = 52;

/** `count` short articles of one source on one day, numbered from 1. */
export function dailyBriefs(count: number, date: string, source: string): FixtureArticle[] {
  return Array.from({ length: count }, (_, i) => ({
    title: `Market brief number ${i + 1}`,
    date,
    source,
    author: "Kamran Aliyev",
    section: "Business",
    body: paragraphs(
      `Brief ${i + 1}: trading on the regional exchange closed with mixed results on the day.`,
      "Analysts expect the figures to settle over the coming week.",
    ),
  }));
}

/** Hand-written articles: several sources, authors and years; English and Azerbaijani. */
export const HAND_WRITTEN_ARTICLES: readonly FixtureArticle[] = [
  {
    title: "Port of Alat reports record cargo volumes",
    date: "2021-06-30",
    source: "Caspian Herald",
    author: ["Nigar Hasanova", "Elvin Mammadov"],
    section: "Economy",
    originalUrl: "https://caspian-herald.example/economy/port-record",
    body: paragraphs(
      "The Port of Alat handled more cargo in the first half of the year than in any half-year since it opened, its operator said on Wednesday.",
      "Container traffic rose by a fifth, driven by rail links to Georgia and Turkey.\nGrain and fertiliser made up most of the bulk cargo.",
      "The operator plans to extend the ferry terminal next spring.",
    ),
  },
  {
    title: "City council approves new tram line",
    date: "2021-06-30",
    source: "Baku Evening Post",
    author: "Nigar Hasanova",
    section: "City",
    body: paragraphs(
      "The city council approved a 12-kilometre tram line linking the railway station with the northern suburbs.",
      "Construction is expected to take three years. Residents asked for more stops near schools & clinics; the plan was amended to add two.",
    ),
  },
  {
    title: "Bakıda yeni metro stansiyası açıldı",
    date: "2021-05-14",
    source: "Baku Evening Post",
    author: "Leyla Məmmədova",
    language: "az",
    section: "Şəhər",
    body: paragraphs(
      "Bakı metropoliteninin yeni stansiyası sərnişinlərin istifadəsinə verildi.",
      "Stansiya gündə 40 min sərnişinə xidmət göstərəcək.",
    ),
  },
  {
    title: "Winter storm closes mountain roads",
    date: "2020-12-09",
    source: "Caspian Herald",
    author: "Elvin Mammadov",
    section: "Weather",
    body: paragraphs(
      "Heavy snow closed three mountain roads in the north-west overnight, the roads agency said.",
      "Crews expected to reopen two of them by the evening.",
    ),
  },
  {
    title: "Library opens a reading room for the archive of the old newspaper",
    date: "2020-03-15",
    source: "Daily Meridian",
    section: "Culture",
    body: paragraphs(
      "The national library opened a reading room for the bound volumes of a newspaper that closed in 1998.",
      "Readers can request volumes a day in advance. <b>Tags</b> and *asterisks* in this sentence stay literal text.",
    ),
  },
  {
    title: "Orchestra announces its spring season",
    date: "2020-03-01",
    source: "Daily Meridian",
    author: "Rauf Quliyev",
    section: "Culture",
    body: paragraphs(
      "The state orchestra announced eight concerts for its spring season, opening with Gara Garayev's ballet suites.",
    ),
  },
  {
    title: "Tennis club hosts a junior tournament",
    date: "2019-12-12",
    source: "Caspian Herald",
    author: "Rauf Quliyev",
    section: "Sport",
    body: paragraphs(
      "Forty players under sixteen took part in the club's first junior tournament of the winter.",
    ),
  },
  {
    title: "Harvest festival draws visitors to Guba",
    date: "2018-10-20",
    source: "Daily Meridian",
    author: "Leyla Məmmədova",
    section: "Travel",
    body: paragraphs(
      "The apple harvest festival in Guba drew visitors from across the region at the weekend.",
      "Growers said the season had been dry but the fruit was sweet.",
    ),
  },
];

/**
 * One event reported by two sources on one day, in their own words (related coverage must
 * pair them). Not in the default fixture, whose counts other tests rely on.
 */
export const SAME_EVENT_ARTICLES: readonly FixtureArticle[] = [
  {
    title: "Earthquake shakes Shamakhi, no casualties reported",
    date: "2021-02-08",
    source: "Caspian Herald",
    author: "Elvin Mammadov",
    section: "Regions",
    body: paragraphs(
      "A magnitude 5.2 earthquake struck near Shamakhi early on Monday, the seismological service said. Residents of Shamakhi and Ismayilli felt the tremor; no casualties were reported.",
      "Several old houses in Shamakhi were damaged, and emergency teams inspected schools in the district.",
    ),
  },
  {
    title: "Shamakhi earthquake damages old houses",
    date: "2021-02-08",
    source: "Daily Meridian",
    section: "Regions",
    body: paragraphs(
      "An earthquake of magnitude 5.2 was recorded near Shamakhi on Monday morning, seismologists said. The tremor was also felt in Ismayilli and in the capital.",
      "The emergency ministry said old houses were damaged in Shamakhi but nobody was hurt; its teams are inspecting schools.",
    ),
  },
];

/** The default fixture: the hand-written articles and a busy day of briefs (plus the seed). */
export const FIXTURE_ARTICLES: readonly FixtureArticle[] = [
  ...HAND_WRITTEN_ARTICLES,
  ...dailyBriefs(DAILY_BRIEF_COUNT, BUSY_DAY, "Caspian Herald"),
];

/** A raw text in the shape the import CLI meets: a date line, the byline, the body. */
function rawTextOf(article: FixtureArticle): string {
  const authors = [article.author ?? []].flat();
  return ` date ${article.date} By ${article.source}\n${authors.join(", ")}\n${article.body}\n`;
}

export interface WrittenFixture {
  dir: string;
  /** Every entry written, in the order given (the seed first when included). */
  entries: { path: string; slug: string; article: FixtureArticle }[];
}

/**
 * Writes `articles` as archive entries under `<dir>/articles/`; with `seed` (the default)
 * also copies the real first article from content/articles. Slugs default to the title's.
 */
export async function writeFixtureArchive(
  dir: string,
  articles: readonly FixtureArticle[] = FIXTURE_ARTICLES,
  options: { seed?: boolean } = {},
): Promise<WrittenFixture> {
  const entries: WrittenFixture["entries"] = [];
  if (options.seed ?? true) {
    const from = join(ROOT, "content/articles", entryPathFor(SEED));
    const to = join(dir, "articles", entryPathFor(SEED));
    await mkdir(join(to, ".."), { recursive: true });
    await copyFile(`${from}.md`, `${to}.md`);
    await copyFile(`${from}.original.txt`, `${to}.original.txt`);
    entries.push({ path: `${to}.md`, slug: SEED.slug, article: { ...SEED, body: "" } });
  }
  for (const article of articles) {
    const slug = article.slug ?? slugify(article.title);
    const original = article.original ?? rawTextOf(article);
    const frontmatter: Record<string, unknown> = {
      title: article.title,
      date: article.date,
      source: article.source,
      ...(article.author === undefined ? {} : { author: article.author }),
      slug,
      language: article.language ?? "en",
      ...(article.section === undefined ? {} : { section: article.section }),
      ...(article.originalUrl === undefined ? {} : { originalUrl: article.originalUrl }),
      ...(article.aliases === undefined ? {} : { aliases: article.aliases }),
      sha256: sha256Hex(original),
    };
    const file = join(dir, "articles", `${entryPathFor({ date: article.date, slug })}`);
    await mkdir(join(file, ".."), { recursive: true });
    await writeFile(`${file}.md`, matter.stringify(`${article.body}\n`, frontmatter));
    await writeFile(`${file}.original.txt`, original);
    entries.push({ path: `${file}.md`, slug, article });
  }
  return { dir, entries };
}
