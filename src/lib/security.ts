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
 * The policy as an HTTP header, for hosts that send `_headers`. A browser enforces every
 * policy it is given, so the header must not narrow what each page's <meta> allows: it
 * leaves out `default-src` (which would stand in for script-src and style-src and block the
 * pages' hashed inline scripts and styles, and Pagefind's WebAssembly) and script-src and
 * style-src (a header cannot carry per-page hashes). Scripts and styles are governed by the
 * <meta>; the header adds what only a header can do (frame-ancestors) and limits what
 * non-HTML responses, such as the search worker's script, may load or connect to.
 */
export function contentSecurityPolicyHeader(): string {
  return [
    ...CSP_DIRECTIVES.filter((directive) => !directive.startsWith("default-src ")),
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The headers every response gets, in `_headers` and in the nginx config alike. */
export function securityHeaders(): [name: string, value: string][] {
  return [
    ["Content-Security-Policy", contentSecurityPolicyHeader()],
    ["X-Content-Type-Options", "nosniff"],
    ["Referrer-Policy", "strict-origin-when-cross-origin"],
    ["Permissions-Policy", "camera=(), microphone=(), geolocation=()"],
    ["X-Frame-Options", "DENY"],
  ];
}

/** Netlify/Cloudflare Pages style `_headers`: one block for every path. */
export function headersFile(): string {
  const headers = securityHeaders();
  return `/*\n${headers.map(([name, value]) => `  ${name}: ${value}`).join("\n")}\n`;
}
