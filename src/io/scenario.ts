// Scenarios (SPEC.md section 5): YAML files of dated parameters, checked whole before anything runs.
//
//   listScenarios(dir)                      the scenarios of a folder, by name
//   loadScenario(ref, {scenariosDir, dataset})
//                                           reads the file and everything it `extends`, merges, checks
//                                           against the dataset, and throws a ScenarioError listing
//                                           every problem as FILE:LINE:COLUMN: path: message
//   resolveScenario(loaded, dataset, draw)  the ModelScenario of one run, each distribution drawn
//   deterministicScenario(loaded, dataset)  the same with every distribution at its central value
//
// The full schema, its defaults and the canonical draw order are in docs/scenarios.md.
import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ScenarioError, type Problem } from '../errors.js';
import { centralValue, isDistribution, type Distribution } from '../model/distribution.js';
import {
  MARKET_TYPES,
  PLACEMENT_TYPES,
  SECTORS,
  type Dataset,
  type MarketType,
  type MatchingSettings,
  type ModelScenario,
  type PlacementType,
  type Sector,
  type Timeline,
  type TransitionUnit,
} from '../model/types.js';
import { makeLaResolver, regionSlug, suggestAmong, type LaName } from './la-names.js';
import {
  checkParam,
  clampToKind,
  hasDistribution,
  isParameterObject,
  isPlainObject,
  isValueWithSource,
  isYearMap,
  isYearMapObject,
  normaliseParam,
  show,
  type ParamIssue,
  type ParamKind,
  type ParamSpec,
  type Value,
} from './scenario-params.js';
import { locate, readScenarioFile, type PathSeg, type ScenarioFile } from './scenario-yaml.js';
import { WALES_LAS, WALES_REGIONS as REGIONS } from './wales-las.js';

export type { ParamSpec, Value, YearMap } from './scenario-params.js';

export interface Assumption {
  id: string;
  text: string;
  source?: string;
  owner?: string;
}

/** One parameter in force, for the assumptions log: `transitions[0].exit`, `demand.rate.2027`, ... */
export interface ParameterInForce {
  path: string;
  value: unknown;
  /** The source written beside the value (or on its row); `default` for a default; null when none given. */
  source: string | null;
}

export interface TransitionSpec {
  year: number;
  sector: Sector | null;
  placementType: MarketType | null;
  region: string | null;
  /** LA code. */
  host: string | null;
  providerId: string | null;
  exit: Value;
  convert: Value;
  /** `unit:` of the transition; null = the scenario's `transition_unit`. */
  unit: TransitionUnit | null;
}

export interface RegionalHomeSpec {
  region: string;
  /** LA code. */
  host: string;
  year: number;
  places: Value;
  sector: Sector;
  placementType: MarketType;
  reservedForRegion: boolean;
  /**
   * Set (true) when the host is a Welsh LA the dataset leaves out: the home is not modelled. The row
   * stays in the list so that the rows after it keep their index, and with it their parameter path
   * (`regional_residential[i].places`) and Monte Carlo stream. Absent otherwise, so that a scenario's
   * hash on a dataset holding every host is what it always was.
   */
  leftOut?: true;
}

/**
 * A scenario after `extends`, checking and defaults: LA names resolved to codes, sources and notes
 * set aside (they are in `parameters`), distributions kept. Plain data, so it can cross to a worker
 * thread. Its canonical JSON is what `hash` is taken over.
 */
export interface ScenarioSpec {
  horizon: { from: number | null; to: number };
  demand: { method: 'change' | 'trend'; rate: ParamSpec; rateByLa: Record<string, ParamSpec>; trendYears: number };
  mixShift: Array<{ from: PlacementType; to: PlacementType; share: ParamSpec }>;
  turnover: Record<MarketType, ParamSpec>;
  occupancy: Record<MarketType, ParamSpec>;
  /** Occupancy of the sectors a scenario names under a type (SPEC 4.3). */
  occupancyBySector: Partial<Record<MarketType, Partial<Record<Sector, ParamSpec>>>>;
  usablePlaces: 'occupancy' | 'held';
  transitionUnit: TransitionUnit;
  externalDemandRate: ParamSpec;
  policy: {
    fpGrowthFrozenFrom: number | null;
    approvalRequiredFrom: number | null;
    fpNewPlacementsEnd: number | null;
    exceptionsShare: ParamSpec;
  };
  transitions: TransitionSpec[];
  fosterWales: {
    netNewPlaces: ParamSpec;
    transfersFromFp: ParamSpec;
    netGrowthRate: ParamSpec;
    netNewPlacesByLa: Record<string, ParamSpec>;
    nationNeed: ParamSpec | null;
  };
  regionalResidential: RegionalHomeSpec[];
  outsideWales: {
    allowed: boolean;
    places: ParamSpec | null;
    distanceKm: Value;
    distanceKmByLa: Record<string, Value>;
    sector: Sector;
    pricePremium: ParamSpec;
  };
  inflation: ParamSpec;
  /**
   * The general price level's growth a year, for `--prices`; absent = the scenario's inflation
   * (absent rather than null, so that the parameter hash of a scenario without one is unchanged).
   */
  deflator?: ParamSpec;
  unplacedWeeklyCostGbp: Value | null;
  /** Absent when the scenario has no `matching` key (so a scenario's hash is what it always was). */
  matching?: MatchingSettings;
}

export interface LoadedScenario {
  /** Its own `name`, else the file's stem (never inherited). */
  name: string;
  title: string;
  description: string | null;
  /** Absolute path of the scenario file. */
  file: string;
  /** It and every file it extends, child first (for provenance hashes). */
  files: string[];
  /** `from` null = the base row and every year; `to` filled with base year + 10 when not given. */
  horizon: { from: number | null; to: number };
  assumptions: Assumption[];
  spec: ScenarioSpec;
  hasDistributions: boolean;
  parameters: ParameterInForce[];
  /** sha256 (hex) of the canonical JSON of `spec`. */
  hash: string;
  /** Non-fatal problems (e.g. a transition naming a provider the dataset lacks). */
  warnings: Problem[];
}

// ---------------------------------------------------------------------------------------------
// Defaults (docs/scenarios.md lists them; SPEC.md section 4.2 fixes 0 for rates, growth, transfers).

export const DEFAULTS = {
  horizonYears: 10,
  demandMethod: 'change' as const,
  demandRate: 0,
  trendYears: 5,
  turnover: { foster: 0.3, residential: 0.45, secure: 0.9 } as Record<MarketType, number>,
  occupancy: { foster: 0.9, residential: 0.85, secure: 0.9 } as Record<MarketType, number>,
  exceptionsShare: 0,
  netNewPlaces: 0,
  transfersFromFp: 0,
  regionalSector: 'la' as Sector,
  regionalType: 'residential' as MarketType,
  reservedForRegion: true,
  outsideAllowed: true,
  outsideDistanceKm: 150,
  outsideSector: 'fp' as Sector,
  inflation: 0,
  // Placement choice without calibration (SPEC 4.3): β per km, α and γ on the log scale. β = 0.02
  // halves a place's pull every 35 km; α = 0 weighs outside Wales as one place at its distance.
  sectorPreference: 0,
  distanceDecay: 0.02,
  outsidePull: 0,
  ownLaPull: 0,
};

// ---------------------------------------------------------------------------------------------
// Listing

/** The scenarios of a folder (every `*.yaml`), sorted by name; titles follow `extends` when a file has none. */
export async function listScenarios(dir: string): Promise<Array<{ name: string; title: string; file: string }>> {
  const entries = (await readdir(dir)).filter((f) => f.endsWith('.yaml')).sort();
  const out: Array<{ name: string; title: string; file: string }> = [];
  for (const entry of entries) {
    const file = path.resolve(dir, entry);
    const { parsed } = await readScenarioFile(file, displayPath(file)).catch(() => ({ parsed: null }));
    const data = parsed && isPlainObject(parsed.data) ? parsed.data : {};
    const name = typeof data.name === 'string' && data.name !== '' ? data.name : stem(file);
    out.push({ name, title: await titleOf(file, data, new Set([file])), file });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

async function titleOf(file: string, data: Record<string, unknown>, seen: Set<string>): Promise<string> {
  if (typeof data.title === 'string') return data.title;
  if (typeof data.extends !== 'string') return '';
  const parent = extendsTarget(file, data.extends);
  if (seen.has(parent)) return '';
  seen.add(parent);
  const { parsed } = await readScenarioFile(parent, displayPath(parent)).catch(() => ({ parsed: null }));
  return parsed && isPlainObject(parsed.data) ? titleOf(parent, parsed.data, seen) : '';
}

// ---------------------------------------------------------------------------------------------
// Loading

/** `ref` is a name (scenariosDir/<ref>.yaml) or a path to a .yaml file (it contains a `/` or ends in .yaml). */
export async function loadScenario(ref: string, opts: { scenariosDir: string; dataset: Dataset }): Promise<LoadedScenario> {
  const isPath = ref.includes('/') || ref.includes(path.sep) || ref.endsWith('.yaml') || ref.endsWith('.yml');
  const file = isPath ? path.resolve(ref) : path.resolve(opts.scenariosDir, `${ref}.yaml`);
  if (!(await isFile(file))) {
    let message = `no scenario file ${displayPath(file)}`;
    if (!isPath) {
      message = `no scenario named "${ref}" in ${displayPath(opts.scenariosDir)}`;
      const names = await listScenarios(opts.scenariosDir).then((l) => l.map((s) => s.name)).catch(() => [] as string[]);
      const hint = suggestAmong(ref, names);
      if (hint) message += `; ${hint}`;
      else if (names.length > 0) message += ` (there are: ${names.join(', ')})`;
    }
    throw new ScenarioError([{ file: displayPath(file), line: null, column: null, message, severity: 'error' }]);
  }

  // The file and everything it extends, child first.
  const chain: ScenarioFile[] = [];
  const problems: Problem[] = [];
  let current = file;
  for (;;) {
    const { parsed, problems: syntax } = await readScenarioFile(current, displayPath(current));
    problems.push(...syntax);
    if (!parsed) break;
    chain.push(parsed);
    if (!isPlainObject(parsed.data)) {
      problems.push(problemAt(parsed, [], `expected a map of scenario keys (name, title, demand, ...), found ${show(parsed.data)}`));
      break;
    }
    const ext = parsed.data.extends;
    if (ext === undefined || ext === null) break;
    if (typeof ext !== 'string' || ext === '') {
      problems.push(problemAt(parsed, ['extends'], `extends: expected the name or path of another scenario, found ${show(ext)}`));
      break;
    }
    const next = extendsTarget(current, ext);
    const cycleAt = chain.findIndex((c) => c.file === next);
    if (cycleAt >= 0) {
      const loop = [...chain.slice(cycleAt).map((c) => c.shown), displayPath(next)].join(' -> ');
      problems.push(problemAt(parsed, ['extends'], `extends: a cycle: ${loop}`));
      break;
    }
    if (!(await isFile(next))) {
      problems.push(problemAt(parsed, ['extends'], `extends: no scenario file ${displayPath(next)} for "${ext}"`));
      break;
    }
    current = next;
  }
  if (problems.length > 0) throw new ScenarioError(sortProblems(problems));

  // Merge: root first, each child over it. The name is never inherited. The assumptions log is
  // the one list that accumulates: each file's entries are checked in that file, then combined by id
  // (a child's entry replaces its parent's entry of the same id), since the parent's assumptions
  // stay in force wherever the child does not override them.
  let merged: Record<string, unknown> = {};
  const assumptionIssues: Problem[] = [];
  const byId = new Map<string, Assumption>();
  for (let i = chain.length - 1; i >= 0; i--) {
    const own = { ...(chain[i].data as Record<string, unknown>) };
    if (i > 0) delete own.name;
    if ('assumptions' in own) {
      const issues = checkAssumptions(own.assumptions);
      assumptionIssues.push(...issues.map((iss) => toProblem(iss, [chain[i]], false)));
      if (issues.length === 0) for (const a of own.assumptions as Assumption[]) byId.set(a.id, { ...a });
      delete own.assumptions;
    }
    merged = mergeScenario(merged, own) as Record<string, unknown>;
  }
  delete merged.extends;

  const single = isPlainObject(merged.mix_shift);
  if (single) merged.mix_shift = [merged.mix_shift];

  const issues = checkScenario(merged, opts.dataset);
  const found: Problem[] = [...assumptionIssues, ...issues.map((iss) => toProblem(iss, chain, single))];
  const errors = found.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new ScenarioError(sortProblems(found));

  const own = chain[0].data as Record<string, unknown>;
  const name = typeof own.name === 'string' && own.name !== '' ? own.name : stem(file);
  const { spec, parameters } = normaliseScenario(merged, opts.dataset);
  return {
    name,
    title: typeof merged.title === 'string' ? merged.title : name,
    description: typeof merged.description === 'string' ? merged.description : null,
    file,
    files: chain.map((c) => c.file),
    horizon: { from: spec.horizon.from, to: spec.horizon.to },
    assumptions: [...byId.values()],
    spec,
    hasDistributions: specHasDistributions(spec),
    parameters,
    hash: createHash('sha256').update(canonicalJson(spec)).digest('hex'),
    warnings: found.filter((p) => p.severity === 'warning'),
  };
}

/** `extends: NAME` is NAME.yaml beside the file; a value with a `/` or ending in .yaml is a path relative to it. */
function extendsTarget(from: string, ext: string): string {
  const dir = path.dirname(from);
  return ext.includes('/') || ext.endsWith('.yaml') || ext.endsWith('.yml') ? path.resolve(dir, ext) : path.resolve(dir, `${ext}.yaml`);
}

/** Maps merge deeply; lists, year maps, distributions and `{value, source}` replace; null replaces. */
export function mergeScenario(base: unknown, over: unknown): unknown {
  if (isPlainObject(base) && isPlainObject(over) && !isParameterObject(base) && !isParameterObject(over)) {
    const out: Record<string, unknown> = { ...base };
    for (const [k, v] of Object.entries(over)) out[k] = k in base ? mergeScenario(base[k], v) : v;
    return out;
  }
  return over;
}

function toProblem(iss: Issue, chain: ScenarioFile[], singleMix: boolean): Problem {
  const p = singleMix ? dropMixIndex(iss.path) : iss.path;
  const where = attribute(chain, iss.path, iss.atKey ?? false);
  return {
    file: where.file.shown,
    line: where.line,
    column: where.col,
    message: p.length > 0 ? `${pathText(p)}: ${iss.message}` : iss.message,
    severity: iss.severity ?? 'error',
  };
}

function dropMixIndex(p: PathSeg[]): PathSeg[] {
  return p[0] === 'mix_shift' && p[1] === 0 ? ['mix_shift', ...p.slice(2)] : p;
}

/** The file that wrote the value at `path`: the one reaching deepest into it, the child on a tie. */
function attribute(chain: ScenarioFile[], p: PathSeg[], atKey: boolean): { file: ScenarioFile; line: number; col: number } {
  let best: { file: ScenarioFile; depth: number; line: number; col: number } | null = null;
  for (const f of chain) {
    const at = locate(f, p, atKey);
    if (best === null || at.depth > best.depth) best = { file: f, ...at };
  }
  return best!;
}

function problemAt(f: ScenarioFile, p: PathSeg[], message: string): Problem {
  const at = locate(f, p);
  return { file: f.shown, line: at.line, column: at.col, message, severity: 'error' };
}

export function pathText(p: PathSeg[]): string {
  let s = '';
  for (const seg of p) s += typeof seg === 'number' ? `[${seg}]` : s === '' ? seg : `.${seg}`;
  return s;
}

function sortProblems(problems: Problem[]): Problem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.file < b.p.file ? -1 : a.p.file > b.p.file ? 1 : 0) || (a.p.line ?? 0) - (b.p.line ?? 0) || Number(a.p.column ?? 0) - Number(b.p.column ?? 0) || a.i - b.i)
    .map(({ p }) => p);
}

function stem(file: string): string {
  return path.basename(file).replace(/\.ya?ml$/, '');
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** As the dataset loader shows paths: relative to the working directory when inside it. */
function displayPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel === '' ? '.' : rel.startsWith('..') || path.isAbsolute(rel) ? p : rel;
}

// ---------------------------------------------------------------------------------------------
// Checking: a strict zod schema for the shape (every unknown key, wrong type and out-of-range value),
// then the checks that need the dataset or several keys at once. Both always run, so every problem
// is reported at once.

interface Issue {
  path: PathSeg[];
  message: string;
  atKey?: boolean;
  severity?: 'error' | 'warning';
}

/** Known keys of each map, by path with list indices as `[]`, for "did you mean". */
const KNOWN_KEYS = new Map<string, string[]>();

function obj<T extends z.ZodRawShape>(at: string, shape: T) {
  KNOWN_KEYS.set(at, Object.keys(shape));
  return z.strictObject(shape);
}

type Check = (v: unknown) => string | ParamIssue[] | null;

/** A leaf checked by hand, so that every message says what was expected and what was found. */
function leaf(check: Check, required = false) {
  // A required key that is missing comes back from zod as invalid_type "nonoptional" (see zodIssues).
  const schema = z.unknown().superRefine((v, ctx) => {
    if (v === undefined) return;
    const r = check(v);
    if (r === null) return;
    const list: ParamIssue[] = typeof r === 'string' ? [{ path: [], message: r }] : r;
    for (const i of list) ctx.addIssue({ code: 'custom', message: i.message, path: i.path, params: { atKey: i.atKey ?? false } });
  });
  return required ? schema : schema.optional();
}

const text: Check = (v) => (typeof v === 'string' ? null : `expected text, found ${show(v)}`);
const bool: Check = (v) => (typeof v === 'boolean' ? null : `expected true or false, found ${show(v)}`);
const year: Check = (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 1900 && v <= 2200 ? null : `expected a year such as 2027, found ${show(v)}`);
const yearOrNull: Check = (v) => (v === null ? null : year(v) === null ? null : `expected a year such as 2027 or null, found ${show(v)}`);
const oneOf =
  (options: readonly string[]): Check =>
  (v) => {
    if (typeof v === 'string' && options.includes(v)) return null;
    const hint = typeof v === 'string' ? suggestAmong(v, options) : null;
    return `expected one of ${options.join(', ')}, found ${show(v)}${hint ? `; ${hint}` : ''}`;
  };
const param =
  (kind: ParamKind, dated: boolean): Check =>
  (v) => {
    const r = checkParam(v, kind, dated);
    return r.length > 0 ? r : null;
  };
const paramOrNull =
  (kind: ParamKind, dated: boolean): Check =>
  (v) =>
    v === null ? null : param(kind, dated)(v);
/** `distance_km`: one number-parameter, or a map by LA (with an optional `default`) of them. */
const distance: Check = (v) => {
  if (isPlainObject(v) && !isParameterObject(v)) {
    const out: ParamIssue[] = [];
    for (const [k, x] of Object.entries(v)) out.push(...checkParam(x, 'count', false).map((i) => ({ ...i, path: [k, ...i.path] })));
    return out.length > 0 ? out : null;
  }
  return param('count', false)(v);
};
/** A plain number (no distribution, no year map): never below 0 unless `signed`. */
const plainNumber =
  (signed: boolean) =>
  (v: unknown): string | null =>
    typeof v === 'number' && Number.isFinite(v) && (signed || v >= 0) ? null : `expected ${signed ? 'a number' : 'a number of at least 0'}, found ${show(v)}`;
/** One plain number for every market type, or a map by market type (foster, residential, secure) of them. */
const perMarketType =
  (signed: boolean): Check =>
  (v) => {
    if (!isPlainObject(v)) return plainNumber(signed)(v);
    const out: ParamIssue[] = [];
    for (const [k, x] of Object.entries(v)) {
      if (!(MARKET_TYPES as readonly string[]).includes(k)) out.push({ path: [k], atKey: true, message: `unknown key (expected one of ${MARKET_TYPES.join(', ')})` });
      else {
        const r = plainNumber(signed)(x);
        if (r !== null) out.push({ path: [k], message: r });
      }
    }
    return out.length > 0 ? out : null;
  };
const trendYears: Check = (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 2 ? null : `expected a whole number of years of at least 2, found ${show(v)}`);

const marketShares = (at: string) =>
  obj(at, {
    foster: leaf(param('share', true)),
    residential: leaf(param('share', true)),
    secure: leaf(param('share', true)),
  }).optional();

/**
 * `occupancy.<type>`: one share-parameter, or a map by sector of them (SPEC 4.3); a sector left out
 * takes the type's default.
 */
const sectorMap = (v: unknown): v is Record<string, unknown> =>
  isPlainObject(v) && !isParameterObject(v) && Object.keys(v).length > 0 && Object.keys(v).every((k) => (SECTORS as readonly string[]).includes(k));
const occupancyParam: Check = (v) => {
  if (sectorMap(v)) {
    const out: ParamIssue[] = [];
    for (const [k, x] of Object.entries(v)) out.push(...checkParam(x, 'share', true).map((i) => ({ ...i, path: [k, ...i.path] })));
    return out.length > 0 ? out : null;
  }
  if (isPlainObject(v) && !isParameterObject(v)) {
    const bad = Object.keys(v).filter((k) => !(SECTORS as readonly string[]).includes(k));
    if (bad.length > 0 && !bad.every((k) => /^\d+$/.test(k))) {
      return bad.map((k) => {
        const hint = suggestAmong(k, SECTORS);
        return { path: [k], atKey: true, message: `expected a sector (${SECTORS.join(', ')}), a year or a parameter, found "${k}"${hint ? `; ${hint}` : ''}` };
      });
    }
  }
  return param('share', true)(v);
};

const mixShiftItem = obj('mix_shift[]', {
  from: leaf(oneOf(PLACEMENT_TYPES), true),
  to: leaf(oneOf(PLACEMENT_TYPES), true),
  share: leaf(param('share', true), true),
});

const scenarioSchema = obj('', {
  name: leaf(text),
  title: leaf(text),
  description: leaf(text),
  extends: leaf(text),
  assumptions: z.array(z.unknown()).optional(), // checked file by file (checkAssumptions)
  horizon: obj('horizon', { from: leaf(yearOrNull), to: leaf(yearOrNull) }).optional(),
  demand: obj('demand', {
    method: leaf(oneOf(['change', 'trend'])),
    rate: leaf(param('rate', true)),
    rate_by_la: z.record(z.string(), leaf(param('rate', true))).optional(),
    trend_years: leaf(trendYears),
  }).optional(),
  mix_shift: z.array(mixShiftItem).optional(),
  turnover: marketShares('turnover'),
  occupancy: obj('occupancy', {
    foster: leaf(occupancyParam),
    residential: leaf(occupancyParam),
    secure: leaf(occupancyParam),
  }).optional(),
  usable_places: leaf(oneOf(['occupancy', 'held'])),
  transition_unit: leaf(oneOf(['places', 'services'])),
  external_demand: obj('external_demand', { rate: leaf(param('rate', true)) }).optional(),
  policy: obj('policy', {
    fp_growth_frozen_from: leaf(yearOrNull),
    approval_required_from: leaf(yearOrNull),
    fp_new_placements_end: leaf(yearOrNull),
    exceptions_share: leaf(param('share', true)),
  }).optional(),
  transitions: z
    .array(
      obj('transitions[]', {
        year: leaf(year, true),
        sector: leaf(oneOf(SECTORS)),
        placement_type: leaf(oneOf(MARKET_TYPES)),
        region: leaf(text),
        host: leaf(text),
        provider_id: leaf(text),
        exit: leaf(param('share', false)),
        convert: leaf(param('share', false)),
        unit: leaf(oneOf(['places', 'services'])),
        note: leaf(text),
        source: leaf(text),
      }),
    )
    .optional(),
  foster_wales: obj('foster_wales', {
    net_new_places: leaf(param('signed', true)),
    transfers_from_fp: leaf(param('share', true)),
    net_growth_rate: leaf(param('rate', true)),
    net_new_places_by_la: z.record(z.string(), leaf(param('signed', true))).optional(),
    nation_need: leaf(paramOrNull('count', true)),
  }).optional(),
  regional_residential: z
    .array(
      obj('regional_residential[]', {
        region: leaf(text),
        host: leaf(text, true),
        year: leaf(year, true),
        places: leaf(param('count', false), true),
        sector: leaf(oneOf(SECTORS)),
        placement_type: leaf(oneOf(MARKET_TYPES)),
        reserved_for_region: leaf(bool),
        note: leaf(text),
        source: leaf(text),
      }),
    )
    .optional(),
  outside_wales: obj('outside_wales', {
    allowed: leaf(bool),
    places: leaf(paramOrNull('count', true)),
    distance_km: leaf(distance),
    sector: leaf(oneOf(SECTORS)),
    price_premium: leaf(param('share', true)),
  }).optional(),
  inflation: leaf(param('rate', true)),
  deflator: leaf(paramOrNull('rate', true)),
  unplaced_weekly_cost_gbp: leaf(paramOrNull('count', false)),
  matching: obj('matching', {
    method: leaf(oneOf(['least_distance', 'choice'])),
    calibrate: leaf(bool),
    own_la_first: leaf(bool),
    sector_preference: leaf(plainNumber(false)),
    distance_decay: leaf(perMarketType(false)),
    outside_pull: leaf(perMarketType(true)),
    own_la_pull: leaf(perMarketType(true)),
  }).optional(),
});

const assumptionsSchema = z.strictObject({
  assumptions: z.array(
    obj('assumptions[]', {
      id: leaf(text, true),
      text: leaf(text, true),
      source: leaf(text),
      owner: leaf(text),
    }),
  ),
});

/** One file's `assumptions:` list: its shape, and no id twice. */
function checkAssumptions(list: unknown): Issue[] {
  const out = zodIssues({ assumptions: list }, assumptionsSchema);
  if (Array.isArray(list)) {
    const ids = new Map<string, number>();
    list.forEach((a, i) => {
      if (!isPlainObject(a) || typeof a.id !== 'string') return;
      const before = ids.get(a.id);
      if (before !== undefined) out.push({ path: ['assumptions', i, 'id'], message: `the same id as assumptions[${before}]: "${a.id}"` });
      else ids.set(a.id, i);
    });
  }
  return out;
}

function zodIssues(merged: Record<string, unknown>, schema: z.ZodType = scenarioSchema): Issue[] {
  const r = schema.safeParse(merged);
  if (r.success) return [];
  const out: Issue[] = [];
  for (const iss of r.error.issues) {
    const p = iss.path.map((s) => (typeof s === 'number' ? s : String(s)));
    if (iss.code === 'unrecognized_keys') {
      const known = KNOWN_KEYS.get(p.map((s) => (typeof s === 'number' ? '[]' : s)).join('.').replace(/\.\[\]/g, '[]')) ?? [];
      for (const key of iss.keys) {
        const hint = suggestAmong(key, known);
        out.push({ path: [...p, key], atKey: true, message: `unknown key${hint ? `; ${hint}` : known.length > 0 ? ` (expected one of ${known.join(', ')})` : ''}` });
      }
    } else if (iss.code === 'custom') {
      out.push({ path: p, message: iss.message, atKey: Boolean((iss as { params?: { atKey?: boolean } }).params?.atKey) });
    } else if (iss.code === 'invalid_type' && valueAt(merged, p) === undefined) {
      out.push({ path: p, message: 'missing: this key is required' });
    } else if (iss.code === 'invalid_type') {
      const expected = iss.expected === 'array' ? 'a list' : iss.expected === 'object' || iss.expected === 'record' ? 'a map of keys' : iss.expected;
      out.push({ path: p, message: `expected ${expected}, found ${show(valueAt(merged, p))}` });
    } else {
      out.push({ path: p, message: iss.message });
    }
  }
  return out;
}

function valueAt(root: unknown, p: PathSeg[]): unknown {
  let v: unknown = root;
  for (const seg of p) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

/** Every problem with a merged scenario, errors and warnings. */
function checkScenario(merged: Record<string, unknown>, dataset: Dataset): Issue[] {
  return [...zodIssues(merged), ...crossChecks(merged, dataset)];
}

function central(v: unknown): number | null {
  const inner = isPlainObject(v) && 'value' in v ? v.value : v;
  if (typeof inner === 'number') return inner;
  if (isDistribution(inner)) {
    try {
      const c = centralValue(inner);
      return Number.isFinite(c) ? c : null;
    } catch {
      return null;
    }
  }
  return null;
}

function checkRegion(v: unknown, at: PathSeg[], out: Issue[]): void {
  if (typeof v !== 'string' || (REGIONS as readonly string[]).includes(v)) return;
  const slug = regionSlug(v);
  const hint = (REGIONS as readonly string[]).includes(slug) ? `did you mean "${slug}"?` : suggestAmong(v, REGIONS);
  out.push({ path: at, message: `unknown region "${v}"; ${hint ?? `expected one of ${REGIONS.join(', ')}`}` });
}

/** An LA as a scenario names it: one of the dataset's, or a Welsh LA that the dataset leaves out. */
interface ScenarioLa {
  code: string;
  nameEn: string;
  region: string;
  inDataset: boolean;
}

interface ScenarioLas {
  resolve(text: string): ScenarioLa | null;
  /** A "did you mean" among the dataset's LAs and the other Welsh LAs, or null. */
  suggest(text: string): string | null;
}

/**
 * A scenario's LA names are resolved against the dataset's LAs first, then against the 22 Welsh LAs
 * (wales-las.ts): a dataset may hold one LA or one region, and a scenario written for Wales names
 * the rest. Those rows are left out with a warning; a name that is no Welsh LA is an error.
 */
function scenarioLas(dataset: Dataset): ScenarioLas {
  const own = makeLaResolver(dataset.localAuthorities);
  const codes = new Set(dataset.localAuthorities.map((l) => l.code));
  const others = WALES_LAS.filter((l) => !codes.has(l.code));
  const wales = makeLaResolver(others);
  const every = makeLaResolver<LaName>([...dataset.localAuthorities, ...others]);
  return {
    resolve(text) {
      const la = own.resolve(text);
      if (la) return { code: la.code, nameEn: la.nameEn, region: la.region, inDataset: true };
      const w = wales.resolve(text);
      return w ? { code: w.code, nameEn: w.nameEn, region: w.region, inDataset: false } : null;
    },
    suggest: (text) => every.suggest(text),
  };
}

/**
 * The LA `v` names, or null (with an error) when it names none. A Welsh LA outside the dataset is
 * returned with a warning that says what becomes of the row: `so ${leftOut}`.
 */
function checkLa(las: ScenarioLas, v: unknown, at: PathSeg[], out: Issue[], leftOut: string, atKey = false): ScenarioLa | null {
  if (typeof v !== 'string') return null;
  const la = las.resolve(v);
  if (la) {
    if (!la.inDataset) out.push({ path: at, atKey, severity: 'warning', message: `${la.nameEn} is not in this dataset, so ${leftOut}` });
    return la;
  }
  const hint = las.suggest(v);
  out.push({ path: at, atKey, message: `unknown local authority "${v}"${hint ? `; ${hint}` : ''}` });
  return null;
}

/** Checks of an LA-keyed map: every key an LA, no LA twice. */
function checkLaKeys(las: ScenarioLas, map: unknown, at: PathSeg[], out: Issue[], leftOut: string, allow: string[] = []): void {
  if (!isPlainObject(map) || isParameterObject(map)) return;
  const seen = new Map<string, string>();
  for (const key of Object.keys(map)) {
    if (allow.includes(key)) continue;
    const la = checkLa(las, key, [...at, key], out, leftOut, true);
    if (la === null) continue;
    const before = seen.get(la.code);
    if (before !== undefined) out.push({ path: [...at, key], atKey: true, message: `the same local authority as "${before}" (${la.code})` });
    else seen.set(la.code, key);
  }
}

function crossChecks(m: Record<string, unknown>, dataset: Dataset): Issue[] {
  const out: Issue[] = [];
  const B = dataset.baseYear;
  const las = scenarioLas(dataset);
  const isYear = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

  const horizon = isPlainObject(m.horizon) ? m.horizon : {};
  if (isYear(horizon.to) && horizon.to < B) out.push({ path: ['horizon', 'to'], message: `expected a year from ${B} (the data's base year), found ${horizon.to}` });
  if (isYear(horizon.from)) {
    const to = isYear(horizon.to) ? horizon.to : B + DEFAULTS.horizonYears;
    if (horizon.from < B - 1 || horizon.from > to)
      out.push({ path: ['horizon', 'from'], message: `expected a year from ${B - 1} (the base row) to ${to} (the horizon's end), found ${horizon.from}` });
  }

  if (isPlainObject(m.demand)) checkLaKeys(las, m.demand.rate_by_la, ['demand', 'rate_by_la'], out, 'its rate is ignored');

  if (Array.isArray(m.mix_shift)) {
    m.mix_shift.forEach((s, i) => {
      if (isPlainObject(s) && typeof s.from === 'string' && s.from === s.to) out.push({ path: ['mix_shift', i, 'to'], message: `expected a type other than the "from" type, found ${s.to}` });
    });
  }

  if (Array.isArray(m.transitions)) {
    const providerIds = new Set(dataset.providers.map((p) => p.providerId));
    m.transitions.forEach((t, i) => {
      if (!isPlainObject(t)) return;
      const at: PathSeg[] = ['transitions', i];
      if (isYear(t.year) && t.year < B) out.push({ path: [...at, 'year'], message: `expected a year from ${B} (the data's base year), found ${t.year}` });
      checkRegion(t.region, [...at, 'region'], out);
      checkLa(las, t.host, [...at, 'host'], out, 'this transition matches nothing');
      if (typeof t.provider_id === 'string' && !providerIds.has(t.provider_id)) {
        const hint = suggestAmong(t.provider_id, [...providerIds]);
        out.push({ path: [...at, 'provider_id'], severity: 'warning', message: `no provider "${t.provider_id}" in the dataset, so this transition changes nothing${hint ? `; ${hint}` : ''}` });
      }
      const exit = t.exit === undefined ? 0 : central(t.exit);
      const convert = t.convert === undefined ? 0 : central(t.convert);
      const isShare = (x: number | null): x is number => x !== null && x >= 0 && x <= 1;
      if (isShare(exit) && isShare(convert) && exit + convert > 1 + 1e-9)
        out.push({ path: [...at, 'convert'], message: `expected exit + convert of at most 1, found ${exit} + ${convert} = ${round6(exit + convert)}` });
      if (typeof t.sector === 'string' && t.sector !== 'fp' && convert !== null && convert > 0)
        out.push({ path: [...at, 'convert'], message: `only for-profit places convert, but this transition is for sector ${t.sector}` });
    });
  }

  if (Array.isArray(m.regional_residential)) {
    m.regional_residential.forEach((r, i) => {
      if (!isPlainObject(r)) return;
      const at: PathSeg[] = ['regional_residential', i];
      if (isYear(r.year) && r.year < B) out.push({ path: [...at, 'year'], message: `expected a year from ${B} (the data's base year), found ${r.year}` });
      checkRegion(r.region, [...at, 'region'], out);
      const la = checkLa(las, r.host, [...at, 'host'], out, 'this home is left out');
      if (la && la.inDataset && typeof r.region === 'string' && (REGIONS as readonly string[]).includes(r.region) && la.region !== r.region)
        out.push({ path: [...at, 'region'], severity: 'warning', message: `host ${la.nameEn} is in ${la.region}, not ${r.region}: its places are reserved for ${r.region}` });
    });
  }

  if (isPlainObject(m.outside_wales)) checkLaKeys(las, m.outside_wales.distance_km, ['outside_wales', 'distance_km'], out, 'its distance is ignored', ['default']);

  if (isPlainObject(m.foster_wales)) {
    const fw = m.foster_wales;
    checkLaKeys(las, fw.net_new_places_by_la, ['foster_wales', 'net_new_places_by_la'], out, 'its places are left out');
    // SPEC 5: a nation's total on a dataset holding part of the nation would all go to the LAs it holds.
    const held = dataset.localAuthorities.length;
    if (partOfWales(dataset) && fw.net_new_places !== undefined && !isZeroParam(fw.net_new_places) && (fw.nation_need === undefined || fw.nation_need === null)) {
      out.push({
        path: ['foster_wales', 'net_new_places'],
        severity: 'warning',
        message:
          `a total for all of Wales, but this dataset holds ${held} of the ${WALES_LAS.length} Welsh LAs, so they would receive all of it; ` +
          `write foster_wales.net_new_places_by_la (a map by LA), foster_wales.net_growth_rate (a share of LA foster places a year), ` +
          `or give foster_wales.nation_need (Wales's children needing foster care) so that the total is shared by the dataset's share of it`,
      });
    }
  }

  return out;
}

/** Whether the dataset is a Welsh dataset of fewer than the 22 LAs (SPEC 5): a nation's totals then need sharing. */
function partOfWales(dataset: Dataset): boolean {
  const welsh = new Set(WALES_LAS.map((l) => l.code));
  return dataset.localAuthorities.length < WALES_LAS.length && dataset.localAuthorities.every((l) => welsh.has(l.code));
}

/** Whether a parameter as written is 0 in every year (a year map of zeros, `{ value: 0 }`). */
function isZeroParam(v: unknown): boolean {
  if (typeof v === 'number') return v === 0;
  if (isValueWithSource(v)) return isZeroParam(v.value);
  if (isYearMapObject(v)) return Object.values(v).every(isZeroParam);
  return false;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

// ---------------------------------------------------------------------------------------------
// Normalising: the checked scenario with defaults filled, LAs as codes, and the assumptions log.

function normaliseScenario(m: Record<string, unknown>, dataset: Dataset): { spec: ScenarioSpec; parameters: ParameterInForce[] } {
  const parameters: ParameterInForce[] = [];
  const las = scenarioLas(dataset);
  // Checked: every name is an LA, in the dataset or else in Wales.
  const code = (name: string): string => las.resolve(name)!.code;
  const inDataset = (name: string): boolean => las.resolve(name)!.inDataset;
  const obj = (v: unknown): Record<string, unknown> => (isPlainObject(v) ? v : {});

  const fixed = (p: string, value: unknown, given: boolean) => parameters.push({ path: p, value, source: given ? null : 'default' });
  /** A numeric parameter: its spec, and its entries in the log (one per year of a year map). */
  const numeric = (p: string, raw: unknown, dflt: number, rowSource: string | null = null): ParamSpec => {
    if (raw === undefined) {
      parameters.push({ path: p, value: dflt, source: 'default' });
      return dflt;
    }
    const { spec, sources } = normaliseParam(raw);
    if (isYearMap(spec)) {
      spec.years.forEach(([y, v], i) => parameters.push({ path: `${p}.${y}`, value: v, source: sources[i][1] ?? rowSource }));
    } else {
      parameters.push({ path: p, value: spec, source: sources[0][1] ?? rowSource });
    }
    return spec;
  };
  const single = (p: string, raw: unknown, dflt: number, rowSource: string | null = null): Value => {
    const spec = numeric(p, raw, dflt, rowSource);
    return spec as Value; // checked: these parameters take no year map
  };
  const yearOrNull = (p: string, raw: unknown): number | null => {
    fixed(p, raw ?? null, raw !== undefined);
    return (raw as number | null | undefined) ?? null;
  };

  const B = dataset.baseYear;
  const h = obj(m.horizon);
  const horizon = { from: (h.from as number | null | undefined) ?? null, to: (h.to as number | null | undefined) ?? B + DEFAULTS.horizonYears };
  fixed('horizon.from', horizon.from, h.from !== undefined);
  fixed('horizon.to', horizon.to, h.to !== undefined && h.to !== null);

  const d = obj(m.demand);
  const method = (d.method as 'change' | 'trend' | undefined) ?? DEFAULTS.demandMethod;
  fixed('demand.method', method, d.method !== undefined);
  const trendYears = (d.trend_years as number | undefined) ?? DEFAULTS.trendYears;
  if (method === 'trend') fixed('demand.trend_years', trendYears, d.trend_years !== undefined);
  const rate = numeric('demand.rate', d.rate, DEFAULTS.demandRate);
  const rateByLa: Record<string, ParamSpec> = {};
  const byLa = obj(d.rate_by_la);
  for (const key of Object.keys(byLa).filter(inDataset).sort((a, b) => cmp(code(a), code(b)))) rateByLa[code(key)] = numeric(`demand.rate_by_la.${code(key)}`, byLa[key], DEFAULTS.demandRate);

  const mixShift = (Array.isArray(m.mix_shift) ? m.mix_shift : []).map((raw, i) => {
    const s = obj(raw);
    fixed(`mix_shift[${i}]`, { from: s.from, to: s.to }, true);
    return { from: s.from as PlacementType, to: s.to as PlacementType, share: numeric(`mix_shift[${i}].share`, s.share, 0) };
  });

  const shares = (key: 'turnover' | 'occupancy') => {
    const given = obj(m[key]);
    const out = {} as Record<MarketType, ParamSpec>;
    for (const t of MARKET_TYPES) out[t] = numeric(`${key}.${t}`, given[t], DEFAULTS[key][t]);
    return out;
  };
  const turnover = shares('turnover');
  const givenOccupancy = obj(m.occupancy);
  const occupancy = {} as Record<MarketType, ParamSpec>;
  const occupancyBySector: ScenarioSpec['occupancyBySector'] = {};
  for (const t of MARKET_TYPES) {
    const v = givenOccupancy[t];
    if (!sectorMap(v)) {
      occupancy[t] = numeric(`occupancy.${t}`, v, DEFAULTS.occupancy[t]);
      continue;
    }
    // A map by sector: the sectors it names; the others keep the type's default.
    occupancy[t] = numeric(`occupancy.${t}`, undefined, DEFAULTS.occupancy[t]);
    const bySector: Partial<Record<Sector, ParamSpec>> = {};
    for (const sector of SECTORS) if (v[sector] !== undefined) bySector[sector] = numeric(`occupancy.${t}.${sector}`, v[sector], DEFAULTS.occupancy[t]);
    occupancyBySector[t] = bySector;
  }
  const usablePlaces = (m.usable_places as 'occupancy' | 'held' | undefined) ?? 'occupancy';
  fixed('usable_places', usablePlaces, m.usable_places !== undefined);
  const transitionUnit = (m.transition_unit as TransitionUnit | undefined) ?? 'places';
  fixed('transition_unit', transitionUnit, m.transition_unit !== undefined);
  const externalDemandRate = numeric('external_demand.rate', obj(m.external_demand).rate, 0);

  const pol = obj(m.policy);
  const policy = {
    fpGrowthFrozenFrom: yearOrNull('policy.fp_growth_frozen_from', pol.fp_growth_frozen_from),
    approvalRequiredFrom: yearOrNull('policy.approval_required_from', pol.approval_required_from),
    fpNewPlacementsEnd: yearOrNull('policy.fp_new_placements_end', pol.fp_new_placements_end),
    exceptionsShare: numeric('policy.exceptions_share', pol.exceptions_share, DEFAULTS.exceptionsShare),
  };

  const transitions = (Array.isArray(m.transitions) ? m.transitions : []).map((raw, i): TransitionSpec => {
    const t = obj(raw);
    const rowSource = typeof t.source === 'string' ? t.source : null;
    const row: TransitionSpec = {
      year: t.year as number,
      sector: (t.sector as Sector | undefined) ?? null,
      placementType: (t.placement_type as MarketType | undefined) ?? null,
      region: (t.region as string | undefined) ?? null,
      host: typeof t.host === 'string' ? code(t.host) : null,
      providerId: (t.provider_id as string | undefined) ?? null,
      exit: 0,
      convert: 0,
      unit: (t.unit as TransitionUnit | undefined) ?? null,
    };
    const match: Record<string, unknown> = { year: row.year };
    if (row.sector !== null) match.sector = row.sector;
    if (row.placementType !== null) match.placement_type = row.placementType;
    if (row.region !== null) match.region = row.region;
    if (row.host !== null) match.host = row.host;
    if (row.providerId !== null) match.provider_id = row.providerId;
    if (row.unit !== null) match.unit = row.unit;
    if (typeof t.note === 'string') match.note = t.note;
    parameters.push({ path: `transitions[${i}]`, value: match, source: rowSource });
    row.exit = single(`transitions[${i}].exit`, t.exit, 0, rowSource);
    row.convert = single(`transitions[${i}].convert`, t.convert, 0, rowSource);
    return row;
  });

  const fw = obj(m.foster_wales);
  const fosterWales = {
    netNewPlaces: numeric('foster_wales.net_new_places', fw.net_new_places, DEFAULTS.netNewPlaces),
    transfersFromFp: numeric('foster_wales.transfers_from_fp', fw.transfers_from_fp, DEFAULTS.transfersFromFp),
    netGrowthRate: numeric('foster_wales.net_growth_rate', fw.net_growth_rate, 0),
    netNewPlacesByLa: {} as Record<string, ParamSpec>,
    nationNeed: null as ParamSpec | null,
  };
  const fwByLa = obj(fw.net_new_places_by_la);
  for (const key of Object.keys(fwByLa).filter(inDataset).sort((a, b) => cmp(code(a), code(b))))
    fosterWales.netNewPlacesByLa[code(key)] = numeric(`foster_wales.net_new_places_by_la.${code(key)}`, fwByLa[key], 0);
  if (fw.nation_need === undefined || fw.nation_need === null) fixed('foster_wales.nation_need', null, fw.nation_need !== undefined);
  else fosterWales.nationNeed = numeric('foster_wales.nation_need', fw.nation_need, 0);

  const regionalResidential = (Array.isArray(m.regional_residential) ? m.regional_residential : []).map((raw, i): RegionalHomeSpec => {
    const r = obj(raw);
    const rowSource = typeof r.source === 'string' ? r.source : null;
    const hostLa = las.resolve(r.host as string)!;
    const host = hostLa.code;
    const region = (r.region as string | undefined) ?? hostLa.region;
    const row = {
      region,
      host,
      year: r.year as number,
      sector: (r.sector as Sector | undefined) ?? DEFAULTS.regionalSector,
      placementType: (r.placement_type as MarketType | undefined) ?? DEFAULTS.regionalType,
      reservedForRegion: (r.reserved_for_region as boolean | undefined) ?? DEFAULTS.reservedForRegion,
    };
    // A home whose host the dataset leaves out is not in force: it stays in the list (its index
    // keeps the later rows' paths) but not in the assumptions log.
    if (!hostLa.inDataset) return { ...row, places: normaliseParam(r.places).spec as Value, leftOut: true };
    const match: Record<string, unknown> = { region, host, year: row.year, sector: row.sector, placement_type: row.placementType, reserved_for_region: row.reservedForRegion };
    if (typeof r.note === 'string') match.note = r.note;
    parameters.push({ path: `regional_residential[${i}]`, value: match, source: rowSource });
    return { ...row, places: single(`regional_residential[${i}].places`, r.places, 0, rowSource) };
  });

  const ow = obj(m.outside_wales);
  const allowed = (ow.allowed as boolean | undefined) ?? DEFAULTS.outsideAllowed;
  fixed('outside_wales.allowed', allowed, ow.allowed !== undefined);
  let places: ParamSpec | null = null;
  if (ow.places === undefined || ow.places === null) fixed('outside_wales.places', null, ow.places !== undefined);
  else places = numeric('outside_wales.places', ow.places, 0);
  let distanceKm: Value = DEFAULTS.outsideDistanceKm;
  const distanceKmByLa: Record<string, Value> = {};
  const dk = ow.distance_km;
  if (isPlainObject(dk) && !isParameterObject(dk)) {
    distanceKm = single('outside_wales.distance_km', dk.default, DEFAULTS.outsideDistanceKm);
    const keys = Object.keys(dk).filter((k) => k !== 'default' && inDataset(k));
    for (const key of keys.sort((a, b) => cmp(code(a), code(b)))) distanceKmByLa[code(key)] = single(`outside_wales.distance_km.${code(key)}`, dk[key], DEFAULTS.outsideDistanceKm);
  } else {
    distanceKm = single('outside_wales.distance_km', dk, DEFAULTS.outsideDistanceKm);
  }
  const sector = (ow.sector as Sector | undefined) ?? DEFAULTS.outsideSector;
  fixed('outside_wales.sector', sector, ow.sector !== undefined);
  const pricePremium = numeric('outside_wales.price_premium', ow.price_premium, 0);

  const inflation = numeric('inflation', m.inflation, DEFAULTS.inflation);
  let unplacedWeeklyCostGbp: Value | null = null;
  if (m.unplaced_weekly_cost_gbp === undefined || m.unplaced_weekly_cost_gbp === null) fixed('unplaced_weekly_cost_gbp', null, m.unplaced_weekly_cost_gbp !== undefined);
  else unplacedWeeklyCostGbp = single('unplaced_weekly_cost_gbp', m.unplaced_weekly_cost_gbp, 0);
  // Without its own deflator a scenario states money in constant prices by its own inflation: the
  // log says so, rather than showing a number the run does not use.
  let deflator: ParamSpec | undefined;
  if (m.deflator === undefined || m.deflator === null) fixed('deflator', 'inflation', false);
  else deflator = numeric('deflator', m.deflator, 0);

  const matching = isPlainObject(m.matching) ? normaliseMatching(m.matching, fixed) : undefined;

  const spec: ScenarioSpec = {
    horizon,
    demand: { method, rate, rateByLa, trendYears },
    mixShift,
    turnover,
    occupancy,
    occupancyBySector,
    usablePlaces,
    transitionUnit,
    externalDemandRate,
    policy,
    transitions,
    fosterWales,
    regionalResidential,
    outsideWales: { allowed, places, distanceKm, distanceKmByLa, sector, pricePremium },
    inflation,
    ...(deflator === undefined ? {} : { deflator }),
    unplacedWeeklyCostGbp,
  };
  if (matching !== undefined) spec.matching = matching;
  return { spec, parameters };
}

/**
 * `matching` (SPEC 4.3) with its defaults, and its entries in the assumptions log. The hand-set
 * β, α and γ are in force only without calibration.
 */
function normaliseMatching(raw: Record<string, unknown>, fixed: (p: string, value: unknown, given: boolean) => void): MatchingSettings {
  const method = (raw.method as MatchingSettings['method'] | undefined) ?? 'least_distance';
  fixed('matching.method', method, raw.method !== undefined);
  const calibrate = method === 'choice' && ((raw.calibrate as boolean | undefined) ?? true);
  const ownLaFirst = (raw.own_la_first as boolean | undefined) ?? false;
  const sectorPreference = (raw.sector_preference as number | undefined) ?? DEFAULTS.sectorPreference;
  const byType = (key: string, dflt: number): Record<MarketType, number> => {
    const v = raw[key];
    const out = {} as Record<MarketType, number>;
    for (const t of MARKET_TYPES) out[t] = typeof v === 'number' ? v : isPlainObject(v) && typeof v[t] === 'number' ? (v[t] as number) : dflt;
    return out;
  };
  const settings: MatchingSettings = {
    method,
    calibrate,
    ownLaFirst,
    sectorPreference,
    distanceDecay: byType('distance_decay', DEFAULTS.distanceDecay),
    outsidePull: byType('outside_pull', DEFAULTS.outsidePull),
    ownLaPull: byType('own_la_pull', DEFAULTS.ownLaPull),
  };
  if (method === 'choice') {
    fixed('matching.calibrate', calibrate, raw.calibrate !== undefined);
    fixed('matching.own_la_first', ownLaFirst, raw.own_la_first !== undefined);
    fixed('matching.sector_preference', sectorPreference, raw.sector_preference !== undefined);
    if (!calibrate) {
      for (const t of MARKET_TYPES) {
        fixed(`matching.distance_decay.${t}`, settings.distanceDecay[t], raw.distance_decay !== undefined);
        fixed(`matching.outside_pull.${t}`, settings.outsidePull[t], raw.outside_pull !== undefined);
        fixed(`matching.own_la_pull.${t}`, settings.ownLaPull[t], raw.own_la_pull !== undefined);
      }
    }
  }
  return settings;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function specHasDistributions(s: ScenarioSpec): boolean {
  const params: Array<ParamSpec | null> = [
    s.demand.method === 'change' ? s.demand.rate : 0,
    ...(s.demand.method === 'change' ? Object.values(s.demand.rateByLa) : []),
    ...s.mixShift.map((x) => x.share),
    ...Object.values(s.turnover),
    ...Object.values(s.occupancy),
    ...MARKET_TYPES.flatMap((t) => Object.values(s.occupancyBySector[t] ?? {})),
    s.externalDemandRate,
    s.policy.exceptionsShare,
    ...s.transitions.flatMap((t) => [t.exit, t.convert]),
    s.fosterWales.netNewPlaces,
    s.fosterWales.transfersFromFp,
    s.fosterWales.netGrowthRate,
    ...Object.values(s.fosterWales.netNewPlacesByLa),
    s.fosterWales.nationNeed,
    ...s.regionalResidential.filter((r) => !r.leftOut).map((r) => r.places),
    s.outsideWales.places,
    s.outsideWales.distanceKm,
    ...Object.values(s.outsideWales.distanceKmByLa),
    s.outsideWales.pricePremium,
    s.inflation,
    s.unplacedWeeklyCostGbp,
    s.deflator ?? null,
  ];
  return params.some(hasDistribution);
}

/** JSON with object keys sorted at every level: the same scenario always gives the same text. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (isPlainObject(v)) {
    const keys = Object.keys(v)
      .filter((k) => v[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(v[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

// ---------------------------------------------------------------------------------------------
// Resolving: the ModelScenario of one run.

/**
 * The scenario as the model sees it, every distribution drawn by `draw(d, path)`. The draws happen
 * in one fixed, documented order (docs/scenarios.md, "Canonical draw order"), so that a Monte Carlo
 * run is reproducible:
 *
 *   demand.rate, demand.rate_by_la.<LA code> (codes ascending)          [only when method is change]
 *   mix_shift[i].share (list order)
 *   turnover.foster, .residential, .secure; occupancy.foster, .residential, .secure
 *   occupancy.<type>.<sector> (types, then sectors la, nfp, fp, in order; only those given)
 *   external_demand.rate
 *   policy.exceptions_share
 *   transitions[i].exit, transitions[i].convert (list order)
 *   foster_wales.net_new_places, foster_wales.transfers_from_fp, foster_wales.net_growth_rate,
 *   foster_wales.net_new_places_by_la.<LA code> (ascending), foster_wales.nation_need
 *   regional_residential[i].places (list order; i is the index in the file, homes left out are not drawn)
 *   outside_wales.places, outside_wales.distance_km, outside_wales.distance_km.<LA code> (ascending),
 *   outside_wales.price_premium
 *   inflation
 *   unplaced_weekly_cost_gbp
 *   deflator (only when the scenario gives its own; last, so that adding it moves no other draw)
 *
 * Within a year map the years go in ascending order and the path is `<param>.<year>`. Numbers are
 * never passed to `draw`. Draws are clamped into the parameter's range (shares to [0, 1], rates to
 * at least -1, counts to at least 0); a transition whose drawn exit + convert exceeds 1 has its
 * convert cut to 1 - exit; places (Foster Wales net growth, regional homes, the outside-Wales cap)
 * are rounded half-up to whole places after the draw.
 */
export function resolveScenario(
  loaded: LoadedScenario,
  dataset: Dataset,
  draw: (d: Distribution, path: string) => number,
  streams: { seed: number; run: number } = { seed: 1, run: 0 },
): ModelScenario {
  const s = loaded.spec;
  const value = (v: Value, p: string, kind: ParamKind): number => (typeof v === 'number' ? v : clampToKind(draw(v, p), kind));
  const whole = (x: number): number => Math.floor(x + 0.5);
  const timeline = (spec: ParamSpec, p: string, kind: ParamKind, dflt: number, round = false): Timeline => {
    const f = (x: number) => (round ? whole(x) : x);
    if (isYearMap(spec)) return { initial: f(dflt), steps: spec.years.map(([y, v]) => [y, f(value(v, `${p}.${y}`, kind))] as const) };
    return { initial: f(value(spec, p, kind)), steps: [] };
  };

  const demand: ModelScenario['demand'] =
    s.demand.method === 'trend'
      ? { method: 'trend', trendYears: s.demand.trendYears }
      : {
          method: 'change',
          rate: timeline(s.demand.rate, 'demand.rate', 'rate', DEFAULTS.demandRate),
          rateByLa: Object.fromEntries(
            Object.keys(s.demand.rateByLa)
              .sort(cmp)
              .map((c) => [c, timeline(s.demand.rateByLa[c], `demand.rate_by_la.${c}`, 'rate', DEFAULTS.demandRate)]),
          ),
        };
  const mixShift = s.mixShift.map((x, i) => ({ from: x.from, to: x.to, share: timeline(x.share, `mix_shift[${i}].share`, 'share', 0) }));
  const shares = (key: 'turnover' | 'occupancy') => {
    const out = {} as Record<MarketType, Timeline>;
    for (const t of MARKET_TYPES) out[t] = timeline(s[key][t], `${key}.${t}`, 'share', DEFAULTS[key][t]);
    return out;
  };
  const turnover = shares('turnover');
  const occupancy = shares('occupancy');
  const occupancyBySector: NonNullable<ModelScenario['occupancyBySector']> = {};
  for (const t of MARKET_TYPES) {
    const given = s.occupancyBySector[t];
    if (given === undefined) continue;
    const row: Partial<Record<Sector, Timeline>> = {};
    for (const sector of SECTORS) {
      const v = given[sector];
      if (v !== undefined) row[sector] = timeline(v, `occupancy.${t}.${sector}`, 'share', DEFAULTS.occupancy[t]);
    }
    occupancyBySector[t] = row;
  }
  const externalDemandRate = timeline(s.externalDemandRate, 'external_demand.rate', 'rate', 0);
  const policy = {
    fpGrowthFrozenFrom: s.policy.fpGrowthFrozenFrom,
    approvalRequiredFrom: s.policy.approvalRequiredFrom,
    fpNewPlacementsEnd: s.policy.fpNewPlacementsEnd,
    exceptionsShare: timeline(s.policy.exceptionsShare, 'policy.exceptions_share', 'share', DEFAULTS.exceptionsShare),
  };
  const transitions = s.transitions.map((t, i) => {
    const exit = value(t.exit, `transitions[${i}].exit`, 'share');
    const convert = Math.min(value(t.convert, `transitions[${i}].convert`, 'share'), 1 - exit);
    return { year: t.year, sector: t.sector, placementType: t.placementType, region: t.region, host: t.host, providerId: t.providerId, exit, convert, unit: t.unit };
  });
  const fosterWales = {
    netNewPlaces: timeline(s.fosterWales.netNewPlaces, 'foster_wales.net_new_places', 'signed', DEFAULTS.netNewPlaces, true),
    transfersFromFp: timeline(s.fosterWales.transfersFromFp, 'foster_wales.transfers_from_fp', 'share', DEFAULTS.transfersFromFp),
    netGrowthRate: timeline(s.fosterWales.netGrowthRate, 'foster_wales.net_growth_rate', 'rate', 0),
    netNewPlacesByLa: Object.fromEntries(
      Object.keys(s.fosterWales.netNewPlacesByLa)
        .sort(cmp)
        .map((c) => [c, timeline(s.fosterWales.netNewPlacesByLa[c], `foster_wales.net_new_places_by_la.${c}`, 'signed', 0, true)]),
    ),
    // Only a dataset holding part of the nation is cut to its share: on the whole nation the total is the total.
    nationNeed: s.fosterWales.nationNeed === null || !partOfWales(dataset) ? null : timeline(s.fosterWales.nationNeed, 'foster_wales.nation_need', 'count', 0, true),
  };
  // A home left out (its host is not in the dataset) is neither drawn nor modelled; `i` is its index
  // in the scenario's list, so the other homes keep their paths and streams.
  const regionalResidential = s.regionalResidential.flatMap((r, i) =>
    r.leftOut
      ? []
      : [
          {
            region: r.region,
            host: r.host,
            year: r.year,
            places: whole(value(r.places, `regional_residential[${i}].places`, 'count')),
            sector: r.sector,
            placementType: r.placementType,
            reservedForRegion: r.reservedForRegion,
          },
        ],
  );
  const ow = s.outsideWales;
  const outsideWales = {
    allowed: ow.allowed,
    // Before a year map's first key the cap has its default, which is no cap (Infinity), not 0 places.
    places: ow.places === null ? null : timeline(ow.places, 'outside_wales.places', 'count', Number.POSITIVE_INFINITY, true),
    distanceKm: value(ow.distanceKm, 'outside_wales.distance_km', 'count'),
    distanceKmByLa: Object.fromEntries(
      Object.keys(ow.distanceKmByLa)
        .sort(cmp)
        .map((c) => [c, value(ow.distanceKmByLa[c], `outside_wales.distance_km.${c}`, 'count')]),
    ),
    sector: ow.sector,
    pricePremium: timeline(ow.pricePremium, 'outside_wales.price_premium', 'share', 0),
  };
  const inflation = timeline(s.inflation, 'inflation', 'rate', DEFAULTS.inflation);
  const unplacedWeeklyCostGbp = s.unplacedWeeklyCostGbp === null ? null : value(s.unplacedWeeklyCostGbp, 'unplaced_weekly_cost_gbp', 'count');
  const deflator = s.deflator === undefined ? inflation : timeline(s.deflator, 'deflator', 'rate', DEFAULTS.inflation);

  return {
    name: loaded.name,
    horizonTo: s.horizon.to ?? dataset.baseYear + DEFAULTS.horizonYears,
    demand,
    mixShift,
    turnover,
    occupancy,
    occupancyBySector,
    usablePlaces: s.usablePlaces,
    transitionUnit: s.transitionUnit,
    externalDemandRate,
    orderStreams: streams,
    policy,
    transitions,
    fosterWales,
    regionalResidential,
    outsideWales,
    inflation,
    deflator,
    unplacedWeeklyCostGbp,
    ...(s.matching === undefined ? {} : { matching: s.matching }),
  };
}

/** The deterministic run's scenario: every distribution at its central value (mean of a normal or uniform, mode of a triangular). */
export function deterministicScenario(loaded: LoadedScenario, dataset: Dataset, seed = 1): ModelScenario {
  // Run 0 of the seed's streams orders the services that exit (SPEC 4.3): one draw of which go.
  return resolveScenario(loaded, dataset, (d) => centralValue(d), { seed, run: 0 });
}
