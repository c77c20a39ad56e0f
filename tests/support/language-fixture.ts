/**
 * Russian and Azerbaijani articles for searching each language in its own grammar (issue
 * 16), and the word forms they are searched by: tests/e2e/search-languages.test.ts builds
 * them, bench/language-stemming.ts measures each way of stemming Azerbaijani on them.
 *
 * Each form group is one word (a lemma) in several cases, numbers or tenses; an article is
 * relevant to the group when its title or text holds any form of it. Some forms are in no
 * article (a reader types them anyway), and some articles hold look-alike words of another
 * meaning (`qazandı` "won" beside `qaz` "gas", `Bakıxanov` beside `Bakı`), so a stemmer
 * that joins too much loses precision.
 */
import type { FixtureArticle } from "./search-fixture.ts";

export const RUSSIAN_ARTICLES: readonly FixtureArticle[] = [
  {
    slug: "gruziya-perevozki",
    title: "Грузия увеличила объём грузовых перевозок",
    date: "2021-04-12",
    source: "Кавказский вестник",
    author: "Ирина Петрова",
    language: "ru",
    section: "Экономика",
    body: [
      "Грузия за год увеличила объём перевозок по железной дороге на четверть.",
      "Министр транспорта Грузии сообщил, что порты страны приняли больше контейнеров.",
    ].join("\n\n"),
  },
  {
    slug: "forum-v-baku",
    title: "В Баку открылся энергетический форум",
    date: "2022-09-06",
    source: "Кавказский вестник",
    author: "Олег Смирнов",
    language: "ru",
    section: "Энергетика",
    body: [
      "Участники форума обсудили поставки газа в Европу и строительство новых трубопроводов.",
      "Делегации приехали в Баку из Турции и Казахстана.",
    ].join("\n\n"),
  },
  {
    slug: "novye-poezda",
    title: "Новые поезда выйдут на линию весной",
    date: "2020-11-03",
    source: "Столичные новости",
    author: "Ирина Петрова",
    language: "ru",
    section: "Транспорт",
    body: "Железная дорога получила двадцать новых поездов. Пассажиры смогут купить билеты заранее.",
  },
];

export const AZERBAIJANI_ARTICLES: readonly FixtureArticle[] = [
  {
    slug: "baki-metro-stansiyasi",
    title: "Bakıda yeni metro stansiyası açıldı",
    date: "2021-05-14",
    source: "Report.az",
    author: "Leyla Məmmədova",
    language: "az",
    section: "Şəhər",
    body: [
      "Bakının mərkəzində yeni metro stansiyası sərnişinlərin istifadəsinə verildi.",
      "Prezident açılış mərasimində iştirak edib.",
    ].join("\n\n"),
  },
  {
    slug: "azerbaycan-qaz-ixraci",
    title: "Azərbaycan Avropaya qaz ixracını artırır",
    date: "2022-02-08",
    source: "Report.az",
    author: "Günay Həsənova",
    language: "az",
    section: "İqtisadiyyat",
    body: [
      "Azərbaycanın qaz ixracı bu il xeyli artıb.",
      "Şirkətlər yeni müqavilə imzaladılar. Azərbaycanda hasilat da artır.",
    ].join("\n\n"),
  },
  {
    slug: "gence-festivali",
    title: "Gəncədə payız festivalı keçirildi",
    date: "2020-09-20",
    source: "APA",
    author: "Günay Həsənova",
    language: "az",
    section: "Mədəniyyət",
    body: [
      "Festivala Bakıdan və Azərbaycanın başqa şəhərlərindən qonaqlar gəldi.",
      "Yerli şirkətlərin məhsulları sərgidə göstərildi.",
    ].join("\n\n"),
  },
  {
    slug: "neft-muqavilesi",
    title: "Neft şirkəti ilə müqavilə imzalanıb",
    date: "2021-11-22",
    source: "APA",
    author: "Rauf Quliyev",
    language: "az",
    section: "İqtisadiyyat",
    body: [
      "Dövlət neft şirkəti xarici tərəfdaşla müqaviləni imzalayıb.",
      "Müqavilələr Bakıya gələn nümayəndə heyəti ilə müzakirə edildi.",
    ].join("\n\n"),
  },
  {
    slug: "kend-yollari",
    title: "Kəndlərə yeni yollar çəkilir",
    date: "2020-06-30",
    source: "Report.az",
    author: "Rauf Quliyev",
    language: "az",
    section: "Regionlar",
    body: [
      "Azərbaycana məxsus dağ kəndlərində yolların təmiri başlayıb.",
      "Kənd sakinləri yeni yola sevinirlər.",
    ].join("\n\n"),
  },
  {
    slug: "mekteblerde-ders-ili",
    title: "Məktəblərdə yeni dərs ili başladı",
    date: "2022-09-15",
    source: "APA",
    author: "Leyla Məmmədova",
    language: "az",
    section: "Təhsil",
    body: [
      "Ölkənin məktəbləri yeni dərs ilinə hazırdır. Ölkədə dörd min məktəb var.",
      "Prezidentin sərəncamı ilə müəllimlərin maaşı artırıldı.",
    ].join("\n\n"),
  },
  {
    slug: "komanda-qazandi",
    title: "Komanda Bakıxanov qəsəbəsində qələbə qazandı",
    date: "2021-08-09",
    source: "Report.az",
    author: "Elvin Məmmədov",
    language: "az",
    section: "İdman",
    body: [
      "Futbol komandası Bakıxanov qəsəbəsində keçirilən oyunda qələbə qazandı.",
      "Oyunçular qazancın bir hissəsini məktəbə bağışladılar.",
    ].join("\n\n"),
  },
];

/** One word's forms and the articles (slugs) that hold any form of it. */
export interface FormGroup {
  word: string;
  forms: readonly string[];
  relevant: readonly string[];
}

export const AZERBAIJANI_FORMS: readonly FormGroup[] = [
  {
    word: "Bakı (Baku)",
    forms: ["Bakı", "Bakıda", "Bakının", "Bakıya", "Bakıdan"],
    relevant: ["baki-metro-stansiyasi", "gence-festivali", "neft-muqavilesi"],
  },
  {
    word: "Azərbaycan",
    forms: ["Azərbaycan", "Azərbaycanın", "Azərbaycanda", "Azərbaycana", "Azərbaycandan"],
    relevant: ["azerbaycan-qaz-ixraci", "gence-festivali", "kend-yollari"],
  },
  {
    word: "şirkət (company)",
    forms: ["şirkət", "şirkətlər", "şirkətlərin", "şirkəti", "şirkətə"],
    relevant: ["azerbaycan-qaz-ixraci", "gence-festivali", "neft-muqavilesi"],
  },
  {
    word: "müqavilə (contract)",
    forms: ["müqavilə", "müqaviləni", "müqavilələr", "müqavilənin"],
    relevant: ["azerbaycan-qaz-ixraci", "neft-muqavilesi"],
  },
  {
    word: "imzalamaq (to sign)",
    forms: ["imzaladı", "imzaladılar", "imzalanıb", "imzalayıb", "imzalayacaq"],
    relevant: ["azerbaycan-qaz-ixraci", "neft-muqavilesi"],
  },
  {
    word: "kənd (village)",
    forms: ["kənd", "kəndlər", "kəndlərdə", "kəndin", "kəndə"],
    relevant: ["kend-yollari"],
  },
  {
    word: "yol (road)",
    forms: ["yol", "yollar", "yolların", "yola", "yolda"],
    relevant: ["kend-yollari"],
  },
  {
    word: "ölkə (country)",
    forms: ["ölkə", "ölkənin", "ölkədə", "ölkələr"],
    relevant: ["mekteblerde-ders-ili"],
  },
  {
    word: "məktəb (school)",
    forms: ["məktəb", "məktəblər", "məktəblərdə", "məktəbə", "məktəbin"],
    relevant: ["mekteblerde-ders-ili", "komanda-qazandi"],
  },
  {
    word: "prezident",
    forms: ["prezident", "prezidentin", "prezidenti", "prezidentə"],
    relevant: ["baki-metro-stansiyasi", "mekteblerde-ders-ili"],
  },
  {
    word: "qaz (gas)",
    forms: ["qaz", "qazın", "qazı", "qaza"],
    relevant: ["azerbaycan-qaz-ixraci"],
  },
];

export const RUSSIAN_FORMS: readonly FormGroup[] = [
  {
    word: "Грузия (Georgia)",
    forms: ["Грузия", "Грузии", "Грузию", "Грузией"],
    relevant: ["gruziya-perevozki"],
  },
  {
    word: "перевозка (carriage)",
    forms: ["перевозок", "перевозки", "перевозка", "перевозками"],
    relevant: ["gruziya-perevozki"],
  },
  {
    word: "поезд (train)",
    forms: ["поезд", "поезда", "поездов", "поездами"],
    relevant: ["novye-poezda"],
  },
  {
    word: "форум",
    forms: ["форум", "форума", "форуме", "форумы"],
    relevant: ["forum-v-baku"],
  },
  {
    word: "Баку",
    forms: ["Баку"],
    relevant: ["forum-v-baku"],
  },
];
