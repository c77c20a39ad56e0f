/**
 * The site's security policy, in one place: the Content-Security-Policy directives Astro
 * puts in every page's <meta> (with hashes of the page's own scripts and styles), and the
 * HTTP headers written to `_headers` for hosts that read one.
 */

/** Directives besides script-src/style-src, which Astro computes per page with hashes. */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  // Pagefind runs its search in a worker and compiles its WebAssembly index.
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

/** Sources allowed for scripts on top of per-page hashes: never 'unsafe-inline'. */
export const CSP_SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"] as const;
export const CSP_STYLE_SOURCES = ["'self'"] as const;

/**
 * The same policy as an HTTP header. script-src and style-src are left to each page's
 * <meta> (a header cannot carry per-page hashes, and two policies both apply, so a header
 * script-src would block the hashed inline scripts); frame-ancestors only works in a header.
 */
export function contentSecurityPolicyHeader(): string {
  return [...CSP_DIRECTIVES, "frame-ancestors 'none'"].join("; ");
}

/** Netlify/Cloudflare Pages style `_headers`: one block for every path. */
export function headersFile(): string {
  const headers: [string, string][] = [
    ["Content-Security-Policy", contentSecurityPolicyHeader()],
    ["X-Content-Type-Options", "nosniff"],
    ["Referrer-Policy", "strict-origin-when-cross-origin"],
    ["Permissions-Policy", "camera=(), microphone=(), geolocation=()"],
    ["X-Frame-Options", "DENY"],
  ];
  return `/*\n${headers.map(([name, value]) => `  ${name}: ${value}`).join("\n")}\n`;
}
