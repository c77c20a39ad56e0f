/**
 * A minimal static host for built sites, behaving like Netlify or Cloudflare Pages: directory
 * URLs serve index.html, unknown paths serve 404.html with status 404, files are served as
 * bytes, and the headers of the site's `_headers` file are sent with every response they
 * match, so the pages are tested under the policy a real host would send with them.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import type { AddressInfo } from "node:net";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".wasm": "application/wasm",
  ".bib": "application/x-bibtex; charset=utf-8",
  ".ris": "application/x-research-info-systems; charset=utf-8",
};

export type HeaderRule = { pattern: string; headers: [string, string][] };

/** `_headers` as Netlify reads it: a path pattern, then indented `Name: value` lines. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim() || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
      continue;
    }
    const colon = line.indexOf(":");
    const rule = rules[rules.length - 1];
    if (!rule || colon < 0) throw new Error(`_headers: cannot read the line "${line}"`);
    rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

function headersFor(rules: readonly HeaderRule[], pathname: string): Record<string, string> {
  const matching = rules.filter(({ pattern }) =>
    pattern.endsWith("*") ? pathname.startsWith(pattern.slice(0, -1)) : pathname === pattern,
  );
  return Object.fromEntries(matching.flatMap((rule) => rule.headers));
}

export interface StaticServer {
  origin: string;
  /** Bytes of response bodies sent since the last reset, for transfer measurements. */
  bytesSent: () => number;
  resetBytes: () => void;
  close: () => Promise<void>;
}

export async function serveStatic(root: string, port = 0): Promise<StaticServer> {
  let sent = 0;
  const rules = parseHeadersFile(await readFile(join(root, "_headers"), "utf8").catch(() => ""));
  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://localhost");
    let path = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!path.startsWith(normalize(root))) {
      res.writeHead(400).end();
      return;
    }
    try {
      if ((await stat(path)).isDirectory()) {
        if (!url.pathname.endsWith("/")) {
          res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
          return;
        }
        path = join(path, "index.html");
      }
      const body = await readFile(path);
      sent += body.length;
      res.writeHead(200, {
        ...headersFor(rules, url.pathname),
        "Content-Type": TYPES[extname(path)] ?? "application/octet-stream",
        "Content-Length": body.length,
      });
      res.end(body);
    } catch {
      const body = await readFile(join(root, "404.html")).catch(() => Buffer.from("Not found"));
      sent += body.length;
      res
        .writeHead(404, { ...headersFor(rules, url.pathname), "Content-Type": TYPES[".html"]! })
        .end(body);
    }
  };
  // Each request is answered on its own: the server does not wait for a handler.
  const server: Server = createServer((req, res) => void serve(req, res));
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: actual } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${actual}`,
    bytesSent: () => sent,
    resetBytes: () => {
      sent = 0;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
