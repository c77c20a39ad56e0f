/**
 * The counted-words cache (./term-cache.ts) as bytes: compact, since it holds every
 * article's words (about 1 KB an article), and quick to read back whole.
 *
 *   TERMS_FORMAT "\n" varint(words) (varint(bytes) utf8)... varint(articles)
 *   (varint(key bytes) key varint(n) varint(id delta)×n varint(count)×n)...
 */
import type { ArticleTerms } from "./terms.ts";
import { TERMS_FORMAT, type TermCache } from "./term-cache.ts";

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: true });
const HEADER = encoder.encode(`${TERMS_FORMAT}\n`);

class Writer {
  #bytes = new Uint8Array(1 << 16);
  #length = 0;

  #room(extra: number): void {
    if (this.#length + extra <= this.#bytes.length) return;
    const grown = new Uint8Array(Math.max(this.#length + extra, this.#bytes.length * 2));
    grown.set(this.#bytes.subarray(0, this.#length));
    this.#bytes = grown;
  }

  varint(value: number): void {
    this.#room(5);
    let rest = value >>> 0;
    while (rest >= 0x80) {
      this.#bytes[this.#length++] = (rest & 0x7f) | 0x80;
      rest >>>= 7;
    }
    this.#bytes[this.#length++] = rest;
  }

  raw(bytes: Uint8Array): void {
    this.#room(bytes.length);
    this.#bytes.set(bytes, this.#length);
    this.#length += bytes.length;
  }

  text(value: string): void {
    const bytes = encoder.encode(value);
    this.varint(bytes.length);
    this.raw(bytes);
  }

  done(): Uint8Array {
    return this.#bytes.slice(0, this.#length);
  }
}

class Reader {
  #at = 0;
  readonly bytes: Uint8Array;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }

  varint(): number {
    let value = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const byte = this.bytes[this.#at++];
      if (byte === undefined) throw new Error("the file ends inside a number");
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
    throw new Error("a number is too long");
  }

  raw(length: number): Uint8Array {
    if (this.#at + length > this.bytes.length) throw new Error("the file ends early");
    const bytes = this.bytes.subarray(this.#at, this.#at + length);
    this.#at += length;
    return bytes;
  }

  text(): string {
    return decoder.decode(this.raw(this.varint()));
  }

  get done(): boolean {
    return this.#at === this.bytes.length;
  }
}

export function encodeTermCache(cache: TermCache): Uint8Array {
  const out = new Writer();
  out.raw(HEADER);
  out.varint(cache.terms.length);
  for (const term of cache.terms) out.text(term);
  out.varint(cache.articles.size);
  for (const [key, { ids, counts }] of cache.articles) {
    out.text(key);
    out.varint(ids.length);
    let previous = -1;
    for (const id of ids) {
      out.varint(id - previous - 1);
      previous = id;
    }
    for (const count of counts) out.varint(count);
  }
  return out.done();
}

/** Reads a cache back; throws if the bytes are not one (another format, cut short). */
export function decodeTermCache(bytes: Uint8Array): TermCache {
  const input = new Reader(bytes);
  const header = input.raw(HEADER.length);
  if (!header.every((byte, i) => byte === HEADER[i])) throw new Error("not a terms cache");
  const terms = Array.from({ length: input.varint() }, () => input.text());
  const articles = new Map<string, ArticleTerms>();
  for (let left = input.varint(); left > 0; left--) {
    const key = input.text();
    const ids = new Int32Array(input.varint());
    let previous = -1;
    for (let i = 0; i < ids.length; i++) {
      previous += input.varint() + 1;
      if (previous >= terms.length) throw new Error("a word id outside the word list");
      ids[i] = previous;
    }
    const counts = Uint16Array.from(ids, () => input.varint());
    articles.set(key, { ids, counts });
  }
  if (!input.done) throw new Error("bytes after the last article");
  return { terms, articles };
}
