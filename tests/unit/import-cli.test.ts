/**
 * The import CLI end to end on temp folders: what it writes, what it never touches, what
 * it says, and its exit codes.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import matter from "gray-matter";
import { validateFrontmatter } from "../../src/lib/article-schema.ts";
import { sha256Hex } from "../../src/lib/entry-check.ts";
import { entryPathFor, permalinkFor } from "../../src/lib/permalink.ts";
import { IMPORT_CACHE_DIR } from "../support/build-site.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CLI = join(ROOT, "src/cli/import.ts");
const FIXTURES = join(ROOT, "tests/fixtures/raw");
const BAD = join(ROOT, "tests/fixtures/raw-bad");
const SEED = join(ROOT, "tests/fixtures/seed/000_b582ce3222314d79.txt");
const COMMITTED = join(
  ROOT,
  "content/articles/2019/12/11/azerbaijan-and-pakistan-discuss-military-cooperation",
);

interface Result {
  file: string;
  status: "imported" | "duplicate" | "failed";
  entry?: string;
  permalink?: string;
  error?: string;
}

const temps: string[] = [];
after(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "import-cli-"));
  temps.push(dir);
  return dir;
}

function run(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const child = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: "utf8",
    env: { ...process.env, ARCHIVE_DIR: "", CACHE_DIR: IMPORT_CACHE_DIR, ...options.env },
  });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

function runJson(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const result = run([...args, "--json"], options);
  let results: Result[];
  try {
    results = JSON.parse(result.stdout) as Result[];
  } catch {
    assert.fail(`stdout is not JSON (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
  }
  return { ...result, results };
}

/** Every file under `dir` with its bytes' digest and modification time. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  if (!existsSync(dir)) return files;
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isFile()) files[name] = `${sha256Hex(readFileSync(path))} ${stat.mtimeMs} ${stat.ino}`;
  }
  return files;
}

function readEntry(path: string): { data: Record<string, unknown>; body: string } {
  const file = matter(readFileSync(path, "utf8"), {});
  return { data: file.data, body: file.content };
}

/** The raw fixtures of every header shape, all good. */
function goodFixtures(): string[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".txt"))
    .sort();
}

describe("import CLI: a fresh archive", () => {
  let dir: string;
  let out: string;
  let ledger: string;
  let first: ReturnType<typeof runJson>;
  before(() => {
    dir = tempDir();
    out = join(dir, "archive", "articles");
    ledger = join(dir, "archive", "permalinks.txt");
    first = runJson(["--source", "Fixture Source", "--out", out, FIXTURES]);
  });

  it("imports every fixture shape, exit 0, with the summary on stderr", () => {
    assert.equal(first.code, 0, first.stderr);
    assert.deepEqual(
      first.results.map((r) => [relative(FIXTURES, r.file), r.status]),
      goodFixtures().map((f) => [f, "imported"]),
    );
    assert.match(
      first.stderr,
      new RegExp(`^imported ${goodFixtures().length}, duplicates 0, failed 0$`, "m"),
    );
  });

  it("writes YYYY/MM/DD/<slug>.md that the site's schema accepts, at its date and slug", () => {
    for (const result of first.results) {
      assert.ok(result.entry && result.permalink);
      const { data } = readEntry(result.entry);
      const validated = validateFrontmatter(data);
      assert.ok(
        validated.ok,
        `${result.entry}: ${validated.ok ? "" : validated.errors.join("; ")}`,
      );
      if (!validated.ok) continue;
      assert.equal(result.entry, join(out, `${entryPathFor(validated.data)}.md`));
      assert.equal(result.permalink, permalinkFor(validated.data));
    }
  });

  it("writes <slug>.original.txt beside it: the input byte for byte, its sha256 in the frontmatter", () => {
    for (const result of first.results) {
      const original = readFileSync(result.entry!.replace(/\.md$/, ".original.txt"));
      assert.deepEqual(original, readFileSync(result.file));
      assert.equal(readEntry(result.entry!).data["sha256"], sha256Hex(original));
    }
  });

  it("keeps markup in the body as text, character for character", () => {
    const result = first.results.find((r) => r.file.endsWith("markup-and-script.txt"))!;
    const { body } = readEntry(result.entry!);
    for (const literal of [
      '<script>alert("xss")</script>',
      "<img src=x onerror=alert(1)>",
      "[a Markdown link](javascript:alert(3))",
      "{curly} {{ double }}",
    ]) {
      assert.ok(body.includes(literal), literal);
    }
  });

  it("appends each new permalink to the permanence ledger beside the output folder", () => {
    assert.equal(
      readFileSync(ledger, "utf8"),
      first.results.map((r) => `${r.permalink}\n`).join(""),
    );
  });

  it("changes nothing when run again: every file a duplicate naming its entry", () => {
    const before = snapshot(join(dir, "archive"));
    const again = runJson(["--source", "Fixture Source", "--out", out, FIXTURES]);
    assert.equal(again.code, 0, again.stderr);
    assert.deepEqual(
      again.results.map((r) => [r.status, r.entry, r.permalink]),
      first.results.map((r) => ["duplicate", r.entry, r.permalink]),
    );
    assert.match(
      again.stderr,
      new RegExp(`^imported 0, duplicates ${goodFixtures().length}, failed 0$`, "m"),
    );
    assert.deepEqual(snapshot(join(dir, "archive")), before);
  });

  it("prints one line per file without --json", () => {
    const again = run(["--source", "Fixture Source", "--out", out, join(FIXTURES, "cyrillic.txt")]);
    assert.equal(again.code, 0);
    assert.match(
      again.stdout,
      /^duplicate: .*cyrillic\.txt = .*\.md \(same bytes; nothing written\)$/m,
    );
  });
});

describe("import CLI: --dry-run", () => {
  it("writes nothing, and reports what it would import", () => {
    const dir = tempDir();
    const out = join(dir, "archive", "articles");
    const result = runJson(["--dry-run", "--source", "Fixture Source", "--out", out, FIXTURES]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.results.length, goodFixtures().length);
    assert.ok(result.results.every((r) => r.status === "imported" && r.entry?.startsWith(out)));
    assert.match(
      result.stderr,
      /imported \d+, duplicates 0, failed 0 \(dry run: nothing was written\)/,
    );
    assert.deepEqual(readdirSync(dir), []);
  });

  it("still reports duplicates and -2 slugs within the run", () => {
    const dir = tempDir();
    const input = join(dir, "in");
    mkdirSync(input);
    const raw = readFileSync(join(FIXTURES, "headline-timestamp.txt"), "utf8");
    writeFileSync(join(input, "a.txt"), raw);
    writeFileSync(join(input, "b.txt"), raw);
    writeFileSync(join(input, "c.txt"), `${raw}\nOne more paragraph.\n`);
    const result = runJson(["--dry-run", "--out", join(dir, "out"), input]);
    assert.deepEqual(
      result.results.map((r) => [r.status, r.permalink]),
      [
        ["imported", "/articles/2019/06/18/harvest-festival-opens-in-sheki/"],
        ["duplicate", "/articles/2019/06/18/harvest-festival-opens-in-sheki/"],
        ["imported", "/articles/2019/06/18/harvest-festival-opens-in-sheki-2/"],
      ],
    );
    assert.equal(existsSync(join(dir, "out")), false);
  });
});

describe("import CLI: bad input fails, naming the file, the problem and the fix; nothing is written", () => {
  const cases: { file: string; problem: RegExp; fix: RegExp }[] = [
    {
      file: join(BAD, "no-date-line.txt"),
      problem: /no date line/,
      fix: /make the first line "date YYYY-MM-DD"/,
    },
    {
      file: join(BAD, "impossible-date.txt"),
      problem: /2019-02-30 on the date line is not a real calendar day/,
      fix: /correct the date line/,
    },
    {
      file: join(BAD, "empty-body.txt"),
      problem: /has no text after its header/,
      fix: /check that the file is complete/,
    },
    { file: join(BAD, "no-source.txt"), problem: /credits no source/, fix: /pass --source/ },
    {
      file: join(BAD, "not-utf8-windows-1251.txt"),
      problem: /is not UTF-8 text/,
      fix: /convert it to UTF-8 first, e\.g\. iconv/,
    },
    {
      file: join(BAD, "utf16.txt"),
      problem: /is not UTF-8 text/,
      fix: /convert it to UTF-8 first/,
    },
    {
      file: join(BAD, "missing.txt"),
      problem: /cannot be read \(ENOENT/,
      fix: /check that the file exists/,
    },
  ];
  for (const { file, problem, fix } of cases) {
    it(relative(ROOT, file), () => {
      const dir = tempDir();
      const result = runJson(["--out", join(dir, "archive", "articles"), file]);
      assert.equal(result.code, 1);
      assert.equal(result.results.length, 1);
      const [failed] = result.results;
      assert.equal(failed?.status, "failed");
      assert.equal(failed?.file, file);
      assert.ok(failed?.error?.startsWith(`${file}: `), failed?.error);
      assert.match(failed?.error ?? "", problem);
      assert.match(failed?.error ?? "", fix);
      assert.ok(result.stderr.includes(`failed: ${failed?.error}`), "the message is on stderr too");
      assert.match(result.stderr, /^imported 0, duplicates 0, failed 1$/m);
      assert.deepEqual(readdirSync(dir), [], "nothing written, not even the ledger");
    });
  }

  it("goes on with the next file after a failure, and exits 1", () => {
    const dir = tempDir();
    const out = join(dir, "articles");
    const result = runJson(["--out", out, BAD, join(FIXTURES, "headline-timestamp.txt")]);
    assert.equal(result.code, 1);
    const statuses = result.results.map((r) => r.status);
    assert.equal(statuses.filter((s) => s === "failed").length, readdirSync(BAD).length);
    assert.equal(result.results.at(-1)?.status, "imported");
    assert.ok(existsSync(result.results.at(-1)!.entry!));
  });

  it("reports an unreadable file in a folder and goes on", () => {
    const dir = tempDir();
    const input = join(dir, "in");
    mkdirSync(input);
    symlinkSync(join(dir, "nowhere.txt"), join(input, "a-broken-link.txt"));
    cpSync(join(FIXTURES, "headline-timestamp.txt"), join(input, "b-good.txt"));
    const result = runJson(["--out", join(dir, "out"), input]);
    assert.equal(result.code, 1);
    assert.deepEqual(
      result.results.map((r) => [relative(input, r.file), r.status]),
      [
        ["a-broken-link.txt", "failed"],
        ["b-good.txt", "imported"],
      ],
    );
    assert.match(result.results[0]?.error ?? "", /cannot be read/);
  });

  it(
    "reports a folder it may not read",
    { skip: process.getuid?.() === 0 && "root may read anything" },
    () => {
      const dir = tempDir();
      const input = join(dir, "in");
      mkdirSync(join(input, "locked"), { recursive: true });
      chmodSync(join(input, "locked"), 0o000);
      const result = runJson(["--out", join(dir, "out"), input]);
      chmodSync(join(input, "locked"), 0o755);
      assert.equal(result.code, 1);
      assert.match(result.results[0]?.error ?? "", /is a folder that cannot be read \(EACCES/);
    },
  );

  it(
    "reports a file it may not read",
    { skip: process.getuid?.() === 0 && "root may read anything" },
    () => {
      const dir = tempDir();
      const file = join(dir, "secret.txt");
      cpSync(join(FIXTURES, "headline-timestamp.txt"), file);
      chmodSync(file, 0o000);
      const result = runJson(["--out", join(dir, "out"), file]);
      assert.equal(result.code, 1);
      assert.match(result.results[0]?.error ?? "", /cannot be read \(EACCES/);
    },
  );
});

describe("import CLI: never overwrites, never reuses a URL", () => {
  const headline = "date 2020-02-02 Port reopens after storm\nBy Aida Rahimova – Coastal Post:\n\n";

  it("gives the same date and slug with other text -2, then -3, leaving the first entry untouched", () => {
    const dir = tempDir();
    const input = join(dir, "in");
    mkdirSync(input);
    const out = join(dir, "articles");
    writeFileSync(join(input, "1.txt"), `${headline}The first text.\n`);
    const first = runJson(["--out", out, join(input, "1.txt")]);
    assert.equal(first.results[0]?.permalink, "/articles/2020/02/02/port-reopens-after-storm/");
    const before = snapshot(out);

    writeFileSync(join(input, "2.txt"), `${headline}The second text.\n`);
    writeFileSync(join(input, "3.txt"), `${headline}The third text.\n`);
    const next = runJson(["--out", out, join(input, "2.txt"), join(input, "3.txt")]);
    assert.equal(next.code, 0);
    assert.deepEqual(
      next.results.map((r) => r.permalink),
      [
        "/articles/2020/02/02/port-reopens-after-storm-2/",
        "/articles/2020/02/02/port-reopens-after-storm-3/",
      ],
    );
    for (const [name, value] of Object.entries(before))
      assert.equal(snapshot(out)[name], value, name);
    assert.equal(
      readEntry(join(out, "2020/02/02/port-reopens-after-storm-2.md")).data["slug"],
      "port-reopens-after-storm-2",
    );
  });

  it("never replaces a file it did not write: a hand-made .md or a lone .original.txt", () => {
    const dir = tempDir();
    const out = join(dir, "articles");
    const day = join(out, "2020/08/08");
    mkdirSync(day, { recursive: true });
    writeFileSync(
      join(day, "ministry-unveils-new-rail-timetable-for-the-ganja-line.md"),
      "hand-made, not an entry\n",
    );
    const otherDay = join(out, "2019/06/18");
    mkdirSync(otherDay, { recursive: true });
    writeFileSync(
      join(otherDay, "harvest-festival-opens-in-sheki.original.txt"),
      "some other original\n",
    );
    const before = snapshot(out);

    const result = runJson([
      "--out",
      out,
      join(FIXTURES, "headline-dateline-byline.txt"),
      join(FIXTURES, "headline-timestamp.txt"),
    ]);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(
      result.results.map((r) => r.permalink),
      [
        "/articles/2020/08/08/ministry-unveils-new-rail-timetable-for-the-ganja-line-2/",
        "/articles/2019/06/18/harvest-festival-opens-in-sheki-2/",
      ],
    );
    for (const [name, value] of Object.entries(before))
      assert.equal(snapshot(out)[name], value, name);
  });

  it("warns about an entry whose frontmatter cannot be read, and leaves its slug alone", () => {
    const dir = tempDir();
    const out = join(dir, "articles");
    const day = join(out, "2019/06/18");
    mkdirSync(day, { recursive: true });
    writeFileSync(
      join(day, "harvest-festival-opens-in-sheki.md"),
      "---\nslug: a\nslug: b\n---\nText\n",
    );
    const result = runJson(["--out", out, join(FIXTURES, "headline-timestamp.txt")]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(
      result.stderr,
      /warning: .*harvest-festival-opens-in-sheki\.md: its frontmatter cannot be read \(duplicated mapping key/,
    );
    assert.equal(
      result.results[0]?.permalink,
      "/articles/2019/06/18/harvest-festival-opens-in-sheki-2/",
    );
  });

  it("never reuses a URL listed in the ledger, and appends to it on a new line, once", () => {
    const dir = tempDir();
    const out = join(dir, "archive", "articles");
    const ledger = join(dir, "archive", "permalinks.txt");
    mkdirSync(dirname(ledger), { recursive: true });
    writeFileSync(ledger, "/articles/2019/06/18/harvest-festival-opens-in-sheki/"); // no final newline
    const args = ["--out", out, join(FIXTURES, "headline-timestamp.txt")];
    const result = runJson(args);
    assert.equal(
      result.results[0]?.permalink,
      "/articles/2019/06/18/harvest-festival-opens-in-sheki-2/",
    );
    const expected =
      "/articles/2019/06/18/harvest-festival-opens-in-sheki/\n/articles/2019/06/18/harvest-festival-opens-in-sheki-2/\n";
    assert.equal(readFileSync(ledger, "utf8"), expected);
    runJson(args);
    assert.equal(readFileSync(ledger, "utf8"), expected);
  });

  it("completes an entry whose .md an interrupted run never wrote, at the same slug", () => {
    const dir = tempDir();
    const out = join(dir, "articles");
    const args = ["--out", out, join(FIXTURES, "headline-timestamp.txt")];
    const entry = runJson(args).results[0]!.entry!;
    const text = readFileSync(entry, "utf8");
    const original = entry.replace(/\.md$/, ".original.txt");
    const originalBefore = snapshot(dirname(original))[relative(dirname(original), original)];
    unlinkSync(entry);
    // A temp file of a process that is gone, as a kill would leave it.
    writeFileSync(
      join(dirname(entry), `.import-999999-0-${relative(dirname(entry), entry)}.tmp`),
      "half",
    );

    const result = runJson(args);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.results[0]?.entry, entry);
    assert.equal(readFileSync(entry, "utf8"), text);
    assert.equal(
      snapshot(dirname(original))[relative(dirname(original), original)],
      originalBefore,
    );
    assert.deepEqual(readdirSync(dirname(entry)).sort(), [
      "harvest-festival-opens-in-sheki.md",
      "harvest-festival-opens-in-sheki.original.txt",
    ]);
  });

  it("calls the second of two identical files in one run a duplicate of the first", () => {
    const dir = tempDir();
    const input = join(dir, "in");
    mkdirSync(join(input, "sub"), { recursive: true });
    cpSync(join(FIXTURES, "cyrillic.txt"), join(input, "a.txt"));
    cpSync(join(FIXTURES, "cyrillic.txt"), join(input, "sub", "b.txt"));
    const result = runJson(["--lang", "ru", "--out", join(dir, "out"), input]);
    assert.deepEqual(
      result.results.map((r) => r.status),
      ["imported", "duplicate"],
    );
    assert.equal(result.results[1]?.entry, result.results[0]?.entry);
    assert.equal(readEntry(result.results[0]!.entry!).data["language"], "ru");
  });
});

describe("import CLI: inputs and options", () => {
  it("reads folders recursively, *.txt only, in sorted path order", () => {
    const dir = tempDir();
    const input = join(dir, "in");
    for (const sub of ["b", "a/deeper", "c"]) mkdirSync(join(input, sub), { recursive: true });
    cpSync(join(FIXTURES, "headline-timestamp.txt"), join(input, "b", "2.txt"));
    cpSync(join(FIXTURES, "cyrillic.txt"), join(input, "a", "deeper", "1.txt"));
    cpSync(join(FIXTURES, "azerbaijani.txt"), join(input, "a", "0.txt"));
    cpSync(join(FIXTURES, "georgian.txt"), join(input, "c", "notes.md"));
    writeFileSync(join(input, "c", "README"), "not an article");
    const result = runJson(["--out", join(dir, "out"), input]);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(
      result.results.map((r) => relative(input, r.file)),
      ["a/0.txt", "a/deeper/1.txt", "b/2.txt"],
    );
  });

  it("writes to $ARCHIVE_DIR/articles by default, the ledger to $ARCHIVE_DIR/permalinks.txt", () => {
    const dir = tempDir();
    const result = runJson([join(FIXTURES, "headline-timestamp.txt")], {
      cwd: dir,
      env: { ARCHIVE_DIR: "my-archive" },
    });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(
      result.results[0]?.entry,
      "my-archive/articles/2019/06/18/harvest-festival-opens-in-sheki.md",
    );
    assert.ok(
      existsSync(
        join(dir, "my-archive/articles/2019/06/18/harvest-festival-opens-in-sheki.original.txt"),
      ),
    );
    assert.equal(
      readFileSync(join(dir, "my-archive/permalinks.txt"), "utf8"),
      "/articles/2019/06/18/harvest-festival-opens-in-sheki/\n",
    );
  });

  it("takes --author (repeatable), --section and --lang into the frontmatter", () => {
    const dir = tempDir();
    const result = runJson([
      "--out",
      join(dir, "articles"),
      "--source",
      "Tabriz Review",
      "--author",
      "Aida Rahimova",
      "--author",
      "Emin Safarov",
      "--section",
      "Culture",
      "--lang",
      "fa",
      join(FIXTURES, "arabic-script.txt"),
    ]);
    assert.equal(result.code, 0, result.stderr);
    const { data } = readEntry(result.results[0]!.entry!);
    assert.deepEqual(
      { author: data["author"], section: data["section"], language: data["language"] },
      { author: ["Aida Rahimova", "Emin Safarov"], section: "Culture", language: "fa" },
    );
  });

  const usage: { name: string; args: (dir: string) => string[]; message: RegExp }[] = [
    { name: "no input", args: () => [], message: /no input/ },
    {
      name: "an unknown option",
      args: () => ["--bogus", FIXTURES],
      message: /Unknown option '--bogus'/,
    },
    {
      name: "an option without its value",
      args: () => [FIXTURES, "--source"],
      message: /--source/,
    },
    {
      name: "a language that is not BCP 47",
      args: () => ["--lang", "english!", FIXTURES],
      message: /--lang: language must be a BCP 47 tag/,
    },
    {
      name: "a URL that is not http(s)",
      args: () => ["--url", "javascript:alert(1)", SEED],
      message: /--url: originalUrl must be an http\(s\) URL/,
    },
    {
      name: "--title for more than one file",
      args: () => ["--title", "One title", FIXTURES],
      message: /--title and --url describe one article/,
    },
    {
      name: "--url for more than one file",
      args: () => ["--url", "https://example.org/", FIXTURES],
      message: /import that file alone/,
    },
  ];
  for (const { name, args, message } of usage) {
    it(`exits 2 for a usage error: ${name}`, () => {
      const dir = tempDir();
      const result = run([...args(dir), "--out", join(dir, "out")]);
      assert.equal(result.code, 2, result.stderr);
      assert.match(result.stderr, message);
      assert.match(result.stderr, /Usage: npm run import -- \[options\] <file\|dir>\.\.\./);
      assert.equal(result.stdout, "");
      assert.deepEqual(readdirSync(dir), []);
    });
  }

  it("prints its usage with --help and exits 0", () => {
    const result = run(["--help"]);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^Usage: npm run import -- \[options\] <file\|dir>\.\.\./);
    for (const option of [
      "--out",
      "--source",
      "--author",
      "--title",
      "--lang",
      "--url",
      "--dry-run",
      "--json",
    ]) {
      assert.ok(result.stdout.includes(option), option);
    }
  });

  it(
    "shows a progress bar on a terminal when there are more than 20 files",
    { skip: !existsSync("/usr/bin/script") && "needs script(1) for a terminal" },
    () => {
      const dir = tempDir();
      const input = join(dir, "in");
      mkdirSync(input);
      const raw = readFileSync(join(FIXTURES, "headline-timestamp.txt"), "utf8");
      for (let i = 0; i < 21; i++)
        writeFileSync(join(input, `${String(i).padStart(2, "0")}.txt`), `${raw}\n${i}\n`);
      const command = [process.execPath, CLI, "--out", join(dir, "out"), input]
        .map((a) => `'${a}'`)
        .join(" ");
      const child = spawnSync("/usr/bin/script", ["-qec", `${command} >/dev/null`, "/dev/null"], {
        encoding: "utf8",
      });
      assert.equal(child.status, 0, child.stdout);
      assert.match(child.stdout, /\[#+\] 21\/21 100%/);
      assert.match(child.stdout, /imported 21, duplicates 0, failed 0/);
    },
  );
});

describe("import CLI: re-importing the seed", () => {
  let committedMd: string;
  let committed: ReturnType<typeof readEntry>;
  before(() => {
    committedMd = readFileSync(`${COMMITTED}.md`, "utf8");
    committed = readEntry(`${COMMITTED}.md`);
  });

  it("with the committed headline, URL and section: exactly the committed entry, at its path", () => {
    const dir = tempDir();
    const out = join(dir, "articles");
    const result = runJson([
      "--out",
      out,
      "--title",
      "Azerbaijan and Pakistan discuss military cooperation",
      "--url",
      "http://www.today.az/news/politics/189074.html",
      "--section",
      "Politics",
      SEED,
    ]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(
      result.results[0]?.permalink,
      "/articles/2019/12/11/azerbaijan-and-pakistan-discuss-military-cooperation/",
    );
    const entry = join(out, "2019/12/11/azerbaijan-and-pakistan-discuss-military-cooperation");
    assert.equal(readFileSync(`${entry}.md`, "utf8"), committedMd);
    assert.deepEqual(
      readFileSync(`${entry}.original.txt`),
      readFileSync(`${COMMITTED}.original.txt`),
    );
  });

  it("with only --url: the committed fields but the derived title and its slug (section is not in the text), and the same body", () => {
    const dir = tempDir();
    const result = runJson([
      "--out",
      join(dir, "articles"),
      "--url",
      "http://www.today.az/news/politics/189074.html",
      SEED,
    ]);
    assert.equal(result.code, 0, result.stderr);
    const imported = readEntry(result.results[0]!.entry!);
    const pick = (data: Record<string, unknown>) =>
      Object.fromEntries(
        Object.entries(data).filter(([key]) => !["title", "slug", "section"].includes(key)),
      );
    assert.deepEqual(pick(imported.data), pick(committed.data));
    assert.equal(imported.body, committed.body);
    assert.equal(imported.data["section"], undefined);
    assert.match(String(imported.data["title"]), /^Azerbaijani Defence Minister Zakir Hasanov/);
  });

  it("into a copy of the committed archive: a duplicate naming the committed entry, nothing changed", () => {
    const dir = tempDir();
    cpSync(join(ROOT, "content"), join(dir, "content"), { recursive: true });
    const before = snapshot(join(dir, "content"));
    const result = runJson([SEED], { cwd: dir, env: { ARCHIVE_DIR: "content" } });
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(result.results[0], {
      file: SEED,
      status: "duplicate",
      entry: "content/articles/2019/12/11/azerbaijan-and-pakistan-discuss-military-cooperation.md",
      permalink: "/articles/2019/12/11/azerbaijan-and-pakistan-discuss-military-cooperation/",
    });
    assert.deepEqual(snapshot(join(dir, "content")), before);
  });
});
