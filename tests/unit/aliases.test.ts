import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { aliasRedirects } from "../../src/lib/aliases.ts";

const moved = {
  id: "2019/12/11/new-slug",
  data: { date: "2019-12-11", slug: "new-slug", aliases: ["/articles/2019/12/10/old-slug/"] },
};
const other = { id: "2019/12/10/other", data: { date: "2019-12-10", slug: "other" } };

describe("alias redirects", () => {
  test("an alias redirects to the article's permalink", () => {
    const [redirect, ...rest] = aliasRedirects([moved, other]);
    assert.equal(rest.length, 0);
    assert.equal(redirect?.from, "/articles/2019/12/10/old-slug/");
    assert.equal(redirect?.to, "/articles/2019/12/11/new-slug/");
    assert.equal(redirect?.article, moved);
  });

  test("an alias that would shadow a live article fails, naming both", () => {
    const shadowing = {
      ...moved,
      data: { ...moved.data, aliases: ["/articles/2019/12/10/other/"] },
    };
    assert.throws(
      () => aliasRedirects([shadowing, other]),
      /2019\/12\/11\/new-slug: alias \/articles\/2019\/12\/10\/other\/ is already used by 2019\/12\/10\/other \(its permalink\)/,
    );
  });

  test("the same alias claimed twice fails", () => {
    const twin = {
      id: "2020/01/01/twin",
      data: { ...moved.data, date: "2020-01-01", slug: "twin" },
    };
    assert.throws(
      () => aliasRedirects([moved, twin]),
      /already used by 2019\/12\/11\/new-slug \(an alias\)/,
    );
  });
});
