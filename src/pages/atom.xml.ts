import type { APIRoute } from "astro";
import { articleBody, getArticles } from "../archive.ts";
import { FEED_SIZE, atomFeed, feedEntryFor } from "../lib/feeds.ts";
import { ATOM_PATH, HOME_PATH, absoluteUrl } from "../lib/permalink.ts";
import { SITE_DESCRIPTION, SITE_NAME } from "../lib/site.ts";

/** Atom 1.0: the newest articles, written by src/lib/feeds.ts. */
export const GET: APIRoute = async ({ site }) => {
  const entries = await Promise.all(
    (await getArticles())
      .slice(0, FEED_SIZE)
      .map(async (article) => feedEntryFor(article.data, await articleBody(article), site!)),
  );
  const xml = atomFeed({
    title: SITE_NAME,
    subtitle: SITE_DESCRIPTION,
    siteUrl: absoluteUrl(HOME_PATH, site!),
    feedUrl: absoluteUrl(ATOM_PATH, site!),
    entries,
  });
  return new Response(xml, { headers: { "Content-Type": "application/atom+xml; charset=utf-8" } });
};
