/**
 * Page metadata for machines: Open Graph and Twitter cards for link previews, Highwire
 * `citation_*` tags for reference managers (Zotero, Google Scholar), and schema.org
 * NewsArticle JSON-LD for search engines. Pure: returns data, the layout renders it.
 */
import { dateParts } from "./dates.ts";

/** One `<meta>`: Open Graph uses `property`, everything else `name`. */
export type MetaTag = { property: string; content: string } | { name: string; content: string };

export interface PageMetaInput {
  /** Page title without the site name. */
  title: string;
  description: string;
  /** Absolute canonical URL; none for a page without one (404). */
  url?: string | undefined;
  siteName: string;
  /** Absolute URL of the site's home page. */
  siteUrl?: string;
  /** BCP 47, e.g. `en` or `az-Latn`. */
  language: string;
}

export interface ArticleMetaInput extends PageMetaInput {
  url: string;
  /** `YYYY-MM-DD`. */
  date: string;
  source: string;
  authors: readonly string[];
  section?: string | undefined;
  originalUrl?: string | undefined;
  /** Absolute URLs of the author pages, in byline order (JSON-LD `author.url`). */
  authorUrls?: readonly string[];
  /** Absolute URL of the source page (JSON-LD `publisher.url`). */
  sourceUrl?: string;
}

/** `en` -> `en`, `az-Latn` -> `az`, `pt-BR` -> `pt_BR`: the `og:locale` form. */
export function ogLocale(language: string): string {
  const [lang = "en", ...rest] = language.split("-");
  const region = rest.find((part) => /^[A-Za-z]{2}$|^\d{3}$/.test(part));
  return region ? `${lang.toLowerCase()}_${region.toUpperCase()}` : lang.toLowerCase();
}

/** Tags every page carries: Open Graph `website` and a summary Twitter card. */
export function pageMeta(input: PageMetaInput): MetaTag[] {
  return [{ property: "og:type", content: "website" }, ...commonMeta(input)];
}

function commonMeta(input: PageMetaInput): MetaTag[] {
  return [
    { property: "og:title", content: input.title },
    { property: "og:description", content: input.description },
    ...(input.url ? [{ property: "og:url", content: input.url }] : []),
    { property: "og:site_name", content: input.siteName },
    { property: "og:locale", content: ogLocale(input.language) },
    // Twitter/X reads og:title and og:description when its own tags are absent.
    { name: "twitter:card", content: "summary" },
  ];
}

/**
 * An article's tags: Open Graph `article` (published time, authors, section, the source
 * as a tag) and Highwire `citation_*` so reference managers save a newspaper article.
 */
export function articleMeta(input: ArticleMetaInput): MetaTag[] {
  const { year, month, day } = dateParts(input.date);
  const tags: MetaTag[] = [{ property: "og:type", content: "article" }, ...commonMeta(input)];
  tags.push({ property: "article:published_time", content: input.date });
  for (const author of input.authors) tags.push({ property: "article:author", content: author });
  if (input.section) tags.push({ property: "article:section", content: input.section });
  tags.push({ property: "article:tag", content: input.source });

  tags.push({ name: "citation_title", content: input.title });
  for (const author of input.authors) tags.push({ name: "citation_author", content: author });
  tags.push(
    { name: "citation_publication_date", content: `${year}/${month}/${day}` },
    { name: "citation_journal_title", content: input.source },
    { name: "citation_language", content: input.language },
  );
  return tags;
}

/** schema.org NewsArticle for an archived article. */
export function newsArticleJsonLd(input: ArticleMetaInput): Record<string, unknown> {
  const data: Record<string, unknown> = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: input.title,
    description: input.description,
    datePublished: input.date,
    inLanguage: input.language,
    url: input.url,
  };
  if (input.authors.length) {
    data["author"] = input.authors.map((name, i) => {
      const person: Record<string, string> = { "@type": "Person", name };
      const url = input.authorUrls?.[i];
      if (url) person["url"] = url;
      return person;
    });
  }
  const publisher: Record<string, string> = { "@type": "Organization", name: input.source };
  if (input.sourceUrl) publisher["url"] = input.sourceUrl;
  data["publisher"] = publisher;
  if (input.section) data["articleSection"] = input.section;
  if (input.originalUrl) data["isBasedOn"] = input.originalUrl;
  const site: Record<string, string> = { "@type": "WebSite", name: input.siteName };
  if (input.siteUrl) site["url"] = input.siteUrl;
  data["isPartOf"] = site;
  return data;
}

/**
 * JSON for a `<script type="application/ld+json">` data block: `<`, `>` and `&` are
 * escaped as JSON unicode escapes, so no text can close the element or open a comment.
 */
export function jsonForScript(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
