/**
 * Builds the site for an archive folder into a folder of its own, as `npm run build`
 * does, so tests and benchmarks never touch content/ or dist/.
 */
import { spawn } from "node:child_process";
import { mkdir, mkdtemp } from "node:fs/promises";
import { join, resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "../..");
/**
 * Builds of fixture archives go inside the project: Astro keeps a build's server chunks
 * in `<outDir>/.prerender` only when outDir is under the working directory (else in the
 * shared `.astro/`, where parallel builds delete each other's), and those chunks must
 * resolve packages from the project's node_modules.
 */
export const BUILDS_DIR = join(ROOT, "node_modules/.cache/news-archive-builds");
const ASTRO = join(ROOT, "node_modules/astro/bin/astro.mjs");
/**
 * CACHE_DIR for the imports tests run: where the importer records its scan of each archive
 * (src/lib/import-scan-record.ts), emptied with the builds by every `npm test`.
 */
export const IMPORT_CACHE_DIR = join(BUILDS_DIR, "import-cache");

/**
 * A new, empty folder for one test's archive or server, in {@link BUILDS_DIR}: `npm test`
 * empties that folder when it starts, so a run's folders are there to look at after it and
 * do not pile up from run to run (in the system's temp folder they did, 26 MB a run).
 */
export async function testFolder(prefix: string): Promise<string> {
  await mkdir(BUILDS_DIR, { recursive: true });
  return mkdtemp(join(BUILDS_DIR, prefix));
}

export interface BuildResult {
  outDir: string;
  output: string;
  code: number;
  ms: number;
}

export async function buildSite(
  archiveDir: string,
  options: { outDir?: string; env?: Record<string, string> } = {},
): Promise<BuildResult> {
  await mkdir(BUILDS_DIR, { recursive: true });
  const outDir = options.outDir ?? (await mkdtemp(join(BUILDS_DIR, "dist-")));
  const started = performance.now();
  const child = spawn(process.execPath, [ASTRO, "build"], {
    cwd: ROOT,
    env: {
      ...process.env,
      ARCHIVE_DIR: archiveDir,
      OUT_DIR: outDir,
      CACHE_DIR: join(outDir, "..", `${outDir.split("/").pop()}-cache`),
      ASTRO_TELEMETRY_DISABLED: "1",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const code = await new Promise<number>((done) => child.on("close", (c) => done(c ?? 1)));
  // Without colour codes (loggers colour their output when CI is set), so tests match text.
  return {
    outDir,
    output: output.replace(/\x1b\[[0-9;]*m/g, ""),
    code,
    ms: performance.now() - started,
  };
}

/**
 * Runs `npm run <script> -- <args>` in the project, as a user or a CI job types it, with
 * `env` added to the environment; its exit code and output (without colour codes).
 */
export async function npmRun(
  script: string,
  args: readonly string[],
  env: Record<string, string>,
): Promise<{ code: number; output: string }> {
  const child = spawn("npm", ["run", script, "--", ...args], {
    cwd: ROOT,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const code = await new Promise<number>((done) => child.on("close", (c) => done(c ?? 1)));
  return { code, output: output.replace(/\x1b\[[0-9;]*m/g, "") };
}
