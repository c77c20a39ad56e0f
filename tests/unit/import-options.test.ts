import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fixForSchemaErrors, optionProblems } from "../../src/lib/import-options.ts";

describe("optionProblems: the import's options against the site's schema", () => {
  it("finds nothing wrong with no options, or with good ones", () => {
    assert.deepEqual(optionProblems({}), []);
    assert.deepEqual(
      optionProblems({
        source: "Azernews",
        author: ["Aida Rahimova", "Emin Safarov"],
        title: "Port reopens",
        language: "az",
        section: "Politics",
        originalUrl: "https://example.org/a/1",
      }),
      [],
    );
  });

  const cases: { name: string; options: Parameters<typeof optionProblems>[0]; line: RegExp }[] = [
    { name: "a language that is not BCP 47", options: { language: "english!" }, line: /^--lang: / },
    {
      name: "a URL that is not http(s)",
      options: { originalUrl: "javascript:alert(1)" },
      line: /^--url: originalUrl must be an http\(s\) URL/,
    },
    { name: "an empty source", options: { source: " " }, line: /^--source: / },
    {
      name: "a title over 300 characters",
      options: { title: "x".repeat(301) },
      line: /^--title: /,
    },
  ];
  for (const { name, options, line } of cases) {
    it(`names the flag for ${name}`, () => {
      const problems = optionProblems(options);
      assert.equal(problems.length, 1, problems.join("\n"));
      assert.match(problems[0]!, line);
    });
  }
});

describe("fixForSchemaErrors: what to pass when an entry fails the schema", () => {
  it("names each flag once, in the order of the errors", () => {
    assert.equal(
      fixForSchemaErrors([
        "language: must be a BCP 47 tag",
        "title: too long",
        "slug: must be lowercase",
      ]),
      "correct it with --lang or --title",
    );
  });

  it("calls an error no flag can fix a bug in the import", () => {
    assert.equal(
      fixForSchemaErrors(["sha256: not a digest"]),
      "report this as a bug in the import",
    );
  });
});
