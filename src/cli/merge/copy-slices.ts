/**
 * Copies the slices' files into one folder (hard links where it can: slice outputs are
 * not changed afterwards), refusing two slices that wrote one path with other bytes.
 */
import { copyFile, link, mkdir, readdir, readFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { describeSlice, type SliceOutput } from "../../lib/slice-merge.ts";
import { ownerOfOutput } from "../../lib/slice.ts";

/** Files each slice writes for itself and the merge writes again for the whole site. */
const MERGED_FILES = /^(pagefind\/search-shards\.json|sitemap-[^/]*\.xml)(\.gz)?$/;

/** Written by the merge (./global-files.ts), not copied from a slice. */
const isMerged = (path: string) => MERGED_FILES.test(path) || ownerOfOutput(path) === "dataset";

/** A slice's files (`/`-separated paths), without dot folders (`.prerender`, the record). */
async function filesOf(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .filter((path) => !path.startsWith(".") && !isMerged(path))
    .sort();
}

async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch {
    await copyFile(from, to);
  }
}

/** Copies every slice's files into `into`; the number of files. */
export async function copySlices(outputs: readonly SliceOutput[], into: string): Promise<number> {
  const from = new Map<string, SliceOutput>();
  const folders = new Set<string>();
  for (const output of outputs) {
    for (const path of await filesOf(output.dir)) {
      const source = join(output.dir, path);
      const earlier = from.get(path);
      if (earlier) {
        const [a, b] = await Promise.all([readFile(join(earlier.dir, path)), readFile(source)]);
        if (a.equals(b)) continue;
        throw new Error(
          `${path} differs between slice ${describeSlice(earlier)} and slice ` +
            `${describeSlice(output)}: were they built from the same archive and code?`,
        );
      }
      const folder = dirname(join(into, path));
      if (!folders.has(folder)) {
        await mkdir(folder, { recursive: true });
        folders.add(folder);
      }
      await linkOrCopy(source, join(into, path));
      from.set(path, output);
    }
  }
  return from.size;
}
