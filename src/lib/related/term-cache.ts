/**
 * Counted words kept between builds, so a build reads and counts only the bodies of
 * articles that changed: at 100,000 articles, reading and counting every body is most of
 * related coverage's cost (README, "Scale"), and an added article changes none of the
 * others' counts, only the document frequencies computed from them.
 *
 * Word ids are put in one canonical order (the words' own sort order, words no article
 * has left out) before relating, so a build from the cache and a clean build number the
 * words alike and give the same lists, byte for byte (related.ts breaks ties by id).
 */
import { countTerms, newVocabulary, type ArticleTerms, type Vocabulary } from "./terms.ts";

/** Changes whenever what countTerms counts changes, so older caches are not read. */
export const TERMS_FORMAT = "related-terms-2";

export interface TermCache {
  /** Words by id. */
  terms: string[];
  /** Counted words of each article, by a digest of its entry (title and body). */
  articles: Map<string, ArticleTerms>;
}

export const EMPTY_CACHE: TermCache = { terms: [], articles: new Map() };

/** One article to count: `key` changes whenever its title or body does. */
export interface Countable {
  key: string;
  title: string;
  date: string;
}

export interface Counted {
  /** Each article's words, in the canonical numbering, in the order given. */
  counted: { terms: ArticleTerms; date: string }[];
  documentFrequency: number[];
  /** What to keep for the next build: every article given, in the canonical numbering. */
  cache: TermCache;
  /** Articles whose bodies were read (not in the cache). */
  read: number;
}

/** A vocabulary whose ids are the cache's, so cached counts need no renumbering to add. */
function vocabularyOf(terms: readonly string[]): Vocabulary {
  const vocabulary = newVocabulary();
  terms.forEach((term, id) => vocabulary.ids.set(term, id));
  vocabulary.documentFrequency = terms.map(() => 0);
  return vocabulary;
}

/**
 * Counts the words of `articles`, reading with `body` only those the cache lacks, then
 * numbers the words canonically. Bodies are read `batch` at a time.
 */
export async function countAll(
  articles: readonly Countable[],
  cache: TermCache,
  body: (index: number) => Promise<string>,
  batch = 64,
): Promise<Counted> {
  const vocabulary = vocabularyOf(cache.terms);
  const terms: (ArticleTerms | undefined)[] = articles.map(({ key }) => cache.articles.get(key));
  const missing: number[] = [];
  terms.forEach((hit, index) => {
    if (!hit) missing.push(index);
    else for (const id of hit.ids) vocabulary.documentFrequency[id]! += 1;
  });
  for (let start = 0; start < missing.length; start += batch) {
    const indices = missing.slice(start, start + batch);
    const bodies = await Promise.all(indices.map(body));
    indices.forEach((index, i) => {
      terms[index] = countTerms(articles[index]!.title, bodies[i]!, vocabulary);
    });
  }
  const canonical = canonicalOrder(vocabulary, terms as ArticleTerms[]);
  return {
    counted: canonical.counted.map((counts, i) => ({ terms: counts, date: articles[i]!.date })),
    documentFrequency: canonical.documentFrequency,
    cache: {
      terms: canonical.terms,
      articles: new Map(articles.map(({ key }, i) => [key, canonical.counted[i]!])),
    },
    read: missing.length,
  };
}

type Word = [term: string, id: number];
const byTerm = ([a]: Word, [b]: Word) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * `words` in their sort order. The words of the cache come first and in order already
 * (this function wrote them), so only those after them (new in this build, a few) are
 * sorted, and merged in: sorting all of them took about 2.7 s a build at 100,000 articles.
 */
function sortedWords(words: Word[]): Word[] {
  let inOrder = Math.min(1, words.length);
  while (inOrder < words.length && words[inOrder - 1]![0] < words[inOrder]![0]) inOrder += 1;
  const rest = words.slice(inOrder).sort(byTerm);
  const merged: Word[] = [];
  let i = 0;
  let j = 0;
  while (i < inOrder || j < rest.length) {
    if (j >= rest.length || (i < inOrder && words[i]![0] < rest[j]![0])) merged.push(words[i++]!);
    else merged.push(rest[j++]!);
  }
  return merged;
}

/** Renumbers words in their sort order, leaving out those no article has. */
export function canonicalOrder(
  vocabulary: Vocabulary,
  articles: readonly ArticleTerms[],
): { terms: string[]; documentFrequency: number[]; counted: ArticleTerms[] } {
  const live = sortedWords(
    [...vocabulary.ids].filter(([, id]) => vocabulary.documentFrequency[id]! > 0),
  );
  const remap = new Int32Array(vocabulary.documentFrequency.length).fill(-1);
  live.forEach(([, id], canonical) => (remap[id] = canonical));
  // Numbers unchanged (no word new to the cache, none gone): the counts are kept as they are.
  if (live.length === remap.length && live.every(([, id], canonical) => id === canonical)) {
    return {
      terms: live.map(([term]) => term),
      documentFrequency: vocabulary.documentFrequency.slice(),
      counted: articles.slice(),
    };
  }
  const counted = articles.map(({ ids, counts }) => {
    // One loop over the ids, not map() and every(): 30 million ids at 100,000 articles.
    const mapped = new Int32Array(ids.length);
    let inOrder = true;
    for (let i = 0; i < ids.length; i++) {
      mapped[i] = remap[ids[i]!]!;
      if (i > 0 && mapped[i - 1]! >= mapped[i]!) inOrder = false;
    }
    if (inOrder) return { ids: mapped, counts };
    // Words first met in this build: ids in sort order again, counts alongside.
    const order = Array.from(mapped.keys()).sort((a, b) => mapped[a]! - mapped[b]!);
    return {
      ids: Int32Array.from(order, (i) => mapped[i]!),
      counts: Uint16Array.from(order, (i) => counts[i]!),
    };
  });
  return {
    terms: live.map(([term]) => term),
    documentFrequency: live.map(([, id]) => vocabulary.documentFrequency[id]!),
    counted,
  };
}
