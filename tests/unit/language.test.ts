import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  chooseLanguage,
  describeChoice,
  detectLanguage,
  measureText,
  MIN_LETTERS,
  quotedTitleLang,
} from "../../src/lib/language.ts";

const ENGLISH =
  "The government approved a new plan for the railway on Tuesday. The line between the two cities " +
  "will be rebuilt over three years, and the first trains are expected in the spring of next year. " +
  "Officials said that the work is part of a wider programme to improve transport in the region.";

const ENGLISH_WITH_NAMES =
  "President İlham Əliyev met the delegation in Bakı on Monday. The talks in Şəki and Gəncə focused " +
  "on trade, and the sides agreed to open a new office of the chamber of commerce. Mehriban Əliyeva " +
  "also attended the meeting, which was held at the Heydər Əliyev Centre.";

const RUSSIAN =
  "Во вторник в Баку прошла встреча министров энергетики. Стороны обсудили поставки газа и новые " +
  "проекты по строительству трубопровода. Как сообщили в министерстве, это соглашение станет " +
  "основой для сотрудничества на ближайшие десять лет.";

const RUSSIAN_WITH_BRANDS =
  "Компании BP и SOCAR подписали контракт на разведку нового месторождения. По словам представителя " +
  "British Petroleum, работы начнутся в следующем году. Также в проекте участвует Microsoft, которая " +
  "отвечает за цифровые системы на платформе.";

const AZERBAIJANI =
  "Bu gün Bakıda yeni metro stansiyası istifadəyə verilib. Tədbirdə nazir və şəhər rəhbərliyi iştirak " +
  "edib. Stansiya gündə 40 min sərnişinə xidmət edəcək və bu, şəhərin nəqliyyat problemini daha da " +
  "azaldacaq. Layihə üçün bir il ərzində iş aparılıb.";

const AZERBAIJANI_WITH_RUSSIAN_QUOTE =
  "Rusiya nümayəndəsi bildirib ki, danışıqlar uğurla keçib: «Мы довольны итогами». Tərəflər " +
  "ticarət əlaqələrinin genişləndirilməsi üçün bir sıra sənədlər imzalayıb və gələcək görüşlərin " +
  "vaxtını da razılaşdırıblar. Növbəti görüş Bakıda olacaq.";

/** Azerbaijani with few function words: its letters decide. */
const AZERBAIJANI_TERSE =
  "Şəki şəhərində ənənəvi ipək festivalı başlayıb. Festivalda qırx usta işlərini nümayiş " +
  "etdirir. Tədbir bazar gününədək davam edəcək.";

const GEORGIAN =
  "თბილისში ახალი საფეხმავლო ხიდი გაიხსნა. ხიდი მტკვრის ორ სანაპიროს აერთებს. მშენებლობა ორ წელიწადს გაგრძელდა.";

const FRENCH =
  "Le gouvernement a approuvé un nouveau plan pour le chemin de fer mardi. La ligne entre les deux " +
  "villes sera reconstruite en trois ans, et les premiers trains sont attendus au printemps prochain.";

const cases: { name: string; text: string; language: string | null; evidence: RegExp }[] = [
  {
    name: "English",
    text: ENGLISH,
    language: "en",
    evidence: /^Latin 100% of letters, English common words \d+% of words, Azerbaijani 0%$/,
  },
  {
    name: "English naming Əliyev, Bakı, Şəki: the common words decide",
    text: ENGLISH_WITH_NAMES,
    language: "en",
    evidence: /English common words/,
  },
  {
    name: "Russian",
    text: RUSSIAN,
    language: "ru",
    evidence: /^Cyrillic 100% of letters, Russian common words \d+% of words$/,
  },
  {
    name: "Russian quoting Latin brand names",
    text: RUSSIAN_WITH_BRANDS,
    language: "ru",
    evidence: /^Cyrillic (8|9)\d% of letters/,
  },
  {
    name: "Azerbaijani",
    text: AZERBAIJANI,
    language: "az",
    evidence: /^Latin 100% of letters, Azerbaijani common words \d+% of words, English 0%$/,
  },
  {
    name: "Azerbaijani quoting Russian",
    text: AZERBAIJANI_WITH_RUSSIAN_QUOTE,
    language: "az",
    evidence: /^Latin (8|9)\d% of letters, Azerbaijani common words/,
  },
  {
    name: "Azerbaijani with few common words: its letters decide",
    text: AZERBAIJANI_TERSE,
    language: "az",
    evidence: /Azerbaijani letters \(ə ğ ı ş ö ü ç\) \d+% of letters$/,
  },
  {
    name: "too short",
    text: "Baku, 5 May.",
    language: null,
    evidence: new RegExp(`^only 7 letters, too few to tell \\(${MIN_LETTERS} needed\\)$`),
  },
  {
    name: "half English, half Russian",
    text: `${ENGLISH} ${RUSSIAN}`,
    language: null,
    evidence: /^mixed scripts, neither with 75% of letters: Latin \d+%, Cyrillic \d+%$/,
  },
  {
    name: "half English, half Azerbaijani",
    text: `${ENGLISH} ${AZERBAIJANI}`,
    language: null,
    evidence: /common words do not decide: English \d+%, Azerbaijani \d+% of words$/,
  },
  {
    name: "Georgian: none of the three",
    text: GEORGIAN,
    language: null,
    evidence: /^most letters are in neither Latin nor Cyrillic script: Latin 0%, Cyrillic 0%$/,
  },
  {
    name: "French: Latin, but neither English nor Azerbaijani",
    text: FRENCH,
    language: null,
    evidence: /common words do not decide: English \d+%, Azerbaijani 0% of words$/,
  },
];

describe("detectLanguage", () => {
  for (const { name, text, language, evidence } of cases) {
    it(`${name}: ${language ?? "unsure"}`, () => {
      const guess = detectLanguage(text);
      assert.equal(guess.language, language, guess.evidence);
      assert.match(guess.evidence, evidence);
    });
  }

  it("is deterministic", () => {
    assert.deepEqual(detectLanguage(AZERBAIJANI), detectLanguage(AZERBAIJANI));
  });
});

describe("measureText", () => {
  it("counts letters by script and common words by language, İ read as i", () => {
    const m = measureText("İlə Bakı и the");
    assert.deepEqual(
      { ...m, hits: { ...m.hits } },
      {
        letters: 11,
        latin: 10,
        cyrillic: 1,
        azLetters: 3,
        schwa: 1,
        words: 4,
        hits: { en: 1, ru: 1, az: 1 },
      },
    );
  });
});

describe("chooseLanguage and describeChoice", () => {
  it("--lang given wins over what the text says", () => {
    const choice = chooseLanguage(RUSSIAN, "az");
    assert.deepEqual(choice, { language: "az", how: "given", why: "" });
    assert.equal(describeChoice(choice), "az (given by --lang)");
  });

  it("without --lang, the detected language and its evidence", () => {
    const choice = chooseLanguage(RUSSIAN, undefined);
    assert.equal(choice.language, "ru");
    assert.equal(choice.how, "detected");
    assert.match(describeChoice(choice), /^ru \(detected: Cyrillic 100% of letters, Russian/);
  });

  it("unsure: the fallback, saying why", () => {
    const choice = chooseLanguage("Baku, 5 May.", "  ", "en");
    assert.equal(choice.how, "default");
    assert.equal(
      describeChoice(choice),
      `en (default; unsure: only 7 letters, too few to tell (${MIN_LETTERS} needed))`,
    );
    assert.equal(chooseLanguage(GEORGIAN, undefined, "az").language, "az");
  });
});

describe("quotedTitleLang", () => {
  it("marks a title only when it is not in the pages' English", () => {
    assert.equal(quotedTitleLang("en"), undefined);
    assert.equal(quotedTitleLang("az"), "az");
    assert.equal(quotedTitleLang("ru"), "ru");
  });
});
