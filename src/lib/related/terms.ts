/**
 * The words of an article that can tell its story apart, counted for related coverage
 * (src/lib/related/related.ts). Words are folded as search folds them, with ə and ı as e
 * and i (`Bakı` and `Baki` are one word); short words, numbers and stopwords are dropped,
 * so what is left is names, places and content words.
 */
import { plainFold, wordsOf } from "../search/spelling.ts";

/** Function words of the archive's languages (folded), too common to tell stories apart. */
const STOPWORDS = new Set(
  [
    // English
    "the and for that with from this have has had was were are been being will would",
    "could should can may might must not but its his her their they them she him who whom",
    "which what when where why how all any each few more most other some such than too",
    "very also just into over under about after before between through during while",
    "said says say one two three first last new year years day days week month",
    "there here then these those our your you out off only own same again once both",
    "did does doing done per via upon against among within without because until",
    "mr mrs ms monday tuesday wednesday thursday friday saturday sunday",
    // Azerbaijani (folded: ə → e, ı → i, marks stripped)
    "ve ile ucun olan olub olaraq bu bir da de ki ise ile daha cox kimi sonra qeyd edib",
    "etdi edir bildirib deyib ilin ilde gore",
    // Russian
    "что для это как его она они был была было были при также который которые так уже",
    "или его ещё еще под над после только более году года",
  ]
    .join(" ")
    .split(" "),
);

/** A counted word: at least three letters, not only digits, not a stopword. */
function keeps(word: string): boolean {
  return word.length >= 3 && !/^\p{N}+$/u.test(word) && !STOPWORDS.has(word);
}

/** Folded words of a text that count, in order, repeats kept. */
export function termsOf(text: string): string[] {
  return wordsOf(text).map(plainFold).filter(keeps);
}

/** Numbers for words, shared by every article of one computation; counts articles per word. */
export interface Vocabulary {
  ids: Map<string, number>;
  /** How many articles contain each word, by id. */
  documentFrequency: number[];
  /** Word ids of words as written (-1: not counted), so each spelling is folded once. */
  written: Map<string, number>;
}

export function newVocabulary(): Vocabulary {
  return { ids: new Map(), documentFrequency: [], written: new Map() };
}

/** The id of a word as written, -1 when it does not count; new words get the next id. */
function idOf(word: string, vocabulary: Vocabulary): number {
  let id = vocabulary.written.get(word);
  if (id !== undefined) return id;
  const term = plainFold(word);
  id = keeps(term) ? vocabulary.ids.get(term) : -1;
  if (id === undefined) {
    id = vocabulary.documentFrequency.length;
    vocabulary.ids.set(term, id);
    vocabulary.documentFrequency.push(0);
  }
  vocabulary.written.set(word, id);
  return id;
}

let scratch = new Uint32Array(1 << 16);

/** An article's words as ids, ascending, with how often each occurs. */
export interface ArticleTerms {
  ids: Int32Array;
  counts: Uint16Array;
}

/**
 * Counts the words of an article (its title counts twice: it names the story) and adds
 * the article to the vocabulary's document frequencies. Compact typed arrays, so the words
 * of 100,000 articles fit in memory at once.
 */
export function countTerms(title: string, body: string, vocabulary: Vocabulary): ArticleTerms {
  // A count per word id, reset after each article: no map per article.
  let counts = scratch;
  const found: number[] = [];
  const add = (text: string, times: number) => {
    for (const word of wordsOf(text)) {
      const id = idOf(word, vocabulary);
      if (id < 0) continue;
      if (id >= counts.length) {
        const grown = new Uint32Array(Math.max(id + 1, counts.length * 2));
        grown.set(counts);
        counts = scratch = grown;
      }
      if (counts[id] === 0) found.push(id);
      counts[id]! += times;
    }
  };
  add(title, 2);
  add(body, 1);
  const ids = Int32Array.from(found).sort();
  const out = new Uint16Array(ids.length);
  ids.forEach((id, i) => {
    out[i] = Math.min(counts[id]!, 0xffff);
    counts[id] = 0;
    vocabulary.documentFrequency[id]! += 1;
  });
  return { ids, counts: out };
}
