/** Breadcrumb trails: where a page sits in the archive, each step linked. */
import { dateParts, monthName } from "./dates.ts";
import { ARCHIVE_PATH, dayPath, monthPath, yearPath } from "./permalink.ts";

/** A link in a breadcrumb trail. */
export interface Crumb {
  label: string;
  href: string;
}

/**
 * The date hierarchy above (and including) a year, month or day:
 * `Articles > 2019 > December > 11`, each linked to its browse page.
 */
export function dateCrumbs(
  parts: { year: string; month?: string; day?: string } | string,
): Crumb[] {
  const { year, month, day } = typeof parts === "string" ? dateParts(parts) : parts;
  const crumbs: Crumb[] = [
    { label: "Articles", href: ARCHIVE_PATH },
    { label: year, href: yearPath(year) },
  ];
  if (month !== undefined) {
    crumbs.push({ label: monthName(month), href: monthPath(year, month) });
    if (day !== undefined) {
      crumbs.push({ label: String(Number(day)), href: dayPath(`${year}-${month}-${day}`) });
    }
  }
  return crumbs;
}
