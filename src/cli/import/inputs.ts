/** The files an import reads: arguments, and the `*.txt` files under folders, in path order. */
import { readdirSync, statSync, type Dirent } from "node:fs";
import { join, resolve } from "node:path";

export interface Input {
  /** As shown in messages: the argument, joined with the path under it. */
  file: string;
  /** Absolute, for de-duplication. */
  absolute: string;
  /** Why a folder could not be listed, when it could not. */
  listError?: unknown;
}

/** Every `*.txt` under `dir`, not following links to directories, skipping `skip`. */
function walkTexts(dir: string, shown: string, skip: string, into: Input[]): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    into.push({ file: shown, absolute: dir, listError: error });
    return;
  }
  for (const entry of entries) {
    const absolute = join(dir, entry.name);
    const file = join(shown, entry.name);
    if (entry.isDirectory()) {
      if (absolute !== skip) walkTexts(absolute, file, skip, into);
    } else if (/\.txt$/i.test(entry.name) && !entry.name.startsWith(".import-")) {
      into.push({ file, absolute });
    }
  }
}

/**
 * The inputs `args` name, folders read recursively (never the output folder `out`), in
 * sorted path order, each file once.
 */
export function collectInputs(args: string[], out: string): Input[] {
  const inputs: Input[] = [];
  for (const arg of args) {
    const absolute = resolve(arg);
    let isDirectory = false;
    try {
      isDirectory = statSync(absolute).isDirectory();
    } catch {
      // Missing or unreadable: reported as a failed input when it is read.
    }
    if (isDirectory) walkTexts(absolute, arg, out, inputs);
    else inputs.push({ file: arg, absolute });
  }
  const seen = new Set<string>();
  return inputs
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
    .filter((input) => !seen.has(input.absolute) && seen.add(input.absolute));
}
