/**
 * A generated archive for a benchmark: raw texts (bench/generate-raw.ts) imported with the
 * import CLI into a temp dir, then built with `astro build` (which indexes it for search).
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import process from "node:process";
import { buildSite, ROOT } from "../../tests/support/build-site.ts";
import { generateRawArticles, type CorpusLanguage, type VocabularyKind } from "../generate-raw.ts";

const log = (line: string) => console.log(line);

/** Generates `articles` raw texts under `temp` and imports them; returns the archive folder. */
export function importCorpus(
  temp: string,
  articles: number,
  seed: number,
  vocabulary: VocabularyKind,
): { archive: string; distinctWords: number } {
  const raw = join(temp, "raw");
  const archive = join(temp, "archive");
  const corpus = generateRawArticles(raw, articles, seed, undefined, vocabulary);
  log(
    `generated ${corpus.files} raw texts (en ${corpus.languages.en.files}, az ${corpus.languages.az.files}, ` +
      `ru ${corpus.languages.ru.files}); ${vocabulary} vocabulary, ${corpus.distinctWords} distinct words`,
  );
  for (const lang of Object.keys(corpus.languages) as CorpusLanguage[]) {
    const { dir, files } = corpus.languages[lang];
    if (!files) continue;
    const run = spawnSync(
      process.execPath,
      [join(ROOT, "src/cli/import.ts"), "--lang", lang, "--out", join(archive, "articles"), dir],
      { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1 << 28 },
    );
    if (run.status !== 0) throw new Error(`import --lang ${lang} failed:\n${run.stderr}`);
    log(`imported --lang ${lang}: ${run.stderr.trim().split("\n").pop()}`);
  }
  return { archive, distinctWords: corpus.distinctWords };
}

/** Builds the archive's site into `temp`; returns the built folder. */
export async function buildArchive(archive: string, temp: string): Promise<string> {
  let build = await buildSite(archive, { outDir: join(temp, "dist") });
  // A build outside the project keeps its server chunks in the project's .astro/.prerender,
  // which another build running at the same time (a test, a colleague) may delete.
  for (
    let retry = 1;
    build.code !== 0 && /\.astro\/\.prerender/.test(build.output) && retry <= 3;
    retry++
  ) {
    log(`build collided with another build in .astro/.prerender; retry ${retry}`);
    build = await buildSite(archive, { outDir: join(temp, `dist-${retry}`) });
  }
  if (build.code !== 0) throw new Error(`build failed:\n${build.output.slice(-4000)}`);
  const indexed = /Indexed .*/.exec(build.output)?.[0];
  log(`built in ${(build.ms / 1000).toFixed(1)} s${indexed ? `; ${indexed}` : ""}`);
  return build.outDir;
}
