/** Site-wide constants. Settings read from the environment are in ./settings.ts. */
import type { DataLicense } from "./dataset/package.ts";
import { settingFrom, type Env } from "./settings.ts";

export const SITE_NAME = "News Archive";
export const SITE_DESCRIPTION =
  "A permanent, searchable archive of news articles, each kept with its original text.";

/** The public origin the site is served from (`SITE_URL`), for absolute URLs. */
export function siteUrlFrom(env: Env): string {
  return settingFrom(env, "siteUrl");
}

/** The folder holding `articles/` (`ARCHIVE_DIR`), for the import command. */
export function archiveDirFrom(env: Env): string {
  return settingFrom(env, "archiveDir");
}

/**
 * Licences the archive declares for its dataset (/data/, datapackage.json `licenses`). None
 * by default: the texts belong to their publishers, and only an archive that holds the
 * rights may declare one here, e.g. `[{ name: "CC-BY-4.0", path: "https://creativecommons.org/licenses/by/4.0/" }]`.
 */
export const DATA_LICENSES: readonly DataLicense[] = [];
