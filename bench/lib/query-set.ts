/**
 * The search benchmark's query set, taken from the generated corpus itself and the same
 * for the same corpus and seed: rare words, the commonest content words (in 10% or more of
 * the articles), two and three words found together, a quoted phrase that occurs and a
 * person's name, each plain, with a date range, with a source facet and sorted newest and
 * oldest. Two passes over the corpus: the first counts document frequencies and keeps a few
 * articles to take words from; the second finds the articles each query matches, from
 * which its date range and source are chosen (so every variant has results to find).
 */
import { emptyState, searchStateEntries, type SortOrder } from "../../src/lib/search/state.ts";
import { randomFrom } from "./vocabulary.ts";

export interface CorpusDoc {
  date: string;
  source: string;
  title: string;
  body: string;
}

export type QueryKind = "rare" | "common" | "two-words" | "three-words" | "phrase" | "name";
export type Variant = "plain" | "date-range" | "source" | "newest" | "oldest";
export const VARIANTS: readonly Variant[] = ["plain", "date-range", "source", "newest", "oldest"];

/** Words of running text that carry no topic: the function words of the generator's lists. */
export const STOP_WORDS = new Set(
  (
    "the a of and to in on for with by from at as that this which after before during will " +
    "would could has have had is are was were be been also more than about over between two " +
    "three four five several many most some all both each other every further said " +
    "və ilə üçün bu bir da də isə artıq həmçinin daha çox az hər bütün " +
    "и в на с по для из от при после до во время также более около между был была были " +
    "будет будут это этот все каждый несколько много два три пять"
  ).split(" "),
);

/** Organisation kinds: a capitalised pair ending in one is not a person. */
const ORGANISATION_WORDS = new Set(
  (
    "Group Holding Bank Institute Foundation Company Union Agency Holdinq Mərkəz Fond Şirkət " +
    "Birlik Agentlik Qrup Групп Холдинг Банк Институт Фонд Компания Союз Агентство"
  ).split(" "),
);

/** Lower-case words as a search index splits them: letters and digits. */
export function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}

/** A word worth searching for its meaning: letters only, 4 or more, not a function word. */
export function isContentWord(word: string): boolean {
  return [...word].length >= 4 && /^[\p{L}\p{M}]+$/u.test(word) && !STOP_WORDS.has(word);
}

/**
 * People named in running text: two capitalised words after a lower-case word or a number
 * (so not a sentence's first word), the second not an organisation's kind.
 */
export function personNames(text: string): string[] {
  const names: string[] = [];
  const pattern = /(?<=[\p{Ll}\p{N},] )(\p{Lu}\p{Ll}+) (\p{Lu}\p{Ll}+)(?=[ .,?!]|$)/gmu;
  for (const match of text.matchAll(pattern)) {
    if (!ORGANISATION_WORDS.has(match[2]!)) names.push(`${match[1]} ${match[2]}`);
  }
  return names;
}

const sentencesOf = (text: string) => text.split(/[.?!\n]+/u).map(tokens);

export interface CorpusStats {
  articles: number;
  /** Articles holding each word (lower case), headline and body. */
  df: Map<string, number>;
  /** Articles naming each person. */
  names: Map<string, number>;
  /** The sentences (as words) of the articles kept to take words from, in index order. */
  anchors: string[][][];
}

/** Pass 1: document frequencies, and the sentences of the articles at `anchorIndexes`. */
export function corpusStats(docs: Iterable<CorpusDoc>, anchorIndexes: readonly number[]) {
  const stats: CorpusStats = { articles: 0, df: new Map(), names: new Map(), anchors: [] };
  const kept = new Map<number, string[][]>();
  for (const doc of docs) {
    const text = `${doc.title}\n${doc.body}`;
    for (const word of new Set(tokens(text))) stats.df.set(word, (stats.df.get(word) ?? 0) + 1);
    for (const name of new Set(personNames(doc.body))) {
      stats.names.set(name, (stats.names.get(name) ?? 0) + 1);
    }
    if (anchorIndexes.includes(stats.articles)) kept.set(stats.articles, sentencesOf(text));
    stats.articles++;
  }
  stats.anchors = anchorIndexes.flatMap((i) => (kept.has(i) ? [kept.get(i)!] : []));
  return stats;
}

export interface BaseQuery {
  kind: QueryKind;
  /** What is typed into the search box. */
  q: string;
  /** The lower-case words an article must hold (in order, adjacent, for a phrase). */
  words: string[];
  phrase: boolean;
}

/** The `(p)` share of the articles, at least 1. */
const share = (stats: CorpusStats, p: number) => Math.max(1, Math.ceil(stats.articles * p));

/** Common content words (in >= 10% of articles), commonest first, with their counts. */
export function commonWords(stats: CorpusStats): [string, number][] {
  const floor = share(stats, 0.1);
  return [...stats.df]
    .filter(([word, df]) => df >= floor && isContentWord(word))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** Picks `count` distinct items of `list` (fewer if it is shorter), in a seeded order. */
function pickSome<T>(list: readonly T[], count: number, random: () => number): T[] {
  const pool = [...list];
  const picked: T[] = [];
  while (picked.length < count && pool.length) {
    picked.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!);
  }
  return picked;
}

const words = (kind: QueryKind, list: string[]): BaseQuery => ({
  kind,
  q: list.join(" "),
  words: list,
  phrase: false,
});

/** The base queries (no filters yet): 3 rare, 3 common, 2 two-word, 1 three-word, phrase, name. */
export function chooseBases(stats: CorpusStats, seed: number): BaseQuery[] {
  const random = randomFrom(seed);
  const df = (word: string) => stats.df.get(word) ?? 0;
  const common = commonWords(stats).map(([word]) => word);
  const bases: BaseQuery[] = [];

  const rare = [...stats.df]
    .filter(([word, n]) => n >= 2 && n <= 5 && isContentWord(word))
    .map(([word]) => word)
    .sort();
  for (const word of pickSome(rare, 3, random)) bases.push(words("rare", [word]));
  // The commonest (the slowest today) and two more found in 10% or more.
  for (const word of [...common.slice(0, 1), ...pickSome(common.slice(1), 2, random)]) {
    bases.push(words("common", [word]));
  }

  // Words that occur together: taken from one article each.
  const contentOf = (sentences: string[][]) =>
    [...new Set(sentences.flat())].filter(isContentWord).sort();
  const anchors = stats.anchors.map(contentOf);
  const mid = (list: string[]) =>
    list.filter((w) => df(w) >= 2 && df(w) < share(stats, 0.1) && !common.includes(w));
  const [a, b, c] = [anchors[0] ?? [], anchors[1] ?? [], anchors[2] ?? []];
  const commonInA = pickSome(
    a.filter((w) => common.includes(w)),
    1,
    random,
  );
  bases.push(words("two-words", [...commonInA, ...pickSome(mid(a), 2 - commonInA.length, random)]));
  bases.push(words("two-words", pickSome(mid(b), 2, random)));
  bases.push(words("three-words", pickSome(mid(c).length >= 3 ? mid(c) : c, 3, random)));

  const phrase = choosePhrase(stats.anchors[3] ?? stats.anchors[0] ?? [], random);
  if (phrase)
    bases.push({ kind: "phrase", q: `"${phrase.join(" ")}"`, words: phrase, phrase: true });

  const names = [...stats.names]
    .filter(([, n]) => n >= 2)
    .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
  const name = pickSome(names.slice(0, 50), 1, random)[0] ?? [...stats.names][0];
  if (name) bases.push({ ...words("name", tokens(name[0])), q: name[0] });
  return bases.filter((base) => base.words.length > 0);
}

/** Three adjacent words of one sentence, at least one a content word. */
function choosePhrase(sentences: string[][], random: () => number): string[] | null {
  const runs: string[][] = [];
  for (const sentence of sentences) {
    for (let i = 0; i + 3 <= sentence.length; i++) {
      const run = sentence.slice(i, i + 3);
      const wordy = run.every((w) => /^[\p{L}\p{M}]{2,}$/u.test(w));
      if (wordy && run.some(isContentWord)) runs.push(run);
    }
  }
  return pickSome(runs, 1, random)[0] ?? null;
}

/** True when `doc` holds every word of `base` (adjacent and in order, for a phrase). */
export function matches(base: BaseQuery, wordSet: Set<string>, sentences: string[][]): boolean {
  if (!base.words.every((w) => wordSet.has(w))) return false;
  if (!base.phrase) return true;
  const wanted = ` ${base.words.join(" ")} `;
  return sentences.some((s) => ` ${s.join(" ")} `.includes(wanted));
}

export interface Match {
  date: string;
  source: string;
}

/** Pass 2: the date and source of every article each base query matches. */
export function matchBases(docs: Iterable<CorpusDoc>, bases: readonly BaseQuery[]): Match[][] {
  const found: Match[][] = bases.map(() => []);
  for (const doc of docs) {
    const sentences = sentencesOf(`${doc.title}\n${doc.body}`);
    const wordSet = new Set(sentences.flat());
    bases.forEach((base, i) => {
      if (matches(base, wordSet, sentences)) found[i]!.push({ date: doc.date, source: doc.source });
    });
  }
  return found;
}

export interface BenchQuery {
  kind: QueryKind;
  variant: Variant;
  q: string;
  source: string;
  from: string;
  to: string;
  sort: SortOrder;
  /** Articles of the corpus holding the words, within the filters (the index may differ a little). */
  articles: number;
  /** `/search/` with the filters and sort in the URL (the words are typed). */
  path: string;
}

/** The query string of a state without its words: what a link or the form sets. */
export function statePath(query: Pick<BenchQuery, "source" | "from" | "to" | "sort">): string {
  const state = { ...emptyState(), from: query.from, to: query.to, sort: query.sort };
  if (query.source) state.facets.source = [query.source];
  const params = new URLSearchParams(searchStateEntries(state)).toString();
  return `/search/${params ? `?${params}` : ""}`;
}

/**
 * Every base in every variant, ordered so that any first K cover as many bases and variants
 * as they can: round r gives base b its variant (b + r) mod 5.
 */
export function withVariants(
  bases: readonly BaseQuery[],
  found: readonly Match[][],
  seed: number,
): BenchQuery[] {
  const random = randomFrom(seed + 1);
  const queries: BenchQuery[] = [];
  for (let round = 0; round < VARIANTS.length; round++) {
    bases.forEach((base, b) => {
      const variant = VARIANTS[(b + round) % VARIANTS.length]!;
      const all = found[b] ?? [];
      const some = all[Math.floor(random() * all.length)];
      let query = { source: "", from: "", to: "", sort: "relevance" as SortOrder };
      let articles = all.length;
      if (variant === "newest" || variant === "oldest") query.sort = variant;
      if (variant === "source" && some) {
        query = { ...query, source: some.source };
        articles = all.filter((m) => m.source === some.source).length;
      }
      if (variant === "date-range" && some) {
        const year = Number(some.date.slice(0, 4));
        query = { ...query, from: String(year - 1), to: String(year + 1) };
        articles = all.filter((m) => {
          const y = Number(m.date.slice(0, 4));
          return y >= year - 1 && y <= year + 1;
        }).length;
      }
      queries.push({
        kind: base.kind,
        variant,
        q: base.q,
        ...query,
        articles,
        path: statePath(query),
      });
    });
  }
  return queries;
}

/** Articles to take words from (two-word, three-word, phrase queries): seeded positions. */
export function anchorIndexes(articles: number, seed: number): number[] {
  const random = randomFrom(seed + 2);
  return Array.from({ length: 4 }, () => Math.floor(random() * articles));
}
