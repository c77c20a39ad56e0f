/**
 * The archive as a dataset (/data/): every file read back and checked against the archive,
 * the check shown to fail on planted faults, and a rebuild after adding one article that
 * rewrites only that year's file and ends with the bytes of a clean build.
 */
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { cp, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { buildSite, type BuildResult, testFolder } from "../support/build-site.ts";
import { datasetProblems } from "../support/dataset-check.ts";
import {
  HAND_WRITTEN_ARTICLES,
  writeFixtureArchive,
  type FixtureArticle,
} from "../support/fixture-archive.ts";
import { DEFAULT_SETTINGS } from "../../src/lib/settings.ts";

const SITE = DEFAULT_SETTINGS.siteUrl;

/** Text a CSV or a JSON line must carry literally: quotes, commas, line breaks, U+2028. */
const AWKWARD: FixtureArticle = {
  title: 'Minister: "no deal", for now',
  date: "2018-02-03",
  source: "Trend, Baku",
  author: ["Aysel Karimova", "Orkhan O'Neill, Jr."],
  section: "Politics",
  aliases: ["/articles/2018/02/02/minister-no-deal/"],
  body: 'First line\nsecond line, with "quotes"\n\nA paragraph with a separator\u2028inside.',
  original: 'date 2018-02-03\r\nMinister: "no deal", for now\r\n\r\nraw text with CRLF\r\n',
};
const ADDED: FixtureArticle = {
  title: "Ferry service resumes across the Caspian",
  date: "2021-09-01",
  source: "Caspian Herald",
  body: "The ferry service resumed on Wednesday.",
};

let archive: string;
let first: BuildResult;
/** mtime and bytes of every file in /data/ after the first build. */
let firstData: Map<string, { mtimeMs: number; bytes: Buffer }>;
let again: BuildResult;
let clean: BuildResult;

async function dataFiles(outDir: string) {
  const dir = join(outDir, "data");
  const files = new Map<string, { mtimeMs: number; bytes: Buffer }>();
  for (const name of (await readdir(dir)).sort()) {
    const path = join(dir, name);
    files.set(name, { mtimeMs: (await stat(path)).mtimeMs, bytes: await readFile(path) });
  }
  return files;
}

before(async () => {
  archive = await testFolder("dataset-");
  await writeFixtureArchive(archive, [...HAND_WRITTEN_ARTICLES, AWKWARD]);
  first = await buildSite(archive);
  assert.equal(first.code, 0, first.output);
  firstData = await dataFiles(first.outDir);
  await writeFixtureArchive(archive, [ADDED], { seed: false });
  again = await buildSite(archive, { outDir: first.outDir });
  assert.equal(again.code, 0, again.output);
  clean = await buildSite(archive);
  assert.equal(clean.code, 0, clean.output);
});

describe("the dataset read back", () => {
  test("every file agrees with the archive and with datapackage.json", async () => {
    assert.deepEqual(await datasetProblems(clean.outDir, archive, SITE), []);
    assert.deepEqual(await datasetProblems(again.outDir, archive, SITE), []);
  });

  test("the /data/ page links every file, and /about/ and the footer link /data/", async () => {
    const page = await readFile(join(clean.outDir, "data/index.html"), "utf8");
    const names = [...(await dataFiles(clean.outDir)).keys()].filter(
      (name) => !name.endsWith(".gz") || name.endsWith(".jsonl.gz"),
    );
    for (const name of names.filter((n) => n !== "index.html"))
      assert.ok(page.includes(`href="/data/${name}"`), name);
    const about = await readFile(join(clean.outDir, "about/index.html"), "utf8");
    assert.match(about, /<main[\s\S]*href="\/data\/"[\s\S]*<\/main>/);
    assert.match(about, /<footer[\s\S]*href="\/data\/"[\s\S]*<\/footer>/);
  });
});

/** Faults planted in a copy of a good build: each must be reported. */
const FAULTS: [name: string, plant: (dataDir: string) => Promise<void>, report: RegExp][] = [
  [
    "a text changed in a year file (its size and digest updated to match)",
    async (dir) => {
      const file = join(dir, "articles-2021.jsonl.gz");
      const text = gunzipSync(await readFile(file))
        .toString()
        .replace("handled more cargo", "handled less cargo");
      const bytes = gzipSync(text);
      await writeFile(file, bytes);
      const pkg = JSON.parse(await readFile(join(dir, "datapackage.json"), "utf8")) as {
        resources: { path: string; bytes: number; hash: string }[];
      };
      const resource = pkg.resources.find((r) => r.path === "articles-2021.jsonl.gz")!;
      resource.bytes = bytes.length;
      resource.hash = `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
      await writeFile(join(dir, "datapackage.json"), JSON.stringify(pkg));
    },
    /line \d+: text is not the archive's/,
  ],
  [
    "a year file one byte longer than datapackage.json says",
    async (dir) => {
      const file = join(dir, "articles-2019.jsonl.gz");
      await writeFile(file, Buffer.concat([await readFile(file), Buffer.from([0])]));
    },
    /articles-2019\.jsonl\.gz: \d+ bytes, datapackage\.json says \d+/,
  ],
  [
    "a CSV row left out",
    async (dir) => {
      const file = join(dir, "articles.csv");
      const lines = (await readFile(file, "utf8")).split("\r\n");
      await writeFile(file, [lines[0], ...lines.slice(2)].join("\r\n"));
    },
    /articles\.csv: http:\/\/\S+ is missing/,
  ],
];

describe("the read-back check fails on a planted fault", () => {
  for (const [name, plant, report] of FAULTS) {
    test(name, async () => {
      const copy = await testFolder("dataset-fault-");
      await cp(clean.outDir, copy, { recursive: true });
      await plant(join(copy, "data"));
      const problems = await datasetProblems(copy, archive, SITE);
      assert.ok(
        problems.some((p) => report.test(p)),
        problems.join("\n") || "no problem found",
      );
    });
  }
});

describe("a rebuild after adding one article", () => {
  test("rewrites only its year's file, the CSV and datapackage.json", async () => {
    assert.match(first.output, /Wrote the dataset in \d+ ms: 4 of 4 year file\(s\)/);
    assert.match(again.output, /Wrote the dataset in \d+ ms: 1 of 4 year file\(s\)/);
    const now = await dataFiles(again.outDir);
    const changed = [...firstData]
      .filter(([name, { mtimeMs }]) => now.get(name)?.mtimeMs !== mtimeMs)
      .map(([name]) => name);
    assert.deepEqual(changed.filter((name) => !name.startsWith("index.html")).sort(), [
      "articles-2021.jsonl.gz",
      "articles.csv",
      "articles.csv.gz",
      "datapackage.json",
      "datapackage.json.gz",
    ]);
  });

  test("ends with the bytes a clean build writes", async () => {
    const incremental = await dataFiles(again.outDir);
    const full = await dataFiles(clean.outDir);
    assert.deepEqual([...incremental.keys()], [...full.keys()]);
    for (const [name, { bytes }] of full)
      assert.ok(incremental.get(name)!.bytes.equals(bytes), name);
  });
});
