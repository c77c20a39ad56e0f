import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  FEED_SIZE,
  atomFeed,
  categoriesOf,
  dcCreators,
  escapeXml,
  feedEntryFor,
  rfc3339,
  robotsTxt,
  utcMidnight,
  type FeedEntry,
} from "../../src/lib/feeds.ts";

const seed: FeedEntry = {
  title: "Azerbaijan and Pakistan discuss military cooperation",
  url: "https://archive.example/articles/2019/12/11/azerbaijan-and-pakistan-discuss-military-cooperation/",
  date: "2019-12-11",
  summary: "Azerbaijani Defence Minister Zakir Hasanov and Ambassador of Pakistan met.",
  source: "Azernews",
  authors: ["Ofeliya Afandiyeva"],
  section: "Politics",
  language: "en",
};
const tricky: FeedEntry = {
  title: `R&D <b>"quoted"</b> 'single'`,
  url: "https://archive.example/articles/2020/01/01/r-d/",
  date: "2020-01-01",
  summary: "A\u0001control character & an ampersand.",
  source: "Today.Az",
  authors: [],
  language: "az",
};

describe("escapeXml", () => {
  const table: [string, string][] = [
    ["plain", "plain"],
    ["a & b", "a &amp; b"],
    ["<tag>", "&lt;tag&gt;"],
    [`"double" 'single'`, "&quot;double&quot; &apos;single&apos;"],
    ["bell\u0007 and null\u0000 dropped", "bell and null dropped"],
    ["tab\tand\nnewline kept", "tab\tand\nnewline kept"],
  ];
  for (const [raw, escaped] of table)
    test(JSON.stringify(raw), () => assert.equal(escapeXml(raw), escaped));
});

describe("dates and small helpers", () => {
  test("a calendar date is midnight UTC, whatever the time zone", () => {
    assert.equal(rfc3339("2019-12-11"), "2019-12-11T00:00:00Z");
    assert.equal(utcMidnight("2019-12-11").toISOString(), "2019-12-11T00:00:00.000Z");
  });

  test("categories: source, then section when there is one", () => {
    assert.deepEqual(categoriesOf(seed), ["Azernews", "Politics"]);
    assert.deepEqual(categoriesOf(tricky), ["Today.Az"]);
  });

  test("dc:creator per author, escaped", () => {
    assert.equal(
      dcCreators(["A & B", "C"]),
      "<dc:creator>A &amp; B</dc:creator><dc:creator>C</dc:creator>",
    );
    assert.equal(dcCreators([]), "");
  });

  test("feeds carry the newest 50", () => assert.equal(FEED_SIZE, 50));
});

describe("atomFeed", () => {
  let xml: string;
  before(() => {
    xml = atomFeed({
      title: "News Archive",
      subtitle: "A permanent archive & more",
      siteUrl: "https://archive.example/",
      feedUrl: "https://archive.example/atom.xml",
      entries: [tricky, seed],
    });
  });

  test("declares XML and the Atom namespace", () => {
    assert.match(
      xml,
      /^<\?xml version="1\.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom">/,
    );
    assert.match(xml, /<\/feed>\n$/);
  });

  test("feed id, self link and updated (the newest entry)", () => {
    assert.match(xml, /<id>https:\/\/archive\.example\/<\/id>/);
    assert.match(
      xml,
      /<link rel="self" type="application\/atom\+xml" href="https:\/\/archive\.example\/atom\.xml"\/>/,
    );
    assert.match(xml, /\n  <updated>2020-01-01T00:00:00Z<\/updated>/);
  });

  test("each entry has id, title, link, dates, authors, categories and summary", () => {
    const entries = xml.split("<entry").slice(1);
    assert.equal(entries.length, 2);
    const second = entries[1]!;
    for (const fragment of [
      ` xml:lang="en">`,
      `<title>Azerbaijan and Pakistan discuss military cooperation</title>`,
      `<id>${seed.url}</id>`,
      `<link rel="alternate" type="text/html" href="${seed.url}"/>`,
      `<published>2019-12-11T00:00:00Z</published>`,
      `<updated>2019-12-11T00:00:00Z</updated>`,
      `<author><name>Ofeliya Afandiyeva</name></author>`,
      `<category term="Azernews"/>`,
      `<category term="Politics"/>`,
      `<summary>${seed.summary}</summary>`,
    ]) {
      assert.ok(second.includes(fragment), `missing ${fragment}`);
    }
  });

  test("markup and control characters in text are escaped, never raw", () => {
    assert.match(
      xml,
      /<title>R&amp;D &lt;b&gt;&quot;quoted&quot;&lt;\/b&gt; &apos;single&apos;<\/title>/,
    );
    assert.match(xml, /<summary>Acontrol character &amp; an ampersand\.<\/summary>/);
    assert.doesNotMatch(xml, /<b>/);
  });

  test("tags balance", () => {
    const opened = [...xml.matchAll(/<(\w+)(?:\s[^>]*)?(?<!\/)>/g)].map((m) => m[1]);
    const closed = [...xml.matchAll(/<\/(\w+)>/g)].map((m) => m[1]);
    assert.deepEqual(opened.sort(), closed.sort());
  });

  test("an empty archive still makes a valid feed", () => {
    const empty = atomFeed({
      title: "N",
      subtitle: "S",
      siteUrl: "https://a.example/",
      feedUrl: "https://a.example/atom.xml",
      entries: [],
    });
    assert.match(empty, /<updated>1970-01-01T00:00:00Z<\/updated>/);
    assert.doesNotMatch(empty, /<entry/);
  });
});

describe("feedEntryFor", () => {
  test("frontmatter and body become an entry with an absolute permalink", () => {
    const entry = feedEntryFor(
      {
        title: seed.title,
        date: "2019-12-11",
        source: "Azernews",
        author: "Ofeliya Afandiyeva",
        slug: "azerbaijan-and-pakistan-discuss-military-cooperation",
        language: "en",
        section: "Politics",
        sha256: "0".repeat(64),
      },
      "Azerbaijani Defence Minister Zakir Hasanov and Ambassador of Pakistan met. Then more.\n\nSecond.",
      "https://archive.example/",
    );
    assert.deepEqual(entry, seed);
  });
});

describe("robotsTxt", () => {
  test("allows everything and names the sitemap by absolute URL", () => {
    assert.equal(
      robotsTxt("https://archive.example/sitemap-index.xml"),
      "User-agent: *\nAllow: /\n\nSitemap: https://archive.example/sitemap-index.xml\n",
    );
  });
});
