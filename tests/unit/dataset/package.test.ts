import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CSV_FIELDS, RECORD_FIELDS } from "../../../src/lib/dataset/fields.ts";
import {
  CSV_FILE,
  dataPackage,
  dataPackageText,
  yearFileName,
  yearOfFileName,
  type PackageInput,
} from "../../../src/lib/dataset/package.ts";

const INPUT: PackageInput = {
  site: "https://news.example.org",
  title: "News Archive",
  description: "An archive.",
  licenses: [],
  csv: { bytes: 1200, sha256: "c".repeat(64), articles: 3 },
  years: [
    { year: "2018", articles: 1, bytes: 400, sha256: "1".repeat(64) },
    { year: "2019", articles: 2, bytes: 900, sha256: "2".repeat(64) },
  ],
};

type Resource = Record<string, unknown> & { schema: { fields: { name: string }[] } };
const resources = (input: PackageInput) => dataPackage(input)["resources"] as Resource[];

describe("datapackage.json", () => {
  it("one resource for the CSV, then one per year, oldest first, each with its file's facts", () => {
    const [csv, ...years] = resources(INPUT);
    assert.deepEqual(
      [csv!["path"], ...years.map((r) => r["path"])],
      [CSV_FILE, "articles-2018.jsonl.gz", "articles-2019.jsonl.gz"],
    );
    const facts = (r: Resource) => [r["bytes"], r["hash"]];
    assert.deepEqual(facts(csv!), [1200, `sha256:${"c".repeat(64)}`]);
    assert.deepEqual(years.map(facts), [
      [400, `sha256:${"1".repeat(64)}`],
      [900, `sha256:${"2".repeat(64)}`],
    ]);
    assert.equal(yearFileName("2019"), "articles-2019.jsonl.gz");
  });

  it("a year file's name gives its year back; other names none", () => {
    assert.equal(yearOfFileName(yearFileName("2019")), "2019");
    for (const name of [
      "articles.csv",
      "datapackage.json",
      "articles-2019.jsonl",
      "x-2019.jsonl.gz",
    ])
      assert.equal(yearOfFileName(name), null, name);
  });

  it("every resource has a valid unique name and the fields its file holds", () => {
    const all = resources(INPUT);
    const names = all.map((r) => r["name"] as string);
    assert.equal(new Set(names).size, names.length);
    for (const name of names) assert.match(name, /^[a-z0-9._-]+$/);
    const fieldNames = (r: Resource) => r.schema.fields.map((f) => f.name);
    assert.deepEqual(
      fieldNames(all[0]!),
      CSV_FIELDS.map((f) => f.name),
    );
    for (const year of all.slice(1)) {
      assert.deepEqual(
        fieldNames(year),
        RECORD_FIELDS.map((f) => f.name),
      );
      assert.equal(year["compression"], "gz");
    }
  });

  it("licenses only when the archive declares one", () => {
    assert.ok(!("licenses" in dataPackage(INPUT)));
    const license = { name: "CC0-1.0", path: "https://creativecommons.org/publicdomain/zero/1.0/" };
    assert.deepEqual(dataPackage({ ...INPUT, licenses: [license] })["licenses"], [license]);
  });

  it("the same input gives the same text, with no timestamp; the homepage is /data/", () => {
    assert.equal(dataPackageText(INPUT), dataPackageText(structuredClone(INPUT)));
    assert.ok(dataPackageText(INPUT).endsWith("}\n"));
    assert.doesNotMatch(dataPackageText(INPUT), /created|\d{4}-\d\d-\d\dT/);
    assert.equal(dataPackage(INPUT)["homepage"], "https://news.example.org/data/");
  });
});
