/**
 * ASCII slugs for URLs. Letters outside ASCII are transliterated, not dropped, so
 * "Şəhriyar Əliyev" becomes `sehriyar-eliyev` rather than `hriyar-liyev`.
 */

/** Letters that Unicode decomposition does not reduce to ASCII. */
// prettier-ignore
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
  // Armenian
  ա: "a", բ: "b", գ: "g", դ: "d", ե: "e", զ: "z", է: "e", ը: "y", թ: "t",
  ժ: "zh", ի: "i", լ: "l", խ: "kh", ծ: "ts", կ: "k", հ: "h", ձ: "dz", ղ: "gh",
  ճ: "ch", մ: "m", յ: "y", ն: "n", շ: "sh", ո: "o", չ: "ch", պ: "p", ջ: "j",
  ռ: "r", ս: "s", վ: "v", տ: "t", ր: "r", ց: "ts", ւ: "v", փ: "p", ք: "k",
  օ: "o", ֆ: "f", և: "ev",
  // Greek (accents are removed by decomposition first)
  α: "a", β: "v", γ: "g", δ: "d", ε: "e", ζ: "z", η: "i", θ: "th", ι: "i",
  κ: "k", λ: "l", μ: "m", ν: "n", ξ: "x", ο: "o", π: "p", ρ: "r", σ: "s",
  ς: "s", τ: "t", υ: "y", φ: "f", χ: "ch", ψ: "ps", ω: "o",
  // Arabic script (Arabic, Persian, South Azerbaijani): consonants and long vowels;
  // short vowels are not written, so these slugs are readable but not phonetic.
  ا: "a", أ: "a", إ: "i", آ: "a", ٱ: "a", ب: "b", پ: "p", ت: "t", ث: "s",
  ج: "j", چ: "ch", ح: "h", خ: "kh", د: "d", ذ: "z", ر: "r", ز: "z", ژ: "zh",
  س: "s", ش: "sh", ص: "s", ض: "z", ط: "t", ظ: "z", ع: "", غ: "gh", ف: "f",
  ق: "q", ک: "k", ك: "k", گ: "g", ل: "l", م: "m", ن: "n", ه: "h", ة: "h",
  و: "v", ؤ: "v", ی: "y", ي: "y", ى: "a", ئ: "y", ء: "",
  "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4",
  "٥": "5", "٦": "6", "٧": "7", "٨": "8", "٩": "9",
  "۰": "0", "۱": "1", "۲": "2", "۳": "3", "۴": "4",
  "۵": "5", "۶": "6", "۷": "7", "۸": "8", "۹": "9",
};

/** The ASCII form of one character with no decomposition: mapped, kept, or "". */
function asciiOf(char: string): string {
  const mapped = TRANSLITERATION[char] ?? TRANSLITERATION[char.toLowerCase()];
  if (mapped !== undefined) return mapped;
  return char <= "\x7f" ? char : "";
}

/** Transliterates to ASCII; characters with no known Latin form are dropped. */
export function toAscii(text: string): string {
  let out = "";
  for (const char of text.normalize("NFC")) {
    if (char <= "\x7f") {
      out += char;
      continue;
    }
    const mapped = TRANSLITERATION[char] ?? TRANSLITERATION[char.toLowerCase()];
    if (mapped !== undefined) {
      out += mapped;
      continue;
    }
    // Decompose é -> e + combining accent (ά -> α + accent), then map each part;
    // combining marks and letters of unknown scripts have no ASCII form and vanish.
    for (const part of char.normalize("NFD")) out += asciiOf(part);
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
