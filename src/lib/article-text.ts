/**
 * An article body is kept as plain text: paragraphs separated by blank lines. It is
 * rendered as text, never parsed as Markdown or HTML, so every character of the original
 * reaches the reader literally and nothing in it can become markup or script.
 */

/** The body of an entry file: everything after its frontmatter block. */
export function bodyOfEntry(text: string): string {
  const match = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  return match ? text.slice(match[0].length) : text;
}

/** Paragraphs of a body: blocks separated by blank lines, inner line breaks kept. */
export function paragraphsOf(body: string): string[] {
  return body
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((block) => block.replace(/^\n+|\s+$/g, ""))
    .filter((block) => block.trim() !== "");
}

/**
 * The first sentence of a text, at most `maxLength` characters (cut at a word boundary
 * with an ellipsis). A full stop after a single capital or a common abbreviation does
 * not end a sentence.
 */
export function firstSentence(text: string, maxLength = 300): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const end = /[.!?…](?=["'”’)\]]*(?:\s|$))/g;
  let sentence = flat;
  for (let match = end.exec(flat); match; match = end.exec(flat)) {
    const before = flat.slice(0, match.index);
    if (
      /(?:^|\s)(?:[A-Z]|Mr|Mrs|Ms|Dr|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|vs|etc|U\.S|e\.g|i\.e)$/.test(
        before,
      )
    )
      continue;
    sentence = flat.slice(0, match.index + 1);
    break;
  }
  return truncateAtWord(sentence, maxLength);
}

/** Cuts at the last word boundary that fits, adding an ellipsis when it cut. */
export function truncateAtWord(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > maxLength / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/, "")}…`;
}

/** Words in a text, for reading time. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Minutes to read at 230 words a minute, at least one. */
export function readingMinutes(text: string, wordsPerMinute = 230): number {
  return Math.max(1, Math.round(wordCount(text) / wordsPerMinute));
}

/** Whitespace, case and a closing mark or ellipsis set aside, for comparing a title with text. */
function comparable(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.!?…]+$/, "")
    .toLowerCase();
}

/**
 * The summary shown under an article's title: the first sentence of its body, or, when
 * the title was taken from that sentence (the importer derives a title from the first
 * sentence when the raw text has no headline, cut to a length with an ellipsis), the
 * sentence after it, so a list does not show it twice. "" when nothing follows it.
 */
export function summaryAfterTitle(body: string, title: string, maxLength = 300): string {
  const first = paragraphsOf(body)[0] ?? "";
  const sentence = firstSentence(first, Infinity);
  const titled = comparable(title);
  const derived =
    titled !== "" &&
    (titled === comparable(sentence) ||
      (title.trimEnd().endsWith("…") && comparable(sentence).startsWith(titled)));
  if (!derived) return firstSentence(body, maxLength);
  const rest = body.replace(/\s+/g, " ").trim().slice(sentence.length);
  return firstSentence(rest, maxLength);
}
