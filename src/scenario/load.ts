// Scenarios (docs/model.md §5): YAML files of dated parameters, checked whole before anything runs.
//
//   listScenarios(dir)                      the scenarios of a folder, by name
//   loadScenario(ref, {scenariosDir, dataset})
//                                           reads the file and everything it `extends`, merges, checks
//                                           against the dataset (schema.ts), and throws a ScenarioError
//                                           listing every problem as FILE:LINE:COLUMN: path: message
//
// What each parameter is, its default and its range are in registry.ts (and docs/scenarios.md);
// resolve.ts turns a loaded scenario into the ModelScenario of one run.
import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { ScenarioError, sortProblems, type Problem } from '../errors.js';
import { displayPath } from './display-path.js';
import { MARKET_TYPES, SECTORS, type Dataset } from '../model/types.js';
import { suggestAmong } from '../io/la-names.js';
import { DEFAULT_SCENARIOS_DIR } from '../io/paths.js';
import { hasDistribution, isParameterObject, isPlainObject, isSectorMap, isYearMap, normaliseParam, setAt, show, type ParamSpec } from './params.js';
import { OPTIONAL_MAPS, REGISTRY, camelPath, fieldsOf, isNumericRow, leafName, type FixedRow, type NumericRow, type Row, type When } from './registry.js';
import { checkAssumptions, checkScenario, scenarioPlaces, valueAt, type Issue, type ScenarioPlaces } from './schema.js';
import { horizonEnd, pastHorizon } from './horizon.js';
import { readFinancialYearValues } from './year-values.js';
import { locate, readScenarioFile, type PathSeg, type ScenarioFile } from './yaml.js';

export type { ParamSpec, Value, YearMap } from './params.js';

export interface Assumption {
  id: string;
  text: string;
  source?: string;
  owner?: string;
  /** The parameters it is about: when an extending scenario sets them all again, it is no longer in force. */
  covers?: string[];
}

/** One parameter in force, for the assumptions log: `transitions[0].exit`, `demand.rate.2027`, ... */
export interface ParameterInForce {
  path: string;
  value: unknown;
  /** The source written beside the value (or on its row); `default` for a default; null when none given. */
  source: string | null;
}

/**
 * A scenario after `extends`, checking and defaults, shaped by the registry: each parameter at the
 * camelCase of its path (`fosterWales.netNewPlaces`), numbers as ParamSpec (distributions kept,
 * sources set aside: they are in `parameters`), LA names resolved to codes, region names to slugs, a
 * by-LA map at `<name>ByLa`, list items as objects (an item whose LA the dataset leaves out has
 * `leftOut: true`). Plain data, so it can cross to a worker thread. Its canonical JSON is what
 * `hash` is taken over.
 */
export type ScenarioSpec = { [key: string]: unknown };

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
    out.push({ name, title: await titleOf(file, data, new Set([file]), dir), file });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

async function titleOf(file: string, data: Record<string, unknown>, seen: Set<string>, scenariosDir: string): Promise<string> {
  if (typeof data.title === 'string') return data.title;
  if (typeof data.extends !== 'string') return '';
  const parent = (await resolveExtends(file, data.extends, scenariosDir)).file;
  if (parent === null || seen.has(parent)) return '';
  seen.add(parent);
  const { parsed } = await readScenarioFile(parent, displayPath(parent)).catch(() => ({ parsed: null }));
  return parsed && isPlainObject(parsed.data) ? titleOf(parent, parsed.data, seen, scenariosDir) : '';
}

// ---------------------------------------------------------------------------------------------
// Loading

const YAML_FILE = /\.ya?ml$/i;

/** Whether a reference (`--scenario`, `extends`) is a path rather than a name. */
function isPathRef(ref: string): boolean {
  return ref.includes('/') || ref.includes(path.sep) || path.extname(ref) !== '';
}

/** `ref` is a name (scenariosDir/<ref>.yaml) or a path to a .yaml file (it contains a `/` or ends in .yaml). */
export async function loadScenario(
  ref: string,
  opts: {
    scenariosDir: string;
    dataset: Dataset;
    /**
     * How to report what the scenario needs but the dataset lacks (flows for `demand: { method:
     * flows }`): an error (the default, before a run) or a warning (`validate` checking every scenario
     * of a folder against data that some of them were not written for).
     */
    missingData?: 'error' | 'warning';
  },
): Promise<LoadedScenario> {
  const checked = await readAndCheck(ref, opts.scenariosDir, opts.dataset, opts.missingData ?? 'error');
  const { file, chain, merged, byId, found } = checked;
  const own = chain[0].data as Record<string, unknown>;
  const name = typeof own.name === 'string' && own.name !== '' ? own.name : stem(file);
  const { spec, parameters, hasDistributions } = normaliseScenario(merged, opts.dataset);
  return {
    name,
    title: typeof merged.title === 'string' ? merged.title : name,
    description: typeof merged.description === 'string' ? merged.description : null,
    file,
    files: chain.map((c) => c.file),
    horizon: spec.horizon as { from: number | null; to: number },
    assumptions: [...byId.values()],
    spec,
    hasDistributions,
    parameters,
    hash: createHash('sha256').update(canonicalJson(spec)).digest('hex'),
    warnings: found.filter((p) => p.severity === 'warning'),
  };
}

/**
 * The problems a scenario has on its own, without a dataset: syntax, `extends`, unknown keys, types,
 * ranges and the rules between keys; not its LAs, regions or years, which need the data. For
 * `validate` when the dataset itself has errors. Never throws a ScenarioError: returns its problems.
 */
export async function checkScenarioAlone(ref: string, scenariosDir: string): Promise<Problem[]> {
  try {
    return (await readAndCheck(ref, scenariosDir, null)).found;
  } catch (err) {
    if (err instanceof ScenarioError) return err.problems;
    throw err;
  }
}

interface Checked {
  file: string;
  chain: ScenarioFile[];
  merged: Record<string, unknown>;
  byId: Map<string, Assumption>;
  /** Every problem, errors and warnings (throws a ScenarioError instead when there is an error). */
  found: Problem[];
}

/** Reads the file and everything it extends, merges, checks (against the dataset when there is one). */
async function readAndCheck(ref: string, scenariosDir: string, dataset: Dataset | null, missingData: 'error' | 'warning' = 'error'): Promise<Checked> {
  const isPath = isPathRef(ref);
  const file = isPath ? path.resolve(ref) : path.resolve(scenariosDir, `${ref}.yaml`);
  // Only scenario files are read: a path to anything else is refused unread, so that no other file's
  // contents can ever be echoed in a message.
  if (isPath && !YAML_FILE.test(ref)) {
    throw new ScenarioError([{ file: displayPath(file), line: null, column: null, message: `expected a scenario name or a path to a .yaml or .yml file, found "${ref}"`, severity: 'error' }]);
  }
  if (!(await isFile(file))) {
    let message = `no scenario file ${displayPath(file)}`;
    if (!isPath) {
      message = `no scenario named "${ref}" in ${displayPath(scenariosDir)}`;
      const names = await listScenarios(scenariosDir).then((l) => l.map((s) => s.name)).catch(() => [] as string[]);
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
      // Says what was found, never what it says: the file may not be a scenario at all.
      problems.push(problemAt(parsed, [], `expected a map of scenario keys (name, title, demand, ...), found ${kindOf(parsed.data)}`));
      break;
    }
    problems.push(...readFinancialYearValues(parsed));
    const ext = parsed.data.extends;
    if (ext === undefined || ext === null) break;
    if (typeof ext !== 'string' || ext === '') {
      problems.push(problemAt(parsed, ['extends'], `extends: expected the name or path of another scenario, found ${show(ext)}`));
      break;
    }
    if (isPathRef(ext) && !YAML_FILE.test(ext)) {
      problems.push(problemAt(parsed, ['extends'], `extends: expected the name of a scenario or a path to a .yaml or .yml file, found "${ext}"`));
      break;
    }
    const { file: next, tried } = await resolveExtends(current, ext, scenariosDir);
    if (next === null) {
      const message = tried.length === 1 ? `no scenario file ${displayPath(tried[0])} for "${ext}"` : `no scenario "${ext}" (looked for ${tried.map(displayPath).join(', ')})`;
      problems.push(problemAt(parsed, ['extends'], `extends: ${message}`));
      break;
    }
    const cycleAt = chain.findIndex((c) => c.file === next);
    if (cycleAt >= 0) {
      const loop = [...chain.slice(cycleAt).map((c) => c.shown), displayPath(next)].join(' -> ');
      problems.push(problemAt(parsed, ['extends'], `extends: a cycle: ${loop}`));
      break;
    }
    current = next;
  }
  if (problems.length > 0) throw new ScenarioError(sortProblems(problems));

  // Merge: root first, each child over it. The name is never inherited. The assumptions log is
  // the one list that accumulates, holding only what is in force (docs/model.md §5): each file's entries are
  // checked in that file, then combined by id (a child's entry replaces its parent's entry of the
  // same id); an inherited entry whose `covers:` parameters the child all sets again is dropped,
  // since the child's values, not the parent's, are in force there.
  let merged: Record<string, unknown> = {};
  const assumptionIssues: Problem[] = [];
  const byId = new Map<string, Assumption>();
  for (let i = chain.length - 1; i >= 0; i--) {
    const own = { ...(chain[i].data as Record<string, unknown>) };
    if (i > 0) delete own.name;
    for (const [id, a] of byId) if (a.covers !== undefined && a.covers.length > 0 && a.covers.every((c) => valueAt(own, c.split('.')) !== undefined)) byId.delete(id);
    if ('assumptions' in own) {
      const issues = checkAssumptions(own.assumptions);
      assumptionIssues.push(...issues.map((iss) => toProblem(iss, [chain[i]], new Set())));
      if (issues.length === 0) for (const a of own.assumptions as Assumption[]) byId.set(a.id, { ...a });
      delete own.assumptions;
    }
    merged = mergeScenario(merged, own) as Record<string, unknown>;
  }
  delete merged.extends;

  // A list that may be written as its one item (`mix_shift: {from, to, share}`): messages keep the
  // path as written, without the [0].
  const single = new Set<string>();
  for (const row of REGISTRY) {
    if (row.kind !== 'list' || !row.singleItem || !isPlainObject(merged[row.path])) continue;
    merged[row.path] = [merged[row.path]];
    single.add(row.path);
  }

  const issues = checkScenario(merged, dataset, missingData);
  const horizonTo = horizonEnd(merged, dataset?.baseYear ?? null);
  if (horizonTo !== null) issues.push(...pastHorizon(merged, horizonTo));
  const found: Problem[] = sortProblems([...assumptionIssues, ...issues.map((iss) => toProblem(iss, chain, single))]);
  if (dataset !== null && found.some((p) => p.severity === 'error')) throw new ScenarioError(found);
  return { file, chain, merged, byId, found };
}

/** What a value is, without quoting it. */
function kindOf(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  if (typeof v === 'string') return 'text';
  if (Array.isArray(v)) return 'a list';
  return `a ${typeof v}`;
}

/**
 * The file that `extends: ext` in `from` names (docs/methodology.md, "Writing a scenario"): a value
 * with a `/` or ending in .yaml is a path relative to `from`; a name is NAME.yaml beside `from`, else
 * the scenario NAME of the scenarios folder, else the shipped scenario NAME, never `from` itself, so
 * that an analyst's own `central.yaml` can extend the shipped `central`. `tried` lists the files
 * looked for, for the message when none is there.
 */
export async function resolveExtends(from: string, ext: string, scenariosDir: string): Promise<{ file: string | null; tried: string[] }> {
  const dir = path.dirname(from);
  if (ext.includes('/') || YAML_FILE.test(ext)) {
    const file = path.resolve(dir, ext);
    return { file: (await isFile(file)) ? file : null, tried: [file] };
  }
  const candidates = [...new Set([dir, path.resolve(scenariosDir), DEFAULT_SCENARIOS_DIR].map((d) => path.resolve(d, `${ext}.yaml`)))].filter((f) => f !== from);
  for (const file of candidates) if (await isFile(file)) return { file, tried: candidates };
  return { file: null, tried: candidates };
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

function toProblem(iss: Issue, chain: ScenarioFile[], single: ReadonlySet<string>): Problem {
  const p = typeof iss.path[0] === 'string' && single.has(iss.path[0]) && iss.path[1] === 0 ? [iss.path[0], ...iss.path.slice(2)] : iss.path;
  const where = attribute(chain, iss.path, iss.atKey ?? false);
  return {
    file: where.file.shown,
    line: where.line,
    column: where.col,
    message: p.length > 0 ? `${pathText(p)}: ${iss.message}` : iss.message,
    severity: iss.severity ?? 'error',
  };
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

// ---------------------------------------------------------------------------------------------
// Normalising: the checked scenario with defaults filled, LAs as codes, and the assumptions log,
// all from the registry.

interface Normalised {
  spec: ScenarioSpec;
  parameters: ParameterInForce[];
  /** Whether a parameter in force is a distribution (the run is then a Monte Carlo one when asked). */
  hasDistributions: boolean;
}

/** A fixed row's value when absent (or null where null is not its own value). */
function defaultOf(row: FixedRow, dataset: Dataset, item: Record<string, unknown>, places: ScenarioPlaces): unknown {
  const d = row.default;
  if (d === undefined || d === null) return null;
  if (typeof d !== 'object') return d;
  if ('baseYearPlus' in d) return dataset.baseYear + d.baseYearPlus;
  const host = item[d.regionOf];
  return typeof host === 'string' ? (places.la(host)?.region ?? null) : null;
}

function normaliseScenario(m: Record<string, unknown>, dataset: Dataset): Normalised {
  const parameters: ParameterInForce[] = [];
  const places = scenarioPlaces(dataset);
  const spec: ScenarioSpec = {};
  let uncertain = false;
  const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

  /** A numeric parameter: its spec, and (when logged) its entries in the log, one per year of a year map. */
  const numeric = (p: string, raw: unknown, dflt: number, log: boolean, rowSource: string | null = null): ParamSpec => {
    if (raw === undefined) {
      if (log) parameters.push({ path: p, value: dflt, source: 'default' });
      return dflt;
    }
    const { spec: value, sources } = normaliseParam(raw);
    if (log) {
      if (hasDistribution(value)) uncertain = true;
      if (isYearMap(value)) value.years.forEach(([y, v], i) => parameters.push({ path: `${p}.${y}`, value: v, source: sources[i][1] ?? rowSource }));
      else parameters.push({ path: p, value, source: sources[0][1] ?? rowSource });
    }
    return value;
  };

  /** A fixed value: the one written, else its default; `given` false when the default stands in. */
  const fixed = (row: FixedRow, raw: unknown, item: Record<string, unknown>): { value: unknown; given: boolean } => {
    if (row.otherwise !== undefined && !isInForce(row)) return { value: row.otherwise, given: false };
    const dflt = defaultOf(row, dataset, item, places);
    if (raw === undefined || (raw === null && dflt !== null)) return { value: expand(row, dflt), given: false };
    return { value: expand(row, raw), given: true };
  };
  /** A per-type value as the model holds it: one number for each market type. */
  const expand = (row: FixedRow, v: unknown): unknown => {
    if (row.kind !== 'per_type') return v;
    const dflt = row.default as number;
    return Object.fromEntries(MARKET_TYPES.map((t) => [t, typeof v === 'number' ? v : isPlainObject(v) && typeof v[t] === 'number' ? v[t] : dflt]));
  };

  /** A map by LA, keyed by code (ascending); LAs the dataset leaves out are dropped (a warning said so). */
  const byLa = (row: NumericRow, map: Record<string, unknown>, log: boolean): Record<string, ParamSpec> => {
    const out: Record<string, ParamSpec> = {};
    const las = Object.keys(map)
      .filter((k) => k !== 'default')
      .map((k) => ({ key: k, la: places.la(k)! }))
      .filter((x) => x.la.inDataset)
      .sort((a, b) => byCode(a.la.code, b.la.code));
    for (const { key, la } of las) out[la.code] = numeric(`${row.path}.${la.code}`, map[key], row.default ?? 0, log);
    return out;
  };

  const isInForce = (row: Row): boolean => {
    const when = (row as { when?: When }).when;
    if (!when) return true;
    return (Array.isArray(when) ? when : [when]).every((w: { path: string; equals: string | boolean }) => {
      const other = REGISTRY.find((r) => r.path === w.path) as FixedRow;
      return fixed(other, valueAt(m, w.path.split('.')), m).value === w.equals;
    });
  };

  /**
   * A numeric row's entries in the spec, as [dotted path, value]: `name` is where the value goes
   * (a map by LA beside it at `<name>ByLa`; a map by sector at the row's `bySector`).
   */
  const numericRow = (row: NumericRow, raw: unknown, at: string, name: string, log: boolean, rowSource: string | null = null): Array<[string, unknown]> => {
    if (row.byLa === 'map') return [[name, byLa(row, isPlainObject(raw) ? raw : {}, log)]];
    if (row.byLa === 'default-or-map' && isPlainObject(raw) && !isParameterObject(raw))
      return [
        [name, numeric(at, raw.default, row.default ?? 0, log)],
        [`${name}ByLa`, byLa(row, raw, log)],
      ];
    if (row.bySector !== undefined && isSectorMap(raw)) {
      const bySector: Record<string, ParamSpec> = {};
      const value = numeric(at, undefined, row.default ?? 0, log);
      for (const sector of SECTORS) if (raw[sector] !== undefined) bySector[sector] = numeric(`${at}.${sector}`, raw[sector], row.default ?? 0, log);
      return [
        [name, value],
        [`${row.bySector}.${leafName(row.path)}`, bySector],
      ];
    }
    if (row.sameAs !== undefined && (raw === undefined || raw === null)) {
      if (log) parameters.push({ path: at, value: row.sameAs, source: 'default' });
      return [];
    }
    const extra: Array<[string, unknown]> = row.byLa === 'default-or-map' ? [[`${name}ByLa`, {}]] : [];
    if (row.nullable && (raw === undefined || raw === null)) {
      if (log) parameters.push({ path: at, value: null, source: raw === undefined ? 'default' : null });
      return [[name, null], ...extra];
    }
    if (typeof raw === 'string' && row.keywords?.includes(raw)) {
      if (log) parameters.push({ path: at, value: raw, source: null });
      return [[name, raw], ...extra];
    }
    return [[name, numeric(at, raw, row.default ?? 0, log, rowSource)], ...extra];
  };

  const listItem = (list: Row, raw: unknown, i: number): Record<string, unknown> => {
    const item = isPlainObject(raw) ? raw : {};
    const fields = fieldsOf(list.path);
    const rowSource = typeof item.source === 'string' ? item.source : null;
    const out: Record<string, unknown> = {};
    const match: Record<string, unknown> = {};
    let leftOut = false;
    for (const f of fields) {
      if (isNumericRow(f) || f.kind === 'source') continue;
      const name = leafName(f.path);
      if (f.kind === 'note') {
        if (typeof item[name] === 'string') match[name] = item[name];
        continue;
      }
      let { value } = fixed(f as FixedRow, item[name], item);
      if (f.kind === 'la' && typeof value === 'string') {
        const la = places.la(value)!;
        value = la.code;
        if (!la.inDataset && list.kind === 'list' && list.dropOutsideDataset) leftOut = true;
      }
      if (f.kind === 'region' && typeof value === 'string') value = places.region(value)?.slug ?? value;
      out[leafName(camelPath(f.path))] = value;
      if (value !== null) match[name] = value;
    }
    // A row whose LA the dataset leaves out is not in force: it stays in the list (its index keeps
    // the later rows' paths and Monte Carlo streams) but not in the assumptions log.
    const log = !leftOut && isInForce(list);
    if (log) parameters.push({ path: `${list.path}[${i}]`, value: sortedLikeFields(match, fields), source: rowSource });
    for (const f of fields) {
      if (!isNumericRow(f)) continue;
      for (const [k, v] of numericRow(f, item[leafName(f.path)], `${list.path}[${i}].${leafName(f.path)}`, leafName(camelPath(f.path)), log, rowSource)) setAt(out, k, v);
    }
    if (leftOut) out.leftOut = true;
    return out;
  };

  // A map by sector's home exists whether or not a scenario gives one (the hash has always seen it).
  for (const row of REGISTRY) if (isNumericRow(row) && row.bySector !== undefined) setAt(spec, row.bySector, {});
  for (const row of REGISTRY) {
    if (row.path.includes('[]')) continue; // a list's fields: with their list
    const map = OPTIONAL_MAPS.find((g) => row.path.startsWith(`${g}.`));
    if (map !== undefined && !isPlainObject(m[map])) continue; // left out: no such key at all
    const raw = valueAt(m, row.path.split('.'));
    const at = camelPath(row.path);
    if (row.kind === 'list') {
      setAt(spec, at, (Array.isArray(raw) ? raw : []).map((item, i) => listItem(row, item, i)));
    } else if (isNumericRow(row)) {
      if (row.specOnlyInForce && !isInForce(row)) continue;
      for (const [k, v] of numericRow(row, raw, row.path, row.at ?? at, isInForce(row))) setAt(spec, k, v);
    } else {
      const { value, given } = fixed(row, raw, m);
      if (isInForce(row)) {
        // A value per market type is logged one entry a type.
        if (row.kind === 'per_type') for (const t of MARKET_TYPES) parameters.push({ path: `${row.path}.${t}`, value: (value as Record<string, unknown>)[t], source: given ? null : 'default' });
        else parameters.push({ path: row.path, value, source: given ? null : 'default' });
      }
      setAt(spec, at, value);
    }
  }
  return { spec, parameters, hasDistributions: uncertain };
}

/** The log's view of a row: its fields in the registry's order. */
function sortedLikeFields(match: Record<string, unknown>, fields: Row[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const name = leafName(f.path);
    if (name in match) out[name] = match[name];
  }
  return out;
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
