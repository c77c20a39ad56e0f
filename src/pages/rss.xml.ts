import rss from "@astrojs/rss";
import type { APIRoute } from "astro";
import { articleBody, getArticles } from "../archive.ts";
import { FEED_SIZE, categoriesOf, dcCreators, feedEntryFor, utcMidnight } from "../lib/feeds.ts";
import { SITE_DESCRIPTION, SITE_NAME } from "../lib/site.ts";

/** RSS 2.0: the newest articles, bylines as dc:creator (RSS's author must be an email). */
export const GET: APIRoute = async ({ site }) => {
  const entries = await Promise.all(
    (await getArticles())
      .slice(0, FEED_SIZE)
      .map(async (article) => feedEntryFor(article.data, await articleBody(article), site!)),
  );
  return rss({
    title: SITE_NAME,
    description: SITE_DESCRIPTION,
    site: site!,
    xmlns: { dc: "http://purl.org/dc/elements/1.1/" },
    items: entries.map((entry) => ({
      title: entry.title,
      link: entry.url,
      pubDate: utcMidnight(entry.date),
      description: entry.summary,
      categories: categoriesOf(entry),
      customData: dcCreators(entry.authors),
    })),
  });
};
