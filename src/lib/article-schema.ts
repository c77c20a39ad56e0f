import { z } from "astro/zod";
import { isCalendarDate, toIsoDate } from "./dates.ts";

/** Lowercase ASCII kebab-case: what a permanent URL segment may hold. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX = 100;
/** A BCP 47 tag in the shapes an archive meets: `en`, `az-Latn`, `pt-BR`. */
const LANGUAGE_PATTERN = /^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/;

const nonEmpty = (field: string) => z.string().trim().min(1, `${field} must not be empty`);

/**
 * The frontmatter of one archived article: the one source of truth for its fields, used
 * by the Astro content collection and by the import CLI alike.
 */
export const articleSchema = z.strictObject({
  /** Headline; derived at import when the raw text has none. */
  title: nonEmpty("title").max(300, "title must be at most 300 characters"),
  /** Calendar date of publication, `YYYY-MM-DD`; never shifted by a time zone. */
  date: z.preprocess(
    toIsoDate,
    z.string().refine(isCalendarDate, "date must be a real calendar date written YYYY-MM-DD"),
  ),
  /** The publication credited, e.g. `Azernews`. */
  source: nonEmpty("source").max(200),
  /** Byline or bylines. */
  author: z.union([nonEmpty("author"), z.array(nonEmpty("author")).min(1)]).optional(),
  /** Frozen at import: the last segment of the permanent URL. */
  slug: z
    .string()
    .max(SLUG_MAX, `slug must be at most ${SLUG_MAX} characters`)
    .regex(SLUG_PATTERN, "slug must be lowercase ASCII kebab-case (a-z, 0-9, -)"),
  /** BCP 47 language tag; becomes `<html lang>`. */
  language: z
    .string()
    .regex(LANGUAGE_PATTERN, "language must be a BCP 47 tag such as en or az")
    .default("en"),
  /** Section of the source publication, e.g. `Politics`. */
  section: nonEmpty("section").optional(),
  /** Where the text was found. */
  originalUrl: z
    .url({ protocol: /^https?$/, error: "originalUrl must be an http(s) URL" })
    .optional(),
  /** SHA-256 (hex) of `<slug>.original.txt`; the build fails on a mismatch. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/, "sha256 must be 64 lowercase hex characters"),
  /** Earlier site paths (`/articles/.../`) that must redirect here. */
  aliases: z
    .array(
      z
        .string()
        .regex(
          /^\/[^\s?#]*\/$/,
          "each alias must be a site path like /articles/2019/12/11/old-slug/",
        ),
    )
    .optional(),
});

export type ArticleFrontmatter = z.output<typeof articleSchema>;
export type ArticleFrontmatterInput = z.input<typeof articleSchema>;

/** Authors as a list, whichever form the frontmatter used. */
export function authorsOf(data: Pick<ArticleFrontmatter, "author">): string[] {
  if (data.author === undefined) return [];
  return Array.isArray(data.author) ? data.author : [data.author];
}

/**
 * Validates frontmatter and returns either the data or one message per problem, each
 * naming the field, so a CLI or a build can say exactly what to fix.
 */
export function validateFrontmatter(
  data: unknown,
): { ok: true; data: ArticleFrontmatter } | { ok: false; errors: string[] } {
  const result = articleSchema.safeParse(data);
  if (result.success) return { ok: true, data: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((issue) => {
      const field = issue.path.length ? issue.path.join(".") : "frontmatter";
      return `${field}: ${issue.message}`;
    }),
  };
}
