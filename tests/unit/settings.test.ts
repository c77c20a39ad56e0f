import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { DEFAULT_SETTINGS, settingFrom, settingsFrom, type Env } from "../../src/lib/settings.ts";

describe("settingsFrom", () => {
  test("an empty environment gives the defaults README's Settings table lists", () => {
    assert.deepEqual(settingsFrom({}), {
      siteUrl: "http://localhost:4321",
      archiveDir: "content",
      outDir: "./dist",
      cacheDir: "./node_modules/.astro",
      incremental: true,
      searchIndex: true,
      searchShardPages: 10_000,
      searchNewestShard: true,
      pagefindMaxFragments: 10_000,
      // Without a machine given: those of one core with 4 GB.
      buildCores: 1,
      buildMemoryMb: 3072,
      buildSlice: "all",
    });
  });

  test("BUILD_CORES and BUILD_MEMORY_MB default to the machine's cores and 75% of its memory", () => {
    const settings = settingsFrom({}, { cores: 8, memoryMb: 16_384 });
    assert.equal(settings.buildCores, 8);
    assert.equal(settings.buildMemoryMb, 12_288);
    // The rest does not depend on the machine.
    assert.deepEqual(
      { ...settings, buildCores: 1, buildMemoryMb: 3072 },
      { ...DEFAULT_SETTINGS, buildCores: 1, buildMemoryMb: 3072 },
    );
  });

  test("the environment caps what the machine would give", () => {
    const machine = { cores: 8, memoryMb: 16_384 };
    const settings = settingsFrom({ BUILD_CORES: "2", BUILD_MEMORY_MB: "6000" }, machine);
    assert.equal(settings.buildCores, 2);
    assert.equal(settings.buildMemoryMb, 6000);
  });

  test("a machine's odd figures still give whole defaults of at least 1", () => {
    const settings = settingsFrom({}, { cores: 0, memoryMb: 1000.7 });
    assert.equal(settings.buildCores, 1);
    assert.equal(settings.buildMemoryMb, 750);
  });

  test("an invalid BUILD_ value names the machine's default", () => {
    assert.throws(
      () => settingsFrom({ BUILD_CORES: "all" }, { cores: 6, memoryMb: 8192 }),
      /BUILD_CORES="all" must be a whole number, 1 or more: fix it, or unset it for the default \(6\)/,
    );
  });

  const valid: [string, Env, Partial<typeof DEFAULT_SETTINGS>][] = [
    ["SITE_URL", { SITE_URL: "https://news.example.org" }, { siteUrl: "https://news.example.org" }],
    ["ARCHIVE_DIR", { ARCHIVE_DIR: "/data/archive" }, { archiveDir: "/data/archive" }],
    ["OUT_DIR", { OUT_DIR: "build/site" }, { outDir: "build/site" }],
    ["CACHE_DIR", { CACHE_DIR: "/tmp/cache" }, { cacheDir: "/tmp/cache" }],
    ["INCREMENTAL=off", { INCREMENTAL: "off" }, { incremental: false }],
    ["INCREMENTAL=on", { INCREMENTAL: "on" }, { incremental: true }],
    ["SEARCH_INDEX=off", { SEARCH_INDEX: "off" }, { searchIndex: false }],
    ["SEARCH_INDEX=on", { SEARCH_INDEX: "on" }, { searchIndex: true }],
    ["SEARCH_SHARD_PAGES", { SEARCH_SHARD_PAGES: "2" }, { searchShardPages: 2 }],
    ["SEARCH_NEWEST_SHARD=off", { SEARCH_NEWEST_SHARD: "off" }, { searchNewestShard: false }],
    ["PAGEFIND_MAX_FRAGMENTS", { PAGEFIND_MAX_FRAGMENTS: "500" }, { pagefindMaxFragments: 500 }],
    ["BUILD_CORES", { BUILD_CORES: "1" }, { buildCores: 1 }],
    ["BUILD_CORES above the cores", { BUILD_CORES: "16" }, { buildCores: 16 }],
    ["BUILD_MEMORY_MB", { BUILD_MEMORY_MB: "6144" }, { buildMemoryMb: 6144 }],
    ["BUILD_SLICE, a range of years", { BUILD_SLICE: "2001-2012" }, { buildSlice: "2001-2012" }],
    ["BUILD_SLICE, one year", { BUILD_SLICE: "2019" }, { buildSlice: "2019" }],
    ["BUILD_SLICE=site", { BUILD_SLICE: "site" }, { buildSlice: "site" }],
    ["an empty value counts as unset", { SEARCH_SHARD_PAGES: "", SITE_URL: "" }, {}],
    ["other variables are ignored", { PATH: "/usr/bin", HOME: "/root" }, {}],
  ];
  for (const [name, env, changed] of valid) {
    test(`reads ${name}`, () => {
      assert.deepEqual(settingsFrom(env), { ...DEFAULT_SETTINGS, ...changed });
    });
  }

  const invalid: [Env, RegExp][] = [
    [{ SEARCH_SHARD_PAGES: "abc" }, /SEARCH_SHARD_PAGES="abc" must be a whole number/],
    [{ SEARCH_SHARD_PAGES: "0" }, /SEARCH_SHARD_PAGES="0" must be a whole number, 1 or more/],
    [{ SEARCH_SHARD_PAGES: "2.5" }, /SEARCH_SHARD_PAGES="2.5"/],
    [{ SEARCH_SHARD_PAGES: "10k" }, /SEARCH_SHARD_PAGES="10k"/],
    [{ PAGEFIND_MAX_FRAGMENTS: "-1" }, /PAGEFIND_MAX_FRAGMENTS="-1" must be a whole number/],
    [{ BUILD_CORES: "0" }, /BUILD_CORES="0" must be a whole number, 1 or more/],
    [{ BUILD_CORES: "max" }, /BUILD_CORES="max" must be a whole number/],
    [{ BUILD_MEMORY_MB: "6G" }, /BUILD_MEMORY_MB="6G" must be a whole number/],
    [{ BUILD_MEMORY_MB: "1.5" }, /BUILD_MEMORY_MB="1.5"/],
    [{ INCREMENTAL: "false" }, /INCREMENTAL="false" must be on or off/],
    [{ SEARCH_INDEX: "no" }, /SEARCH_INDEX="no" must be on or off/],
    [{ BUILD_SLICE: "2012-2001" }, /BUILD_SLICE="2012-2001" must be a year \(2019\)/],
    [{ BUILD_SLICE: "19" }, /BUILD_SLICE="19" must be a year/],
    [{ BUILD_SLICE: "years" }, /BUILD_SLICE="years" must be/],
    [{ SITE_URL: "news.example.org" }, /SITE_URL="news.example.org" must be an absolute http/],
    [{ SITE_URL: "ftp://news.example.org" }, /SITE_URL="ftp:\/\/news.example.org"/],
  ];
  for (const [env, message] of invalid) {
    const [variable] = Object.keys(env);
    test(`rejects ${variable}=${env[variable!]}, saying what to do`, () => {
      assert.throws(() => settingsFrom(env), message);
      assert.throws(() => settingsFrom(env), /fix it, or unset it for the default \(.+\)/);
    });
  }

  test("names every invalid variable at once", () => {
    assert.throws(
      () => settingsFrom({ SEARCH_SHARD_PAGES: "abc", INCREMENTAL: "yes" }),
      (error: Error) =>
        /Invalid settings/.test(error.message) &&
        error.message.includes("SEARCH_SHARD_PAGES") &&
        error.message.includes("INCREMENTAL"),
    );
  });

  test("gives the default in the message, as it is written", () => {
    assert.throws(() => settingsFrom({ SEARCH_SHARD_PAGES: "abc" }), /default \(10000\)/);
    assert.throws(() => settingsFrom({ INCREMENTAL: "no" }), /default \(on\)/);
  });
});

describe("settingFrom", () => {
  test("reads one setting, with its default", () => {
    assert.equal(settingFrom({ ARCHIVE_DIR: "fixtures" }, "archiveDir"), "fixtures");
    assert.equal(settingFrom({}, "archiveDir"), "content");
  });

  test("checks only the setting asked for", () => {
    assert.equal(settingFrom({ SEARCH_SHARD_PAGES: "abc" }, "archiveDir"), "content");
    assert.throws(() => settingFrom({ SEARCH_SHARD_PAGES: "abc" }, "searchShardPages"), /abc/);
  });
});
