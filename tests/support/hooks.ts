import { before } from "node:test";

/**
 * A file's `before`, remembered so that its `after` can wait for it: when a name pattern
 * leaves a file no test to run, Node starts the root `after` while an async root `before`
 * is still building or launching, which then leaves a browser or server running and the
 * file never ends. Call the returned function first thing in `after`.
 */
export function beforeAll(setUp: () => Promise<void>): () => Promise<void> {
  let ready: Promise<void> | undefined;
  before(() => (ready = setUp()));
  // The hook itself reports a failed set-up; teardown then closes what was opened.
  return async () => {
    await ready?.catch(() => undefined);
  };
}
