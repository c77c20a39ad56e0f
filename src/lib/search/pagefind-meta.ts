/**
 * The page ids of a Pagefind index, in the order its `pagefind.<language>_<hash>.pf_meta`
 * lists them. The search page downloads that file anyway (Pagefind needs it to search), so a
 * shard's facet table (./facets.ts) need not repeat the ids: it says which row each listed
 * page is, and the ids come from here. The build reads the same file the same way.
 *
 * The file, once un-gzipped, is `pagefind_dcd` then CBOR (Pagefind 1.x `MetaIndex`): an
 * array whose first item is the generator's version and second the pages, each an array
 * whose first item is the page id (`en_3658a67`) and the rest (word count, ...) skipped.
 * Only definite lengths are read: minicbor, which writes the file, uses nothing else.
 */

const SIGNATURE = "pagefind_dcd";

/** A CBOR item's head: major type and argument, and where its content starts. */
interface Head {
  major: number;
  argument: number;
  next: number;
}

function headAt(bytes: Uint8Array, at: number): Head {
  const first = bytes[at];
  if (first === undefined) throw new Error("The Pagefind metadata ends early");
  const major = first >> 5;
  const info = first & 31;
  if (info < 24) return { major, argument: info, next: at + 1 };
  const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
  if (size === 0) throw new Error(`Unsupported CBOR item ${first} in the Pagefind metadata`);
  if (at + size >= bytes.length) throw new Error("The Pagefind metadata ends early");
  let argument = 0;
  for (let i = 1; i <= size; i++) argument = argument * 256 + bytes[at + i]!;
  return { major, argument, next: at + 1 + size };
}

/** Where the bytes or text of `head` end. */
function contentEnd(bytes: Uint8Array, head: Head): number {
  const end = head.next + head.argument;
  if (end > bytes.length) throw new Error("The Pagefind metadata ends early");
  return end;
}

/** Where the item starting at `at` ends. */
function skip(bytes: Uint8Array, at: number): number {
  const head = headAt(bytes, at);
  const { major, argument, next } = head;
  if (major === 2 || major === 3) return contentEnd(bytes, head);
  let end = next;
  if (major === 4) for (let i = 0; i < argument; i++) end = skip(bytes, end);
  if (major === 5) for (let i = 0; i < 2 * argument; i++) end = skip(bytes, end);
  if (major === 6) end = skip(bytes, end);
  return end;
}

function expect(head: Head, major: number, what: string): Head {
  if (head.major !== major) throw new Error(`The Pagefind metadata has no ${what}`);
  return head;
}

/** Page ids of an un-gzipped `.pf_meta` file, in its order. */
export function pageIdsOfMeta(bytes: Uint8Array): string[] {
  const signature = new TextEncoder().encode(SIGNATURE);
  const signed = signature.every((byte, i) => bytes[i] === byte);
  let at = signed ? signature.length : 0;
  at = expect(headAt(bytes, at), 4, "index array").next;
  expect(headAt(bytes, at), 3, "version");
  at = skip(bytes, at);
  const pages = expect(headAt(bytes, at), 4, "page list");
  const decoder = new TextDecoder();
  const ids: string[] = [];
  at = pages.next;
  for (let i = 0; i < pages.argument; i++) {
    const page = expect(headAt(bytes, at), 4, `page ${i}`);
    const id = expect(headAt(bytes, page.next), 3, `id for page ${i}`);
    at = contentEnd(bytes, id);
    ids.push(decoder.decode(bytes.subarray(id.next, at)));
    for (let field = 1; field < page.argument; field++) at = skip(bytes, at);
  }
  return ids;
}

/**
 * The `.pf_meta` files of an index, by name in its folder, from its `pagefind-entry.json`:
 * one per language, in the entry's order (a facet table's rows follow it).
 */
export function metaFilesOf(entry: unknown): string[] {
  const languages = (entry as { languages?: unknown } | null)?.languages;
  if (typeof languages !== "object" || languages === null) {
    throw new Error("The Pagefind entry file lists no languages");
  }
  return Object.entries(languages as Record<string, { hash?: unknown }>).map(
    ([language, index]) => {
      if (typeof index?.hash !== "string") {
        throw new Error(`The Pagefind entry file has no index hash for language ${language}`);
      }
      return `pagefind.${index.hash}.pf_meta`;
    },
  );
}
