/**
 * Each language searched in its own grammar (issue 16). Pagefind splits an index by a
 * page's `<html lang>` and stems each part with that language's Snowball stemmer, where it
 * has one. The build hands Pagefind a language's pages under another language where that
 * stems them better: Azerbaijani, which Pagefind has no stemmer for, as Turkish, chosen by
 * measurement (README, "Languages"; bench/language-stemming.ts). The pages themselves keep
 * their own `lang`, and the `language` facet its own value.
 *
 * The search page searches every part of a shard and joins them as it joins shards.
 */

/** The language a page's language is indexed (and its searches stemmed) as, where not its own. */
export const INDEXED_AS: Readonly<Record<string, string>> = { az: "tr" };

/** The opening `<html …>` tag's `lang` value, and where that value sits in `html`. */
const HTML_LANG = /<html\b[^>]*?\blang\s*=\s*(["']?)([^"'\s>]+)\1/i;

/** The language `lang` is indexed as: `az` → `tr`; any other (`en`, `ru`, `en-GB`) itself. */
export function indexedLanguage(lang: string): string {
  const primary = lang.toLowerCase().split("-")[0]!;
  return INDEXED_AS[primary] ?? lang;
}

/** `<html lang>` of a page, or null when it has none. */
export function htmlLang(html: string): string | null {
  return HTML_LANG.exec(html)?.[2] ?? null;
}

/**
 * The page as Pagefind is to index it: `html` with its `<html lang>` replaced by the
 * language it is indexed as, or null when that is its own (the page is indexed as it is).
 */
export function asIndexed(html: string): string | null {
  const match = HTML_LANG.exec(html);
  if (!match) return null;
  const lang = match[2]!;
  const indexed = indexedLanguage(lang);
  if (indexed === lang) return null;
  const at = match.index + match[0].length - match[1]!.length - lang.length;
  return `${html.slice(0, at)}${indexed}${html.slice(at + lang.length)}`;
}

/** One language's part of an index shard: the key of its Pagefind index and its pages. */
export interface IndexPart {
  language: string;
  pages: number;
}

/**
 * The language parts of a shard, from its `pagefind-entry.json`, in the entry's order:
 * each is searched by a Pagefind instance of its own, with its own stemmer.
 */
export function indexPartsOf(entry: unknown): IndexPart[] {
  const languages = (entry as { languages?: unknown } | null)?.languages;
  if (typeof languages !== "object" || languages === null) {
    throw new Error("The Pagefind entry file lists no languages");
  }
  return Object.entries(languages as Record<string, { page_count?: unknown }>).map(
    ([language, index]) => {
      const pages = index?.page_count;
      if (typeof pages !== "number") {
        throw new Error(`The Pagefind entry file has no page count for language ${language}`);
      }
      return { language, pages };
    },
  );
}
