/**
 * Generates a corpus of raw news texts in the shapes the import CLI reads, for benchmarks:
 * hundreds of sources and authors, 25 years of dates (2000-2024), 300-900 words each, a
 * share in Azerbaijani and Russian, and a few exact duplicates. Deterministic for a seed.
 * The words come from bench/lib/vocabulary.ts: `news` (the default) has a Zipf-distributed
 * vocabulary of over 200,000 words and names, `classic` the few hundred words of the first
 * benchmarks.
 *
 * Files go to `<dir>/<lang>/<bucket>/<n>.txt`, one folder per language so each can be
 * imported with its own `--lang`. Write them to a temp dir, never into the repository.
 *
 *   node bench/generate-raw.ts --articles N --out DIR [--seed 1] [--vocabulary news|classic]
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import process from "node:process";
import { parseArgs } from "node:util";
import { MONTH_NAMES } from "../src/lib/dates.ts";
import {
  distinctWordCount,
  randomFrom,
  VOCABULARY_KINDS,
  vocabularyFor,
  type VocabularyKind,
} from "./lib/vocabulary.ts";
import {
  COUNTRY,
  EN_MONTHS,
  FIRST_NAMES,
  LAST_NAMES,
  OUTLET_WORDS,
  PLACES,
  RU_FIRST,
  RU_LAST,
  SYLLABLES,
  type CorpusLanguage,
} from "./lib/words.ts";

export type { CorpusLanguage } from "./lib/words.ts";
export type { VocabularyKind } from "./lib/vocabulary.ts";

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
  vocabulary: VocabularyKind;
  /** Distinct words written in headlines and bodies (lower case, names' words included). */
  distinctWords: number;
}

function capitalize(word: string): string {
  return word.charAt(0).toLocaleUpperCase() + word.slice(1);
}

/**
 * Writes `n` raw texts under `dir` (created if missing) and returns what it wrote.
 * The same `n`, `seed`, `dates` and vocabulary always give the same bytes.
 */
export function generateRawArticles(
  dir: string,
  n: number,
  seed = 1,
  dates: { from: string; to: string } = { from: "2000-01-01", to: "2024-12-31" },
  vocabularyKind: VocabularyKind = "news",
): GeneratedCorpus {
  const vocabulary = vocabularyFor(vocabularyKind);
  const news = vocabularyKind === "news";
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
    const list = Array.from({ length: words }, () => vocabulary[lang].word(random));
    if (int(4) === 0) list.splice(1 + int(words - 1), 0, String(1 + int(2000)));
    // A person, place or organisation in every other sentence or so.
    if (news && int(5) < 2) list.splice(int(words), 0, vocabulary[lang].name(random)!);
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
    const words = Array.from({ length: 5 + int(6) }, () => vocabulary[lang].word(random));
    if (news && int(2) === 0) words.splice(int(words.length), 0, vocabulary[lang].name(random)!);
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
  // Digests and file names, not texts: a million texts would not fit in Node's heap.
  const made = new Set<string>();
  const written: { lang: CorpusLanguage; file: string }[] = [];
  const digest = (text: string) => createHash("sha1").update(text).digest("base64");
  let bytes = 0;
  let duplicates = 0;

  for (let i = 0; i < n; i++) {
    let lang: CorpusLanguage;
    let text: string;
    let copy = false;
    if (written.length > 50 && int(200) === 0) {
      // An exact copy of an earlier text: the import must call it a duplicate.
      const earlier = written[int(written.length)]!;
      lang = earlier.lang;
      text = readFileSync(earlier.file, "utf8");
      copy = true;
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
      if (made.has(digest(text))) text += "\n";
      made.add(digest(text));
    }
    const language = languages[lang];
    const folder = join(language.dir, String(Math.floor(language.files / 500)).padStart(3, "0"));
    if (language.files % 500 === 0) mkdirSync(folder, { recursive: true });
    const data = Buffer.from(text, "utf8");
    const file = join(folder, `${String(language.files).padStart(6, "0")}.txt`);
    writeFileSync(file, data);
    if (!copy) written.push({ lang, file });
    language.files++;
    bytes += data.length;
  }
  return {
    dir,
    files: n,
    duplicates,
    bytes,
    languages,
    vocabulary: vocabularyKind,
    distinctWords: distinctWordCount(vocabulary),
  };
}

/** Parses `--vocabulary`, for the benchmarks that generate a corpus. */
export function vocabularyOption(value: string | undefined): VocabularyKind {
  const kind = (value ?? "news") as VocabularyKind;
  if (!VOCABULARY_KINDS.includes(kind)) {
    throw new Error(`--vocabulary must be one of ${VOCABULARY_KINDS.join(", ")}, not ${value}`);
  }
  return kind;
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      articles: { type: "string", default: "1000" },
      out: { type: "string" },
      seed: { type: "string", default: "1" },
      vocabulary: { type: "string", default: "news" },
    },
  });
  if (!values.out) {
    process.stderr.write(
      "usage: node bench/generate-raw.ts --articles N --out DIR [--seed S] [--vocabulary news|classic]\n",
    );
    process.exit(2);
  }
  const corpus = generateRawArticles(
    resolve(values.out),
    Number(values.articles),
    Number(values.seed),
    undefined,
    vocabularyOption(values.vocabulary),
  );
  process.stdout.write(
    `generated ${corpus.files} raw texts (${(corpus.bytes / 1048576).toFixed(1)} MB, ` +
      `${corpus.duplicates} exact duplicates) under ${corpus.dir}; ` +
      `${corpus.vocabulary} vocabulary, ${corpus.distinctWords} distinct words\n`,
  );
}
