/**
 * ASCII slugs for URLs. Letters outside ASCII are transliterated, not dropped, so
 * "Şəhriyar Əliyev" becomes `sehriyar-eliyev` rather than `hriyar-liyev`.
 */

/** Letters that Unicode decomposition does not reduce to ASCII. */
const TRANSLITERATION: Record<string, string> = {
  // Azerbaijani and Turkish
  ə: "e", Ə: "e", ı: "i", İ: "i", ğ: "g", Ğ: "g",
  ş: "s", Ş: "s", ç: "c", Ç: "c", ö: "o", Ö: "o", ü: "u", Ü: "u",
  // Other Latin letters without a decomposition
  ß: "ss", æ: "ae", Æ: "ae", ø: "o", Ø: "o", œ: "oe", Œ: "oe",
  đ: "d", Đ: "d", ł: "l", Ł: "l", þ: "th", Þ: "th", ð: "d", Ð: "d",
  // Russian, Ukrainian, Belarusian and Kazakh Cyrillic
  а: "a", б: "b", в: "v", г: "g", ґ: "g", д: "d", е: "e", ё: "yo", є: "ye",
  ж: "zh", з: "z", и: "i", і: "i", ї: "yi", й: "y", к: "k", л: "l", м: "m",
  н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ў: "u", ф: "f",
  х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch", ъ: "", ы: "y", ь: "",
  э: "e", ю: "yu", я: "ya", ә: "a", ғ: "g", қ: "q", ң: "n", ө: "o", ұ: "u",
  ү: "u", һ: "h", ҹ: "c", ҝ: "g", ј: "j",
  // Georgian (national system of romanization)
  ა: "a", ბ: "b", გ: "g", დ: "d", ე: "e", ვ: "v", ზ: "z", თ: "t", ი: "i",
  კ: "k", ლ: "l", მ: "m", ნ: "n", ო: "o", პ: "p", ჟ: "zh", რ: "r", ს: "s",
  ტ: "t", უ: "u", ფ: "p", ქ: "k", ღ: "gh", ყ: "q", შ: "sh", ჩ: "ch", ც: "ts",
  ძ: "dz", წ: "ts", ჭ: "ch", ხ: "kh", ჯ: "j", ჰ: "h",
};

/** Transliterates to ASCII; characters with no known Latin form are dropped. */
export function toAscii(text: string): string {
  let out = "";
  for (const char of text.normalize("NFC")) {
    const mapped = TRANSLITERATION[char] ?? TRANSLITERATION[char.toLowerCase()];
    if (mapped !== undefined) {
      out += mapped;
      continue;
    }
    // Decompose é -> e + combining accent, then keep only the ASCII part.
    out += char.normalize("NFD").replace(/[^\x00-\x7f]/g, "");
  }
  return out;
}

/**
 * Lowercase ASCII kebab-case of at most `maxLength` characters, cut at a word boundary
 * when the text is longer. Returns "" when nothing transliterable remains.
 */
export function slugify(text: string, maxLength = 80): string {
  const words = toAscii(text)
    .toLowerCase()
    .replace(/['’]/g, "")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = "";
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxLength) {
      if (!slug) slug = word.slice(0, maxLength);
      break;
    }
    slug = next;
  }
  return slug;
}
