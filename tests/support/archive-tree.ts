/**
 * Archive folders compared byte for byte: every file under them (dot files too, so temp
 * and lock files count) by its sha256.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { sha256Hex } from "../../src/lib/entry-check.ts";

/** Path under `dir` -> sha256 of its bytes, for every file; empty when `dir` is missing. */
export function archiveTree(dir: string): Map<string, string> {
  const tree = new Map<string, string>();
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true, encoding: "utf8" });
  } catch {
    return tree;
  }
  for (const name of names.sort()) {
    const path = join(dir, name);
    if (statSync(path).isFile()) tree.set(name, sha256Hex(readFileSync(path)));
  }
  return tree;
}

export interface TreeDifference {
  /** Files in the tree but not in the expected one (at most `limit` named). */
  extra: string[];
  missing: string[];
  /** Files in both whose bytes differ. */
  changed: string[];
  /** How many files each list had before it was cut to `limit`. */
  counts: { extra: number; missing: number; changed: number };
}

/** How `actual` differs from `expected`; all lists empty when they are equal. */
export function treeDifference(
  actual: Map<string, string>,
  expected: Map<string, string>,
  limit = 5,
): TreeDifference {
  const extra = [...actual.keys()].filter((path) => !expected.has(path));
  const missing = [...expected.keys()].filter((path) => !actual.has(path));
  const changed = [...actual.keys()].filter(
    (path) => expected.has(path) && expected.get(path) !== actual.get(path),
  );
  return {
    extra: extra.slice(0, limit),
    missing: missing.slice(0, limit),
    changed: changed.slice(0, limit),
    counts: { extra: extra.length, missing: missing.length, changed: changed.length },
  };
}

export const NO_DIFFERENCE: TreeDifference = {
  extra: [],
  missing: [],
  changed: [],
  counts: { extra: 0, missing: 0, changed: 0 },
};
