import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  deployDirFor,
  NGINX_SITE_FILE,
  nginxServerConfig,
  nginxSiteConfig,
} from "../../../src/lib/deploy/nginx.ts";
import { IMMUTABLE, PRECOMPRESS_MIN_BYTES, REVALIDATE } from "../../../src/lib/deploy/caching.ts";
import { securityHeaders } from "../../../src/lib/security.ts";

const MOVED = { from: "/articles/2017/05/01/old/", to: "/articles/2017/05/02/new/" };

/** `add_header` names and values of the server level and of each location block. */
function headerBlocks(config: string): Map<string, Map<string, string>> {
  const blocks = new Map<string, Map<string, string>>([["server", new Map()]]);
  let current = "server";
  for (const line of config.split("\n")) {
    const opened = /^(location [^{]+) \{$/.exec(line);
    if (opened) blocks.set((current = opened[1]!), new Map());
    else if (line === "}") current = "server";
    const header = /^\s*add_header (\S+) "(.*)" always;$/.exec(line);
    if (header) blocks.get(current)!.set(header[1]!, header[2]!);
  }
  return blocks;
}

describe("the nginx site config", () => {
  const config = nginxSiteConfig([MOVED]);
  const blocks = headerBlocks(config);

  test("every block that adds headers repeats all the security headers (nginx drops outer ones)", () => {
    assert.ok(blocks.size >= 4, [...blocks.keys()].join(", "));
    for (const [name, headers] of blocks) {
      for (const [header, value] of securityHeaders()) {
        assert.equal(headers.get(header), value, `${name}: ${header}`);
      }
    }
  });

  test("the CSP header leaves scripts and styles to the pages' <meta> policy", () => {
    const csp = blocks.get("server")!.get("Content-Security-Policy")!;
    for (const directive of ["default-src", "script-src", "style-src"]) {
      assert.ok(!csp.includes(directive), `the header sets ${directive}`);
    }
  });

  test("hashed assets are immutable, everything else revalidates", () => {
    assert.equal(blocks.get("location ^~ /_astro/")!.get("Cache-Control"), IMMUTABLE);
    const pagefind = [...blocks.keys()].find((name) => name.includes("pf_fragment"))!;
    assert.equal(blocks.get(pagefind)!.get("Cache-Control"), IMMUTABLE);
    assert.equal(blocks.get("location /")!.get("Cache-Control"), REVALIDATE);
  });

  test("an alias is a 301 from its path, with and without the slash", () => {
    const lines = config.split("\n").filter((line) => line.includes("return 301"));
    assert.deepEqual(lines, [
      `location = "${MOVED.from}" { return 301 "${MOVED.to}"; }`,
      `location = "${MOVED.from.slice(0, -1)}" { return 301 "${MOVED.to}"; }`,
    ]);
  });

  test("nginx matches decoded paths: an encoded alias is decoded, its target kept", () => {
    const encoded = nginxSiteConfig([{ from: "/articles/2019/12/10/%C3%A7ay/", to: MOVED.to }]);
    assert.ok(encoded.includes(`location = "/articles/2019/12/10/çay/" { return 301`));
  });

  test("serves the 404 page, gzip_static files and index.html", () => {
    for (const line of ["error_page 404 /404.html;", "gzip_static on;", "index index.html;"]) {
      assert.ok(config.split("\n").includes(line), line);
    }
    assert.match(config, /application\/wasm wasm;/);
  });

  test("gzips on the fly the text files the build leaves without a .gz, from the same size", () => {
    const lines = config.split("\n");
    assert.ok(lines.includes("gzip on;"));
    assert.ok(lines.includes(`gzip_min_length ${PRECOMPRESS_MIN_BYTES};`));
    const types = lines
      .find((line) => line.startsWith("gzip_types "))!
      .slice(11, -1)
      .split(" ");
    for (const type of ["text/plain", "application/json", "application/x-bibtex"]) {
      assert.ok(types.includes(type), type);
    }
    // Pagefind's files are gzip already: their (default) type must not be gzipped again.
    assert.ok(!types.includes("application/octet-stream"));
  });

  test("refuses a path it cannot quote", () => {
    assert.throws(() => nginxSiteConfig([{ from: '/a"b/', to: "/c/" }]), /cannot quote/);
  });
});

describe("the whole nginx.conf", () => {
  const config = nginxServerConfig({ root: "/srv/news/dist", listen: "127.0.0.1:9000" });

  test("serves the root on the port given, with the site config beside it", () => {
    for (const line of [
      "listen 127.0.0.1:9000;",
      'root "/srv/news/dist";',
      `include ${NGINX_SITE_FILE};`,
    ]) {
      assert.ok(config.includes(`        ${line}\n`), line);
    }
    assert.match(nginxServerConfig({ root: "/x" }), /listen 8080;/);
  });

  test("runs without root: temp files under the prefix, no pid of its own", () => {
    assert.match(config, /client_body_temp_path client_body_temp;/);
    assert.ok(!/^\s*pid /m.test(config), "pid is given on the command line");
    assert.ok(!/^\s*user /m.test(config));
  });
});

describe("the deploy folder", () => {
  test("is deploy/ beside dist/, and <outDir>-deploy beside any other out dir", () => {
    assert.equal(deployDirFor("./dist"), "./deploy");
    assert.equal(deployDirFor("/srv/news/dist/"), "/srv/news/deploy");
    assert.equal(deployDirFor("dist"), "./deploy");
    assert.equal(deployDirFor("/tmp/builds/dist-x1"), "/tmp/builds/dist-x1-deploy");
    assert.equal(deployDirFor("/site"), "/site-deploy");
  });
});
