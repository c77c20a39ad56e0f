/**
 * Word and name lists of the benchmark corpus (bench/generate-raw.ts). The `WORDS` lists
 * are the whole vocabulary of the classic corpus and the most frequent words of the news
 * corpus (bench/lib/vocabulary.ts).
 */
export type CorpusLanguage = "en" | "az" | "ru";

export const WORDS: Record<CorpusLanguage, string[]> = {
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

export const PLACES: Record<CorpusLanguage, string[]> = {
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
export const COUNTRY: Record<CorpusLanguage, string> = {
  en: "Azerbaijan",
  az: "Azərbaycan",
  ru: "Азербайджан",
};

export const EN_MONTHS = [
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
export const SYLLABLES = [
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
export const OUTLET_WORDS = [
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
export const FIRST_NAMES = [
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
export const LAST_NAMES = [
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
export const RU_FIRST = [
  "Анна",
  "Игорь",
  "Елена",
  "Сергей",
  "Ольга",
  "Дмитрий",
  "Наталья",
  "Тимур",
];
export const RU_LAST = [
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
