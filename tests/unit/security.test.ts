import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { contentSecurityPolicyHeader, headersFile } from "../../src/lib/security.ts";
import { parseHeadersFile } from "../support/static-server.ts";

const directives = (policy: string) => policy.split(";").map((d) => d.trim().split(" ")[0]);

describe("the Content-Security-Policy header", () => {
  test("never narrows what a page's <meta> allows for scripts and styles", () => {
    // Both policies apply: default-src, script-src or style-src in the header would block
    // the pages' hashed inline scripts and styles and Pagefind's WebAssembly.
    const names = directives(contentSecurityPolicyHeader());
    for (const name of ["default-src", "script-src", "style-src"]) {
      assert.ok(!names.includes(name), `the header sets ${name}`);
    }
  });

  test("adds what only a header can, and keeps the rest of the policy", () => {
    const names = directives(contentSecurityPolicyHeader());
    for (const name of ["frame-ancestors", "object-src", "connect-src", "worker-src"]) {
      assert.ok(names.includes(name), `the header lacks ${name}`);
    }
  });

  test("_headers sends it and the other headers for every path", () => {
    const rules = parseHeadersFile(headersFile());
    assert.deepEqual(
      rules.map((rule) => rule.pattern),
      ["/*"],
    );
    const sent = new Map(rules[0]!.headers);
    assert.equal(sent.get("Content-Security-Policy"), contentSecurityPolicyHeader());
    assert.equal(sent.get("X-Content-Type-Options"), "nosniff");
    assert.equal(sent.get("X-Frame-Options"), "DENY");
  });
});
