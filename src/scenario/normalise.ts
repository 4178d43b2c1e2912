// Normalising (docs/model.md §5): the checked scenario with defaults filled, LAs as codes, region
// names as slugs, and the assumptions log, all from the registry. The steps, each a method below:
//
//   a top-level row      topRow      -> fixedEntry (years, choices, switches) or numericEntries
//   a list               listItem    -> its fixed fields, its log entry, its numeric fields
//   a numeric row        numericEntries -> a map by LA (byLa), a map by sector, or one parameter (numeric)
//   in force or not      isInForce   (a row's `when`, read through fixed values with their defaults)
import { MARKET_TYPES, SECTORS, type Dataset } from '../model/types.js';
import { hasDistribution, isParameterObject, isPlainObject, isSectorMap, isYearMap, normaliseParam, setAt, type ParamSpec } from './params.js';
import { OPTIONAL_MAPS, REGISTRY, camelPath, fieldsOf, isNumericRow, leafName, type FixedRow, type NumericRow, type Row, type When } from './registry.js';
import { scenarioPlaces, type ScenarioPlaces } from './places.js';
import { valueAt } from './params.js';

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
 * the scenario's hash is taken over.
 */
export type ScenarioSpec = { [key: string]: unknown };

export interface Normalised {
  spec: ScenarioSpec;
  parameters: ParameterInForce[];
  /** Whether a parameter in force is a distribution (the run is then a Monte Carlo one when asked). */
  hasDistributions: boolean;
}

/** The merged, checked scenario `m` as its spec and its assumptions log. */
export function normaliseScenario(m: Record<string, unknown>, dataset: Dataset): Normalised {
  return new Normaliser(m, dataset).run();
}

const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

class Normaliser {
  readonly parameters: ParameterInForce[] = [];
  readonly spec: ScenarioSpec = {};
  readonly places: ScenarioPlaces;
  uncertain = false;

  constructor(
    readonly m: Record<string, unknown>,
    readonly dataset: Dataset,
  ) {
    this.places = scenarioPlaces(dataset);
  }

  run(): Normalised {
    // A map by sector's home exists whether or not a scenario gives one, as in the model.
    for (const row of REGISTRY) if (isNumericRow(row) && row.bySector !== undefined) setAt(this.spec, row.bySector, {});
    for (const row of REGISTRY) {
      if (row.path.includes('[]')) continue; // a list's fields: with their list
      this.topRow(row);
    }
    return { spec: this.spec, parameters: this.parameters, hasDistributions: this.uncertain };
  }

  /** A row outside any list: its entries in the spec and the log. */
  topRow(row: Row): void {
    const map = OPTIONAL_MAPS.find((g) => row.path.startsWith(`${g}.`));
    if (map !== undefined && !isPlainObject(this.m[map])) return; // left out: no such key at all
    const raw = valueAt(this.m, row.path.split('.'));
    const at = camelPath(row.path);
    if (row.kind === 'list') {
      setAt(this.spec, at, (Array.isArray(raw) ? raw : []).map((item, i) => this.listItem(row, item, i)));
    } else if (isNumericRow(row)) {
      // A number not in force is not in the spec, as it is neither drawn nor given to the model.
      if (!this.isInForce(row)) return;
      for (const [k, v] of this.numericEntries(row, raw, row.path, row.at ?? at, true)) setAt(this.spec, k, v);
    } else {
      setAt(this.spec, at, this.fixedEntry(row, raw));
    }
  }

  /** A fixed row's value in the spec, logged when in force (a value per market type one entry a type). */
  fixedEntry(row: FixedRow, raw: unknown): unknown {
    const { value, given } = this.fixed(row, raw, this.m);
    if (this.isInForce(row)) {
      const source = given ? null : 'default';
      if (row.kind === 'per_type') for (const t of MARKET_TYPES) this.parameters.push({ path: `${row.path}.${t}`, value: (value as Record<string, unknown>)[t], source });
      else this.parameters.push({ path: row.path, value, source });
    }
    return value;
  }

  /** A numeric parameter: its spec, and (when logged) its entries in the log, one per year of a year map. */
  numeric(p: string, raw: unknown, dflt: number, log: boolean, rowSource: string | null = null): ParamSpec {
    if (raw === undefined) {
      if (log) this.parameters.push({ path: p, value: dflt, source: 'default' });
      return dflt;
    }
    const { spec: value, sources } = normaliseParam(raw);
    if (log) {
      if (hasDistribution(value)) this.uncertain = true;
      if (isYearMap(value)) value.years.forEach(([y, v], i) => this.parameters.push({ path: `${p}.${y}`, value: v, source: sources[i][1] ?? rowSource }));
      else this.parameters.push({ path: p, value, source: sources[0][1] ?? rowSource });
    }
    return value;
  }

  /** A fixed value: the one written, else its default; `given` false when the default stands in. */
  fixed(row: FixedRow, raw: unknown, item: Record<string, unknown>): { value: unknown; given: boolean } {
    if (row.otherwise !== undefined && !this.isInForce(row)) return { value: row.otherwise, given: false };
    const dflt = this.defaultOf(row, item);
    if (raw === undefined || (raw === null && dflt !== null)) return { value: expand(row, dflt), given: false };
    return { value: expand(row, raw), given: true };
  }

  /** A fixed row's value when absent (or null where null is not its own value). */
  defaultOf(row: FixedRow, item: Record<string, unknown>): unknown {
    const d = row.default;
    if (d === undefined || d === null) return null;
    if (typeof d !== 'object') return d;
    if ('baseYearPlus' in d) return this.dataset.baseYear + d.baseYearPlus;
    const host = item[d.regionOf];
    return typeof host === 'string' ? (this.places.la(host)?.region ?? null) : null;
  }

  /** A map by LA, keyed by code (ascending); LAs the dataset leaves out are dropped (a warning said so). */
  byLa(row: NumericRow, map: Record<string, unknown>, log: boolean): Record<string, ParamSpec> {
    const out: Record<string, ParamSpec> = {};
    const las = Object.keys(map)
      .filter((k) => k !== 'default')
      .map((k) => ({ key: k, la: this.places.la(k)! }))
      .filter((x) => x.la.inDataset)
      .sort((a, b) => byCode(a.la.code, b.la.code));
    for (const { key, la } of las) out[la.code] = this.numeric(`${row.path}.${la.code}`, map[key], row.default ?? 0, log);
    return out;
  }

  isInForce(row: Row): boolean {
    const when = (row as { when?: When }).when;
    if (!when) return true;
    return (Array.isArray(when) ? when : [when]).every((w: { path: string; equals: string | boolean }) => {
      const other = REGISTRY.find((r) => r.path === w.path) as FixedRow;
      return this.fixed(other, valueAt(this.m, w.path.split('.')), this.m).value === w.equals;
    });
  }

  /**
   * A numeric row's entries in the spec, as [dotted path, value]: `name` is where the value goes
   * (a map by LA beside it at `<name>ByLa`; a map by sector at the row's `bySector`).
   */
  numericEntries(row: NumericRow, raw: unknown, at: string, name: string, log: boolean, rowSource: string | null = null): Array<[string, unknown]> {
    if (row.byLa === 'map') return [[name, this.byLa(row, isPlainObject(raw) ? raw : {}, log)]];
    if (row.byLa === 'default-or-map' && isPlainObject(raw) && !isParameterObject(raw))
      return [
        [name, this.numeric(at, raw.default, row.default ?? 0, log)],
        [`${name}ByLa`, this.byLa(row, raw, log)],
      ];
    if (row.bySector !== undefined && isSectorMap(raw)) return this.bySectorEntries(row, raw, at, name, log);
    if (row.sameAs !== undefined && (raw === undefined || raw === null)) {
      if (log) this.parameters.push({ path: at, value: row.sameAs, source: 'default' });
      return [];
    }
    const extra: Array<[string, unknown]> = row.byLa === 'default-or-map' ? [[`${name}ByLa`, {}]] : [];
    if (row.nullable && (raw === undefined || raw === null)) {
      if (log) this.parameters.push({ path: at, value: null, source: raw === undefined ? 'default' : null });
      return [[name, null], ...extra];
    }
    if (typeof raw === 'string' && row.keywords?.includes(raw)) {
      if (log) this.parameters.push({ path: at, value: raw, source: null });
      return [[name, raw], ...extra];
    }
    return [[name, this.numeric(at, raw, row.default ?? 0, log, rowSource)], ...extra];
  }

  /** A value given by sector: the value itself keeps its default, the sectors named theirs. */
  bySectorEntries(row: NumericRow, raw: Record<string, unknown>, at: string, name: string, log: boolean): Array<[string, unknown]> {
    const bySector: Record<string, ParamSpec> = {};
    const value = this.numeric(at, undefined, row.default ?? 0, log);
    for (const sector of SECTORS) if (raw[sector] !== undefined) bySector[sector] = this.numeric(`${at}.${sector}`, raw[sector], row.default ?? 0, log);
    return [
      [name, value],
      [`${row.bySector}.${leafName(row.path)}`, bySector],
    ];
  }

  /** An item of a list: its fields, LAs as codes, logged as one entry when in force. */
  listItem(list: Row, raw: unknown, i: number): Record<string, unknown> {
    const item = isPlainObject(raw) ? raw : {};
    const fields = fieldsOf(list.path);
    const rowSource = typeof item.source === 'string' ? item.source : null;
    const { out, match, leftOut } = this.itemFixedFields(list, item, fields);
    // A row whose LA the dataset leaves out is not in force: it stays in the list (its index keeps
    // the later rows' paths and Monte Carlo streams) but not in the assumptions log.
    const log = !leftOut && this.isInForce(list);
    if (log) this.parameters.push({ path: `${list.path}[${i}]`, value: sortedLikeFields(match, fields), source: rowSource });
    for (const f of fields) {
      if (!isNumericRow(f)) continue;
      for (const [k, v] of this.numericEntries(f, item[leafName(f.path)], `${list.path}[${i}].${leafName(f.path)}`, leafName(camelPath(f.path)), log, rowSource)) setAt(out, k, v);
    }
    if (leftOut) out.leftOut = true;
    return out;
  }

  /** An item's fields other than numbers: `out` for the spec, `match` for the log, whether its LA is left out. */
  itemFixedFields(list: Row, item: Record<string, unknown>, fields: Row[]): { out: Record<string, unknown>; match: Record<string, unknown>; leftOut: boolean } {
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
      let { value } = this.fixed(f as FixedRow, item[name], item);
      if (f.kind === 'la' && typeof value === 'string') {
        const la = this.places.la(value)!;
        value = la.code;
        if (!la.inDataset && list.kind === 'list' && list.dropOutsideDataset) leftOut = true;
      }
      if (f.kind === 'region' && typeof value === 'string') value = this.places.region(value)?.slug ?? value;
      out[leafName(camelPath(f.path))] = value;
      if (value !== null) match[name] = value;
    }
    return { out, match, leftOut };
  }
}

/** A per-type value as the model holds it: one number for each market type. */
function expand(row: FixedRow, v: unknown): unknown {
  if (row.kind !== 'per_type') return v;
  const dflt = row.default as number;
  return Object.fromEntries(MARKET_TYPES.map((t) => [t, typeof v === 'number' ? v : isPlainObject(v) && typeof v[t] === 'number' ? v[t] : dflt]));
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
