// What `project`, `diff` and `plan` share: their options, checked before anything is read; loading
// the dataset then the scenario(s); running the model; and sending the result to standard output or
// to a file written atomically with its provenance beside it. The command files stay thin.
//
// Monte Carlo slots in at one place: `produceRows` (one run's rows, or the summary of N runs); how
// many runs a command makes is runs.ts's `planRuns`.
import { Option, type Command } from 'commander';
import { UsageError, formatProblem } from '../errors.js';
import { DEFAULT_RUNS, MAX_RUNS, parseRuns } from './runs.js';
import { isLang, label, type Lang } from '../i18n/labels.js';
import type { Problem } from '../errors.js';
import { DEFAULT_DATA_DIR, DEFAULT_SCENARIOS_DIR } from '../io/paths.js';
import { startOfFinancialYear } from '../scenario/financial-year.js';
import { CHOICE_PARAMETERS } from '../scenario/registry.js';
import { dataWarningLines } from './data-warnings.js';
import { suggestAmong } from '../io/la-names.js';
import { checkOutputTarget, refuseToOverwriteInputs, writeFileAtomic } from '../io/atomic.js';
import { buildMeta, hashInputs, metaJson, sha256Hex, type Meta, type ScenarioProvenance } from '../io/provenance.js';
import path from 'node:path';
import { METRICS, type AreaLevel, type AreaYearRow, type Dataset, type MatchingSettings, type MetricName, type ModelScenario, type Projection } from '../model/types.js';
import type { MonteCarloRow, RunSet } from '../model/montecarlo.js';
import type { LoadedScenario } from '../scenario/load.js';
import type { AreaFilter } from './areas.js';
import type { PreparedChoice } from '../model/project.js';
import { runsNote, type RunPlan } from './runs.js';
import { financialYear } from '../io/financial-year.js';

export type { LoadedScenario } from '../scenario/load.js';

// Loaded on first use, so that `--help` and `--version` do not pay for the YAML and schema libraries.
const scenarioModule = () => import('../scenario/load.js');

// ---------------------------------------------------------------------------------------------
// Options

export type OutputFormat = 'table' | 'csv' | 'json' | 'md' | 'xlsx';

/** Options as commander hands them over (strings, before checking). */
export interface RawModelOptions {
  by: string;
  from?: string;
  to?: string;
  format?: string;
  out?: string;
  long?: boolean;
  excel?: boolean;
  metrics?: string;
  data: string;
  scenarios: string;
  runs?: string;
  seed: string;
  workers?: string;
  timestamp?: boolean;
  area?: string;
  prices?: string;
  lang: string;
  /** `project` only: each financial year a column (a budget table). */
  yearsAsColumns?: boolean;
}

/** Options once checked. */
export interface ModelOptions {
  /** The levels of the rows, in output order (wales, region, la), each once. */
  by: AreaLevel[];
  from: number | null;
  to: number | null;
  format: OutputFormat;
  out: string | null;
  long: boolean;
  excel: boolean;
  /** The metrics asked for, in the order asked; null = the default (all in files, the key ones on screen). */
  metrics: MetricName[] | null;
  data: string;
  scenarios: string;
  /** --runs as given; null when not given (100 for a random scenario: runs.ts). */
  runs: number | null;
  seed: number;
  workers: number | null;
  timestamp: boolean;
  /** --area as given (resolved against the dataset by resolveAreas), or null for every area. */
  area: string | null;
  /** --prices: money in constant prices of this financial year; null = cash. */
  prices: number | null;
  /** Language of the terminal table's labels and area names (files never change with it). */
  lang: Lang;
  /** `--years-as-columns`: CSV or xlsx with each financial year a column, each row one area and metric. */
  yearsAsColumns: boolean;
}

const LEVELS = ['wales', 'region', 'la'] as const;

/** The options of `project` and `diff` (docs/model.md §2). */
export function addModelOptions(cmd: Command, defaults: { by: string } = { by: 'region' }): Command {
  return cmd
    .addOption(new Option('--by <levels>', 'level of the rows: wales, region or la, or several (wales,region,la)').default(defaults.by))
    .addOption(new Option('--area <list>', 'only these areas: LAs (code, English or Welsh name) and regions (slug or name), comma separated'))
    .addOption(new Option('--prices <year>', "money in constant prices of YEAR (real terms), deflated by the scenario's deflator (default: cash)"))
    .addOption(new Option('--from <year>', 'first year shown (the base row is year B-1)'))
    .addOption(new Option('--to <year>', "last year shown (default: the scenario's horizon)"))
    .addOption(new Option('--format <format>', 'table, csv, json or xlsx (default: table on a terminal, CSV when piped; by --out ending .csv, .json, .xlsx)'))
    .addOption(new Option('--out <file>', 'write to FILE (and FILE.meta.json) instead of standard output'))
    .addOption(new Option('--long', 'CSV in long (tidy) form: one row per area, year and metric'))
    .addOption(new Option('--excel', 'CSV for Excel: UTF-8 byte-order mark and CRLF line ends'))
    .addOption(new Option('--metrics <list>', 'only these metrics, comma separated (default: every metric in files, the key ones on screen)'))
    .addOption(runsOption())
    .addOption(new Option('--seed <n>', 'seed of the Monte Carlo draws').default('1'))
    .addOption(new Option('--workers <n>', 'worker threads for Monte Carlo runs (default: one per CPU)'))
    .addOption(dataOption())
    .addOption(scenariosOption())
    .addOption(new Option('--timestamp', 'record the time of the run in the provenance (outputs then differ run to run)'))
    .addOption(new Option('--lang <lang>', 'language of the table: en or cy (Welsh); CSV and JSON never change').default('en'));
}

/** --runs, for every command that makes runs (bounded: runs.ts MAX_RUNS). */
export function runsOption(): Option {
  return new Option('--runs <n>', `runs of a random scenario: the figures are their means, with p10-p90 (default ${DEFAULT_RUNS}; 1 = one draw at central values; at most ${MAX_RUNS})`);
}

export function dataOption(): Option {
  return new Option('--data <dir>', 'dataset folder (a data package)').default(DEFAULT_DATA_DIR, 'the embedded Wales data, data/wales');
}

export function scenariosOption(): Option {
  return new Option('--scenarios <dir>', 'folder of scenarios').default(DEFAULT_SCENARIOS_DIR, "the project's scenarios/");
}

export function parseModelOptions(raw: RawModelOptions, isTty: boolean): ModelOptions {
  const by = parseLevels(raw.by);
  const long = raw.long === true;
  const excel = raw.excel === true;
  const out = outputPath(raw.out);
  const yearsAsColumns = raw.yearsAsColumns === true;
  const format = resolveFormat(raw.format, out, long || excel || yearsAsColumns, isTty, ['table', 'csv', 'json', 'xlsx']);
  if (format !== 'csv' && long) throw new UsageError(`--long applies to CSV output, not ${format} (JSON is always in long form)`);
  if (yearsAsColumns && format !== 'csv' && format !== 'xlsx') throw new UsageError(`--years-as-columns applies to CSV and xlsx output, not ${format}`);
  if (yearsAsColumns && long) throw new UsageError('--years-as-columns and --long are two shapes of the same CSV: choose one');
  if (format !== 'csv' && excel) throw new UsageError(`--excel applies to CSV output, not ${format}`);
  refuseWorkbookToTerminal(format, out, isTty);
  const runs = parseRuns(raw.runs);
  if (!isLang(raw.lang)) throw new UsageError(`--lang: expected en or cy, found "${raw.lang}"`);
  return {
    by,
    from: raw.from === undefined ? null : parseYear('--from', raw.from),
    to: raw.to === undefined ? null : parseYear('--to', raw.to),
    format,
    out,
    long,
    excel,
    metrics: raw.metrics === undefined ? null : parseMetrics(raw.metrics),
    data: raw.data,
    scenarios: raw.scenarios,
    runs,
    seed: parseCount('--seed', raw.seed, 0),
    workers: raw.workers === undefined ? null : parseCount('--workers', raw.workers, 1),
    timestamp: raw.timestamp === true,
    area: raw.area ?? null,
    prices: raw.prices === undefined ? null : parseYear('--prices', raw.prices),
    lang: raw.lang,
    yearsAsColumns,
  };
}

/** `--by region` or several levels, `--by wales,region,la`: always given back in that order, each once. */
export function parseLevels(text: string): AreaLevel[] {
  const names = text.split(',').map((s) => s.trim().toLowerCase());
  for (const n of names) {
    if (!(LEVELS as readonly string[]).includes(n)) {
      throw new UsageError(`--by: expected wales, region or la (or several, comma separated: wales,region,la), found "${n}"${hint(n, LEVELS)}`);
    }
  }
  return LEVELS.filter((l) => names.includes(l));
}

/** A workbook is bytes: on a terminal they would be noise (and can upset it), so ask for a file. */
export function refuseWorkbookToTerminal(format: OutputFormat, out: string | null, isTty: boolean): void {
  if (format === 'xlsx' && out === null && isTty) {
    throw new UsageError('--format xlsx writes an Excel workbook, which a terminal cannot show: add --out FILE.xlsx (or redirect standard output to a file)');
  }
}

/** How the options name the levels in the provenance: `region`, or `wales,region` for several. */
export const levelsText = (levels: readonly AreaLevel[]): string => levels.join(',');

/** Which prices the money figures are in, in words for titles, provenance and the workbook. */
export function pricesText(prices: number | null): string {
  return prices === null ? 'cash (each year in its own prices)' : `constant ${financialYear(prices)} prices (real terms, deflated by the scenario's deflator)`;
}

/**
 * --format if given; else by --out's ending (.json is JSON, .md Markdown where allowed, anything else
 * CSV); else CSV when CSV-only flags are given or standard output is not a terminal; else a table.
 */
export function resolveFormat(
  given: string | undefined,
  out: string | null,
  csvOnlyFlags: boolean,
  isTty: boolean,
  allowed: readonly OutputFormat[],
): OutputFormat {
  if (given !== undefined) {
    if (!(allowed as readonly string[]).includes(given)) {
      throw new UsageError(`--format: expected ${listOr(allowed)}, found "${given}"${hint(given, allowed)}`);
    }
    return given as OutputFormat;
  }
  if (out !== null) {
    const lower = out.toLowerCase();
    if (lower.endsWith('.xlsx')) {
      if (allowed.includes('xlsx')) return 'xlsx';
      throw new UsageError(`--out ${out}: this command writes no Excel workbook (formats: ${listOr(allowed)})`);
    }
    if (lower.endsWith('.json') && allowed.includes('json')) return 'json';
    if (lower.endsWith('.md') && allowed.includes('md')) return 'md';
    return 'csv';
  }
  if (csvOnlyFlags || !isTty) return 'csv';
  return 'table';
}

/**
 * Tells the user on standard error what the options will not do as they might expect: --to past the
 * scenario's horizon (the years beyond it repeat each parameter's last value). What --runs does for a
 * scenario with nothing random is runs.ts's noteRuns.
 */
export function noteOptionWarnings(loaded: readonly LoadedScenario[], opts: { to: number | null }): void {
  for (const s of loaded) {
    if (opts.to !== null && opts.to > s.horizon.to) {
      process.stderr.write(
        `sufficiency: warning: --to ${opts.to} runs past scenario ${s.name}'s horizon (${s.horizon.to}): the years after it keep each parameter's last value\n`,
      );
    }
  }
}

/** Resolves --area against the dataset's LAs and regions (null when not given). */
export async function resolveAreas(area: string | null, dataset: Dataset): Promise<AreaFilter | null> {
  if (area === null) return null;
  const { areasOf } = await import('../model/aggregate.js');
  const { parseAreas } = await import('./areas.js');
  return parseAreas(area, dataset, areasOf(dataset, 'region'));
}

export function parseMetrics(text: string): MetricName[] {
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (names.length === 0) throw new UsageError('--metrics: expected one or more metric names, comma separated');
  const out: MetricName[] = [];
  for (const n of names) {
    if (!(METRICS as readonly string[]).includes(n)) {
      const close = suggestAmong(n, METRICS);
      throw new UsageError(`--metrics: unknown metric "${n}"${close ? `: ${close}` : ''} (metrics: ${METRICS.join(', ')})`);
    }
    if (!out.includes(n as MetricName)) out.push(n as MetricName);
  }
  return out;
}

/** Years a flag may name: those a scenario may date a value by (src/scenario: 1900 to 2200). */
export const YEAR_BOUNDS = { min: 1900, max: 2200 } as const;

/** A year as `2027` or `2027-28` (the financial year starting in 2027), from 1900 to 2200. */
export function parseYear(flag: string, text: string): number {
  const t = text.trim();
  const inBounds = (y: number): number => {
    if (y < YEAR_BOUNDS.min || y > YEAR_BOUNDS.max) {
      throw new UsageError(`${flag}: expected a year from ${YEAR_BOUNDS.min} to ${YEAR_BOUNDS.max}, found "${text}"`);
    }
    return y;
  };
  const plain = /^(\d{4})$/.exec(t);
  if (plain) return inBounds(Number(plain[1]));
  const fy = startOfFinancialYear(t);
  if (fy !== null) {
    if ('problem' in fy) throw new UsageError(`${flag}: ${fy.problem}`);
    return inBounds(fy.year);
  }
  throw new UsageError(`${flag}: expected a year such as 2027 or 2027-28, found "${text}"`);
}

export function parseCount(flag: string, text: string, min: number): number {
  const t = text.trim();
  if (!/^\d+$/.test(t) || Number(t) < min || !Number.isSafeInteger(Number(t))) {
    throw new UsageError(`${flag}: expected a whole number${min > 0 ? ` of at least ${min}` : ''}, found "${text}"`);
  }
  return Number(t);
}

function hint(text: string, options: readonly string[]): string {
  const s = suggestAmong(text, options);
  return s ? `: ${s}` : '';
}

const listOr = (xs: readonly string[]): string => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}`);

// ---------------------------------------------------------------------------------------------
// Inputs

export interface Inputs {
  dataset: Dataset;
  dataWarnings: Problem[];
  /** Every file read: the dataset's and the scenarios' (absolute paths). */
  files: string[];
  scenarios: LoadedScenario[];
  dataDir: string;
  scenariosDir: string;
  /**
   * Placement choice's last calibration in this command (docs/model.md §4.3: once per dataset and scenario):
   * the table, the provenance, the Monte Carlo threads and the second scenario of a diff whose
   * calibration inputs are the same all use it rather than fitting again (each fit is ~0.3-0.5 s).
   */
  choice: { held?: PreparedChoice };
}

/** Loads the dataset, then each scenario against it. Invalid input throws InputError (exit 3). */
export async function loadInputs(dataDir: string, scenariosDir: string, refs: readonly string[]): Promise<Inputs> {
  const { loadDatasetOrThrow } = await import('../io/dataset.js');
  const { loadScenario } = await scenarioModule();
  const { dataset, warnings, files } = await loadDatasetOrThrow(dataDir);
  const scenarios: LoadedScenario[] = [];
  for (const ref of refs) scenarios.push(await loadScenario(ref, { scenariosDir, dataset }));
  return {
    dataset,
    dataWarnings: warnings,
    files: [...files, ...scenarios.flatMap((s) => s.files)],
    scenarios,
    dataDir,
    scenariosDir,
    choice: {},
  };
}

/** Names the data's warnings on standard error (the first few; validate lists them all). */
export function noteDataWarnings(inputs: Inputs): void {
  for (const line of dataWarningLines(inputs.dataWarnings)) process.stderr.write(`${line}\n`);
}

/**
 * Prints each scenario warning on standard error, one line each, as
 * `sufficiency: warning: FILE:LINE:COLUMN: path: message` (e.g. a regional home whose host the
 * dataset leaves out). A warning two scenarios share (both extend the file that wrote it) is
 * printed once.
 */
export function noteScenarioWarnings(inputs: Inputs): void {
  for (const line of scenarioWarnings(inputs)) process.stderr.write(`sufficiency: warning: ${line}\n`);
}

/** The scenarios' warnings as FILE:LINE:COLUMN lines, each once (a file that several extend warns once). */
function scenarioWarnings(inputs: Inputs): string[] {
  return [...new Set(inputs.scenarios.flatMap((s) => s.warnings.map((p) => formatProblem({ ...p, severity: 'error' }))))];
}

export interface YearRange {
  from: number;
  to: number;
}

/**
 * The years shown: by default the scenario's horizon (`horizon.from`, else the base row B−1, to
 * `horizon.to`). --to beyond the horizon runs the model further (each parameter keeps its last
 * value); --from before the base row or after --to is a usage error. The model itself always starts
 * from the base year.
 */
export function resolveYears(opts: { from: number | null; to: number | null }, baseYear: number, horizon: { from: number | null; to: number }): YearRange {
  const first = baseYear - 1;
  const to = opts.to ?? horizon.to;
  // A scenario's own first year gives way to an earlier --to rather than making an empty range.
  const from = opts.from ?? (horizon.from !== null && horizon.from <= to ? horizon.from : first);
  if (from < first) {
    throw new UsageError(`--from ${from}: the data's base date is 31 March ${baseYear}, so the first row is year ${first} (the base state)`);
  }
  if (to < first) throw new UsageError(`--to ${to}: the data's base date is 31 March ${baseYear}, so the first row is year ${first}`);
  if (from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
  return { from, to };
}

/** The years two scenarios both cover: the later first year (the base row counts as earliest) and the earlier last year. */
export function commonHorizon(a: { from: number | null; to: number }, b: { from: number | null; to: number }): { from: number | null; to: number } {
  const from = a.from === null ? b.from : b.from === null ? a.from : Math.max(a.from, b.from);
  return { from, to: Math.min(a.to, b.to) };
}

// ---------------------------------------------------------------------------------------------
// Running the model

export type Rows =
  | { kind: 'deterministic'; rows: AreaYearRow[]; projection: Projection; scenario: ModelScenario }
  | { kind: 'monte-carlo'; rows: MonteCarloRow[]; runs: number };

/** The deterministic scenario (distributions at their central value), run to `horizonTo`. */
export async function modelScenario(inputs: Inputs, loaded: LoadedScenario, horizonTo: number, seed = 1): Promise<ModelScenario> {
  const { deterministicScenario } = await import('../scenario/resolve.js');
  // The deterministic run is run 0 of --seed: the seed picks which whole services exit (docs/model.md §4.3).
  const scenario = deterministicScenario(loaded, inputs.dataset, seed);
  return { ...scenario, horizonTo: Math.max(horizonTo, scenario.horizonTo) };
}

/**
 * Every Monte Carlo run of one scenario at one level, spread over worker threads, with progress on
 * standard error when it is a terminal. Run i draws from streams keyed by (seed, i), so two
 * scenarios run with the same seed share their draws, which is what a paired diff needs.
 */
export async function monteCarloRuns(
  inputs: Inputs,
  loaded: LoadedScenario,
  level: AreaLevel | readonly AreaLevel[],
  years: YearRange,
  mc: { runs: number; seed: number; workers: number | null; prices?: number | null },
): Promise<{ runs: RunSet }> {
  const { runMonteCarlo } = await import('../mc/worker-pool.js');
  const { terminalProgress } = await import('../mc/progress.js');
  return runMonteCarlo({
    dataset: inputs.dataset,
    scenario: loaded,
    level,
    horizonTo: years.to,
    runs: mc.runs,
    seed: mc.seed,
    workers: mc.workers,
    pricesYear: mc.prices ?? null,
    // The deterministic run's calibration, handed to every thread: a run fits again only if it draws other calibration inputs.
    choice: await preparedChoice(inputs, loaded),
    onProgress: terminalProgress(loaded.name),
  });
}

/**
 * The rows of one scenario at the levels asked for (in that order), for the years and areas shown,
 * money in the prices asked for: the deterministic run, or with --runs N > 1 the Monte Carlo summary.
 */
export async function produceRows(
  inputs: Inputs,
  loaded: LoadedScenario,
  levels: readonly AreaLevel[],
  years: YearRange,
  mc: { runs: number; seed: number; workers: number | null; prices: number | null },
  areas: AreaFilter | null = null,
): Promise<Rows> {
  const keep = await rowFilter(inputs.dataset, years, areas);
  if (mc.runs > 1) {
    const { runs } = await monteCarloRuns(inputs, loaded, levels, years, mc);
    const { summariseRuns } = await import('../model/montecarlo.js');
    return { kind: 'monte-carlo', rows: summariseRuns(runs).filter(keep), runs: mc.runs };
  }
  const { runProjection } = await import('../model/project.js');
  const { areaRows } = await import('../model/aggregate.js');
  const scenario = await modelScenario(inputs, loaded, years.to, mc.seed);
  // Rows need only each year's tallies and places: without the year-end copies of every placement
  // group and provider (which only `plan` reads) a run allocates much less.
  const projection = runProjection(inputs.dataset, scenario, { pricesYear: mc.prices, keepPlacements: false, choice: await choiceFor(inputs, scenario) });
  const rows = levels.flatMap((l) => areaRows(projection, inputs.dataset, l)).filter(keep);
  return { kind: 'deterministic', rows, projection, scenario };
}

/** Whether a row is in the years shown and, with --area, among the areas kept (areas.ts says how). */
export async function rowFilter(dataset: Dataset, years: YearRange, areas: AreaFilter | null): Promise<(r: { year: number; level: AreaLevel; areaCode: string }) => boolean> {
  const inRange = (r: { year: number }): boolean => r.year >= years.from && r.year <= years.to;
  if (areas === null) return inRange;
  const { areasOf } = await import('../model/aggregate.js');
  const { keepArea } = await import('./areas.js');
  const regionOf = new Map(dataset.localAuthorities.map((l) => [l.code, l.region]));
  const lasOf = new Map(areasOf(dataset, 'region').map((a) => [a.code, a.laCodes]));
  return (r) => inRange(r) && keepArea(areas, r.level, r.areaCode, lasOf.get(r.areaCode) ?? [], (la) => regionOf.get(la) ?? '');
}

/** Model warnings (e.g. a for-profit opening refused under the freeze), each once, in order. */
export function modelWarnings(projection: Projection): string[] {
  return [...new Set(projection.years.flatMap((y) => y.warnings))];
}

// ---------------------------------------------------------------------------------------------
// Provenance and output

export function scenarioProvenance(s: LoadedScenario, choice: PreparedChoice | null = null): ScenarioProvenance {
  const out: ScenarioProvenance = {
    name: s.name,
    title: s.title,
    parameter_hash: s.hash,
    assumptions: s.assumptions as unknown[],
    parameters: s.parameters as unknown[],
  };
  if (choice !== null) out.placement_choice = choiceProvenance(choice);
  return out;
}

/**
 * Placement choice's parameters as the provenance records them: per market type β (per km), α and γ,
 * and under calibration the targets of the calibration year and the values reached.
 */
function choiceProvenance(c: PreparedChoice): Record<string, unknown> {
  // Every digit: set by hand (`calibrate: false`) the fitted values give back the same run exactly
  // (a test holds it), where values cut to a few figures could tip a near-tied rounding somewhere.
  const types = Object.fromEntries(
    Object.entries(c.params).map(([type, p]) => {
      const fit = c.fitted[type as keyof typeof c.fitted];
      // Named as the scenario names them (the registry's rows), so that a value can be copied back by hand.
      const entry: Record<string, unknown> = Object.fromEntries(CHOICE_PARAMETERS.map(({ name, param }) => [name, p[param]]));
      if (fit !== undefined) {
        entry.target = { outside_wales: fit.target.outsideWales, mean_distance_km_in_wales: fit.target.meanKm, placed_in_own_la: fit.target.ownLa };
        entry.reached = { outside_wales: fit.reached.outsideWales, mean_distance_km_in_wales: fit.reached.meanKm, placed_in_own_la: fit.reached.ownLa };
      }
      return [type, entry];
    }),
  );
  // Targets missed by a child or two (under 1%) are notes here rather than warnings on every run.
  const notes = Object.values(c.fitted).flatMap((f) => f?.notes ?? []);
  return { calibrated: c.calibrated, by_type: types, warnings: c.warnings, ...(notes.length > 0 ? { notes } : {}) };
}

/** Placement choice's parameters for the deterministic run of a scenario, or null when it matches by least distance. */
export async function preparedChoice(inputs: Inputs, loaded: LoadedScenario): Promise<PreparedChoice | null> {
  if ((loaded.spec.matching as MatchingSettings | undefined)?.method !== 'choice') return null;
  const { deterministicScenario } = await import('../scenario/resolve.js');
  return choiceFor(inputs, deterministicScenario(loaded, inputs.dataset));
}

/** Placement choice's parameters for one model scenario: the calibration held by the command when its inputs are the same. */
export async function choiceFor(inputs: Inputs, scenario: ModelScenario): Promise<PreparedChoice | null> {
  if (scenario.matching?.method !== 'choice') return null;
  const { prepareChoice } = await import('../model/project.js');
  const choice = prepareChoice(inputs.dataset, scenario, inputs.choice.held);
  if (choice !== null) inputs.choice.held = choice;
  return choice;
}

/** What the table's notes say of the matching, or null under the least-distance rules. */
export function matchingNote(loaded: LoadedScenario, lang: Lang = 'en'): string | null {
  const m = loaded.spec.matching as MatchingSettings | undefined;
  if (m === undefined || m.method !== 'choice') return null;
  return label(lang, m.calibrate ? 'table.choiceCalibrated' : 'table.choiceByHand');
}

export async function makeMeta(
  inputs: Inputs,
  command: string,
  options: Meta['options'],
  plan: RunPlan,
  warnings: string[],
  timestamp: boolean,
): Promise<Meta> {
  const scenarios: ScenarioProvenance[] = [];
  for (const s of inputs.scenarios) scenarios.push(scenarioProvenance(s, await preparedChoice(inputs, s)));
  return buildMeta({
    command,
    scenarios,
    options,
    runs: plan.runs,
    seed: plan.seed,
    random: plan.random,
    // In English whatever --lang: the provenance is read by the same people and tools as the CSV.
    figures: runsNote('en', plan),
    inputs: await hashInputs(inputs.files, { dataDir: inputs.dataDir, scenariosDir: inputs.scenariosDir }),
    // The provenance records why a run differs from its scenario as written (rows left out), too.
    warnings: [...scenarioWarnings(inputs), ...warnings],
    timestamp,
  });
}

/** --out as given: `-` (or no --out) is standard output, null; a path is checked before anything is read. */
export function outputPath(given: string | undefined): string | null {
  if (given === undefined || given === '-') return null;
  if (given.trim() === '') throw new UsageError('--out: expected a file name, or - for standard output');
  checkOutputTarget(given);
  checkOutputTarget(metaPath(given));
  return given;
}

/** Refuses, before any work is done, an --out that would overwrite an input file. */
export function checkOutputPath(out: string | null, inputs: Inputs): void {
  if (out === null) return;
  refuseToOverwriteInputs([out, metaPath(out)], inputs.files);
}

export const metaPath = (out: string): string => `${out}.meta.json`;

/** Writes the result to standard output, or to --out (atomically) with FILE.meta.json beside it. */
export async function emit(text: string | Uint8Array, out: string | null, meta: Meta | null): Promise<void> {
  if (out === null) {
    process.stdout.write(text);
    return;
  }
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  await writeFileAtomic(out, bytes);
  // The sidecar names the file it describes and its SHA-256 (docs/model.md §6), so that a sidecar left from
  // another run, or a file edited since, is detected. It is written second: a run stopped between
  // the two leaves an old sidecar whose hash does not match.
  if (meta !== null) await writeFileAtomic(metaPath(out), metaJson({ ...meta, output: { path: path.basename(out), sha256: sha256Hex(bytes) } }));
  process.stderr.write(`sufficiency: wrote ${out}${meta !== null ? ` and ${metaPath(out)}` : ''}\n`);
}

/** Whether standard output is a terminal (tests and pipes: no). */
export const stdoutIsTty = (): boolean => process.stdout.isTTY === true;
