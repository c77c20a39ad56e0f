import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  checkedRecord,
  entrySignature,
  parseChecked,
  serializeChecked,
  type FileStats,
} from "../../src/lib/checked-entries.ts";

const file: FileStats = {
  size: 4096n,
  ino: 77n,
  mtimeNs: 1_700_000_000_123_456_789n,
  ctimeNs: 1_700_000_000_223_456_789n,
};
const original: FileStats = { ...file, size: 3000n, ino: 78n };

describe("entrySignature", () => {
  const changes: [string, Partial<FileStats>][] = [
    ["size", { size: 4097n }],
    ["inode (replaced by a copy)", { ino: 79n }],
    ["modification time", { mtimeNs: file.mtimeNs + 1n }],
    ["status-change time (times set back by touch)", { ctimeNs: file.ctimeNs + 1n }],
  ];
  for (const [what, change] of changes) {
    it(`changes with the entry's or the original's ${what}`, () => {
      const base = entrySignature(file, original);
      assert.notEqual(entrySignature({ ...file, ...change }, original), base);
      assert.notEqual(entrySignature(file, { ...original, ...change }), base);
    });
  }
  it("is the same for the same stats, and tells the entry from its original", () => {
    assert.equal(entrySignature({ ...file }, { ...original }), entrySignature(file, original));
    assert.notEqual(entrySignature(original, file), entrySignature(file, original));
  });
});

describe("serializeChecked and parseChecked", () => {
  const record = checkedRecord(entrySignature(file, original), "9f8e7d6c5b4a");
  it("round-trips, sorted by id", () => {
    const checked = new Map([
      ["2019/12/11/b", record],
      ["2001/01/02/a", record],
    ]);
    const text = serializeChecked(checked);
    assert.deepEqual(
      text
        .split("\n")
        .slice(1, 3)
        .map((line) => line.split("\t")[0]),
      ["2001/01/02/a", "2019/12/11/b"],
    );
    assert.deepEqual(parseChecked(text), checked);
  });
  it("skips a damaged line and reads the rest", () => {
    const text = serializeChecked(new Map([["2001/01/02/a", record]]));
    const damaged = `${text}2001/01/03/b\tnot a record\n2001/01/04/c`;
    assert.deepEqual([...parseChecked(damaged).keys()], ["2001/01/02/a"]);
  });
  it("gives nothing for a file of another version, an empty or a truncated file", () => {
    const text = serializeChecked(new Map([["2001/01/02/a", record]]));
    assert.equal(parseChecked(text.replace("checked-entries 1", "checked-entries 0")).size, 0);
    assert.equal(parseChecked("").size, 0);
    assert.equal(parseChecked(text.slice(0, 10)).size, 0);
  });
});
