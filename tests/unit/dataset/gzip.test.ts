import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { gunzipSync, gzipSync } from "node:zlib";
import { deterministicGzip } from "../../../src/lib/dataset/gzip.ts";

const INPUTS = ["", "one line\n", '{"a":1}\n'.repeat(5000), "Bakı, Şəki, Gəncə\n"];

describe("deterministicGzip", () => {
  it("reads back to the input", async () => {
    for (const text of INPUTS) {
      assert.equal(gunzipSync(await deterministicGzip(Buffer.from(text))).toString(), text);
    }
  });

  it("gives the same bytes every time: no timestamp, a fixed OS byte, no file name", async () => {
    for (const text of INPUTS) {
      const a = await deterministicGzip(Buffer.from(text));
      const b = await deterministicGzip(Buffer.from(text));
      assert.ok(a.equals(b), text.slice(0, 20));
      assert.equal(a.readUInt32LE(4), 0, "MTIME");
      assert.equal(a[9], 255, "OS: unknown");
      assert.equal(a[3], 0, "FLG: no name, comment or extra field");
    }
  });

  it("compresses at level 9", async () => {
    const text = Buffer.from('{"key":"value"}\n'.repeat(2000));
    const packed = await deterministicGzip(text);
    assert.equal(packed.length, gzipSync(text, { level: 9 }).length);
    assert.ok(packed.length < gzipSync(text, { level: 1 }).length);
  });
});
