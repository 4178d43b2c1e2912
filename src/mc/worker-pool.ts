// The Monte Carlo run (docs/model.md §4.1) spread over worker threads. This is an edge of the
// program, not the model: it starts threads and they read files. Each thread loads the dataset and
// the scenario once, then takes runs in small batches as it finishes the last; every run's result
// is stored at its run index, and run i depends only on (seed, i), so the output is the same
// whatever the number of threads or the order they finish in. The worker threads start before
// placement choice's calibration is fitted: they read the modules and build the base state while
// this thread fits, then receive the fit (docs/performance.md §11); this thread then takes runs
// beside them, so N threads of runs start N − 1 worker threads (§13).
import { existsSync } from 'node:fs';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { InputError, InternalError, ScenarioError, UsageError, type Problem } from '../errors.js';
import { METRICS, type AreaLevel } from '../model/types.js';
import type { RowKey, RunSet } from '../model/montecarlo.js';
import type { PreparedChoice } from '../model/project.js';
import type { LaPart, LaPartAsked } from './la-part.js';
import { prepareRuns, type PinnedPoints, type RunInputs, type RunSpec } from './runs.js';
import { performance } from 'node:perf_hooks';

/**
 * The inputs, either as files each thread loads (`dataDir`, `scenarioRef`, `scenariosDir`) or as the
 * dataset and loaded scenario the caller already holds (`dataset`, `scenario`), copied to each thread.
 */
export type MonteCarloOptions = RunInputs & {
  /** Number of runs, at least 1. */
  runs: number;
  seed: number;
  /** Threads that do runs (this one and the rest worker threads); default (undefined or null): one per core, never more than runs. 1 runs in this thread alone. */
  workers?: number | null;
  level: AreaLevel | readonly AreaLevel[];
  /** Run the model at least to this year (`--to` beyond the horizon); default: the scenario's horizon. */
  horizonTo?: number;
  /** Money in constant prices of this year (`--prices`); default: cash. */
  pricesYear?: number | null;
  /**
   * Placement choice's calibration to start from (the deterministic run's), held by every thread; or
   * the function that fits it, called once the threads are started, so that they prepare meanwhile.
   */
  choice?: PreparedChoice | null | (() => Promise<PreparedChoice | null>);
  /** Runs at sensitivity points (runs.ts); `runs` is then the points times the runs per point. */
  points?: PinnedPoints;
  /** Keep one LA's part of every run (la-part.ts), as `plan` does; its level may then be none (`[]`). */
  keep?: LaPartAsked;
  /** Called after each finished run, with how many are done. */
  onProgress?: (done: number, total: number) => void;
  /** Called at each step of the threads' work (bench/pool.mjs draws the timeline from it). */
  onTimeline?: (event: PoolEvent) => void;
};

/** A step of the pool's work: `thread` −1 is this thread. `at` in ms from performance.timeOrigin. */
export interface PoolEvent {
  thread: number;
  what: 'started' | 'fitted' | 'ready' | 'run' | 'done';
  at: number;
  run?: number;
}

export interface MonteCarloResult {
  /** Every run's rows, by run index: hand to summariseRuns, or to pairedDiff with another scenario's. */
  runs: RunSet;
  /** How many threads did the runs. */
  workers: number;
  /** With `keep`: each run's part, by run index. */
  kept?: LaPart[];
}

/** Messages to a worker: placement choice's fit (when it was not in the thread's data), or do runs from..to−1. */
export type ToWorker = { kind: 'choice'; choice: PreparedChoice | null } | { kind: 'runs'; from: number; to: number };

/** Messages from a worker. `rows` comes with a worker's first run only. */
export type FromWorker =
  | { kind: 'ready' }
  | { kind: 'run'; run: number; rows: RowKey[] | null; values: Float64Array; kept?: LaPart }
  | { kind: 'idle' }
  | { kind: 'error'; error: { name: string; message: string; stack: string; problems: Problem[] | null } };

export function defaultWorkers(runs: number): number {
  return Math.max(1, Math.min(os.availableParallelism(), runs));
}

/**
 * The most threads a run uses, whatever --workers asks: twice the cores (more threads than cores
 * only share them, and each holds its own copy of the dataset), and never more than the runs.
 */
export function maxWorkers(runs: number): number {
  return Math.max(1, Math.min(2 * os.availableParallelism(), runs));
}

export async function runMonteCarlo(opts: MonteCarloOptions): Promise<MonteCarloResult> {
  const { runs: total } = opts;
  if (!Number.isSafeInteger(total) || total < 1) throw new UsageError(`--runs: expected a whole number of runs, 1 or more, found ${total}`);
  if (!Number.isSafeInteger(opts.seed)) throw new UsageError(`--seed: expected a whole number, found ${opts.seed}`);
  const workers = Math.min(opts.workers ?? defaultWorkers(total), maxWorkers(total));
  if (!Number.isSafeInteger(workers) || workers < 1) throw new UsageError(`--workers: expected a whole number of threads, 1 or more, found ${opts.workers}`);
  const inputs: RunInputs =
    'dataset' in opts
      ? { dataset: opts.dataset, scenario: opts.scenario }
      : { dataDir: opts.dataDir, scenarioRef: opts.scenarioRef, scenariosDir: opts.scenariosDir };
  const spec: RunSpec = {
    ...inputs,
    seed: opts.seed,
    level: opts.level,
    ...(opts.horizonTo === undefined ? {} : { horizonTo: opts.horizonTo }),
    ...(opts.pricesYear === undefined || opts.pricesYear === null ? {} : { pricesYear: opts.pricesYear }),
    ...(opts.points ? { points: opts.points } : {}),
    ...(opts.keep ? { keep: opts.keep } : {}),
  };
  const given = opts.choice;
  const fit = typeof given === 'function' ? given : async (): Promise<PreparedChoice | null> => given ?? null;
  const values = new Array<Float64Array>(total);
  const kept = opts.keep ? new Array<LaPart>(total) : undefined;
  const rows =
    workers === 1
      ? await runHere(spec, fit, total, values, kept, opts.onProgress)
      : await runInWorkers(spec, fit, total, workers, values, kept, opts.onProgress, opts.onTimeline);
  return { runs: { rows, values }, workers, ...(kept ? { kept } : {}) };
}

async function runHere(
  spec: RunSpec,
  fit: () => Promise<PreparedChoice | null>,
  total: number,
  values: Float64Array[],
  kept: LaPart[] | undefined,
  onProgress?: (done: number, total: number) => void,
): Promise<RowKey[]> {
  const choice = await fit();
  const runOne = await prepareRuns(choice ? { ...spec, choice } : spec);
  let rows: RowKey[] = [];
  for (let i = 0; i < total; i++) {
    const one = runOne(i);
    if (i === 0) rows = one.rows;
    else checkRows(rows, one.rows, i);
    values[i] = one.values;
    if (kept && one.kept) kept[i] = one.kept;
    onProgress?.(i + 1, total);
  }
  return rows;
}

/**
 * The worker thread's script: bundled beside the CLI's bundle (scripts/bundle.mjs writes
 * dist/cli/mc-worker.js, a few files to read and compile), else as tsc wrote it (dist/mc/worker.js).
 */
function workerScript(): URL {
  const bundled = new URL('./mc-worker.js', import.meta.url);
  // Named from the folder above, so that the path holds both from dist/mc and from dist/cli.
  return existsSync(bundled) ? bundled : new URL('../mc/worker.js', import.meta.url);
}

function runInWorkers(
  spec: RunSpec,
  fit: () => Promise<PreparedChoice | null>,
  total: number,
  workers: number,
  values: Float64Array[],
  kept: LaPart[] | undefined,
  onProgress?: (done: number, total: number) => void,
  onTimeline?: (event: PoolEvent) => void,
): Promise<RowKey[]> {
  return new Promise((resolve, reject) => {
    const pool = new RunPool(spec, total, workers, values, kept, { resolve, reject, onProgress, onTimeline });
    pool.tell(-1, 'started');
    // This thread is one of the `workers`: it fits, then takes runs beside the others, so one fewer
    // thread starts (docs/performance.md §13).
    for (let k = 0; k < workers - 1; k++) pool.startWorker(k);
    // The threads read their modules and build the base state while this one fits.
    fit()
      .then((choice) => pool.runHere(choice))
      .catch((err: unknown) => pool.fail(err instanceof Error ? err : new Error(String(err))));
  });
}

interface PoolCalls {
  resolve: (rows: RowKey[]) => void;
  reject: (err: Error) => void;
  onProgress?: (done: number, total: number) => void;
  onTimeline?: (event: PoolEvent) => void;
}

/** The runs handed out and the results gathered, for the worker threads and this one. */
class RunPool {
  private readonly threads: Worker[] = [];
  private next = 0;
  private done = 0;
  private rows: RowKey[] | null = null;
  private failed = false;

  constructor(
    private readonly spec: RunSpec,
    private readonly total: number,
    private readonly workers: number,
    private readonly values: Float64Array[],
    private readonly kept: LaPart[] | undefined,
    private readonly calls: PoolCalls,
  ) {}

  tell(thread: number, what: PoolEvent['what'], run?: number): void {
    this.calls.onTimeline?.({ thread, what, at: performance.now(), ...(run === undefined ? {} : { run }) });
  }

  fail(err: Error): void {
    if (this.failed) return;
    this.failed = true;
    for (const w of this.threads) void w.terminate();
    this.calls.reject(err);
  }

  /**
   * Guided batches: a quarter of each thread's share of the runs still to hand out (at most 16), so
   * that messages are few while much is left and the last batches are single runs, which keeps every
   * thread busy to the end (a batch of six runs at the end leaves the other thread idle for them).
   */
  private feed(w: Worker): void {
    if (this.next >= this.total) return;
    const from = this.next;
    const batch = Math.max(1, Math.min(16, Math.floor((this.total - this.next) / (this.workers * 4))));
    this.next = Math.min(this.total, this.next + batch);
    w.postMessage({ kind: 'runs', from, to: this.next } satisfies ToWorker);
  }

  /** A worker thread, which waits for the fit (a 'choice' message) once it has prepared. */
  startWorker(k: number): void {
    const w = new Worker(workerScript(), { workerData: { ...this.spec, choiceFollows: true } satisfies WorkerSpec });
    this.threads.push(w);
    w.on('message', (m: FromWorker) => {
      if (this.failed) return;
      switch (m.kind) {
        case 'ready':
          this.tell(k, 'ready');
          return;
        case 'idle':
          this.feed(w);
          return;
        case 'run':
          this.finished(k, m.run, m.rows, m.values, m.kept);
          return;
        case 'error':
          this.fail(reviveError(m.error));
          return;
      }
    });
    w.on('error', (err) => this.fail(err instanceof Error ? err : new Error(String(err))));
    w.on('exit', (code) => {
      if (!this.failed && this.done < this.total && code !== 0) this.fail(new InternalError(`a Monte Carlo worker thread stopped with exit code ${code}`));
    });
  }

  /** The fit handed to the worker threads, then runs taken one at a time in this thread, their messages read between runs. */
  async runHere(choice: PreparedChoice | null): Promise<void> {
    this.tell(-1, 'fitted');
    // Each worker thread gets its first two batches with the fit, and starts on them as soon as it
    // has prepared: this thread, in a run of its own by then, reads its messages only between runs.
    // With a batch always in hand, a thread never waits on this one.
    for (const w of this.threads) {
      w.postMessage({ kind: 'choice', choice } satisfies ToWorker);
      this.feed(w);
      this.feed(w);
    }
    const runOne = await prepareRuns(choice ? { ...this.spec, choice } : this.spec);
    this.tell(-1, 'ready');
    let first = true;
    while (!this.failed && this.next < this.total) {
      const run = this.next++;
      const one = runOne(run);
      this.finished(-1, run, first ? one.rows : null, one.values, one.kept);
      first = false;
      await new Promise<void>((r) => setImmediate(r));
    }
  }

  /** A finished run, from a worker thread or from this one (−1): stored at its index. */
  private finished(thread: number, run: number, these: RowKey[] | null, values: Float64Array, part: LaPart | undefined): void {
    if (these !== null) {
      if (this.rows === null) this.rows = these;
      else {
        try {
          checkRows(this.rows, these, run);
        } catch (err) {
          this.fail(err as Error);
          return;
        }
      }
    }
    if (this.rows !== null && values.length !== this.rows.length * METRICS.length) {
      this.fail(new InternalError(`Monte Carlo run ${run} has ${values.length / METRICS.length} rows, run 0 had ${this.rows.length}`));
      return;
    }
    this.values[run] = values;
    this.tell(thread, 'run', run);
    if (this.kept && part) this.kept[run] = part;
    this.done++;
    this.calls.onProgress?.(this.done, this.total);
    if (this.done === this.total) {
      this.tell(-1, 'done');
      for (const w of this.threads) void w.terminate();
      this.calls.resolve(this.rows!);
    }
  }
}

/** What a worker thread is handed: the runs' spec, and whether placement choice's fit follows in a message. */
export type WorkerSpec = RunSpec & { choiceFollows?: boolean };

function checkRows(first: RowKey[], these: RowKey[], run: number): void {
  const same =
    first.length === these.length &&
    first.every((a, j) => a.level === these[j].level && a.areaCode === these[j].areaCode && a.year === these[j].year && a.scenario === these[j].scenario);
  if (!same) throw new InternalError(`Monte Carlo run ${run} has different rows from the first run: every run must cover the same areas and years`);
}

/** The error a worker threw, as the class the CLI maps to an exit code. */
function reviveError(e: Extract<FromWorker, { kind: 'error' }>['error']): Error {
  let err: Error;
  if (e.problems !== null && e.name === 'ScenarioError') err = new ScenarioError(e.problems, e.message);
  else if (e.problems !== null) err = new InputError(e.problems, e.message);
  else if (e.name === 'UsageError') err = new UsageError(e.message);
  else if (e.name === 'InternalError') err = new InternalError(e.message);
  else {
    err = new Error(e.message);
    err.name = e.name;
  }
  err.stack = `${e.stack}\n    (in a Monte Carlo worker thread)`;
  return err;
}
