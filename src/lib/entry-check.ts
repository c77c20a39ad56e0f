/**
 * Build-time promises about one archived entry: its original is intact and it sits where
 * its permanent URL says. Pure: the caller reads the files.
 */
import { createHash } from "node:crypto";
import { entryPathFor, type ArticleKey } from "./permalink.ts";

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** `<slug>.original.txt` beside `<slug>.md`. */
export function originalFileFor(entryFile: string): string {
  return entryFile.replace(/\.mdx?$/, "") + ".original.txt";
}

/**
 * Problems with one entry, each a sentence that says what to do. `entryPath` is relative
 * to `articles/`, without extension; `original` is the bytes of the original, or null
 * when it is missing.
 */
export function entryProblems(
  entryPath: string,
  data: ArticleKey & { sha256: string },
  original: Uint8Array | null,
): string[] {
  const problems: string[] = [];
  const expected = entryPathFor(data);
  if (entryPath !== expected) {
    problems.push(
      `its path does not match its date and slug: expected articles/${expected}.md ` +
        `(move the file, or fix date/slug in the frontmatter; a published URL that moves needs an alias)`,
    );
  }
  if (original === null) {
    problems.push(
      `its original text ${originalFileFor(entryPath.split("/").pop() ?? entryPath)} is missing beside it ` +
        `(restore it from the raw file it was imported from)`,
    );
  } else {
    const actual = sha256Hex(original);
    if (actual !== data.sha256) {
      problems.push(
        `sha256 ${data.sha256} does not match its original text (${actual}): ` +
          `the original was changed or the frontmatter is wrong; restore the original byte for byte`,
      );
    }
  }
  return problems;
}
