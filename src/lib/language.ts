/**
 * Which of the archive's languages (English, Russian, Azerbaijani) an article body is in,
 * told from the text itself: the script of its letters, then how many of its words are
 * each language's most common function words. Pure and deterministic; every verdict
 * carries its evidence in words, so the import can say why it chose, and says "unsure"
 * rather than guess when the evidence is thin or split.
 */

/** The languages told apart. */
export type DetectedLanguage = "en" | "ru" | "az";

/** What was counted in a text. */
export interface LanguageMeasures {
  letters: number;
  latin: number;
  cyrillic: number;
  /** Latin letters Azerbaijani has and English lacks (ə ğ ı İ ş ö ü ç). */
  azLetters: number;
  /** ə/Ə alone: Azerbaijani's own letter, in no other language of the archive. */
  schwa: number;
  words: number;
  /** Words that are common function words of each language. */
  hits: Record<DetectedLanguage, number>;
}

/** A verdict: a language with its evidence, or null and why it is unsure. */
export interface LanguageGuess {
  language: DetectedLanguage | null;
  /** E.g. `Cyrillic 97% of letters, Russian common words 21% of words`. */
  evidence: string;
  measures: LanguageMeasures;
}

/** How an article's language was chosen, as the import reports it. */
export interface LanguageChoice {
  language: string;
  how: "given" | "detected" | "default";
  /** The evidence (detected) or why detection was unsure (default). */
  why: string;
}

/** Fewer letters than this say too little to tell. */
export const MIN_LETTERS = 40;
/** The dominant script must hold this share of the letters. */
const SCRIPT_MIN = 0.75;
/** A language's common words must be this share of the words... */
const WORDS_MIN = 0.05;
/**
 * ... and lead the other Latin language by this factor, each share taken relative to its
 * usual one: Azerbaijani, which builds words with suffixes, has about half English's share
 * of function words (English 25-40%, Azerbaijani 11-25% in the unit tests' texts and the
 * raw fixtures), so half English, half Azerbaijani is unsure, not English.
 */
const WORDS_LEAD = 2;
const USUAL_SHARE = { en: 0.25, az: 0.12 } as const;
/** Azerbaijani letters in this share of the letters decide when common words are few. */
const AZ_LETTERS_MIN = 0.03;

const FUNCTION_WORDS: Record<DetectedLanguage, ReadonlySet<string>> = {
  // No word that is also common in another of the three ("on" is Azerbaijani for ten).
  en: new Set(
    "the and of to in is that for with was are by as it from at has have be this which were will its an said not but their been".split(
      " ",
    ),
  ),
  az: new Set(
    "və bu ilə üçün da də bir olan isə ki o çox öz daha artıq həm kimi olaraq edib olub sonra qədər görə bütün ən hər lakin amma çünki".split(
      " ",
    ),
  ),
  ru: new Set(
    "и в не на что с по это как к у о из за от для а но же так его он она они был была были также при до во со".split(
      " ",
    ),
  ),
};

const LANGUAGE_NAME: Record<DetectedLanguage, string> = {
  en: "English",
  ru: "Russian",
  az: "Azerbaijani",
};

/** What `text` holds: letters by script, words by language. */
export function measureText(text: string): LanguageMeasures {
  const count = (pattern: RegExp) => text.match(pattern)?.length ?? 0;
  const hits: Record<DetectedLanguage, number> = { en: 0, ru: 0, az: 0 };
  // İ lowercases to i + a combining dot; drop the dot so `İlə` reads as `ilə`.
  const words =
    text
      .toLowerCase()
      .replace(/\u0307/g, "")
      .match(/\p{L}+/gu) ?? [];
  for (const word of words) {
    for (const language of ["en", "ru", "az"] as const) {
      if (FUNCTION_WORDS[language].has(word)) hits[language]++;
    }
  }
  return {
    letters: count(/\p{L}/gu),
    latin: count(/\p{Script=Latin}/gu),
    cyrillic: count(/\p{Script=Cyrillic}/gu),
    azLetters: count(/[əƏğĞıİşŞöÖüÜçÇ]/gu),
    schwa: count(/[əƏ]/gu),
    words: words.length,
    hits,
  };
}

const percent = (part: number, whole: number) => `${whole ? Math.round((part / whole) * 100) : 0}%`;

/** Tells English, Russian and Azerbaijani apart in `text` (an article's body), or is unsure. */
export function detectLanguage(text: string): LanguageGuess {
  const m = measureText(text);
  const unsure = (evidence: string): LanguageGuess => ({ language: null, evidence, measures: m });
  if (m.letters < MIN_LETTERS) {
    return unsure(`only ${m.letters} letters, too few to tell (${MIN_LETTERS} needed)`);
  }
  const scripts = `Latin ${percent(m.latin, m.letters)}, Cyrillic ${percent(m.cyrillic, m.letters)}`;
  if (m.cyrillic >= SCRIPT_MIN * m.letters) return cyrillicVerdict(m);
  if (m.latin >= SCRIPT_MIN * m.letters) return latinVerdict(m);
  if (m.latin + m.cyrillic < SCRIPT_MIN * m.letters) {
    return unsure(`most letters are in neither Latin nor Cyrillic script: ${scripts}`);
  }
  return unsure(`mixed scripts, neither with ${percent(SCRIPT_MIN, 1)} of letters: ${scripts}`);
}

function wordShare(m: LanguageMeasures, language: DetectedLanguage): string {
  return `${LANGUAGE_NAME[language]} common words ${percent(m.hits[language], m.words)} of words`;
}

function cyrillicVerdict(m: LanguageMeasures): LanguageGuess {
  const script = `Cyrillic ${percent(m.cyrillic, m.letters)} of letters`;
  const words = wordShare(m, "ru");
  if (m.hits.ru >= WORDS_MIN * m.words) {
    return { language: "ru", evidence: `${script}, ${words}`, measures: m };
  }
  return { language: null, evidence: `${script}, but only ${words}`, measures: m };
}

/**
 * English or Azerbaijani: common words decide when one language clearly leads (so a few
 * names like `Əliyev` or `Bakı` leave English text English); Azerbaijani letters decide
 * only when neither language's common words are frequent.
 */
function latinVerdict(m: LanguageMeasures): LanguageGuess {
  const script = `Latin ${percent(m.latin, m.letters)} of letters`;
  const { en, az } = m.hits;
  const enScore = en / USUAL_SHARE.en;
  const azScore = az / USUAL_SHARE.az;
  const verdict = (language: DetectedLanguage | null, evidence: string): LanguageGuess => ({
    language,
    evidence: `${script}, ${evidence}`,
    measures: m,
  });
  if (en >= WORDS_MIN * m.words && enScore >= WORDS_LEAD * azScore) {
    return verdict("en", `${wordShare(m, "en")}, Azerbaijani ${percent(az, m.words)}`);
  }
  if (az >= WORDS_MIN * m.words && azScore >= WORDS_LEAD * enScore) {
    return verdict("az", `${wordShare(m, "az")}, English ${percent(en, m.words)}`);
  }
  const letters = `Azerbaijani letters (ə ğ ı ş ö ü ç) ${percent(m.azLetters, m.letters)} of letters`;
  const fewWords = en < WORDS_MIN * m.words && az < WORDS_MIN * m.words;
  if (fewWords && m.schwa > 0 && m.azLetters >= AZ_LETTERS_MIN * m.letters) {
    return verdict("az", letters);
  }
  return verdict(
    null,
    `but common words do not decide: English ${percent(en, m.words)}, Azerbaijani ${percent(az, m.words)} of words`,
  );
}

/**
 * The language of an article: `given` (`--lang`) when there is one, else the one detected
 * in `body`, else `fallback` (unsure).
 */
export function chooseLanguage(
  body: string,
  given: string | undefined,
  fallback = "en",
): LanguageChoice {
  if (given?.trim()) return { language: given.trim(), how: "given", why: "" };
  const guess = detectLanguage(body);
  return guess.language === null
    ? { language: fallback, how: "default", why: guess.evidence }
    : { language: guess.language, how: "detected", why: guess.evidence };
}

/** `ru (detected: Cyrillic 97% of letters, ...)`, `en (given by --lang)`, `en (default; unsure: ...)`. */
export function describeChoice(choice: LanguageChoice): string {
  switch (choice.how) {
    case "given":
      return `${choice.language} (given by --lang)`;
    case "detected":
      return `${choice.language} (detected: ${choice.why})`;
    case "default":
      return `${choice.language} (default; unsure: ${choice.why})`;
  }
}

/**
 * The `lang` of another article's title quoted in the site's English lists and navigation:
 * none for English, the article's language otherwise, so screen readers switch voice.
 */
export function quotedTitleLang(language: string): string | undefined {
  return language === "en" ? undefined : language;
}
