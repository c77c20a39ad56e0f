/**
 * The importer's scan reads an entry's frontmatter from the last scan's record while the
 * entry's file is unchanged, and from the file once it changed.
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { scanArchive } from "../../src/cli/import/archive-scan.ts";

const sha = (n: number) => n.toString(16).padStart(64, "0");
const entryText = (slug: string, n: number) =>
  `---\ntitle: Entry ${n}\ndate: '2021-03-04'\nsource: Trend\nslug: ${slug}\nsha256: ${sha(n)}\n---\nBody ${n}\n`;

let archive: string;
let out: string;
const record = () => join(archive, "cache", "import-scan.txt");
const scan = (dryRun = false) =>
  scanArchive(out, dryRun, (message) => assert.fail(message), record());

before(() => {
  archive = mkdtempSync(join(tmpdir(), "import-scan-cache-"));
  out = join(archive, "articles");
  mkdirSync(join(out, "2021/03/04"), { recursive: true });
  for (const n of [1, 2])
    writeFileSync(join(out, `2021/03/04/entry-${n}.md`), entryText(`entry-${n}`, n));
});
after(() => rmSync(archive, { recursive: true, force: true }));

describe("the import's scan of the archive", () => {
  it("writes no record in a dry run", () => {
    assert.equal(scan(true).index.bySha256.size, 2);
    assert.equal(existsSync(record()), false);
  });

  it("records what it read, and takes an unchanged entry from the record", () => {
    scan();
    const text = readFileSync(record(), "utf8");
    assert.match(text, /^2021\/03\/04\/entry-1\t/m);
    // The record, not the file, is read while the file's stats stay the same: a record
    // saying another sha256 for it is believed.
    writeFileSync(record(), text.replace(sha(1), sha(99)));
    const { index } = scan();
    assert.ok(index.bySha256.has(sha(99)));
    assert.ok(!index.bySha256.has(sha(1)));
  });

  it("reads an entry again once its file was written, and forgets a removed one", () => {
    writeFileSync(join(out, "2021/03/04/entry-1.md"), entryText("entry-1", 7));
    rmSync(join(out, "2021/03/04/entry-2.md"));
    const { index } = scan();
    assert.deepEqual([...index.bySha256.keys()], [sha(7)]);
    assert.doesNotMatch(readFileSync(record(), "utf8"), /entry-2/);
  });

  it("reads every entry when the record is of another version or unreadable", () => {
    writeFileSync(record(), "import-scan 0\n2021/03/04/entry-1\tx\t{}\n");
    assert.deepEqual([...scan().index.bySha256.keys()], [sha(7)]);
  });
});
