import { readdir } from "node:fs/promises";
import { join } from "node:path";

/**
 * Folders read at once. `readdir` with `recursive: true` reads one folder after another:
 * over `dist/` at 100,000 articles (730,000 files in 200,000 folders) that took 15 s, and
 * reading 16 folders at a time about half as long.
 */
const AT_ONCE = 16;

/**
 * Every file under `root` (not folders, not links), as `/`-separated paths relative to it,
 * a level of folders at a time.
 */
export async function filesUnder(root: string): Promise<string[]> {
  const files: string[] = [];
  let level = [""];
  while (level.length > 0) {
    const next: string[] = [];
    const read = async (folder: string) => {
      for (const entry of await readdir(join(root, folder), { withFileTypes: true })) {
        const path = folder === "" ? entry.name : `${folder}/${entry.name}`;
        if (entry.isDirectory()) next.push(path);
        else if (entry.isFile()) files.push(path);
      }
    };
    for (let i = 0; i < level.length; i += AT_ONCE) {
      await Promise.all(level.slice(i, i + AT_ONCE).map(read));
    }
    level = next;
  }
  return files;
}
