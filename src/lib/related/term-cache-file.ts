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
    const one = new Float64Array(1);
    this.varints(one);
    return one[0]!;
  }

  /**
   * Fills `out` with the next `out.length` numbers: one loop over the bytes with the
   * position in a local, as this is where reading a cache of 100,000 articles spends its
   * time (about 90 MB of numbers).
   */
  varints(out: Float64Array | Int32Array | Uint16Array): void {
    const bytes = this.bytes;
    const end = bytes.length;
    let at = this.#at;
    for (let i = 0; i < out.length; i++) {
      let value = 0;
      let shift = 0;
      for (;;) {
        if (at >= end) throw new Error("the file ends inside a number");
        const byte = bytes[at++]!;
        value += (byte & 0x7f) * 2 ** shift;
        if (byte < 0x80) break;
        shift += 7;
        if (shift >= 35) throw new Error("a number is too long");
      }
      out[i] = value;
    }
    this.#at = at;
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
    input.varints(ids);
    let previous = -1;
    for (let i = 0; i < ids.length; i++) {
      previous += ids[i]! + 1;
      if (previous >= terms.length) throw new Error("a word id outside the word list");
      ids[i] = previous;
    }
    const counts = new Uint16Array(ids.length);
    input.varints(counts);
    articles.set(key, { ids, counts });
  }
  if (!input.done) throw new Error("bytes after the last article");
  return { terms, articles };
}
