import type { APIRoute } from "astro";
import { robotsTxt } from "../lib/feeds.ts";
import { SITEMAP_PATH, absoluteUrl } from "../lib/permalink.ts";

/** robots.txt names the sitemap by its absolute URL, so it is built from the site URL. */
export const GET: APIRoute = ({ site }) =>
  new Response(robotsTxt(absoluteUrl(SITEMAP_PATH, site!)), {
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
