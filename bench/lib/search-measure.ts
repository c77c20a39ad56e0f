/**
 * One query as a reader makes it, in a fresh browser context (cold cache): open /search/
 * with the query's filters and sort in the URL, wait until the page is ready and the
 * network idle, type the words at a person's pace, and read the page's `data-status` on
 * `[data-search]`: `searching` after each keystroke, then `partial` (first results painted,
 * older parts of the index still searched; a runtime without it goes straight to) `ready`.
 * Every request is logged with its timing and body size (bench/lib/requests.ts).
 */
import { gzipSync } from "node:zlib";
import type { Browser, Page, Request } from "playwright-core";
import type { RequestRecord } from "./requests.ts";

export const KEY_DELAY_MS = 120;

/** Network (and optionally CPU) conditions set over CDP for a whole pass. */
export interface Throttle {
  name: string;
  latencyMs: number;
  /** Bytes per second. */
  downloadBps: number;
  uploadBps: number;
  /** CPU slowdown of the page's main thread (1: none). */
  cpuRate: number;
}

/** Lighthouse's mobile throttling: 150 ms round trip, 1.6 Mbit/s down, 750 Kbit/s up. */
export const LIGHTHOUSE_MOBILE: Throttle = {
  name: "throttled (150 ms RTT, 1.6 Mbit/s down, 750 Kbit/s up)",
  latencyMs: 150,
  downloadBps: (1.6 * 1024 * 1024) / 8,
  uploadBps: (750 * 1024) / 8,
  cpuRate: 1,
};

/** Moments on the page, as epoch milliseconds. */
export interface PageMarks {
  opened: number;
  firstKey: number;
  lastKey: number;
  /** The first frame after the status became `partial` or `ready` for the final query. */
  firstPaint: number;
  /** The first frame after the status became `ready` for the final query. */
  complete: number;
  /** Status at first paint: `partial` or `ready`. */
  firstStatus: string;
  /** The result summary at first paint and when complete. */
  firstSummary: string;
  summary: string;
  /** Results listed on the page at first paint and when complete. */
  firstItems: number;
  items: number;
  /** The page's `data-pagefind-ms` at first paint and when complete (src/client/search-page.ts). */
  firstPagefindMs: number;
  pagefindMs: number;
}

export interface QueryRun {
  marks: PageMarks;
  requests: RequestRecord[];
}

/** Installed in the page: records keystrokes and the status changes that follow the last one. */
function watchStatus(): void {
  const root = document.querySelector<HTMLElement>("[data-search]")!;
  const summary = document.querySelector("[data-search-summary]")!;
  const list = document.querySelector("[data-search-results]")!;
  const now = () => performance.timeOrigin + performance.now();
  const marks = {
    firstKey: 0,
    lastKey: 0,
    firstPaint: 0,
    complete: 0,
    firstStatus: "",
    firstSummary: "",
    summary: "",
    firstItems: 0,
    items: 0,
    firstPagefindMs: 0,
    pagefindMs: 0,
  };
  (window as unknown as { benchMarks: typeof marks }).benchMarks = marks;
  // Armed once the page has marked the last keystroke's search `searching`: a status after
  // that belongs to the final query.
  let armed = false;
  const input = document.querySelector("#search-q")!;
  input.addEventListener(
    "keydown",
    () => {
      marks.lastKey = now();
      if (!marks.firstKey) marks.firstKey = marks.lastKey;
      armed = false;
      marks.firstPaint = marks.complete = 0;
      marks.firstStatus = "";
    },
    true,
  );
  const afterFrame = (record: () => void) => requestAnimationFrame(record);
  new MutationObserver(() => {
    const status = root.dataset["status"];
    if (status === "searching") armed = marks.lastKey > 0;
    if (!armed || (status !== "partial" && status !== "ready")) return;
    if (!marks.firstStatus) {
      marks.firstStatus = status;
      marks.firstSummary = summary.textContent ?? "";
      marks.firstItems = list.children.length;
      marks.firstPagefindMs = Number(root.dataset["pagefindMs"] ?? 0);
      afterFrame(() => (marks.firstPaint ||= now()));
    }
    if (status === "ready" && !marks.complete) {
      armed = false;
      marks.summary = summary.textContent ?? "";
      marks.items = list.children.length;
      marks.pagefindMs = Number(root.dataset["pagefindMs"] ?? 0);
      afterFrame(() => (marks.complete ||= now()));
    }
  }).observe(root, { attributes: true, attributeFilter: ["data-status"] });
}

/**
 * Logs every request of a page (its workers' included) with timing and body size; `idle`
 * waits until no request has been in flight for `quietMs`.
 */
function logRequests(page: Page) {
  const pending: Promise<RequestRecord>[] = [];
  let inFlight = 0;
  let changed = Date.now();
  page.on("request", () => {
    inFlight++;
    changed = Date.now();
  });
  const record = async (request: Request, failed: boolean): Promise<RequestRecord> => {
    const timing = request.timing();
    const end = timing.responseEnd >= 0 ? timing.startTime + timing.responseEnd : Date.now();
    const body = failed ? null : await (await request.response())?.body().catch(() => null);
    const bytes = body?.length ?? 0;
    return {
      url: request.url(),
      start: timing.startTime,
      end,
      bytes,
      gzipBytes: body ? Math.min(bytes, gzipSync(body).length) : 0,
      ...(failed ? { failed } : {}),
    };
  };
  const done = (request: Request, failed: boolean) => {
    inFlight--;
    changed = Date.now();
    pending.push(record(request, failed));
  };
  page.on("requestfinished", (request) => done(request, false));
  page.on("requestfailed", (request) => done(request, true));
  return {
    idle: async (quietMs = 500, timeoutMs = 300_000) => {
      const limit = Date.now() + timeoutMs;
      while (inFlight > 0 || Date.now() - changed < quietMs) {
        if (Date.now() > limit) throw new Error(`requests still in flight after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    records: () => Promise.all(pending),
  };
}

export interface QueryOptions {
  origin: string;
  /** `/search/` with the query's filters and sort. */
  path: string;
  q: string;
  throttle?: Throttle | null;
  timeoutMs?: number;
}

export async function runQuery(browser: Browser, options: QueryOptions): Promise<QueryRun> {
  const timeout = options.timeoutMs ?? 300_000;
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const throttle = options.throttle;
    if (throttle) {
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", {
        offline: false,
        latency: throttle.latencyMs,
        downloadThroughput: throttle.downloadBps,
        uploadThroughput: throttle.uploadBps,
      });
      if (throttle.cpuRate > 1) {
        await cdp.send("Emulation.setCPUThrottlingRate", { rate: throttle.cpuRate });
      }
    }
    const requests = logRequests(page);
    const opened = Date.now();
    await page.goto(`${options.origin}${options.path}`, { timeout });
    await page.waitForSelector('[data-search][data-status="ready"]', { timeout });
    await requests.idle(500, timeout);
    await page.evaluate(watchStatus);
    await page.locator("#search-q").pressSequentially(options.q, { delay: KEY_DELAY_MS });
    await page.waitForFunction(
      () => (window as unknown as { benchMarks: { complete: number } }).benchMarks.complete > 0,
      null,
      { timeout, polling: 50 },
    );
    await requests.idle(500, timeout);
    const marks = await page.evaluate(
      () => (window as unknown as { benchMarks: Omit<PageMarks, "opened"> }).benchMarks,
    );
    return { marks: { ...marks, opened }, requests: await requests.records() };
  } finally {
    await context.close();
  }
}
