/**
 * The import under faults, on a few hundred generated raw files: two imports at once,
 * an import killed at known points (src/cli/import/test-faults.ts) and run again, and a
 * build beside an import. Each must end as one clean import would, byte for byte.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { spawn, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { hostname, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, describe, it } from "node:test";
import { generateRawArticles } from "../../bench/generate-raw.ts";
import { LOCK_FILE } from "../../src/cli/import/archive-lock.ts";
import { TEST_FAULT_VARIABLE } from "../../src/cli/import/test-faults.ts";
import { lockFileText } from "../../src/lib/import-lock.ts";
import { beforeAll } from "../support/hooks.ts";
import { archiveTree, NO_DIFFERENCE, treeDifference } from "../support/archive-tree.ts";
import { buildSite, IMPORT_CACHE_DIR, ROOT } from "../support/build-site.ts";

const CLI = join(ROOT, "src/cli/import.ts");
const ARTICLES = 300;

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

let work: string;
let raw: string;
let cleanTree: Map<string, string>;
let cleanSummary: string;
let runs = 0;

/** Runs the import of every raw file into `archive`, with `env` added. */
function startImport(
  archive: string,
  options: { env?: Record<string, string>; args?: string[] } = {},
): Promise<Outcome> {
  const child = spawn(
    process.execPath,
    [CLI, ...(options.args ?? []), "--out", join(archive, "articles"), raw],
    {
      cwd: ROOT,
      env: { ...process.env, ARCHIVE_DIR: "", CACHE_DIR: IMPORT_CACHE_DIR, ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  return new Promise((done) =>
    child.on("close", (code, signal) => done({ code, signal, stdout, stderr })),
  );
}

function summaryOf(outcome: Outcome): string {
  return /^imported \d+, duplicates \d+, failed \d+$/m.exec(outcome.stderr)?.[0] ?? "";
}

function newArchive(): string {
  return join(work, `archive-${++runs}`);
}

function assertLikeCleanImport(archive: string): void {
  assert.deepEqual(treeDifference(archiveTree(archive), cleanTree), NO_DIFFERENCE);
}

/** Puts a lock file in `archive` naming `pid` on this host; its path. */
function lockAs(archive: string, pid: number): string {
  mkdirSync(archive, { recursive: true });
  const file = join(archive, LOCK_FILE);
  const started = "2026-01-02T03:04:05.000Z";
  writeFileSync(file, lockFileText({ pid, host: hostname(), started, token: randomUUID() }));
  return file;
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((done) => setTimeout(done, 50));
}

const setUpDone = beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "import-faults-"));
  raw = join(work, "raw");
  generateRawArticles(raw, ARTICLES, 15, undefined, "classic");
  const clean = newArchive();
  const outcome = await startImport(clean);
  assert.equal(outcome.code, 0, outcome.stderr);
  cleanTree = archiveTree(clean);
  cleanSummary = summaryOf(outcome);
  assert.match(cleanSummary, /^imported [1-9]\d+, duplicates \d+, failed 0$/);
});

after(async () => {
  await setUpDone();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("import faults", () => {
  it("two imports started together end with the entries and ledger of one clean import", async () => {
    const archive = newArchive();
    // A pause after each file keeps the first import running while the second starts.
    const env = { [TEST_FAULT_VARIABLE]: "delay-ms:3" };
    const outcomes = await Promise.all([
      startImport(archive, { env }),
      startImport(archive, { env }),
    ]);
    for (const outcome of outcomes) assert.equal(outcome.code, 0, outcome.stderr);
    assertLikeCleanImport(archive);
    const allDuplicates = `imported 0, duplicates ${ARTICLES}, failed 0`;
    assert.deepEqual(outcomes.map(summaryOf).sort(), [allDuplicates, cleanSummary].sort());
    const second = outcomes.find((outcome) => summaryOf(outcome) === allDuplicates)!;
    assert.match(second.stderr, /waiting for the import .*pid \d+.*started \d{4}-\d\d-\d\dT/);
  });

  const kills = [
    ["early: between an article's .original.txt and its .md", "kill-before-md:1"],
    ["middle: an article on disk, its ledger line not yet written", "kill-before-ledger:150"],
    ["middle: right after an article's ledger line", "kill-after:150"],
    ["during the ledger append: half a line written", "tear-ledger:150"],
    ["during the first ledger append: half a line written", "tear-ledger:1"],
  ] as const;
  for (const [when, fault] of kills) {
    it(`an import killed ${when} and run again equals a clean import`, async () => {
      const archive = newArchive();
      const killed = await startImport(archive, { env: { [TEST_FAULT_VARIABLE]: fault } });
      assert.equal(killed.signal, "SIGKILL", `${fault} did not kill the import: ${killed.stderr}`);
      const again = await startImport(archive);
      assert.equal(again.code, 0, again.stderr);
      assertLikeCleanImport(archive);
    });
  }

  it("an entry name taken while the import runs is never replaced: the article takes the next slug", async () => {
    // A copy of the raw files with a twin (same bytes) sorting right after one of them.
    const twinned = join(work, "raw-twinned");
    cpSync(raw, twinned, { recursive: true });
    const files = readdirSync(twinned, { recursive: true, encoding: "utf8" })
      .filter((path) => path.endsWith(".txt"))
      .sort();
    const victims = [files[200]!, files[250]!];
    cpSync(join(twinned, victims[0]!), join(twinned, victims[0]!.replace(/\.txt$/, "_twin.txt")));
    const archive = newArchive();
    const out = join(archive, "articles");
    const run = (args: string[], env: Record<string, string> = {}) => {
      const child = spawn(process.execPath, [CLI, "--json", ...args, "--out", out, twinned], {
        cwd: ROOT,
        env: { ...process.env, ARCHIVE_DIR: "", CACHE_DIR: IMPORT_CACHE_DIR, ...env },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
      child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
      return new Promise<Outcome>((done) =>
        child.on("close", (code, signal) => done({ code, signal, stdout, stderr })),
      );
    };
    const resultOf = (outcome: Outcome, file: string) =>
      (JSON.parse(outcome.stdout) as { file: string; entry: string; status: string }[]).find(
        (result) => result.file.endsWith(file),
      )!;
    const planned = await run(["--dry-run"]);
    const squatted = victims.map((file) => resultOf(planned, file).entry);
    const importing = run([], { [TEST_FAULT_VARIABLE]: "delay-ms:15" });
    // Once the first batch is in, well before the victims are planned, another process
    // writes files at their names.
    const ledger = join(archive, "permalinks.txt");
    await until(() => existsSync(ledger) && readFileSync(ledger, "utf8").split("\n").length > 20);
    for (const entry of squatted) {
      mkdirSync(dirname(entry), { recursive: true });
      writeFileSync(entry, "not an import's\n");
    }
    const imported = await importing;
    assert.equal(imported.code, 0, imported.stderr);
    const [, count, duplicates] = /^imported (\d+), duplicates (\d+)/.exec(cleanSummary)!;
    const summary = `imported ${count}, duplicates ${Number(duplicates) + 1}, failed 0`;
    assert.equal(summaryOf(imported), summary);
    for (const entry of squatted) assert.equal(readFileSync(entry, "utf8"), "not an import's\n");
    for (const [i, file] of victims.entries()) {
      const result = resultOf(imported, file);
      assert.equal(result.status, "imported");
      assert.equal(result.entry, squatted[i]!.replace(/\.md$/, "-2.md"));
      assert.ok(!existsSync(squatted[i]!.replace(/\.md$/, ".original.txt")));
    }
    const twin = resultOf(imported, victims[0]!.replace(/\.txt$/, "_twin.txt"));
    assert.equal(twin.status, "duplicate");
    assert.equal(twin.entry, resultOf(imported, victims[0]!).entry);
    const lines = readFileSync(ledger, "utf8").trim().split("\n");
    assert.equal(new Set(lines).size, Number(count));
    assert.equal(lines.length, Number(count));
    for (const line of lines) {
      const key = line.replace(/^\/articles\//, "").replace(/\/$/, "");
      assert.ok(existsSync(join(out, `${key}.md`)), `${line} has no entry`);
      assert.ok(existsSync(join(out, `${key}.original.txt`)), `${line} has no original`);
    }
    const tree = [...archiveTree(archive).keys()];
    assert.deepEqual(
      tree.filter((path) => path.endsWith(".tmp")),
      [],
    );
  });

  it("a build started while an import runs succeeds, each article whole", async () => {
    const archive = newArchive();
    const importing = startImport(archive, { env: { [TEST_FAULT_VARIABLE]: "delay-ms:30" } });
    const ledger = join(archive, "permalinks.txt");
    // Start the build once the import is under way, so it reads a half-imported archive.
    await until(() => existsSync(ledger) && readFileSync(ledger, "utf8").split("\n").length > 20);
    const build = await buildSite(archive);
    const imported = await importing;
    assert.equal(build.code, 0, build.output);
    assert.equal(imported.code, 0, imported.stderr);
    assertLikeCleanImport(archive);
    const pages = readdirSync(join(build.outDir, "articles"), { recursive: true, encoding: "utf8" })
      .filter((path) => /^\d{4}\/\d\d\/\d\d\/[^/]+\/index\.html$/.test(path))
      .map((path) => path.slice(0, -"/index.html".length));
    assert.ok(pages.length >= 19, `only ${pages.length} article pages were built`);
    // Whole or not at all: every original.txt sits beside its page, none without one.
    const originals = readdirSync(join(build.outDir, "articles"), {
      recursive: true,
      encoding: "utf8",
    })
      .filter((path) => path.endsWith("/original.txt"))
      .map((path) => path.slice(0, -"/original.txt".length));
    assert.deepEqual(originals.sort(), [...pages].sort());
    for (const key of pages) {
      const served = readFileSync(join(build.outDir, "articles", key, "original.txt"));
      const archived = readFileSync(join(archive, "articles", `${key}.original.txt`));
      assert.ok(served.equals(archived), `${key}: original.txt is not the archived original`);
    }
  });
});

describe("import lock", () => {
  it("--no-wait exits 3 at once, naming the holder, and writes nothing", async () => {
    const archive = newArchive();
    lockAs(archive, process.pid);
    const outcome = await startImport(archive, { args: ["--no-wait"] });
    assert.equal(outcome.code, 3, outcome.stderr);
    assert.match(
      outcome.stderr,
      new RegExp(`pid ${process.pid} on host .*, started 2026-01-02T03:04:05.000Z.*--no-wait`),
    );
    assert.deepEqual([...archiveTree(archive).keys()], [LOCK_FILE]);
  });

  it("waits while a running import holds the lock, then imports", async () => {
    const archive = newArchive();
    const lock = lockAs(archive, process.pid);
    let stderr = "";
    const child = spawn(process.execPath, [CLI, "--out", join(archive, "articles"), raw], {
      cwd: ROOT,
      env: { ...process.env, ARCHIVE_DIR: "", CACHE_DIR: IMPORT_CACHE_DIR },
      stdio: ["ignore", "ignore", "pipe"],
    });
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const exited = new Promise<number | null>((done) => child.on("close", done));
    await until(() => stderr.includes("waiting for the import"));
    assert.match(stderr, new RegExp(`pid ${process.pid} on host .*, started 2026-01-02T03:04:05`));
    assert.deepEqual(
      [...archiveTree(archive).keys()],
      [LOCK_FILE],
      "nothing written while waiting",
    );
    unlinkSync(lock);
    assert.equal(await exited, 0, stderr);
    assertLikeCleanImport(archive);
  });

  it("a lock left by a dead import, found by two imports at once, is taken over once", async () => {
    const archive = newArchive();
    const dead = spawnSync(process.execPath, ["-e", ""]).pid;
    lockAs(archive, dead);
    const env = { [TEST_FAULT_VARIABLE]: "delay-ms:3" };
    const outcomes = await Promise.all([
      startImport(archive, { env }),
      startImport(archive, { env }),
    ]);
    for (const outcome of outcomes) assert.equal(outcome.code, 0, outcome.stderr);
    assertLikeCleanImport(archive);
    assert.deepEqual(
      outcomes.map(summaryOf).sort(),
      [`imported 0, duplicates ${ARTICLES}, failed 0`, cleanSummary].sort(),
    );
  });
});
