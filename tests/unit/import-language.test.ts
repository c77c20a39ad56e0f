/**
 * The import CLI on a folder of English, Russian and Azerbaijani raw texts imported in one
 * run without --lang: each entry gets its own language, the report says which and why,
 * and a text too short to tell gets the default with a warning naming the file.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import matter from "gray-matter";
import { IMPORT_CACHE_DIR } from "../support/build-site.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CLI = join(ROOT, "src/cli/import.ts");

/** Raw texts in the seed's shape: date line with the agency, byline, paragraphs. */
const RAW: Record<string, string> = {
  "en.txt": `date 2020-03-02 By Caspian Wire

By Anna Reed

The new bridge over the Kura river was opened on Monday in the presence of officials from Bakı and Gəncə.

It is the first of three bridges that the ministry plans to build in the region this year, and it will carry traffic from the port to the city.
`,
  "ru/ru.txt": `date 2020-03-03 By Каспий-Информ

By Анна Петрова

В понедельник в Гяндже открылся новый мост через реку Кура. По словам чиновников, это первый из трёх мостов, которые министерство построит в регионе.

Компания Caspian Build завершила работы на месяц раньше срока.
`,
  "az/az.txt": `date 2020-03-04 By Qafqaz Xəbər

By Günay Həsənova

Bazar ertəsi Kür çayı üzərində yeni körpü istifadəyə verilib. Bu, nazirliyin bu il bölgədə tikəcəyi üç körpüdən biridir və limandan şəhərə gedən yolu qısaldacaq.

Körpünün tikintisi bir il çəkib.
`,
  "short.txt": `date 2020-03-05 By Caspian Wire

Baku, 5 May: 1-0.
`,
};

let input: string;
const temps: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "import-language-"));
  temps.push(dir);
  return dir;
}

function run(args: string[]) {
  const child = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, ARCHIVE_DIR: "", CACHE_DIR: IMPORT_CACHE_DIR },
  });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

function languageOf(entry: string): unknown {
  return matter(readFileSync(entry, "utf8"), {}).data.language;
}

/** `imported: <file> -> <entry>; language <what>` lines by input file name. */
function reportLines(stdout: string): Map<string, { entry: string; language: string }> {
  const lines = new Map<string, { entry: string; language: string }>();
  for (const [, file, entry, language] of stdout.matchAll(
    /^(?:imported|would import): (.+?) -> (.+?\.md); language (.+)$/gm,
  )) {
    lines.set(file!.slice(input.length + 1), { entry: entry!, language: language! });
  }
  return lines;
}

before(() => {
  input = join(tempDir(), "mixed");
  for (const [name, text] of Object.entries(RAW)) {
    mkdirSync(join(input, name, ".."), { recursive: true });
    writeFileSync(join(input, name), text);
  }
});

after(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe("import CLI: the language of each file, without --lang", () => {
  let result: ReturnType<typeof run>;
  let lines: ReturnType<typeof reportLines>;
  before(() => {
    result = run(["--out", join(tempDir(), "articles"), input]);
    lines = reportLines(result.stdout);
  });

  it("imports the mixed folder in one run, exit 0", () => {
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual([...lines.keys()].sort(), Object.keys(RAW).sort());
  });

  const expected: [string, string, RegExp][] = [
    ["en.txt", "en", /^en \(detected: Latin 100% of letters, English common words \d+% of words/],
    ["ru/ru.txt", "ru", /^ru \(detected: Cyrillic 9\d% of letters, Russian common words/],
    ["az/az.txt", "az", /^az \(detected: Latin 100% of letters, Azerbaijani common words/],
    ["short.txt", "en", /^en \(default; unsure: only \d+ letters, too few to tell/],
  ];
  for (const [file, language, said] of expected) {
    it(`${file}: language ${language} in its frontmatter, and the report says why`, () => {
      const line = lines.get(file);
      assert.ok(line, result.stdout);
      assert.equal(languageOf(line.entry), language);
      assert.match(line.language, said);
    });
  }

  it("warns about the file it could not tell, naming it and what to do", () => {
    const warnings = result.stderr.match(/^import: warning: .*$/gm) ?? [];
    assert.equal(warnings.length, 1, result.stderr);
    assert.match(
      warnings[0],
      /short\.txt: its language could not be told \(only \d+ letters.*\); en, the default, was written: .*"language:" line of .*\.md; pass --lang with its language/,
    );
  });
});

describe("import CLI: --lang given", () => {
  it("sets every file's language, detecting nothing and warning of nothing", () => {
    const result = run(["--lang", "ru", "--out", join(tempDir(), "articles"), input]);
    assert.equal(result.code, 0, result.stderr);
    const lines = reportLines(result.stdout);
    assert.equal(lines.size, Object.keys(RAW).length);
    for (const { entry, language } of lines.values()) {
      assert.equal(languageOf(entry), "ru");
      assert.equal(language, "ru (given by --lang)");
    }
    assert.doesNotMatch(result.stderr, /warning/);
  });
});

describe("import CLI: --json --dry-run", () => {
  it("gives each result's language and how it was chosen; the warning says would be used", () => {
    const result = run(["--json", "--dry-run", "--out", join(tempDir(), "articles"), input]);
    assert.equal(result.code, 0, result.stderr);
    const results = JSON.parse(result.stdout) as {
      file: string;
      language: { language: string; how: string; why: string };
    }[];
    assert.deepEqual(
      results.map(({ file, language }) => [
        file.slice(input.length + 1),
        language.language,
        language.how,
      ]),
      [
        ["az/az.txt", "az", "detected"],
        ["en.txt", "en", "detected"],
        ["ru/ru.txt", "ru", "detected"],
        ["short.txt", "en", "default"],
      ],
    );
    for (const { language } of results) assert.match(language.why, /letters/);
    assert.match(result.stderr, /short\.txt: .*en, the default, would be used: pass --lang/);
  });
});
