/**
 * Marks the search terms on an article opened from a search result (`?highlight=…`), then
 * brings the first mark into view. Loaded only on such visits, by SearchHighlight.astro.
 */
import { HIGHLIGHT_PARAM } from "../lib/permalink.ts";
import { highlightRanges } from "../lib/search/highlight.ts";

const query = new URLSearchParams(location.search).get(HIGHLIGHT_PARAM)?.trim() ?? "";
/** The article: headline, byline and text (search matches names in the byline too). */
const scope = document.querySelector("main article");

function markTextNode(node: Text, query: string): HTMLElement[] {
  const text = node.data;
  const ranges = highlightRanges(text, query);
  if (!ranges.length) return [];
  const marks: HTMLElement[] = [];
  const fragment = document.createDocumentFragment();
  let at = 0;
  for (const { start, end } of ranges) {
    if (start > at) fragment.append(text.slice(at, start));
    const mark = document.createElement("mark");
    mark.className = "search-highlight";
    mark.textContent = text.slice(start, end);
    fragment.append(mark);
    marks.push(mark);
    at = end;
  }
  if (at < text.length) fragment.append(text.slice(at));
  node.replaceWith(fragment);
  return marks;
}

/** Says what is marked and offers the page without marks (its permanent URL). */
function notice(query: string, count: number): HTMLElement {
  const note = document.createElement("p");
  note.className = "meta search-highlight-note";
  note.lang = "en";
  const matches = count === 1 ? "1 match" : `${count} matches`;
  note.append(`Search terms “${query}” highlighted (${matches}). `);
  const plain = document.createElement("a");
  plain.href = location.pathname;
  plain.textContent = "Show without highlighting";
  note.append(plain);
  return note;
}

if (query && scope) {
  const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest("[hidden], script, style, [data-pagefind-ignore]")
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  const marks = nodes.flatMap((node) => markTextNode(node, query));
  scope.before(notice(query, marks.length));
  const first = marks[0];
  if (first && first.getBoundingClientRect().top > window.innerHeight * 0.8) {
    first.scrollIntoView({ block: "center" });
  }
}
