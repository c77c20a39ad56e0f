/**
 * Vocabularies of the benchmark corpus. `classic`: the few hundred words of `WORDS` drawn
 * uniformly (every word common; the corpus of the first benchmarks). `news`: a long tail, as
 * real news has: `WORDS` as the most frequent words, then pseudo-words built from each
 * language's syllables, drawn with Zipf's law (the word of rank k has weight 1/k), and names
 * of people, places and organisations, drawn the same way. Everything here is pure and
 * deterministic: the same seed gives the same words in the same order.
 */
import { FIRST_NAMES, LAST_NAMES, PLACES, WORDS, type CorpusLanguage } from "./words.ts";

export type VocabularyKind = "news" | "classic";
export const VOCABULARY_KINDS: readonly VocabularyKind[] = ["news", "classic"];

/** mulberry32: a small, fast, seedable PRNG. */
export function randomFrom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Syllables {
  onsets: readonly string[];
  vowels: readonly string[];
  codas: readonly string[];
}

const SYLLABLES: Record<CorpusLanguage, Syllables> = {
  en: {
    onsets: (
      "b bl br c ch cl cr d dr f fl fr g gl gr h j k l m n p pl pr qu r s sc sh sl sp st " +
      "t th tr v w wh y z"
    ).split(" "),
    vowels: "a e i o u ai ea ee oo ou ie".split(" "),
    codas: ",,,,,,n,r,l,s,t,m,nd,nt,rt,st,ck,ng".split(","),
  },
  az: {
    onsets: "b c ç d f g h x j k q l m n p r s ş t v y z".split(" "),
    vowels: "a ə e ı i o ö u ü".split(" "),
    codas: ",,,,,n,r,l,m,ş,z,t,q,y,ğ".split(","),
  },
  ru: {
    onsets: "б в г д ж з к л м н п р с т ф х ц ч ш ст пр кр гр тр бр".split(" "),
    vowels: "а е и о у ы я ю э".split(" "),
    codas: ",,,,,н,р,л,м,с,т,в,й,к".split(","),
  },
};

/** Endings of generated surnames and place names, per language. */
const SURNAME_ENDINGS: Record<CorpusLanguage, readonly string[]> = {
  en: ["ov", "ova", "li", "adze", "yan", "son", "er", "ski", "ev", "eva"],
  az: ["ov", "ova", "li", "zadə", "bəyli", "yev", "yeva"],
  ru: ["ов", "ова", "ин", "ина", "ский", "ская", "ев", "ева"],
};
const PLACE_ENDINGS: Record<CorpusLanguage, readonly string[]> = {
  en: ["", "abad", "kend", "ovka", "grad", "ton", "li", "bulak"],
  az: ["", "abad", "kənd", "li", "bulaq", "çay"],
  ru: ["", "овка", "град", "ино", "ск", "ево"],
};
const ORGANISATION_KINDS: Record<CorpusLanguage, readonly string[]> = {
  en: ["Group", "Holding", "Bank", "Institute", "Foundation", "Company", "Union", "Agency"],
  az: ["Holdinq", "Bank", "Mərkəz", "Fond", "Şirkət", "Birlik", "Agentlik", "Qrup"],
  ru: ["Групп", "Холдинг", "Банк", "Институт", "Фонд", "Компания", "Союз", "Агентство"],
};

/** Sizes of the news vocabulary per language: tail words, people, places, organisations. */
export const NEWS_SIZES: Record<
  CorpusLanguage,
  { words: number; people: number; places: number; organisations: number }
> = {
  en: { words: 300_000, people: 30_000, places: 4_000, organisations: 3_000 },
  az: { words: 80_000, people: 10_000, places: 2_000, organisations: 1_000 },
  ru: { words: 80_000, people: 8_000, places: 2_000, organisations: 1_000 },
};

/**
 * Zipf's exponent of the news vocabulary. Above 1, with the sizes above, the distinct words
 * keep growing with the corpus as in real text (Heaps' law): about 50,000 English words at
 * 1,000 articles, 180,000 at 10,000, 300,000 at 100,000, while the 300 commonest words
 * each appear in over 10% of articles.
 */
export const ZIPF_EXPONENT = 1.15;

/** The seed of the vocabulary itself: the same words whatever the corpus's seed. */
const VOCABULARY_SEED = 0x5eed;

const capitalize = (word: string) => word.charAt(0).toLocaleUpperCase() + word.slice(1);

/**
 * `count` distinct pseudo-words of 1 to 4 syllables, none in `taken` (which they are added
 * to), none shorter than `minLength` characters.
 */
export function pseudoWords(
  syllables: Syllables,
  count: number,
  random: () => number,
  taken: Set<string>,
  minLength = 4,
): string[] {
  const pick = (list: readonly string[]) => list[Math.floor(random() * list.length)]!;
  const words: string[] = [];
  while (words.length < count) {
    const roll = random();
    const parts = roll < 0.15 ? 1 : roll < 0.7 ? 2 : roll < 0.97 ? 3 : 4;
    let word = "";
    for (let i = 0; i < parts; i++) {
      word += pick(syllables.onsets) + pick(syllables.vowels) + pick(syllables.codas);
    }
    if (word.length < minLength || taken.has(word)) continue;
    taken.add(word);
    words.push(word);
  }
  return words;
}

/** Cumulative Zipf weights of ranks 1..size (weight 1/k^exponent), normalised to end at 1. */
export function zipfCumulative(size: number, exponent = 1): Float64Array {
  const cumulative = new Float64Array(size);
  let sum = 0;
  for (let k = 0; k < size; k++) {
    sum += 1 / Math.pow(k + 1, exponent);
    cumulative[k] = sum;
  }
  for (let k = 0; k < size; k++) cumulative[k]! /= sum;
  return cumulative;
}

/** The rank (0-based) whose cumulative weight first reaches `u` in [0, 1). */
export function zipfRank(cumulative: Float64Array, u: number): number {
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (cumulative[mid]! > u) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** A list of terms drawn by rank, remembering which were drawn. */
class Drawn {
  readonly terms: readonly string[];
  readonly used: Uint8Array;
  private readonly cumulative: Float64Array | null;
  constructor(terms: readonly string[], cumulative: Float64Array | null) {
    this.terms = terms;
    this.cumulative = cumulative;
    this.used = new Uint8Array(terms.length);
  }
  draw(random: () => number): string {
    const i = this.cumulative
      ? zipfRank(this.cumulative, random())
      : Math.floor(random() * this.terms.length);
    this.used[i] = 1;
    return this.terms[i]!;
  }
  /** Adds the lower-case words of every term drawn so far to `into`. */
  collect(into: Set<string>): void {
    this.terms.forEach((term, i) => {
      if (!this.used[i]) return;
      for (const word of term.toLowerCase().split(/\s+/)) if (word) into.add(word);
    });
  }
}

/** What the generator draws from, per language. */
export interface LanguageVocabulary {
  /** A word of running text, in lower case. */
  word(random: () => number): string;
  /** A person, place or organisation named in running text, or null in the classic corpus. */
  name(random: () => number): string | null;
  /** Distinct lower-case words drawn so far (words and the words of names). */
  distinctWords(into: Set<string>): void;
}

function classicLanguage(lang: CorpusLanguage): LanguageVocabulary {
  const words = new Drawn(WORDS[lang], null);
  return {
    word: (random) => words.draw(random),
    name: () => null,
    distinctWords: (into) => words.collect(into),
  };
}

/** Generated names of one language: people, places and organisations. */
function newsNames(lang: CorpusLanguage, random: () => number, taken: Set<string>) {
  const sizes = NEWS_SIZES[lang];
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const syllables = SYLLABLES[lang];
  const stems = (count: number) =>
    pseudoWords(syllables, count, random, taken, 3).map((stem) => capitalize(stem));
  const firsts = [...(lang === "ru" ? [] : FIRST_NAMES), ...stems(2_000)];
  const lasts = [
    ...(lang === "ru" ? [] : LAST_NAMES),
    ...stems(6_000).map((stem) => stem + pick(SURNAME_ENDINGS[lang])),
  ];
  const people = Array.from({ length: sizes.people }, () => `${pick(firsts)} ${pick(lasts)}`);
  const places = [
    ...PLACES[lang],
    ...stems(sizes.places).map((stem) => stem + pick(PLACE_ENDINGS[lang])),
  ];
  const organisations = stems(sizes.organisations).map(
    (stem) => `${stem} ${pick(ORGANISATION_KINDS[lang])}`,
  );
  return { people, places, organisations };
}

function newsLanguage(lang: CorpusLanguage): LanguageVocabulary {
  const random = randomFrom(VOCABULARY_SEED + lang.charCodeAt(0) * 31 + lang.charCodeAt(1));
  const taken = new Set<string>(WORDS[lang]);
  const tail = pseudoWords(SYLLABLES[lang], NEWS_SIZES[lang].words, random, taken);
  const terms = [...WORDS[lang], ...tail];
  const words = new Drawn(terms, zipfCumulative(terms.length, ZIPF_EXPONENT));
  const names = newsNames(lang, random, taken);
  const people = new Drawn(names.people, zipfCumulative(names.people.length));
  const places = new Drawn(names.places, zipfCumulative(names.places.length));
  const organisations = new Drawn(names.organisations, zipfCumulative(names.organisations.length));
  return {
    word: (r) => words.draw(r),
    name: (r) => {
      const roll = r();
      return (roll < 0.5 ? people : roll < 0.8 ? places : organisations).draw(r);
    },
    distinctWords: (into) => {
      for (const list of [words, people, places, organisations]) list.collect(into);
    },
  };
}

/** A fresh vocabulary (nothing drawn yet) for each language. */
export function vocabularyFor(kind: VocabularyKind): Record<CorpusLanguage, LanguageVocabulary> {
  const make = kind === "news" ? newsLanguage : classicLanguage;
  return { en: make("en"), az: make("az"), ru: make("ru") };
}

/** Distinct lower-case words drawn from all languages so far. */
export function distinctWordCount(vocabulary: Record<CorpusLanguage, LanguageVocabulary>): number {
  const all = new Set<string>();
  for (const lang of Object.values(vocabulary)) lang.distinctWords(all);
  return all.size;
}
