/**
 * The build reads back every fragment file Pagefind wrote for a shard (its facet table is
 * made from them). A shard of a year of a large archive (40,000 pages) has more fragment
 * files than a process may hold open at once; reading them all at once failed with
 * EMFILE. The test makes more files than this process's limit.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { readFragments } from "../../../src/integrations/pagefind/fragments.ts";

const limit = Number(execFileSync("sh", ["-c", "ulimit -n"], { encoding: "utf8" }).trim());

test(
  "a shard's fragment files are read whatever their number",
  { skip: !(limit <= 100_000) && `open-file limit ${limit}: too many files to make here` },
  async () => {
    const folder = mkdtempSync(join(tmpdir(), "news-archive-fragments-"));
    try {
      mkdirSync(join(folder, "fragment"));
      const count = limit + 100;
      for (let i = 0; i < count; i++) {
        writeFileSync(join(folder, "fragment", `en_${i}.pf_fragment`), String(i));
      }
      const files = await readFragments(folder);
      assert.equal(files.length, count);
      const one = files.find((file) => file.path === "fragment/en_777.pf_fragment");
      assert.equal(one?.content.toString(), "777");
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  },
);
