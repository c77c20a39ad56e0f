import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  parseScanRecord,
  recordedFields,
  scanRecordValue,
  serializeScanRecord,
  type ScanRecord,
} from "../../src/lib/import-scan-record.ts";

const SIG = "4096.77.1700000000123456789.1700000000223456789";
const fields = { sha256: "ab".repeat(32), date: "2019-12-11", slug: "azerbaijan-and-pakistan" };

describe("the import's record of the entries it scanned", () => {
  it("gives an entry's fields back while its file's signature is the one recorded", () => {
    const record: ScanRecord = new Map([["2019/12/11/a", scanRecordValue(SIG, fields)!]]);
    const read = parseScanRecord(serializeScanRecord(record));
    assert.deepEqual(recordedFields(read, "2019/12/11/a", SIG), fields);
  });
  const unusable: [string, ScanRecord, string, string][] = [
    ["a file written since (other stats)", new Map([["k", `${SIG}\t{}`]]), "k", `${SIG}1`],
    ["a signature that only starts the same", new Map([["k", `${SIG}9\t{}`]]), "k", SIG],
    ["an entry not recorded", new Map<string, string>(), "k", SIG],
    ["fields cut short", new Map([["k", `${SIG}\t{"slug":`]]), "k", SIG],
    ["fields that are not an object", new Map([["k", `${SIG}\t["a"]`]]), "k", SIG],
  ];
  for (const [what, record, key, signature] of unusable) {
    it(`gives nothing for ${what}, so the entry is read`, () => {
      assert.equal(recordedFields(record, key, signature), null);
    });
  }
  it("keeps strings and lists of strings; not what YAML gives as a date, number or null", () => {
    const aliases = { ...fields, aliases: ["/old/path/"] };
    assert.deepEqual(
      recordedFields(new Map([["k", scanRecordValue(SIG, aliases)!]]), "k", SIG),
      aliases,
    );
    for (const odd of [new Date("2019-12-11"), 2019, null, [1]]) {
      assert.equal(scanRecordValue(SIG, { ...fields, date: odd }), null);
    }
  });
  it("reads a record of another version, or none, as empty", () => {
    const text = serializeScanRecord(new Map([["k", `${SIG}\t{}`]]));
    assert.equal(parseScanRecord(text.replace("import-scan 1", "import-scan 0")).size, 0);
    assert.equal(parseScanRecord("").size, 0);
    assert.equal(parseScanRecord(text).size, 1);
  });
});
