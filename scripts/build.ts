/**
 * `npm run build`: `astro build`, with `--slice X` to build one slice of the archive on its
 * own (README, "Building an archive too large for one machine"). The slice reaches the
 * build as `BUILD_SLICE` (read in src/lib/settings.ts, like every setting); any other
 * argument goes to `astro build` unchanged, and without `--slice` this is `astro build`.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseBuildArgs } from "../src/lib/slice.ts";

const ASTRO = fileURLToPath(new URL("../node_modules/astro/bin/astro.mjs", import.meta.url));

let parsed: ReturnType<typeof parseBuildArgs>;
try {
  parsed = parseBuildArgs(process.argv.slice(2));
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const env =
  parsed.slice === undefined ? process.env : { ...process.env, BUILD_SLICE: parsed.slice };
const child = spawn(process.execPath, [ASTRO, "build", ...parsed.rest], { stdio: "inherit", env });
child.on("close", (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
