import type { APIRoute } from "astro";
import { getArticles } from "../archive.ts";
import { FEED_SIZE, atomFeed, feedEntryFor } from "../lib/feeds.ts";
import { ATOM_PATH, HOME_PATH, absoluteUrl } from "../lib/permalink.ts";
import { SITE_DESCRIPTION, SITE_NAME } from "../lib/site.ts";

/** Atom 1.0: the newest articles, written by src/lib/feeds.ts. */
export const GET: APIRoute = async ({ site }) => {
  const entries = (await getArticles())
    .slice(0, FEED_SIZE)
    .map((article) => feedEntryFor(article.data, article.body ?? "", site!));
  const xml = atomFeed({
    title: SITE_NAME,
    subtitle: SITE_DESCRIPTION,
    siteUrl: absoluteUrl(HOME_PATH, site!),
    feedUrl: absoluteUrl(ATOM_PATH, site!),
    entries,
  });
  return new Response(xml, { headers: { "Content-Type": "application/atom+xml; charset=utf-8" } });
};
