/**
 * The content folder of the Hugo side of `node bench/hugo.ts`: the archive's entries and
 * original texts linked (hard links, copies across file systems) into
 * `content/articles/YYYY/MM/DD/`, with an `_index.md` for the articles folder and for every
 * year, month and day, so Hugo makes them sections with list pages, as ours has. The
 * archive itself is never written to.
 */
import { copyFileSync, linkSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { MONTH_NAMES } from "../../src/lib/dates.ts";

export interface LinkedContent {
  entries: number;
  years: number;
  months: number;
  days: number;
}

function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/** The title of a date folder's list page: "2004", "March 2004", "5 March 2004". */
export function dateFolderTitle(path: string): string {
  const [year, month, day] = path.split("/");
  if (!month) return year!;
  const name = MONTH_NAMES.en[Number(month) - 1]!;
  return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`;
}

const sectionFile = (title: string) => `---\ntitle: "${title}"\n---\n`;

export function linkArchiveContent(articlesDir: string, contentArticles: string): LinkedContent {
  const counts: LinkedContent = { entries: 0, years: 0, months: 0, days: 0 };
  mkdirSync(contentArticles, { recursive: true });
  writeFileSync(join(contentArticles, "_index.md"), sectionFile("Dates"));
  const walk = (folder: string) => {
    const path = relative(articlesDir, folder);
    const target = join(contentArticles, path);
    if (path) {
      mkdirSync(target, { recursive: true });
      writeFileSync(join(target, "_index.md"), sectionFile(dateFolderTitle(path)));
      const depth = path.split("/").length;
      if (depth === 1) counts.years++;
      else if (depth === 2) counts.months++;
      else counts.days++;
    }
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const from = join(folder, entry.name);
      if (entry.isDirectory()) walk(from);
      else if (entry.name.endsWith(".md") || entry.name.endsWith(".original.txt")) {
        linkOrCopy(from, join(target, entry.name));
        if (entry.name.endsWith(".md")) counts.entries++;
      }
    }
  };
  walk(articlesDir);
  return counts;
}
