import { readFile } from "node:fs/promises";
import type { APIRoute } from "astro";
import { getArticles, type Article } from "../../../../../../archive.ts";
import { articleParams } from "../../../../../../lib/permalink.ts";
import { originalFileFor } from "../../../../../../lib/entry-check.ts";

export async function getStaticPaths() {
  return (await getArticles()).map((article) => ({
    params: articleParams(article.data),
    props: { article },
  }));
}

/** The original raw text, served byte for byte (the build already checked its sha256). */
export const GET: APIRoute<{ article: Article }> = async ({ props }) => {
  const bytes = await readFile(originalFileFor(props.article.filePath!));
  return new Response(bytes, { headers: { "Content-Type": "text/plain; charset=utf-8" } });
};
