/**
 * Spellings of words for search. Pagefind lowercases words and strips combining marks, so
 * ş ç ğ ö ü already fold to s c g o u. Two Azerbaijani letters have no such decomposition,
 * ə and ı, and English-language sources write names in a third way (Şəhriyar → Shahriyar,
 * Qarabağ → Qarabagh, Xankəndi → Khankendi). The index therefore carries, per article, the
 * other spellings of its words that contain Azerbaijani letters, so a reader who types
 * `Sehriyar`, `Baki` or `Aliyev` finds `Şəhriyar`, `Bakı` and `Əliyev`.
 *
 * It also carries the parts of words that join letters and digits (`JF17` → `jf 17`):
 * queries are split there (src/lib/search/query.ts), as at hyphens, so `JF-17`, `JF17` and
 * `JF 17` all find each other.
 */

/** Letters that make a word Azerbaijani-spelled (ö ü alone also occur in German, Turkish). */
const AZERBAIJANI_LETTER = /[əƏışŞçÇğĞ]/u;
const NEEDS_PLAIN_VARIANT = /[əƏı]/u;

/** Lowercase without locale surprises, with marks stripped as Pagefind does. */
export function baseFold(word: string): string {
  return word.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC");
}

/** ASCII letters for ə and ı, the rest as Pagefind folds them: `Şəhriyar` → `sehriyar`. */
export function plainFold(word: string): string {
  return baseFold(word).replace(/ə/g, "e").replace(/ı/g, "i");
}

const ENGLISH_STYLE: Record<string, string> = {
  ə: "a",
  ı: "i",
  ş: "sh",
  ç: "ch",
  ğ: "gh",
  x: "kh",
  ö: "o",
  ü: "u",
};

/** The English-language press spelling: `Şəhriyar` → `shahriyar`, `Xankəndi` → `khankandi`. */
export function englishStyleFold(word: string): string {
  const lower = word.toLowerCase();
  let out = "";
  for (const char of lower) out += ENGLISH_STYLE[char] ?? char;
  return baseFold(out);
}

/**
 * Spellings of one word that Pagefind would not match by itself: the plain form when the
 * word has ə or ı, and, for capitalised words (names), the English-style form when the
 * word has an Azerbaijani letter. Empty for words that need none.
 */
export function spellingVariants(word: string): string[] {
  if (!AZERBAIJANI_LETTER.test(word)) return [];
  const native = baseFold(word);
  const variants = new Set<string>();
  if (NEEDS_PLAIN_VARIANT.test(word)) variants.add(plainFold(word));
  if (/^\p{Lu}/u.test(word)) variants.add(englishStyleFold(word));
  variants.delete(native);
  return [...variants];
}

/** Splits a word where letters are followed by digits: `JF17` → `JF`, `17`; `G20` → `G`, `20`. */
export function letterDigitParts(word: string): string[] {
  return word.split(/(?<=\p{L})(?=\p{N})/u);
}

/** Words of a text: runs of letters, marks and digits (hyphens and apostrophes split). */
export function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}

/**
 * The alternate spellings of every word in `texts`, once each, space-separated, for a
 * searchable Pagefind metadata field: Azerbaijani spellings, and the parts of words that
 * join letters and digits. Empty when the texts have neither.
 */
export function alternateSpellings(texts: readonly string[]): string {
  const seen = new Set<string>();
  for (const text of texts) {
    for (const word of wordsOf(text)) {
      for (const variant of spellingVariants(word)) seen.add(variant);
      const parts = letterDigitParts(word);
      if (parts.length > 1) for (const part of parts) seen.add(baseFold(part));
    }
  }
  return [...seen].join(" ");
}

/** Every form a word of the text can be found by: its native fold and its variants. */
export function searchableForms(word: string): string[] {
  return [baseFold(word), ...spellingVariants(word)];
}
