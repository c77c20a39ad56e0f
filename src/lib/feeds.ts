/**
 * Feeds and discovery: the newest articles as feed entries, an Atom 1.0 document (RSS is
 * written by @astrojs/rss from the same entries), and robots.txt naming the sitemap.
 * Pure: the caller supplies the site URL.
 */
import { authorsOf, type ArticleFrontmatter } from "./article-schema.ts";
import { summaryAfterTitle } from "./article-text.ts";
import { absoluteUrl, permalinkFor } from "./permalink.ts";

/** How many of the newest articles the feeds carry. */
export const FEED_SIZE = 50;

/** One article as both feeds describe it. */
export interface FeedEntry {
  title: string;
  /** Absolute permalink; also the entry's permanent id. */
  url: string;
  /** `YYYY-MM-DD`. */
  date: string;
  /** The first sentence, as plain text. */
  summary: string;
  source: string;
  authors: readonly string[];
  section?: string | undefined;
  /** BCP 47. */
  language: string;
}

export interface FeedInput {
  title: string;
  subtitle: string;
  /** Absolute URL of the home page. */
  siteUrl: string;
  /** Absolute URL of the feed itself. */
  feedUrl: string;
  entries: readonly FeedEntry[];
}

/** Escapes text for XML character data and attribute values. */
export function escapeXml(text: string): string {
  return (
    text
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&apos;")
      // Characters XML 1.0 cannot hold at all.
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
  );
}

/** A calendar date as an RFC 3339 instant at UTC midnight, as Atom requires. */
export function rfc3339(isoDate: string): string {
  return `${isoDate}T00:00:00Z`;
}

/** A calendar date as a Date at UTC midnight (RSS `pubDate`). */
export function utcMidnight(isoDate: string): Date {
  return new Date(rfc3339(isoDate));
}

/** The categories of an entry: its source and section. */
export function categoriesOf(entry: FeedEntry): string[] {
  return entry.section ? [entry.source, entry.section] : [entry.source];
}

/** `<dc:creator>` elements for RSS `customData` (RSS's own `author` must be an email). */
export function dcCreators(authors: readonly string[]): string {
  return authors.map((author) => `<dc:creator>${escapeXml(author)}</dc:creator>`).join("");
}

/** An Atom 1.0 feed (RFC 4287), newest entry first; `updated` is the newest entry's date. */
export function atomFeed(input: FeedInput): string {
  const updated = input.entries[0]?.date;
  const lines = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom">`,
    `  <title>${escapeXml(input.title)}</title>`,
    `  <subtitle>${escapeXml(input.subtitle)}</subtitle>`,
    `  <id>${escapeXml(input.siteUrl)}</id>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(input.feedUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(input.siteUrl)}"/>`,
    `  <updated>${updated ? rfc3339(updated) : "1970-01-01T00:00:00Z"}</updated>`,
    `  <author><name>${escapeXml(input.title)}</name></author>`,
  ];
  for (const entry of input.entries) {
    lines.push(
      `  <entry xml:lang="${escapeXml(entry.language)}">`,
      `    <title>${escapeXml(entry.title)}</title>`,
      `    <id>${escapeXml(entry.url)}</id>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(entry.url)}"/>`,
      `    <published>${rfc3339(entry.date)}</published>`,
      `    <updated>${rfc3339(entry.date)}</updated>`,
    );
    // Atom requires an author on every entry when the feed has none; the feed has one,
    // so entries without a byline fall back to it, and the source stays a category.
    for (const author of entry.authors) {
      lines.push(`    <author><name>${escapeXml(author)}</name></author>`);
    }
    for (const category of categoriesOf(entry)) {
      lines.push(`    <category term="${escapeXml(category)}"/>`);
    }
    lines.push(`    <summary>${escapeXml(entry.summary)}</summary>`, `  </entry>`);
  }
  lines.push(`</feed>`, ``);
  return lines.join("\n");
}

/** robots.txt: everything may be crawled; the sitemap is named by its absolute URL. */
export function robotsTxt(sitemapUrl: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${sitemapUrl}\n`;
}

/** The feed entry of an article, from its frontmatter and body. */
export function feedEntryFor(
  data: ArticleFrontmatter,
  body: string,
  site: string | URL,
): FeedEntry {
  return {
    title: data.title,
    url: absoluteUrl(permalinkFor(data), site),
    date: data.date,
    summary: summaryAfterTitle(body, data.title),
    source: data.source,
    authors: authorsOf(data),
    section: data.section,
    language: data.language,
  };
}
