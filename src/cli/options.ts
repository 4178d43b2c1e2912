// The options `project`, `diff` and `report` share, checked before anything is read: the levels and
// years shown, the format and where the output goes, the metrics, the runs and the language
// (docs/model.md §2). A bad option is a usage error (exit 2) that names the flag, what it expects
// and what it found.
import { Option, type Command } from 'commander';
import { UsageError } from '../errors.js';
import { DEFAULT_RUNS, MAX_RUNS, parseRuns } from './runs.js';
import { isLang, type Lang } from '../i18n/labels.js';
import { DEFAULT_DATA_DIR, DEFAULT_SCENARIOS_DIR } from '../common/paths.js';
import { startOfFinancialYear } from '../scenario/financial-year.js';
import { suggestAmong } from '../common/la-names.js';
import { METRICS, type AreaLevel, type MetricName } from '../model/types.js';
import { financialYear } from '../io/financial-year.js';
import { outputPath } from './emit.js';

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
