/**
 * Generates a corpus of raw news texts in the shapes the import CLI reads, for benchmarks:
 * hundreds of sources and authors, 25 years of dates (2000-2024), 300-900 words each, a
 * share in Azerbaijani and Russian, and a few exact duplicates. Deterministic for a seed.
 *
 * Files go to `<dir>/<lang>/<bucket>/<n>.txt`, one folder per language so each can be
 * imported with its own `--lang`. Write them to a temp dir, never into the repository.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { MONTH_NAMES } from "../src/lib/dates.ts";

export type CorpusLanguage = "en" | "az" | "ru";

export interface GeneratedCorpus {
  /** The folder holding one sub-folder per language. */
  dir: string;
  /** Files written, duplicates included. */
  files: number;
  /** Files that are byte-for-byte copies of an earlier one. */
  duplicates: number;
  bytes: number;
  /** Folder and file count per language, for `--lang`. */
  languages: Record<CorpusLanguage, { dir: string; files: number }>;
}

/** mulberry32: a small, fast, seedable PRNG. */
function randomFrom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS: Record<CorpusLanguage, string[]> = {
  en: (
    "the a of and to in on for with by from at as that this which after before during " +
    "ministry government president minister council parliament city region country village " +
    "said announced reported noted stressed agreed signed opened closed discussed approved " +
    "new old first last major local national international regional annual economic public " +
    "meeting project programme agreement road railway bridge port airport school hospital " +
    "market farmers workers residents officials delegates experts visitors students teachers " +
    "water energy gas oil trade export import harvest festival exhibition conference forum " +
    "year month week day morning evening spring summer autumn winter million thousand " +
    "percent cooperation development investment construction reform budget plan report " +
    "will would could has have had is are was were be been also more than about over " +
    "between two three four five several many most some all both each other every further"
  ).split(" "),
  az: (
    "və ilə üçün bu bir da də isə artıq həmçinin daha çox az hər bütün " +
    "nazirlik hökumət prezident nazir şura parlament şəhər rayon ölkə kənd " +
    "bildirib açıqlayıb qeyd edib vurğulayıb razılaşıb imzalayıb açılıb bağlanıb müzakirə " +
    "yeni köhnə ilk son böyük yerli milli beynəlxalq regional illik iqtisadi ictimai " +
    "görüş layihə proqram saziş yol dəmiryolu körpü liman hava limanı məktəb xəstəxana " +
    "bazar fermerlər işçilər sakinlər rəsmilər nümayəndələr mütəxəssislər qonaqlar tələbələr " +
    "su enerji qaz neft ticarət ixrac idxal məhsul festival sərgi konfrans forum " +
    "il ay həftə gün səhər axşam yaz yay payız qış milyon min faiz " +
    "əməkdaşlıq inkişaf investisiya tikinti islahat büdcə plan hesabat şəki gəncə quba " +
    "şuşa lənkəran xaçmaz qəbələ ağdam ərazi iş həyata keçirilib olunub edilib ölçüdə"
  ).split(" "),
  ru: (
    "и в на с по для из от при после до во время также более около между " +
    "министерство правительство президент министр совет парламент город район страна село " +
    "заявил сообщил отметил подчеркнул согласовал подписал открыл закрыл обсудил одобрил " +
    "новый старый первый последний крупный местный национальный международный годовой " +
    "встреча проект программа соглашение дорога железная мост порт аэропорт школа больница " +
    "рынок фермеры рабочие жители чиновники делегаты эксперты гости студенты учителя " +
    "вода энергия газ нефть торговля экспорт импорт урожай фестиваль выставка конференция " +
    "год месяц неделя день утро вечер весна лето осень зима миллион тысяча процент " +
    "сотрудничество развитие инвестиции строительство реформа бюджет план доклад " +
    "был была были будет будут это этот все каждый несколько много два три пять"
  ).split(" "),
};

const PLACES: Record<CorpusLanguage, string[]> = {
  en: [
    "Baku",
    "Ganja",
    "Sheki",
    "Tbilisi",
    "Aktau",
    "Quba",
    "Lankaran",
    "Shusha",
    "Nakhchivan",
    "Batumi",
  ],
  az: ["Bakı", "Gəncə", "Şəki", "Quba", "Lənkəran", "Şuşa", "Naxçıvan", "Qəbələ"],
  ru: ["Баку", "Гянджа", "Шеки", "Тбилиси", "Актау", "Губа", "Ленкорань", "Шуша"],
};
const COUNTRY: Record<CorpusLanguage, string> = {
  en: "Azerbaijan",
  az: "Azərbaycan",
  ru: "Азербайджан",
};

const EN_MONTHS = [
  "Jan.",
  "Feb.",
  "March",
  "April",
  "May",
  "June",
  "July",
  "Aug.",
  "Sept.",
  "Oct.",
  "Nov.",
  "Dec.",
];
const SYLLABLES = [
  "kas",
  "pi",
  "an",
  "ab",
  "she",
  "ron",
  "ku",
  "ra",
  "ta",
  "lish",
  "gan",
  "ja",
  "sa",
  "mur",
  "qa",
  "far",
  "zen",
  "gil",
  "bo",
  "ran",
  "vel",
  "dor",
  "mi",
  "ta",
  "sel",
  "ni",
  "ar",
  "az",
  "er",
  "ol",
];
const OUTLET_WORDS = [
  "Press",
  "Daily",
  "Wire",
  "News",
  "Bulletin",
  "Courier",
  "Herald",
  "Times",
  "Review",
  "Post",
  "Ledger",
  "Gazette",
  "Report",
  "Info",
  "Media",
  "Observer",
];
const FIRST_NAMES = [
  "Samira",
  "Tural",
  "Leyla",
  "Rauf",
  "Nino",
  "Elvin",
  "Gunay",
  "Rashad",
  "Aysel",
  "Farid",
  "Nargiz",
  "Orkhan",
  "Lala",
  "Kamran",
  "Sevda",
  "Anar",
  "Dana",
  "Marta",
  "Ilkin",
  "Zaur",
  "Ulviyya",
  "Togrul",
  "Jamila",
  "Vugar",
];
const LAST_NAMES = [
  "Huseynova",
  "Ganjaliyev",
  "Rustamova",
  "Aliyev",
  "Kapanadze",
  "Qasimov",
  "Hasanova",
  "Karimli",
  "Mammadli",
  "Seitkali",
  "Quill",
  "Zeynalli",
  "Ismayilov",
  "Bagirova",
  "Nabiyev",
  "Orujova",
  "Safarli",
  "Tagiyev",
  "Valiyeva",
  "Jafarov",
  "Mirzayev",
  "Abbasova",
  "Huseynli",
  "Rahimova",
  "Sadigov",
  "Akhundova",
  "Babayev",
  "Guliyeva",
  "Nasirov",
  "Yusifova",
  "Eyvazov",
  "Farajova",
  "Hajiyev",
  "Ibrahimova",
  "Kazimov",
  "Latifova",
];
const RU_FIRST = ["Анна", "Игорь", "Елена", "Сергей", "Ольга", "Дмитрий", "Наталья", "Тимур"];
const RU_LAST = [
  "Петрова",
  "Соколов",
  "Иванова",
  "Морозов",
  "Волкова",
  "Лебедев",
  "Козлова",
  "Новиков",
  "Орлова",
  "Фролов",
];

function capitalize(word: string): string {
  return word.charAt(0).toLocaleUpperCase() + word.slice(1);
}

/**
 * Writes `n` raw texts under `dir` (created if missing) and returns what it wrote.
 * The same `n`, `seed` and `dates` always give the same bytes.
 */
export function generateRawArticles(
  dir: string,
  n: number,
  seed = 1,
  dates: { from: string; to: string } = { from: "2000-01-01", to: "2024-12-31" },
): GeneratedCorpus {
  const random = randomFrom(seed);
  const int = (max: number) => Math.floor(random() * max);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;

  const sources = Array.from({ length: 300 }, (_, i) => {
    const stem = capitalize(pick(SYLLABLES) + pick(SYLLABLES) + (i % 3 ? pick(SYLLABLES) : ""));
    return `${stem} ${OUTLET_WORDS[i % OUTLET_WORDS.length]}`;
  });
  const authors: Record<CorpusLanguage, string[]> = {
    en: Array.from(
      { length: 600 },
      (_, i) =>
        `${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_NAMES[(i * 7 + int(5)) % LAST_NAMES.length]}`,
    ),
    az: Array.from(
      { length: 200 },
      (_, i) =>
        `${FIRST_NAMES[(i * 5) % FIRST_NAMES.length]} ${LAST_NAMES[(i * 11) % LAST_NAMES.length]}`,
    ),
    ru: Array.from(
      { length: 80 },
      (_, i) => `${RU_FIRST[i % RU_FIRST.length]} ${RU_LAST[(i * 3) % RU_LAST.length]}`,
    ),
  };

  const sentence = (lang: CorpusLanguage, words: number) => {
    const list = Array.from({ length: words }, () => pick(WORDS[lang]));
    if (int(4) === 0) list.splice(1 + int(words - 1), 0, String(1 + int(2000)));
    return `${capitalize(list.join(" "))}${int(12) === 0 ? "?" : "."}`;
  };
  const body = (lang: CorpusLanguage) => {
    const target = 300 + int(601);
    const paragraphs: string[] = [];
    let count = 0;
    while (count < target) {
      const sentences: string[] = [];
      for (let s = 2 + int(4); s > 0 && count < target; s--) {
        const words = Math.min(8 + int(15), target - count);
        if (words < 3) {
          count = target;
          break;
        }
        sentences.push(sentence(lang, words));
        count += words;
      }
      if (sentences.length) paragraphs.push(sentences.join(" "));
    }
    return paragraphs.join("\n\n");
  };
  const headline = (lang: CorpusLanguage) => {
    const words = Array.from({ length: 5 + int(6) }, () => pick(WORDS[lang]));
    return capitalize(words.join(" "));
  };
  const dateline = (lang: CorpusLanguage, month: number, day: number, upper: boolean) => {
    const place = pick(PLACES[lang]);
    const shown = upper ? place.toLocaleUpperCase() : place;
    if (lang === "en") return `${shown}, ${COUNTRY.en}, ${EN_MONTHS[month - 1]} ${day}`;
    return `${shown}, ${day} ${MONTH_NAMES[lang][month - 1]}`;
  };

  const start = Date.parse(`${dates.from}T00:00:00Z`);
  const days = Math.round((Date.parse(`${dates.to}T00:00:00Z`) - start) / 86_400_000) + 1;
  const languages: GeneratedCorpus["languages"] = {
    en: { dir: join(dir, "en"), files: 0 },
    az: { dir: join(dir, "az"), files: 0 },
    ru: { dir: join(dir, "ru"), files: 0 },
  };
  const made = new Set<string>();
  const written: { lang: CorpusLanguage; text: string }[] = [];
  let bytes = 0;
  let duplicates = 0;

  for (let i = 0; i < n; i++) {
    let lang: CorpusLanguage;
    let text: string;
    if (written.length > 50 && int(200) === 0) {
      // An exact copy of an earlier text: the import must call it a duplicate.
      const earlier = written[int(written.length)]!;
      lang = earlier.lang;
      text = earlier.text;
      duplicates++;
    } else {
      const roll = random();
      lang = roll < 0.7 ? "en" : roll < 0.85 ? "az" : "ru";
      const when = new Date(start + int(days) * 86_400_000);
      const [y, m, d] = [when.getUTCFullYear(), when.getUTCMonth() + 1, when.getUTCDate()];
      const iso = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
      const source = pick(sources);
      const author = pick(authors[lang]);
      const shape = int(5);
      const lines: string[] = [];
      if (shape === 0) {
        // The seed: agency credit on the date line, author on its own line.
        lines.push(` date ${iso} By ${source}`, "", "", `By ${author}`, "");
      } else if (shape === 1) {
        // Headline on the date line, dateline, `By Author – Agency:`.
        lines.push(
          `date ${iso} ${headline(lang)}`,
          dateline(lang, m, d, false),
          `By ${author} – ${source}:`,
          "",
        );
      } else if (shape === 2) {
        // Dateline on the date line, then `Agency:`.
        lines.push(`date ${iso} ${dateline(lang, m, d, true)}`, `${source}:`, "");
      } else if (shape === 3) {
        // Headline, time stamp, dateline, byline.
        const time = `${String(int(24)).padStart(2, "0")}:${String(int(60)).padStart(2, "0")}`;
        lines.push(
          `date ${iso}`,
          headline(lang),
          `${d} ${MONTH_NAMES.en[m - 1]} ${y} ${time} (UTC+04:00)`,
          dateline(lang, m, d, false),
          `By ${author} – ${source}:`,
          "",
        );
      } else {
        // Page furniture on the date line, a site signature at the end.
        lines.push(`date ${iso} ${headline(lang)} + ↺ − 16 px`, `By ${author} – ${source}:`, "");
      }
      lines.push(body(lang));
      if (shape === 4) lines.push("", `© ${y} ${source}. All rights reserved.`);
      lines.push("");
      text = lines.join(int(10) === 0 ? "\r\n" : "\n");
      if (made.has(text)) text += "\n";
      made.add(text);
      written.push({ lang, text });
    }
    const language = languages[lang];
    const folder = join(language.dir, String(Math.floor(language.files / 500)).padStart(3, "0"));
    if (language.files % 500 === 0) mkdirSync(folder, { recursive: true });
    const data = Buffer.from(text, "utf8");
    writeFileSync(join(folder, `${String(language.files).padStart(6, "0")}.txt`), data);
    language.files++;
    bytes += data.length;
  }
  return { dir, files: n, duplicates, bytes, languages };
}
