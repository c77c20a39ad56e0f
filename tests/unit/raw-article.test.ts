import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { before, describe, it } from "node:test";
import { paragraphsOf } from "../../src/lib/article-text.ts";
import { validateFrontmatter } from "../../src/lib/article-schema.ts";
import {
  decodeRawText,
  DERIVED_TITLE_MAX,
  parseRawArticle,
  type RawArticle,
  type RawArticleFields,
  type RawArticleOptions,
  type RawArticleProblem,
} from "../../src/lib/raw-article.ts";

const FIXTURES = new URL("../fixtures/raw/", import.meta.url);
const BAD_FIXTURES = new URL("../fixtures/raw-bad/", import.meta.url);
const SEED = new URL("../fixtures/seed/000_b582ce3222314d79.txt", import.meta.url);

function fixture(name: string, dir = FIXTURES): string {
  return new TextDecoder("utf-8", { fatal: true }).decode(readFileSync(new URL(name, dir)));
}

function parsed(text: string, options: RawArticleOptions = {}) {
  const result = parseRawArticle(text, options);
  if (!result.ok) assert.fail(`expected to parse, got ${result.code}: ${result.problem}`);
  return result.article;
}

/** The raw text as the reader's eye sees it: no BOM, LF line endings. */
function normalized(text: string): string {
  return text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

const SHAPES: {
  file: string;
  shape: string;
  options?: RawArticleOptions;
  frontmatter: RawArticleFields;
  firstParagraph: string;
  paragraphs: number;
}[] = [
  {
    file: "agency-credit-and-author.txt",
    shape: "agency credit on the date line, author on its own line (the seed's shape)",
    frontmatter: {
      title:
        "The Ministry of Ecology and Natural Resources has announced a new programme to restore wetlands along the Kura river…",
      date: "2021-03-04",
      source: "Caspian Wire",
      author: "Samira Huseynova",
      slug: "the-ministry-of-ecology-and-natural-resources-has-announced-a-new-programme-to",
      language: "en",
    },
    firstParagraph:
      "The Ministry of Ecology and Natural Resources has announced a new programme to restore wetlands along the Kura river, officials said on Thursday.",
    paragraphs: 4,
  },
  {
    file: "headline-dateline-byline.txt",
    shape: "headline on the date line, dateline, `By Author – Agency:`",
    frontmatter: {
      title: "Ministry unveils new rail timetable for the Ganja line",
      date: "2020-08-08",
      source: "Kura Press",
      author: "Tural Ganjaliyev",
      slug: "ministry-unveils-new-rail-timetable-for-the-ganja-line",
      language: "en",
    },
    firstParagraph:
      "The Ministry of Transport on Saturday unveiled a new timetable for passenger trains between Baku and Ganja, cutting the journey to four hours and ten minutes.",
    paragraphs: 3,
  },
  {
    file: "dateline-agency-line.txt",
    shape: "dateline on the date line, then a line that is only `Agency:`",
    frontmatter: {
      title:
        "Snowfall closed three mountain passes in the north of the country overnight, the State Road Agency said on Wednesday.",
      date: "2020-01-15",
      source: "Absheron Daily",
      slug: "snowfall-closed-three-mountain-passes-in-the-north-of-the-country-overnight-the",
      language: "en",
    },
    firstParagraph:
      "Snowfall closed three mountain passes in the north of the country overnight, the State Road Agency said on Wednesday.",
    paragraphs: 2,
  },
  {
    file: "single-byline.txt",
    shape: "a single `By Name` on the date line is the author; the source comes from --source",
    options: { source: "Old Town Herald" },
    frontmatter: {
      title:
        "A new public library opened in the old town on Wednesday, housed in a restored 19th-century caravanserai.",
      date: "2018-05-02",
      source: "Old Town Herald",
      author: "Leyla Rustamova",
      slug: "a-new-public-library-opened-in-the-old-town-on-wednesday-housed-in-a-restored",
      language: "en",
    },
    firstParagraph:
      "A new public library opened in the old town on Wednesday, housed in a restored 19th-century caravanserai.",
    paragraphs: 3,
  },
  {
    file: "single-byline-own-line.txt",
    shape: "a single `By Name` on its own line is the author; the source comes from --source",
    options: { source: "Old Town Herald" },
    frontmatter: {
      title:
        "The city council approved a plan on Thursday to plant 5,000 trees along the new boulevard before the autumn.",
      date: "2018-05-03",
      source: "Old Town Herald",
      author: "Rashad Karimli",
      slug: "the-city-council-approved-a-plan-on-thursday-to-plant-5-000-trees-along-the-new",
      language: "en",
    },
    firstParagraph:
      "The city council approved a plan on Thursday to plant 5,000 trees along the new boulevard before the autumn.",
    paragraphs: 2,
  },
  {
    file: "headline-timestamp.txt",
    shape: "headline, time stamp `18 June 2019 15:20 (UTC+04:00)`, dateline, byline",
    frontmatter: {
      title: "Harvest festival opens in Sheki",
      date: "2019-06-18",
      source: "Silk Road Bulletin",
      author: "Rauf Aliyev",
      slug: "harvest-festival-opens-in-sheki",
      language: "en",
    },
    firstParagraph:
      "The annual harvest festival opened in Sheki on Tuesday with a parade of growers from fifteen villages.",
    paragraphs: 3,
  },
  {
    file: "headline-own-line-timestamp.txt",
    shape: "headline on its own line after the date line, then time stamp, dateline, byline",
    frontmatter: {
      title: "Caspian shipping forum closes in Aktau",
      date: "2019-06-19",
      source: "Steppe Wire",
      author: "Dana Seitkali",
      slug: "caspian-shipping-forum-closes-in-aktau",
      language: "en",
    },
    firstParagraph:
      "Delegates from five Caspian states closed a two-day shipping forum in Aktau on Wednesday with an agreement to share weather data.",
    paragraphs: 2,
  },
  {
    file: "furniture-signature.txt",
    shape: "page furniture `+ ↺ − 16 px` on the date line, a site signature as the last line",
    frontmatter: {
      title: "Tbilisi ferry service resumes after storm",
      date: "2017-09-30",
      source: "Black Sea Courier",
      author: "Nino Kapanadze",
      slug: "tbilisi-ferry-service-resumes-after-storm",
      language: "en",
    },
    firstParagraph:
      "The ferry service between Poti and Batumi resumed on Saturday after a storm kept boats in port for three days.",
    paragraphs: 2,
  },
  {
    file: "bom-crlf-leading-spaces.txt",
    shape: "UTF-8 BOM, CRLF line endings, leading spaces",
    frontmatter: {
      title:
        "Rainfall in the first week of March was twice the average, the National Hydrometeorology Service said on Friday.",
      date: "2021-03-05",
      source: "Caspian Wire",
      author: "Samira Huseynova",
      slug: "rainfall-in-the-first-week-of-march-was-twice-the-average-the-national",
      language: "en",
    },
    firstParagraph:
      "Rainfall in the first week of March was twice the average, the National Hydrometeorology Service said on Friday.",
    paragraphs: 2,
  },
  {
    file: "cyrillic.txt",
    shape: "Russian text, Cyrillic byline and agency, Russian dateline",
    options: { language: "ru" },
    frontmatter: {
      title: "В Гяндже открылся новый завод по переработке фруктов",
      date: "2021-11-02",
      source: "Каспий-Информ",
      author: "Анна Петрова",
      slug: "v-gyandzhe-otkrylsya-novyy-zavod-po-pererabotke-fruktov",
      language: "ru",
    },
    firstParagraph:
      "Во вторник в Гяндже открылся новый завод по переработке фруктов мощностью 20 тысяч тонн в год.",
    paragraphs: 2,
  },
  {
    file: "azerbaijani.txt",
    shape: "Azerbaijani headline, byline and agency",
    options: { language: "az" },
    frontmatter: {
      title: "Şəki şəhərində ipək festivalı başlayıb",
      date: "2022-04-12",
      source: "Qafqaz Xəbər",
      author: "Günay Həsənova",
      slug: "seki-seherinde-ipek-festivali-baslayib",
      language: "az",
    },
    firstParagraph:
      "Şəki şəhərində ənənəvi ipək festivalı başlayıb. Festivalda 40-dan çox usta öz işlərini nümayiş etdirir.",
    paragraphs: 2,
  },
  {
    file: "georgian.txt",
    shape: "Georgian text without a headline: title is its first sentence",
    options: { language: "ka" },
    frontmatter: {
      title: "თბილისში ახალი საფეხმავლო ხიდი გაიხსნა.",
      date: "2023-07-01",
      source: "Mtkvari Press",
      slug: "tbilisshi-akhali-sapekhmavlo-khidi-gaikhsna",
      language: "ka",
    },
    firstParagraph: "თბილისში ახალი საფეხმავლო ხიდი გაიხსნა. ხიდი მტკვრის ორ სანაპიროს აერთებს.",
    paragraphs: 2,
  },
  {
    file: "arabic-script.txt",
    shape: "Persian text in Arabic script: slug transliterated",
    options: { language: "fa" },
    frontmatter: {
      title: "نمایشگاه کتاب تبریز امروز با حضور ۲۰۰ ناشر آغاز شد.",
      date: "2016-02-14",
      source: "Tabriz Review",
      slug: "nmayshgah-ktab-tbryz-amrvz-ba-hzvr-200-nashr-aghaz-shd",
      language: "fa",
    },
    firstParagraph:
      "نمایشگاه کتاب تبریز امروز با حضور ۲۰۰ ناشر آغاز شد. این نمایشگاه تا جمعه ادامه دارد.",
    paragraphs: 2,
  },
  {
    file: "markup-and-script.txt",
    shape: "HTML, script, javascript: links, Markdown and {curly} text kept literally",
    frontmatter: {
      title: 'Council votes on {budget} & <b>parks</b> <script>alert("title")</script>',
      date: "2020-05-05",
      source: "Example Gazette",
      author: "Marta Quill",
      slug: "council-votes-on-budget-b-parks-b-script-alert-title-script",
      language: "en",
    },
    firstParagraph: "# Not a heading: the council met at 10:00 & voted 7-2.",
    paragraphs: 6,
  },
];

describe("parseRawArticle: one fixture per shape", () => {
  for (const { file, shape, options, frontmatter, firstParagraph, paragraphs } of SHAPES) {
    describe(`${file}: ${shape}`, () => {
      let raw: string;
      let article: RawArticle;
      before(() => {
        raw = fixture(file);
        article = parsed(raw, options);
      });

      it("yields the expected frontmatter fields", () => {
        assert.deepEqual(article.frontmatter, frontmatter);
      });

      it("yields a body whose paragraphs are the article's, without header furniture", () => {
        const blocks = paragraphsOf(article.body);
        assert.equal(blocks[0], firstParagraph);
        assert.equal(blocks.length, paragraphs);
        assert.doesNotMatch(article.body, /^\s*date \d{4}|^By |px$|©/m);
      });

      it("keeps every character of each paragraph exactly as in the raw text", () => {
        for (const paragraph of article.body.split("\n\n")) {
          assert.ok(
            normalized(raw).includes(paragraph),
            `not verbatim: ${JSON.stringify(paragraph)}`,
          );
        }
      });

      it("round-trips through paragraphsOf, the site's reader of bodies", () => {
        assert.deepEqual(paragraphsOf(article.body), article.body.split("\n\n"));
      });

      it("passes the site's schema once a sha256 is added", () => {
        const result = validateFrontmatter({ ...article.frontmatter, sha256: "a".repeat(64) });
        assert.ok(result.ok, result.ok ? "" : result.errors.join("; "));
      });
    });
  }
});

describe("parseRawArticle: the language, without --lang", () => {
  // What each fixture's body is in; Georgian and Persian are none of the three told apart.
  const expected: Record<string, [string, "detected" | "default"]> = {
    "cyrillic.txt": ["ru", "detected"],
    "azerbaijani.txt": ["az", "detected"],
    "georgian.txt": ["en", "default"],
    "arabic-script.txt": ["en", "default"],
  };
  for (const { file } of SHAPES) {
    const [language, how] = expected[file] ?? ["en", "detected"];
    it(`${file}: ${language}, ${how}`, () => {
      const article = parsed(fixture(file), { source: "Fixture Source" });
      assert.equal(article.frontmatter.language, language);
      assert.equal(article.languageChoice.how, how, article.languageChoice.why);
    });
  }

  it("--lang wins over the text", () => {
    const article = parsed(fixture("cyrillic.txt"), { language: " az " });
    assert.equal(article.frontmatter.language, "az");
    assert.deepEqual(article.languageChoice, { language: "az", how: "given", why: "" });
  });

  it("the header is not read: an English headline and byline over a Russian body", () => {
    const text = `date 2021-11-02 Fruit processing plant opens in Ganja\nBy Anna Petrova – Caspian Wire:\n\n${fixture("cyrillic.txt").split("\n\n").slice(1).join("\n\n")}`;
    assert.equal(parsed(text).frontmatter.language, "ru");
  });
});

describe("parseRawArticle: the seed", () => {
  let raw: string;
  let committed: string;
  let article: RawArticle;
  before(() => {
    raw = readFileSync(SEED, "utf8");
    committed = readFileSync(
      new URL(
        "../../content/articles/2019/12/11/azerbaijan-and-pakistan-discuss-military-cooperation.md",
        import.meta.url,
      ),
      "utf8",
    );
    article = parsed(raw);
  });

  it("credits Azernews, Ofeliya Afandiyeva, 2019-12-11, language en", () => {
    const { date, source, author, language } = article.frontmatter;
    assert.deepEqual(
      { date, source, author, language },
      {
        date: "2019-12-11",
        source: "Azernews",
        author: "Ofeliya Afandiyeva",
        language: "en",
      },
    );
  });

  it("has exactly the committed entry's body", () => {
    const body = committed.slice(committed.indexOf("\n---\n", 3) + 5);
    assert.equal(`${article.body}\n`, body);
  });

  it(`derives a title from the first sentence, at most ${DERIVED_TITLE_MAX} characters, cut at a word`, () => {
    const { title } = article.frontmatter;
    assert.ok(title.length <= DERIVED_TITLE_MAX, `${title.length} characters`);
    assert.ok(title.endsWith("…"));
    assert.ok(article.body.startsWith(title.slice(0, -1)), "a prefix of the first sentence");
    assert.match(article.body.charAt(title.length - 1), /\s/, "cut before a space");
  });

  it("takes the committed slug when given the committed headline", () => {
    const titled = parsed(raw, { title: "Azerbaijan and Pakistan discuss military cooperation" });
    assert.equal(titled.frontmatter.slug, "azerbaijan-and-pakistan-discuss-military-cooperation");
  });
});

describe("parseRawArticle: header shapes", () => {
  const body = "The first paragraph of the article.\n\nThe second paragraph.";
  const cases: {
    name: string;
    text: string;
    options?: RawArticleOptions;
    expect: { [K in keyof RawArticleFields]?: RawArticleFields[K] | undefined } & { body?: string };
  }[] = [
    {
      name: "byline with an em dash",
      text: `date 2020-02-02 Port reopens\nBy Aida Rahimova — Coastal Post:\n\n${body}`,
      expect: { title: "Port reopens", source: "Coastal Post", author: "Aida Rahimova", body },
    },
    {
      name: "byline with a spaced hyphen",
      text: `date 2020-02-02 Port reopens\nBy Aida Rahimova - Coastal Post:\n\n${body}`,
      expect: { source: "Coastal Post", author: "Aida Rahimova", body },
    },
    {
      name: "two authors in one byline",
      text: `date 2020-02-02 Port reopens\nBy Aida Rahimova and Emin Safarov – Coastal Post:\n\n${body}`,
      expect: { source: "Coastal Post", author: ["Aida Rahimova", "Emin Safarov"], body },
    },
    {
      name: "text on the byline line after the colon starts the body",
      text: `date 2020-02-02 Port reopens\nBy Aida Rahimova – Coastal Post: The port reopened.\nIt had been shut.\n\nMore text.`,
      expect: {
        source: "Coastal Post",
        body: "The port reopened.\nIt had been shut.\n\nMore text.",
      },
    },
    {
      name: "dateline with the agency in slashes on the date line",
      text: `date 2020-02-02 BAKU, Azerbaijan, Feb. 2 /Coastal Post/\n\n${body}`,
      expect: { source: "Coastal Post", title: "The first paragraph of the article.", body },
    },
    {
      name: "Azerbaijani dateline, day first",
      text: `date 2020-02-02 Bakı, 2 fevral\nXəzər Xəbər:\n\n${body}`,
      expect: { source: "Xəzər Xəbər", body },
    },
    {
      name: "time stamp written month first, with am/pm",
      text: `date 2019-06-18 Harvest begins\nJune 18, 2019 3:20 PM\nBy Aida Rahimova – Coastal Post:\n\n${body}`,
      expect: { title: "Harvest begins", author: "Aida Rahimova", body },
    },
    {
      name: "numeric time stamp",
      text: `date 2019-06-18 Harvest begins\n18.06.2019 15:20\nBy Aida Rahimova – Coastal Post:\n\n${body}`,
      expect: { title: "Harvest begins", body },
    },
    {
      name: "furniture alone on the date line, and a bare site address as the last line",
      text: `date 2019-06-18 + ↺ − 16 px\nBy Aida Rahimova – Coastal Post:\n\n${body}\n\nwww.coastal-post.example\n`,
      expect: { title: "The first paragraph of the article.", body },
    },
    {
      name: "a first paragraph that starts with `By` is not a byline",
      text: `date 2019-06-18 By Coastal Post\n\nBy the end of the year, the port will double its capacity.\n\nMore.`,
      expect: {
        source: "Coastal Post",
        body: "By the end of the year, the port will double its capacity.\n\nMore.",
      },
    },
    {
      name: "a capitalized line ending in a colon after the source is known is body text",
      text: `date 2019-06-18 By Coastal Post\n\nKey Figures:\n\nThe port handled 2 million tonnes.`,
      expect: {
        source: "Coastal Post",
        body: "Key Figures:\n\nThe port handled 2 million tonnes.",
      },
    },
    {
      name: "a line break inside a paragraph is kept, as are spaces inside lines",
      text: `date 2019-06-18 By Coastal Post\n\n  Indented line,\nnext line  with  spaces.\n\nLast.`,
      expect: { body: "  Indented line,\nnext line  with  spaces.\n\nLast." },
    },
    {
      name: "several blank lines, tabs and no-break spaces between paragraphs become one blank line",
      text: `date 2019-06-18 By Coastal Post\n\nOne.\n \t\n\u00a0\n\n\nTwo.\n\n\n`,
      expect: { body: "One.\n\nTwo." },
    },
    {
      name: "CR-only line endings",
      text: `date 2019-06-18 By Coastal Post\r\rOne.\r\rTwo.\r`,
      expect: { body: "One.\n\nTwo." },
    },
    {
      name: "`Date:` with a colon and capital letter",
      text: `Date: 2019-06-18 By Coastal Post\n\n${body}`,
      expect: { date: "2019-06-18", source: "Coastal Post" },
    },
    {
      name: "--title replaces the headline and gives the slug",
      text: `date 2019-06-18 Old headline\nBy Aida Rahimova – Coastal Post:\n\n${body}`,
      options: { title: "  New   headline " },
      expect: { title: "New headline", slug: "new-headline" },
    },
    {
      name: "--source is used only when the text credits none",
      text: `date 2019-06-18 By Coastal Post\n\n${body}`,
      options: { source: "Other Source" },
      expect: { source: "Coastal Post" },
    },
    {
      name: "a date-line credit equal to --source is the source, not an author",
      text: `date 2019-06-18 By Vestnik Kavkaza\n\n${body}`,
      options: { source: "Vestnik Kavkaza" },
      expect: { source: "Vestnik Kavkaza", author: undefined },
    },
    {
      name: "--author is used when the text names none",
      text: `date 2019-06-18 By Coastal Post\n\n${body}`,
      options: { author: ["Aida Rahimova", "Emin Safarov"] },
      expect: { author: ["Aida Rahimova", "Emin Safarov"] },
    },
    {
      name: "--author does not replace a byline",
      text: `date 2019-06-18 By Coastal Post\nBy Aida Rahimova\n\n${body}`,
      options: { author: "Someone Else" },
      expect: { author: "Aida Rahimova" },
    },
    {
      name: "--lang, --section and --url are passed through",
      text: `date 2019-06-18 By Coastal Post\n\n${body}`,
      options: { language: "az", section: "Politics", originalUrl: "https://example.org/a/1" },
      expect: { language: "az", section: "Politics", originalUrl: "https://example.org/a/1" },
    },
    {
      name: "a headline longer than 300 characters is cut at a word",
      text: `date 2019-06-18 ${"Very long headline words ".repeat(20)}\nBy Aida Rahimova – Coastal Post:\n\n${body}`,
      expect: { title: `${"Very long headline words ".repeat(11)}Very long headline…` },
    },
    {
      name: "text with nothing to transliterate gets the slug `article`",
      text: `date 2019-06-18 日本のニュース\nBy Aida Rahimova – Coastal Post:\n\n日本語の本文。`,
      expect: { title: "日本のニュース", slug: "article" },
    },
  ];

  for (const { name, text, options, expect } of cases) {
    it(name, () => {
      const article = parsed(text, options);
      const actual: Record<string, unknown> = { ...article.frontmatter, body: article.body };
      for (const [key, value] of Object.entries(expect)) {
        assert.deepEqual(actual[key], value, key);
      }
      assert.deepEqual(
        paragraphsOf(article.body),
        article.body.split("\n\n"),
        "round-trips paragraphsOf",
      );
    });
  }
});

describe("parseRawArticle: failures say what is wrong and how to fix it", () => {
  const cases: {
    name: string;
    /** The text, or a fixture file read when the test runs. */
    text: string | { file: string; dir?: URL };
    options?: RawArticleOptions;
    code: RawArticleProblem;
    problem: RegExp;
    fix: RegExp;
  }[] = [
    {
      name: "empty file",
      text: "",
      code: "no-date-line",
      problem: /no date line: the text is empty/,
      fix: /date YYYY-MM-DD/,
    },
    {
      name: "blank lines only",
      text: "\n \n\t\n",
      code: "no-date-line",
      problem: /empty/,
      fix: /date YYYY-MM-DD/,
    },
    {
      name: "first line is not a date line",
      text: { file: "no-date-line.txt", dir: BAD_FIXTURES },
      code: "no-date-line",
      problem: /"Published 2019-12-11 By Caspian Wire"/,
      fix: /first line "date YYYY-MM-DD"/,
    },
    {
      name: "date written day first",
      text: "date 11.12.2019 By Caspian Wire\n\nText.",
      code: "bad-date",
      problem: /"11\.12\.2019" is not written YYYY-MM-DD/,
      fix: /year-month-day/,
    },
    {
      name: "February 30th",
      text: { file: "impossible-date.txt", dir: BAD_FIXTURES },
      code: "impossible-date",
      problem: /2019-02-30 .* not a real calendar day/,
      fix: /correct the date line/,
    },
    {
      name: "month 13",
      text: "date 2019-13-01 By Caspian Wire\n\nText.",
      code: "impossible-date",
      problem: /2019-13-01/,
      fix: /correct/,
    },
    {
      name: "header and signature but no text",
      text: { file: "empty-body.txt", dir: BAD_FIXTURES },
      code: "empty-body",
      problem: /no text after its header/,
      fix: /file is complete/,
    },
    {
      name: "date line only",
      text: "date 2019-03-01 By Caspian Wire\n",
      code: "empty-body",
      problem: /no text/,
      fix: /complete/,
    },
    {
      name: "no credit at all and no --source",
      text: { file: "no-source.txt", dir: BAD_FIXTURES },
      code: "no-source",
      problem: /credits no source/,
      fix: /pass --source/,
    },
    {
      name: "a person's name on the date line and no --source",
      text: { file: "single-byline.txt" },
      code: "no-source",
      problem: /"By Leyla Rustamova" on the date line names a person/,
      fix: /pass --source .*if "Leyla Rustamova" is the publication, pass --source "Leyla Rustamova"/,
    },
    {
      name: "an author line only and no --source",
      text: { file: "single-byline-own-line.txt" },
      code: "no-source",
      problem: /byline names only the author \(Rashad Karimli\)/,
      fix: /pass --source/,
    },
  ];
  for (const { name, text, options, code, problem, fix } of cases) {
    it(name, () => {
      const raw = typeof text === "string" ? text : fixture(text.file, text.dir);
      const result = parseRawArticle(raw, options);
      assert.equal(result.ok, false);
      if (result.ok) return;
      assert.equal(result.code, code);
      assert.match(result.problem, problem);
      assert.match(result.fix, fix);
    });
  }
});

describe("fixtures", () => {
  it("every fixture in tests/fixtures/raw is in the shape table", () => {
    const files = readdirSync(FIXTURES)
      .filter((f) => f.endsWith(".txt"))
      .sort();
    assert.deepEqual(files, SHAPES.map((c) => c.file).sort());
  });
});

describe("parseRawArticle: markup in the raw text stays text", () => {
  let article: RawArticle;
  before(() => {
    article = parsed(fixture("markup-and-script.txt"));
  });
  const literals = [
    '<script>alert("xss")</script>',
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(2)">a link</a>',
    "[a Markdown link](javascript:alert(3))",
    "# Not a heading",
    "- not a list item\n* nor this one\n1. nor this",
    "{curly} {{ double }} ${dollar} `code` **bold** _under_ \\*escaped\\* &amp; &lt;b&gt; <!-- comment -->",
    "> not a quote\n---\n| not | a | table |",
  ];
  for (const literal of literals) {
    it(`keeps ${JSON.stringify(literal.slice(0, 40))} character for character`, () => {
      assert.ok(article.body.includes(literal));
    });
  }
  it("keeps markup in the headline as text too", () => {
    assert.equal(
      article.frontmatter.title,
      'Council votes on {budget} & <b>parks</b> <script>alert("title")</script>',
    );
  });
});

describe("decodeRawText: only UTF-8 text is archived", () => {
  it("gives the text of UTF-8 bytes, without a BOM", () => {
    const bytes = new TextEncoder().encode("\uFEFFdate 2019-12-11 By Azernews\n\nŞəki, Баку.");
    assert.deepEqual(decodeRawText(bytes), {
      ok: true,
      text: "date 2019-12-11 By Azernews\n\nŞəki, Баку.",
    });
  });

  it("refuses Windows-1251 bytes, saying how to convert them", () => {
    const result = decodeRawText(readFileSync(new URL("not-utf8-windows-1251.txt", BAD_FIXTURES)));
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.match(result.problem, /is not UTF-8 text \(it holds bytes that are not valid UTF-8\)/);
    assert.match(result.fix, /iconv -f WINDOWS-1251 -t UTF-8/);
  });

  it("refuses UTF-16 text without a BOM, whose NUL bytes are valid UTF-8, saying how to convert it", () => {
    const result = decodeRawText(Buffer.from("date 2019-12-11 By Azernews\n\nText.", "utf16le"));
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.match(result.problem, /NUL bytes/);
    assert.match(result.fix, /iconv -f UTF-16 -t UTF-8/);
  });
});
