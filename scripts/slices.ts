/**
 * `npm run slices -- [JOBS]`: the `--slice` values that build this archive on JOBS machines
 * (default 4) plus the site slice, as a JSON array for a CI matrix
 * (.github/workflows/build.yml): year slices cut at search shard boundaries, about equal in
 * articles. Reads ARCHIVE_DIR, SEARCH_SHARD_PAGES and SEARCH_NEWEST_SHARD as a build does.
 */
import { articlesPerYear } from "../src/integrations/built-entries.ts";
import { planShards } from "../src/lib/search/shards.ts";
import { settingsFrom } from "../src/lib/settings.ts";
import { planSlices } from "../src/lib/slice.ts";

const jobsArg = process.argv[2] ?? "4";
if (!/^[1-9]\d*$/.test(jobsArg)) {
  console.error(`npm run slices -- [JOBS]: JOBS must be a whole number, 1 or more`);
  process.exit(2);
}
const settings = settingsFrom(process.env);
const shards = planShards(
  await articlesPerYear(settings.archiveDir),
  settings.searchShardPages,
  settings.searchNewestShard,
);
console.log(JSON.stringify([...planSlices(shards, Number(jobsArg)), "site"]));
