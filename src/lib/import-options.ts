/**
 * The import's command-line settings against the site's schema: what is wrong, named by
 * the flag that sets it, so a message says what to type instead. Pure.
 */
import { validateFrontmatter } from "./article-schema.ts";
import type { RawArticleOptions } from "./raw-article.ts";

/** Field -> the command-line flag that sets it, for messages that say what to fix. */
export const FLAG_FOR_FIELD: Readonly<Record<string, string>> = {
  title: "--title",
  source: "--source",
  author: "--author",
  language: "--lang",
  section: "--section",
  originalUrl: "--url",
  slug: "--title",
};

/** `language: must be ...` -> `language`; `author.1: ...` -> `author`. */
function fieldOf(error: string): string {
  return error.slice(0, error.indexOf(":")).split(".")[0] ?? "";
}

/**
 * What the site's schema says of the option values, checked once before any file is read
 * (with placeholders for what comes from the text): one line per problem, led by its
 * flag, e.g. `--lang: language must be a BCP 47 tag ...`; empty when all is well.
 */
export function optionProblems(options: RawArticleOptions): string[] {
  const probe = validateFrontmatter({
    title: options.title ?? "Title",
    date: "2000-01-01",
    source: options.source ?? "Source",
    ...(options.author !== undefined ? { author: options.author } : {}),
    slug: "slug",
    language: options.language ?? "en",
    ...(options.section !== undefined ? { section: options.section } : {}),
    ...(options.originalUrl !== undefined ? { originalUrl: options.originalUrl } : {}),
    sha256: "0".repeat(64),
  });
  if (probe.ok) return [];
  return probe.errors.map((error) => {
    const field = fieldOf(error);
    return `${FLAG_FOR_FIELD[field] ?? field}: ${error.slice(error.indexOf(":") + 2)}`;
  });
}

/** How to fix an entry the schema refused: the flags that set the fields its errors name. */
export function fixForSchemaErrors(errors: string[]): string {
  const flags = [...new Set(errors.map((e) => FLAG_FOR_FIELD[e.split(":")[0] ?? ""]))].filter(
    (flag) => flag !== undefined,
  );
  return flags.length
    ? `correct it with ${flags.join(" or ")}`
    : "report this as a bug in the import";
}
