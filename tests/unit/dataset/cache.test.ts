import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { DatasetCacheFolder, type YearRecord } from "../../../src/integrations/dataset/cache.ts";

let cacheDir: string;
before(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), "dataset-cache-"));
});
after(() => rm(cacheDir, { recursive: true, force: true }));

const facts = { articles: 2, bytes: 100, sha256: "ab" };

describe("the dataset's part of the build cache", () => {
  it("gives no years before a build saved any, or for a record it cannot read", async () => {
    const cache = new DatasetCacheFolder(cacheDir);
    assert.deepEqual(await cache.load(), { years: {} });
    await writeFile(join(cacheDir, "dataset.json"), "{}");
    await cache.save({ years: {} });
    await writeFile(join(cacheDir, "dataset", "years.json"), '{"years": {"2019":');
    assert.deepEqual(await cache.load(), { years: {} });
  });

  it("keeps each year's rows as written, and gives back what was saved", async () => {
    const cache = new DatasetCacheFolder(cacheDir);
    const rows = 'a,"b, c",1\nd,é,2\n';
    const year: YearRecord = {
      year: "2019",
      key: "k1",
      ...facts,
      csvBytes: await cache.writeRows("2019", "k1", rows),
    };
    assert.equal(year.csvBytes, Buffer.byteLength(rows));
    await cache.save({ years: { 2019: year }, csv: { key: "c", bytes: 1, sha256: "cd" } });
    const loaded = new DatasetCacheFolder(cacheDir);
    assert.deepEqual(await loaded.load(), {
      years: { 2019: year },
      csv: { key: "c", bytes: 1, sha256: "cd" },
    });
    assert.equal(await loaded.hasRows(year), true);
    assert.equal(String(await loaded.readRows(year)), rows);
  });

  it("tells rows made from other inputs, or cut short, from the year's", async () => {
    const cache = new DatasetCacheFolder(cacheDir);
    const year = (await cache.load()).years["2019"]!;
    assert.equal(await cache.hasRows({ ...year, key: "k2" }), false);
    assert.equal(await cache.hasRows({ ...year, csvBytes: year.csvBytes + 1 }), false);
  });

  it("removes, when saved, the rows no saved year names and the earlier one-file record", async () => {
    const cache = new DatasetCacheFolder(cacheDir);
    const csvBytes = await cache.writeRows("2019", "k2", "x\n");
    await cache.writeRows("2020", "k3", "y\n");
    await cache.save({ years: { 2019: { year: "2019", key: "k2", ...facts, csvBytes } } });
    assert.deepEqual(await readdir(join(cacheDir, "dataset")), ["rows-2019-k2.csv", "years.json"]);
    assert.equal(existsSync(join(cacheDir, "dataset.json")), false);
  });
});
