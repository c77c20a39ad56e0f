/**
 * The `.gz` step looks at a file's copy only if the file was written since the last complete
 * run began; before that, the copy (or none) is as that run left it.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { after, beforeEach, describe, it } from "node:test";
import { precompressFiles } from "../../src/integrations/precompress.ts";

const PAGE = `<!doctype html><title>Harbour</title>${"<p>The harbour board met on Tuesday.</p>".repeat(60)}`;
const HOUR_AGO = (Date.now() - 3_600_000) / 1000;
const dirs: string[] = [];
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "precompress-"));
  dirs.push(dir);
  // A page written an hour ago beside a copy of an older text, older still.
  await writeFile(join(dir, "index.html"), PAGE);
  await writeFile(join(dir, "index.html.gz"), gzipSync("<p>an older page</p>"));
  await utimes(join(dir, "index.html.gz"), HOUR_AGO - 60, HOUR_AGO - 60);
  await utimes(join(dir, "index.html"), HOUR_AGO, HOUR_AGO);
  // A file too small for a copy, with one an earlier rule wrote.
  await writeFile(join(dir, "small.json"), "{}");
  await writeFile(join(dir, "small.json.gz"), gzipSync("{}"));
  await utimes(join(dir, "small.json"), HOUR_AGO, HOUR_AGO);
});
after(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

const FILES = ["index.html", "index.html.gz", "small.json", "small.json.gz"];
const copy = () => String(gunzipSync(readFileSync(join(dir, "index.html.gz"))));

describe("precompressFiles", () => {
  it("rewrites a copy older than its file when no earlier run is known", async () => {
    assert.equal(await precompressFiles(dir, FILES), 1);
    assert.equal(copy(), PAGE);
  });

  it("leaves the copy of a file written before the last complete run began", async () => {
    assert.equal(await precompressFiles(dir, FILES, { lookedAtBefore: Date.now() }), 0);
    assert.equal(copy(), "<p>an older page</p>");
  });

  it("looks at a file written since that run began", async () => {
    const lookedAtBefore = (HOUR_AGO - 30) * 1000;
    assert.equal(await precompressFiles(dir, FILES, { lookedAtBefore }), 1);
    assert.equal(copy(), PAGE);
  });

  it("rewrites a copy newer than its file when the last run had other rules", async () => {
    await utimes(join(dir, "index.html.gz"), HOUR_AGO + 60, HOUR_AGO + 60);
    const page = ["index.html", "index.html.gz"];
    assert.equal(await precompressFiles(dir, page), 0, "a newer copy is kept otherwise");
    assert.equal(await precompressFiles(dir, page, { rewrite: true }), 1);
    assert.equal(copy(), PAGE);
  });

  it("removes a copy the rules no longer ask for, whenever its file was written", async () => {
    await precompressFiles(dir, FILES, { lookedAtBefore: Date.now() });
    assert.equal(existsSync(join(dir, "small.json.gz")), false);
  });
});
