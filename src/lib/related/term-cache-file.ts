/**
 * The counted-words cache (./term-cache.ts) as bytes, laid out to be read back whole with
 * as little work as can be: every build of an archive reads it, and at 100,000 articles it
 * holds 30 million word ids. Numbers are little-endian, and the lists start at multiples
 * of four bytes, so an article's words are a view of the bytes read, not decoded one by one
 * (decoding them as variable-length numbers took 3.3 s of the build's main thread at
 * 100,000 articles).
 *
 *   TERMS_FORMAT "\n", zero bytes to a multiple of 4
 *   u32 words, u32 articles, u32 ids (all articles'), u32 text bytes
 *   text: JSON of [the words, the articles' keys] (one parse for 600,000 strings)
 *   zero bytes to a multiple of 4
 *   u32 × articles: how many words each article has
 *   i32 × ids: each article's word ids, ascending, one article after another
 *   u16 × ids: their counts, likewise
 */
import { endianness } from "node:os";
import type { ArticleTerms } from "./terms.ts";
import { TERMS_FORMAT, type TermCache } from "./term-cache.ts";

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: true });
const HEADER = encoder.encode(`${TERMS_FORMAT}\n`);
/** The four counts after the header. */
const COUNTS = 4;
/** Typed arrays are in the machine's byte order: a big-endian machine counts afresh. */
const LITTLE_ENDIAN = endianness() === "LE";

const isList = (value: unknown, length: number): value is string[] =>
  Array.isArray(value) &&
  value.length === length &&
  value.every((item) => typeof item === "string");

const alignedTo4 = (length: number) => Math.ceil(length / 4) * 4;

/** Where the four counts start, and the text after them. */
const COUNTS_AT = alignedTo4(HEADER.length);
const TEXT_AT = COUNTS_AT + COUNTS * 4;

export function encodeTermCache(cache: TermCache): Uint8Array {
  if (!LITTLE_ENDIAN) return new Uint8Array(); // read as no cache
  const text = encoder.encode(JSON.stringify([cache.terms, [...cache.articles.keys()]]));
  let ids = 0;
  for (const terms of cache.articles.values()) ids += terms.ids.length;
  const listsStart = alignedTo4(TEXT_AT + text.length);
  const idsStart = listsStart + cache.articles.size * 4;
  const countsStart = idsStart + ids * 4;
  const bytes = new Uint8Array(countsStart + ids * 2);
  bytes.set(HEADER);
  new Uint32Array(bytes.buffer, COUNTS_AT, COUNTS).set([
    cache.terms.length,
    cache.articles.size,
    ids,
    text.length,
  ]);
  bytes.set(text, TEXT_AT);
  const lengths = new Uint32Array(bytes.buffer, listsStart, cache.articles.size);
  const allIds = new Int32Array(bytes.buffer, idsStart, ids);
  const allCounts = new Uint16Array(bytes.buffer, countsStart, ids);
  let at = 0;
  let article = 0;
  for (const terms of cache.articles.values()) {
    lengths[article++] = terms.ids.length;
    allIds.set(terms.ids, at);
    allCounts.set(terms.counts, at);
    at += terms.ids.length;
  }
  return bytes;
}

/** Reads a cache back; throws if the bytes are not one (another format, cut short). */
export function decodeTermCache(bytes: Uint8Array): TermCache {
  if (!LITTLE_ENDIAN) throw new Error("not a little-endian machine");
  if (!HEADER.every((byte, i) => bytes[i] === byte)) throw new Error("not a terms cache");
  // The lists are views into `bytes`, which must start at a multiple of 4 for them (a file
  // read whole does); otherwise into a copy. (Copying 180 MB with `new Uint8Array(bytes)`
  // took over a second; `slice` copies it at once, and Buffer's own `slice` would not.)
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : Uint8Array.prototype.slice.call(bytes);
  const { buffer, byteOffset: base, byteLength } = aligned;
  if (byteLength < TEXT_AT) throw new Error("the file ends early");
  const counts = new Uint32Array(buffer, base + COUNTS_AT, COUNTS);
  const [words, articles, ids, textLength] = [counts[0]!, counts[1]!, counts[2]!, counts[3]!];
  const textStart = base + TEXT_AT;
  const listsStart = alignedTo4(textStart + textLength);
  const idsStart = listsStart + articles * 4;
  const countsStart = idsStart + ids * 4;
  if (base + byteLength !== countsStart + ids * 2) throw new Error("the file's length is wrong");
  const text: unknown = JSON.parse(decoder.decode(new Uint8Array(buffer, textStart, textLength)));
  const [terms, keys] = Array.isArray(text) ? (text as unknown[]) : [];
  if (!isList(terms, words) || !isList(keys, articles)) {
    throw new Error("the words and keys are not what the counts say");
  }
  const lengths = new Uint32Array(buffer, listsStart, articles);
  const allIds = new Int32Array(buffer, idsStart, ids);
  const allCounts = new Uint16Array(buffer, countsStart, ids);
  const cache = new Map<string, ArticleTerms>();
  let at = 0;
  for (let article = 0; article < articles; article++) {
    const end = at + lengths[article]!;
    if (end > ids) throw new Error("more word ids than the file holds");
    const articleIds = allIds.subarray(at, end);
    for (let i = 0; i < articleIds.length; i++) {
      const id = articleIds[i]!;
      if (id < 0 || id >= words || (i > 0 && id <= articleIds[i - 1]!)) {
        throw new Error("a word id outside the word list, or out of order");
      }
    }
    cache.set(keys[article]!, { ids: articleIds, counts: allCounts.subarray(at, end) });
    at = end;
  }
  if (at !== ids) throw new Error("word ids no article has");
  return { terms, articles: cache };
}
