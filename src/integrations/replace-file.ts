import { rename, writeFile } from "node:fs/promises";

/**
 * Replaces `path` whole or not at all, for the build's own files and caches: a build stopped
 * halfway leaves the old file. (Archive entries are never replaced: the importer writes
 * them with src/cli/import/atomic-write.ts.)
 */
export async function replaceFile(path: string, bytes: string | Uint8Array): Promise<void> {
  await writeFile(`${path}.partial`, bytes);
  await rename(`${path}.partial`, path);
}
