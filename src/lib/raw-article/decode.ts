/**
 * A raw file's bytes as text: UTF-8 only, since a wrong guess at another encoding would
 * archive mojibake under a sha256 that vouches for it. Pure.
 */

export type DecodedText = { ok: true; text: string } | { ok: false; problem: string; fix: string };

const decoder = new TextDecoder("utf-8", { fatal: true });

/** The text of `bytes`, or why it is not UTF-8 text and how to convert it. */
export function decodeRawText(bytes: Uint8Array): DecodedText {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return {
      ok: false,
      problem: "is not UTF-8 text (it holds bytes that are not valid UTF-8)",
      fix: "convert it to UTF-8 first, e.g. iconv -f WINDOWS-1251 -t UTF-8 old.txt > new.txt, and import the converted file",
    };
  }
  if (text.includes("\0")) {
    return {
      ok: false,
      problem: "is not UTF-8 text (it holds NUL bytes: binary data, or UTF-16 text)",
      fix: "convert it to UTF-8 first, e.g. iconv -f UTF-16 -t UTF-8 old.txt > new.txt, and import the converted file",
    };
  }
  return { ok: true, text };
}
