import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  articleMeta,
  jsonForScript,
  newsArticleJsonLd,
  ogLocale,
  pageMeta,
  type ArticleMetaInput,
  type MetaTag,
} from "../../src/lib/metadata.ts";

const URL_ =
  "https://archive.example/articles/2019/12/11/azerbaijan-and-pakistan-discuss-military-cooperation/";

const seed: ArticleMetaInput = {
  title: "Azerbaijan and Pakistan discuss military cooperation",
  description: "Azerbaijani Defence Minister Zakir Hasanov and Ambassador of Pakistan...",
  url: URL_,
  siteName: "News Archive",
  siteUrl: "https://archive.example/",
  language: "en",
  date: "2019-12-11",
  source: "Azernews",
  authors: ["Ofeliya Afandiyeva"],
  section: "Politics",
  originalUrl: "http://www.today.az/news/politics/189074.html",
  authorUrls: ["https://archive.example/authors/ofeliya-afandiyeva/"],
  sourceUrl: "https://archive.example/sources/azernews/",
};

/** `key=content` lines, for readable comparisons. */
const flat = (tags: MetaTag[]) =>
  tags.map((tag) => `${"property" in tag ? tag.property : tag.name}=${tag.content}`);

describe("ogLocale", () => {
  const table: [string, string][] = [
    ["en", "en"],
    ["az", "az"],
    ["az-Latn", "az"],
    ["pt-BR", "pt_BR"],
    ["sr-Cyrl-RS", "sr_RS"],
  ];
  for (const [tag, locale] of table)
    test(`${tag} -> ${locale}`, () => assert.equal(ogLocale(tag), locale));
});

describe("pageMeta", () => {
  test("a website with a summary card", () => {
    assert.deepEqual(
      flat(
        pageMeta({
          title: "Sources",
          description: "Every publication.",
          url: "https://archive.example/sources/",
          siteName: "News Archive",
          language: "en",
        }),
      ),
      [
        "og:type=website",
        "og:title=Sources",
        "og:description=Every publication.",
        "og:url=https://archive.example/sources/",
        "og:site_name=News Archive",
        "og:locale=en",
        "twitter:card=summary",
      ],
    );
  });

  test("a page without a URL of its own has no og:url", () => {
    const tags = flat(
      pageMeta({ title: "Not found", description: "", siteName: "N", language: "en" }),
    );
    assert.ok(!tags.some((t) => t.startsWith("og:url")));
  });
});

describe("articleMeta", () => {
  test("Open Graph article and Highwire citation tags", () => {
    assert.deepEqual(
      flat(articleMeta({ ...seed, authors: ["Ofeliya Afandiyeva", "John Smith"] })),
      [
        "og:type=article",
        "og:title=Azerbaijan and Pakistan discuss military cooperation",
        `og:description=${seed.description}`,
        `og:url=${URL_}`,
        "og:site_name=News Archive",
        "og:locale=en",
        "twitter:card=summary",
        "article:published_time=2019-12-11",
        "article:author=Ofeliya Afandiyeva",
        "article:author=John Smith",
        "article:section=Politics",
        "article:tag=Azernews",
        "citation_title=Azerbaijan and Pakistan discuss military cooperation",
        "citation_author=Ofeliya Afandiyeva",
        "citation_author=John Smith",
        "citation_publication_date=2019/12/11",
        "citation_journal_title=Azernews",
        "citation_language=en",
      ],
    );
  });

  test("no byline and no section: no author or section tags", () => {
    const tags = flat(articleMeta({ ...seed, authors: [], section: undefined }));
    assert.ok(!tags.some((t) => /author|section/.test(t)), tags.join("\n"));
  });
});

describe("newsArticleJsonLd", () => {
  test("NewsArticle with headline, date, authors, publisher, language and source", () => {
    assert.deepEqual(newsArticleJsonLd(seed), {
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: seed.title,
      description: seed.description,
      datePublished: "2019-12-11",
      inLanguage: "en",
      url: URL_,
      author: [
        {
          "@type": "Person",
          name: "Ofeliya Afandiyeva",
          url: "https://archive.example/authors/ofeliya-afandiyeva/",
        },
      ],
      publisher: {
        "@type": "Organization",
        name: "Azernews",
        url: "https://archive.example/sources/azernews/",
      },
      articleSection: "Politics",
      isBasedOn: "http://www.today.az/news/politics/189074.html",
      isPartOf: { "@type": "WebSite", name: "News Archive", url: "https://archive.example/" },
    });
  });

  test("optional fields are left out, not written empty", () => {
    const data = newsArticleJsonLd({
      ...seed,
      authors: [],
      section: undefined,
      originalUrl: undefined,
    });
    assert.equal("author" in data, false);
    assert.equal("articleSection" in data, false);
    assert.equal("isBasedOn" in data, false);
  });
});

describe("jsonForScript", () => {
  const table: [string, unknown][] = [
    [
      "a headline that tries to close the script",
      { headline: "</script><script>alert(1)</script>" },
    ],
    ["a comment opener", { headline: "<!-- x -->" }],
    ["ampersands and line separators", { headline: "R&D\u2028next\u2029" }],
  ];
  for (const [name, data] of table) {
    test(`${name}: no < > & in the output, and it parses back`, () => {
      const json = jsonForScript(data);
      assert.doesNotMatch(json, /[<>&\u2028\u2029]/);
      assert.deepEqual(JSON.parse(json), data);
    });
  }
});
