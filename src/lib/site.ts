/** Site-wide constants and the settings read from the environment. */

export const SITE_NAME = "News Archive";
export const SITE_DESCRIPTION =
  "A permanent, searchable archive of news articles, each kept with its original text.";
export const DEFAULT_SITE_URL = "http://localhost:4321";
export const DEFAULT_ARCHIVE_DIR = "content";

type Env = Record<string, string | undefined>;

/** The public origin the site is served from (`SITE_URL`), for absolute URLs. */
export function siteUrlFrom(env: Env): string {
  return env["SITE_URL"] || DEFAULT_SITE_URL;
}

/** The folder holding `articles/` (`ARCHIVE_DIR`), so fixture archives build alone. */
export function archiveDirFrom(env: Env): string {
  return env["ARCHIVE_DIR"] || DEFAULT_ARCHIVE_DIR;
}
