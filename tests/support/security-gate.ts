/**
 * The security gate's static half: every HTML page carries a CSP meta whose scripts come
 * from the site only (no 'unsafe-inline'), and the build writes a `_headers` file with the
 * response headers a host should send.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { siteFiles } from "./site-pages.ts";

const CSP_META = /<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"/i;

/** One line per page whose CSP is missing or too loose. */
export async function cspProblems(distDir: string): Promise<string[]> {
  const problems: string[] = [];
  for (const file of (await siteFiles(distDir)).filter((f) => f.endsWith(".html"))) {
    const csp = CSP_META.exec(await readFile(join(distDir, file), "utf8"))?.[1];
    if (!csp) {
      problems.push(`${file}: no CSP meta`);
      continue;
    }
    const directive = (name: string) =>
      csp
        .split(";")
        .map((d) => d.trim())
        .find((d) => d.startsWith(`${name} `)) ?? "";
    const scriptSrc = directive("script-src");
    if (!/'self'/.test(scriptSrc)) problems.push(`${file}: script-src lacks 'self'`);
    if (/'unsafe-inline'/.test(scriptSrc))
      problems.push(`${file}: script-src allows 'unsafe-inline'`);
    if (!/^worker-src 'self' blob:/.test(directive("worker-src")))
      problems.push(`${file}: worker-src is not 'self' blob:`);
  }
  return problems;
}

const REQUIRED_HEADERS = [
  "Content-Security-Policy",
  "X-Content-Type-Options: nosniff",
  "Referrer-Policy",
  "Permissions-Policy",
];

/** What the build's `_headers` file lacks, or that it is missing. */
export async function headersProblems(distDir: string): Promise<string[]> {
  const headers = await readFile(join(distDir, "_headers"), "utf8").catch(() => undefined);
  if (headers === undefined) return ["_headers is missing"];
  return REQUIRED_HEADERS.filter((name) => !headers.includes(name)).map(
    (name) => `_headers lacks ${name}`,
  );
}
