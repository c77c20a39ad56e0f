/**
 * Writes archive entries (`<slug>.md` + `<slug>.original.txt`, with a matching sha256) for
 * search tests and the search benchmark, so they build small or large archives of their own.
 */
import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

export interface FixtureArticle {
  title: string;
  date: string;
  source: string;
  author?: string | string[];
  slug: string;
  language?: string;
  section?: string;
  body: string;
}

/** YAML frontmatter: every string JSON-quoted, which YAML reads as written. */
function frontmatter(fields: Record<string, unknown>): string {
  const lines = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) =>
      Array.isArray(value)
        ? `${key}:\n${value.map((item) => `  - ${JSON.stringify(item)}`).join("\n")}`
        : `${key}: ${JSON.stringify(value)}`,
    );
  return `---\n${lines.join("\n")}\n---\n`;
}

/** Writes one entry under `<archiveDir>/articles/YYYY/MM/DD/`. */
export async function writeArticle(archiveDir: string, article: FixtureArticle): Promise<void> {
  const [year, month, day] = article.date.split("-") as [string, string, string];
  const dir = join(archiveDir, "articles", year, month, day);
  await mkdir(dir, { recursive: true });
  const original = `${article.body}\n`;
  const sha256 = createHash("sha256").update(original).digest("hex");
  const { body, ...data } = article;
  await writeFile(join(dir, `${article.slug}.original.txt`), original);
  await writeFile(join(dir, `${article.slug}.md`), `${frontmatter({ ...data, sha256 })}${body}\n`);
}

export async function writeSearchArchive(
  archiveDir: string,
  articles: FixtureArticle[],
): Promise<void> {
  for (const article of articles) await writeArticle(archiveDir, article);
}
