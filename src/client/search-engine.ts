/**
 * The search engine, run in the search worker (src/client/search-worker.ts). Each index
 * shard (src/lib/search/shards.ts) has its own Pagefind instance and facet table
 * (./search-index.ts), loaded when a search first needs it. A search reads only the shards
 * its date range and years need, in the order its sort needs (shardsToSearch): one shard
 * per step, Pagefind finding and ranking the words in each language part of the shard (each
 * with its own stemmer, src/lib/search/index-language.ts; parts are joined as shards are),
 * the shard's facet table narrowing them to the selected facets and dates and counting the
 * facets. After each shard it reports the answer so far, joined across the shards read as
 * one index would give it (src/lib/search/merge.ts); after the last, the complete answer.
 *
 * A common word can keep Pagefind's WebAssembly busy for long on a large archive: in the
 * worker that never blocks the page, and a search that a newer one made stale stops at its
 * next step (a WebAssembly call under way cannot be stopped, but it spans one shard).
 */
import { parseDateRange, type RangeProblem } from "../lib/search/dates.ts";
import {
  addCounts,
  allRowsNewestFirst,
  emptyCounts,
  narrow,
  type Counts,
  type Selection,
} from "../lib/search/facets.ts";
import {
  keepRule,
  keptAcrossShards,
  orderHits,
  relevanceAcrossShards,
  type Hit,
  type ShardFindings,
} from "../lib/search/merge.ts";
import { pendingYears, shardsToSearch, type ShardManifest } from "../lib/search/shards.ts";
import type { QueryPlan } from "../lib/search/query.ts";
import { evaluationOf, planSearch, withFields, type Evaluation } from "../lib/search/plan.ts";
import { effectiveSort, type SearchState, type SortOrder } from "../lib/search/state.ts";
import type { ResultFragment } from "./search-protocol.ts";
import { BusyClock } from "./busy-clock.ts";
import { busyWait, nextTask, StaleSearch, type IsCurrent, type Step } from "./search-steps.ts";
import { ShardIndex, loadManifest, wrapFetch, type PagefindResult } from "./search-index.ts";
import { searchAllWords } from "./search-words.ts";

/**
 * How long a search waits, after its first shard answered, before it reads the others:
 * longer than the gap between two keystrokes of a person typing (about 120 ms).
 */
export const FAN_OUT_PAUSE_MS = 250;

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A page of an outcome: its hit and, for a search, its Pagefind result. */
export interface OutcomeHit extends Hit {
  id: string;
  /** Absent when browsing: the shard's every-page list gives it (ShardIndex.everything). */
  result?: PagefindResult;
}

export interface SearchOutcome {
  /** Numbers outcomes: a search asked again returns the same outcome, with its number. */
  serial: number;
  /** Matching pages, in the order to show them. */
  results: OutcomeHit[];
  counts: Counts;
  rangeProblems: RangeProblem[];
  /** Years of the shards not yet searched (empty: the outcome is complete). */
  pending: string[];
}

/** Receives each incomplete outcome of a search, as shards answer. */
export type OnPartial = (outcome: SearchOutcome) => void;

/** Who waits for a search under way: a newer generation asking the same takes it over. */
interface Asking {
  isCurrent: IsCurrent;
  onPartial: OnPartial;
}

interface Job {
  key: string;
  asking: Asking;
  outcome: Promise<SearchOutcome>;
}

/** A search's fixed inputs, parsed once. */
interface Plan {
  query: QueryPlan;
  /** The Pagefind searches of each shard and how they combine. */
  evaluation: Evaluation;
  order: SortOrder;
  selection: Selection;
  rangeProblems: RangeProblem[];
  /** Shards to read, in order. */
  shards: number[];
}

export class SearchEngine {
  /** Counts over the whole archive (from the manifest). */
  readonly totals: Counts;
  /** Time spent in Pagefind's calls (fetches of its files included), for the benchmark. */
  readonly pagefindClock = new BusyClock();
  private readonly manifest: ShardManifest;
  private readonly shards: ShardIndex[];
  /**
   * Every shard's language parts, numbered: what the shards' parts find is joined as if each
   * part were a shard of its own (their pages differ, as shards' do).
   */
  private readonly parts: { shard: number; pages: number }[];
  /** Test-only busy time after each search's first Pagefind step (TEST_DELAY_KEY). */
  private readonly testDelayMs: number;
  private serial = 0;
  private running: Job | undefined;
  private last: { key: string; outcome: SearchOutcome } | undefined;

  private constructor(manifest: ShardManifest, testDelayMs: number) {
    this.manifest = manifest;
    this.shards = manifest.shards.map((shard) => new ShardIndex(shard, this.pagefindClock));
    this.parts = this.shards.flatMap((index, shard) =>
      index.parts.map(({ pages }) => ({ shard, pages })),
    );
    this.totals = manifest.totals;
    this.testDelayMs = testDelayMs;
  }

  /** Loads the manifest only: no shard is read until a search (or warm) needs it. */
  static async start({ testDelayMs = 0 } = {}): Promise<SearchEngine> {
    const manifest = await loadManifest();
    wrapFetch(manifest);
    return new SearchEngine(manifest, testDelayMs);
  }

  /** Starts loading the newest shard, where most searches begin (the reader is about to type). */
  warm(): void {
    const newest = this.shards[this.shards.length - 1];
    if (!newest) return;
    const parts = newest.parts.map(({ language }) => newest.pagefind(language));
    void Promise.all([...parts, newest.table()]).catch((error: unknown) => console.warn(error));
  }

  /**
   * Results, counts and order for a state, while `isCurrent` holds (else StaleSearch);
   * `onPartial` gets the outcome after each shard but the last. The same search asked again
   * (a closing quote or a trailing space changes the words typed, not the search) returns
   * the same outcome, or takes over the run still under way.
   */
  search(state: SearchState, isCurrent: IsCurrent, onPartial: OnPartial): Promise<SearchOutcome> {
    const typed = planSearch(state.q);
    const { query } = typed;
    // Typed fields (`source:Trend`) narrow as the ticked facet would.
    const facets = withFields(state.facets, typed.fields, this.totals);
    const order = effectiveSort(state, query.kind !== "browse");
    const key = JSON.stringify([
      query,
      typed.exclude,
      facets,
      state.from.trim(),
      state.to.trim(),
      order,
    ]);
    if (this.last?.key === key) return Promise.resolve(this.last.outcome);
    if (this.running?.key === key) {
      Object.assign(this.running.asking, { isCurrent, onPartial });
      return this.running.outcome;
    }
    const { range, problems } = parseDateRange(state.from, state.to);
    const selection: Selection = {
      facets,
      range: problems.includes("reversed") ? { start: "9999-12-31", end: "0000-01-01" } : range,
    };
    const shards = shardsToSearch(this.manifest.shards, {
      range: selection.range,
      years: facets.year,
      order,
    });
    const evaluation = evaluationOf(typed);
    const plan: Plan = { query, evaluation, order, selection, rangeProblems: problems, shards };
    const asking: Asking = { isCurrent, onPartial };
    const job: Job = { key, asking, outcome: this.run(plan, asking) };
    this.running = job;
    const done = () => {
      if (this.running === job) this.running = undefined;
    };
    job.outcome.then((outcome) => {
      this.last = { key, outcome };
      done();
    }, done);
    return job.outcome;
  }

  /** Reads the plan's shards one per step; `asking` may change (see search). */
  private async run(plan: Plan, asking: Asking): Promise<SearchOutcome> {
    const step = async () => {
      await nextTask();
      if (!asking.isCurrent()) throw new StaleSearch();
    };
    const found: ShardFindings<PagefindResult>[] = [];
    const answered: number[] = [];
    for (const [i, shard] of plan.shards.entries()) {
      await step();
      found.push(...(await this.findInShard(plan.evaluation, shard, step)));
      answered.push(shard);
      if (i === 0 && this.testDelayMs > 0) busyWait(this.testDelayMs);
      await step();
      const pending = plan.shards.slice(i + 1);
      if (pending.length === 0) break;
      asking.onPartial(this.outcome(plan, answered, found, pending));
      // Older shards only once the reader pauses: a keystroke within FAN_OUT_PAUSE_MS makes
      // this search stale before it fetches their index files for a half-typed word.
      if (i === 0) await pause(FAN_OUT_PAUSE_MS);
    }
    return this.outcome(plan, answered, found, []);
  }

  /**
   * What each language part of one shard finds for each search of a plan, numbered as in
   * `parts` (browsing: nothing, the facet table lists every page).
   */
  private async findInShard(
    evaluation: Evaluation,
    shard: number,
    step: Step,
  ): Promise<ShardFindings<PagefindResult>[]> {
    const index = this.shards[shard]!;
    if (evaluation.searches.length === 0) {
      await index.table();
      return [];
    }
    const first = this.parts.findIndex((part) => part.shard === shard);
    const [, found] = await Promise.all([
      index.table(),
      (async () => {
        const found: ShardFindings<PagefindResult>[] = [];
        for (const [i, { language }] of index.parts.entries()) {
          const pagefind = await index.pagefind(language);
          const terms = [];
          for (const { term, rank } of evaluation.searches)
            terms.push(await searchAllWords(pagefind, term, rank, step));
          found.push({ shard: first + i, terms });
        }
        return found;
      })(),
    ]);
    return found;
  }

  /**
   * The outcome of the `answered` shards, whose parts found `found`, with `pending` shards
   * still to read.
   */
  private outcome(
    plan: Plan,
    answered: readonly number[],
    found: readonly ShardFindings<PagefindResult>[],
    pending: readonly number[],
  ): SearchOutcome {
    const { evaluation } = plan;
    const browse = plan.query.kind === "browse";
    const keptByPart = browse ? null : keptAcrossShards(found, evaluation);
    // Browsing with exclusions only (`-Karabakh`): every page but those.
    const keep =
      browse && evaluation.exclude.length ? keepRule(found, { ...evaluation, clauses: [] }) : null;
    const partPages = (part: number) => this.parts[part]!.pages;
    const relevance = relevanceAcrossShards(found, partPages, evaluation.rankBy);
    const counts = emptyCounts();
    const perShard = new Map<number, OutcomeHit[]>();
    for (const shard of answered) {
      // Loaded in findInShard: only the promise's value is read here.
      const table = this.shards[shard]!.loadedTable!;
      const results = keptByPart
        ? found.flatMap((part) =>
            this.parts[part.shard]!.shard === shard ? (keptByPart.get(part.shard) ?? []) : [],
          )
        : undefined;
      const rowOf = new Map<number, PagefindResult>();
      const candidates = results
        ? results.flatMap((result) => {
            const row = table.rowOf.get(result.id);
            if (row === undefined) return [];
            rowOf.set(row, result);
            return [row];
          })
        : allRowsNewestFirst(table).filter((row) => !keep || keep(table.ids[row]!));
      const narrowed = narrow(table, candidates, plan.selection);
      addCounts(counts, narrowed.counts);
      perShard.set(
        shard,
        narrowed.rows.map((row) => {
          const result = rowOf.get(row);
          const hit: OutcomeHit = {
            shard,
            row,
            id: table.ids[row]!,
            date: table.dates[row]!,
            score: !result ? 0 : relevance ? (relevance.get(result.id) ?? 0) : result.score,
          };
          if (result) hit.result = result;
          return hit;
        }),
      );
    }
    return {
      serial: ++this.serial,
      results: orderHits(perShard, plan.order, plan.query.kind === "browse"),
      counts,
      rangeProblems: plan.rangeProblems,
      pending: pendingYears(this.manifest.shards, pending),
    };
  }

  /** The fields the page shows of each hit, as plain data. */
  async fragmentsOf(hits: readonly OutcomeHit[]): Promise<ResultFragment[]> {
    const fragments = await Promise.all(
      hits.map(async (hit) => {
        const index = this.shards[hit.shard]!;
        const result = hit.result ?? (await index.everything()).get(hit.id);
        if (!result) throw new Error(`Page ${hit.id} is not in its search shard`);
        return index.fragment(result);
      }),
    );
    return fragments.map(({ url, excerpt, meta, filters }) => ({ url, excerpt, meta, filters }));
  }
}
