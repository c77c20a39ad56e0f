/**
 * The archive the quality gates build: the real one, the raw texts of tests/fixtures/gates
 * imported through the CLI (one full of markup and script), and enough written entries that
 * every route has a page: a day, month, source and author with more than a page of
 * articles, more than a page of sources and of authors, and a moved article's alias.
 */
import { execFileSync } from "node:child_process";
import { cp } from "node:fs/promises";
import { join } from "node:path";
import { PAGE_SIZE } from "../../src/lib/paginate.ts";
import { IMPORT_CACHE_DIR, ROOT, testFolder } from "./build-site.ts";
import { FIXTURE_ARTICLES, writeFixtureArchive, type FixtureArticle } from "./fixture-archive.ts";

/** The old URL of {@link MOVED_ARTICLE}: an alias page must redirect from it. */
export const MOVED_FROM = "/articles/2017/05/01/ferry-timetable-changes/";

const MOVED_ARTICLE: FixtureArticle = {
  title: "Ferry timetable changes for the summer",
  date: "2017-05-02",
  source: "Caspian Herald",
  author: "Elvin Mammadov",
  body: "The ferry operator moved its summer departures an hour earlier.",
  aliases: [MOVED_FROM],
};

/** One article from each of `count` wires, each with its own reporter, on days in 2017. */
function oneFromEachWire(count: number): FixtureArticle[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(2, "0");
    return {
      title: `Regional wire ${n} reports on the harvest`,
      date: `2017-${String(1 + (i % 4)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`,
      source: `Regional Wire ${n}`,
      author: `Reporter Number ${n}`,
      section: "Regions",
      body: `Wire ${n}: growers in the district reported an early harvest this year.`,
    };
  });
}

/** Written entries of the gate archive (the imported fixtures and the real seed aside). */
export const GATE_ARTICLES: readonly FixtureArticle[] = [
  ...FIXTURE_ARTICLES,
  ...oneFromEachWire(PAGE_SIZE + 1),
  MOVED_ARTICLE,
];

/** Writes the gate archive into a new temporary folder and returns it. */
export async function gatesArchive(): Promise<string> {
  const dir = await testFolder("gates-");
  await cp(join(ROOT, "content"), dir, { recursive: true });
  execFileSync(
    process.execPath,
    ["src/cli/import.ts", "--out", join(dir, "articles"), join(ROOT, "tests/fixtures/gates")],
    { cwd: ROOT, stdio: "pipe", env: { ...process.env, CACHE_DIR: IMPORT_CACHE_DIR } },
  );
  await writeFixtureArchive(dir, GATE_ARTICLES, { seed: false });
  return dir;
}
