/**
 * Redirects kept for articles that moved: each `aliases` entry of an article becomes a page
 * at the old URL that sends the reader to the article's permalink.
 */
import { permalinkFor, type ArticleKey } from "./permalink.ts";

export interface AliasRedirect<T> {
  /** The old site path, e.g. `/articles/2019/12/10/old-slug/`. */
  from: string;
  /** The article's current permalink. */
  to: string;
  /** The article that moved. */
  article: T;
}

/**
 * All alias redirects. Throws, naming both articles, when an alias is claimed twice or
 * would shadow a live permalink: one URL can only ever mean one thing.
 */
export function aliasRedirects<
  T extends { id: string; data: ArticleKey & { aliases?: string[] | undefined } },
>(articles: T[]): AliasRedirect<T>[] {
  const owner = new Map<string, string>();
  for (const article of articles)
    owner.set(permalinkFor(article.data), `${article.id} (its permalink)`);
  const redirects: AliasRedirect<T>[] = [];
  for (const article of articles) {
    for (const from of article.data.aliases ?? []) {
      const claimed = owner.get(from);
      if (claimed) {
        throw new Error(
          `${article.id}: alias ${from} is already used by ${claimed}; remove one of them`,
        );
      }
      owner.set(from, `${article.id} (an alias)`);
      redirects.push({ from, to: permalinkFor(article.data), article });
    }
  }
  return redirects;
}
