/**
 * Related coverage: for each article, up to five others about the same story, by TF-IDF
 * cosine similarity of their words (src/lib/related/terms.ts).
 *
 * Cost stays near linear in the number of articles: each article keeps only its
 * `maxTerms` strongest words, candidates are found through an inverted index of those
 * words alone, and a word kept by more than `maxPostings` articles is too common to find
 * candidates by (it still counts in the score of candidates found by rarer words): an
 * article costs at most `maxTerms` x `maxPostings` postings read, whatever the archive. Words
 * in a single article cannot link two, and words in more than `commonShare` of the
 * archive say nothing of a story; both are left out of the vectors.
 *
 * The result depends only on the articles and their order, never on timing or hashing,
 * so two builds of one archive give the same lists.
 */
import type { ArticleTerms } from "./terms.ts";

export interface RelatedOptions {
  /** At most this many related articles per article. */
  limit: number;
  /** Words kept per article: the strongest by TF-IDF weight. */
  maxTerms: number;
  /** A kept word in more articles than this finds no candidates. */
  maxPostings: number;
  /** Words in more than this share of the articles (and more than 10) are left out. */
  commonShare: number;
  /** The least cosine similarity (0-1) that makes two articles related. */
  threshold: number;
  /** The least number of kept words two related articles share. */
  minShared: number;
  /** The least number of them rare enough to find it by (`maxPostings`). */
  candidateShared: number;
}

export const RELATED_DEFAULTS: RelatedOptions = {
  limit: 5,
  maxTerms: 32,
  maxPostings: 200,
  commonShare: 0.5,
  threshold: 0.2,
  minShared: 3,
  candidateShared: 2,
};

/** Work done, counted for the benchmark: postings read and candidate pairs scored. */
export interface RelatedWork {
  postingsRead: number;
  scored: number;
}

/** An article's kept words: ids and unit-vector weights, strongest first. */
interface Vector {
  ids: Int32Array;
  weights: Float64Array;
}

/**
 * Sublinear term frequency times smoothed inverse document frequency. The strongest
 * `maxTerms` words are picked as they come, into a list kept in order (stronger first,
 * then the lower id), not by sorting all of an article's words: this runs for every
 * article of the archive on every build.
 */
function vectorOf(
  terms: ArticleTerms,
  documentFrequency: readonly number[],
  articles: number,
  options: RelatedOptions,
): Vector {
  const common = Math.max(10, options.commonShare * articles);
  const ids = new Int32Array(Math.min(options.maxTerms, terms.ids.length));
  const weights = new Float64Array(ids.length);
  let kept = 0;
  let norm = 0;
  for (let i = 0; i < terms.ids.length; i++) {
    const id = terms.ids[i]!;
    const df = documentFrequency[id]!;
    if (df > common) continue;
    const weight = (1 + Math.log(terms.counts[i]!)) * Math.log((articles + 1) / df);
    norm += weight * weight;
    if (df < 2 || ids.length === 0) continue;
    // Where it goes: after every kept word as strong or stronger with a lower id.
    let at = kept;
    while (
      at > 0 &&
      (weights[at - 1]! < weight || (weights[at - 1] === weight && ids[at - 1]! > id))
    )
      at -= 1;
    if (at >= ids.length) continue;
    for (let j = Math.min(kept, ids.length - 1); j > at; j--) {
      ids[j] = ids[j - 1]!;
      weights[j] = weights[j - 1]!;
    }
    ids[at] = id;
    weights[at] = weight;
    kept = Math.min(kept + 1, ids.length);
  }
  // Normalised by all its words, its own included: two articles are as similar as the
  // share of their words they have in common, not the share of those they could.
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < kept; i++) weights[i] = weights[i]! / norm;
  return { ids: ids.subarray(0, kept), weights: weights.subarray(0, kept) };
}

interface Postings {
  start: Int32Array;
  postings: Int32Array;
}

/**
 * For each word id, the articles keeping it, ascending: article `postings[start[id]]` to
 * `postings[start[id + 1] - 1]`. Two flat arrays rather than a list per word, as this is
 * built for every article of the archive on every build.
 */
function invertedIndex(vectors: readonly Vector[], words: number): Postings {
  const start = new Int32Array(words + 1);
  for (const vector of vectors) for (const id of vector.ids) start[id + 1]! += 1;
  for (let id = 0; id < words; id++) start[id + 1]! += start[id]!;
  const postings = new Int32Array(start[words]!);
  const filled = start.slice(0, words);
  vectors.forEach((vector, article) => {
    for (const id of vector.ids) postings[filled[id]!++] = article;
  });
  return { start, postings };
}

/**
 * Cosine similarity of two kept-word vectors, and how many words they share: `mine` holds
 * one article's weights by word id (0 for a word it does not keep), summed in the order of
 * `other`'s words, as in every build.
 */
function dot(mine: Float64Array, other: Vector): { score: number; shared: number } {
  let score = 0;
  let shared = 0;
  for (let i = 0; i < other.ids.length; i++) {
    const weight = mine[other.ids[i]!]!;
    if (weight === 0) continue;
    score += weight * other.weights[i]!;
    shared += 1;
  }
  return { score, shared };
}

/** Days since the epoch of a `YYYY-MM-DD` date, for nearness in time. */
function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / 86_400_000);
}

/**
 * The related articles of each article, as indices into `articles`, most similar first;
 * equal similarity goes to the article nearer in date, then the earlier index. Only the
 * articles `wanted` accepts get a list (the others an empty one), so a build that renders
 * some years pays for their lists only; every article is still a candidate. `work` is
 * added to.
 */
export function relatedArticles(
  articles: readonly { terms: ArticleTerms; date: string }[],
  documentFrequency: readonly number[],
  options: RelatedOptions = RELATED_DEFAULTS,
  wanted: (index: number) => boolean = () => true,
  work: RelatedWork = { postingsRead: 0, scored: 0 },
): number[][] {
  const vectors = articles.map(({ terms }) =>
    vectorOf(terms, documentFrequency, articles.length, options),
  );
  const { start, postings } = invertedIndex(vectors, documentFrequency.length);
  const days = articles.map(({ date }) => dayNumber(date));
  const shared = new Uint16Array(articles.length);
  const mine = new Float64Array(documentFrequency.length);
  return vectors.map((vector, self) => {
    if (!wanted(self)) return [];
    // Pass one counts words shared through the index; only articles sharing enough of
    // them are scored, so the cost is the postings read, not the articles they name.
    const touched: number[] = [];
    for (const id of vector.ids) {
      const first = start[id]!;
      const end = start[id + 1]!;
      if (end - first > options.maxPostings) continue;
      work.postingsRead += end - first;
      for (let at = first; at < end; at++) {
        const other = postings[at]!;
        if (shared[other] === 0) touched.push(other);
        shared[other]! += 1;
      }
    }
    const candidates = touched.filter(
      (other) => other !== self && shared[other]! >= options.candidateShared,
    );
    for (const other of touched) shared[other] = 0;
    work.scored += candidates.length;
    vector.ids.forEach((id, i) => (mine[id] = vector.weights[i]!));
    const found: { other: number; score: number; distance: number }[] = [];
    for (const other of candidates) {
      const similarity = dot(mine, vectors[other]!);
      if (similarity.score >= options.threshold && similarity.shared >= options.minShared)
        found.push({
          other,
          score: similarity.score,
          distance: Math.abs(days[other]! - days[self]!),
        });
    }
    for (const id of vector.ids) mine[id] = 0;
    found.sort((a, b) => b.score - a.score || a.distance - b.distance || a.other - b.other);
    return found.slice(0, options.limit).map(({ other }) => other);
  });
}
