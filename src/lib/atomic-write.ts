import { rename, writeFile } from "node:fs/promises";

/** Writes `path` whole or not at all: a build stopped halfway leaves the old file. */
export async function writeAtomic(path: string, bytes: string | Uint8Array): Promise<void> {
  await writeFile(`${path}.partial`, bytes);
  await rename(`${path}.partial`, path);
}
