// Checking a merged scenario: a strict zod schema built from the registry (every unknown key, wrong
// type and out-of-range value), then the checks that need the dataset or several keys at once. Both
// always run, so every problem is reported at once.
import { flowsInYear } from '../model/flows.js';
import * as z from '../io/zod.js';
import { centralValue, isDistribution } from '../model/distribution.js';
import { MARKET_TYPES, SECTORS, type Dataset } from '../model/types.js';
import { makeLaResolver, regionSlug, suggestAmong } from '../io/la-names.js';
import { WALES_LAS } from '../io/wales-las.js';
import { isPartOfNation, nationLaCodes } from './nation.js';
import { checkParam, isParameterObject, isPlainObject, isSectorMap, isValueWithSource, isYearMapObject, show, type ParamIssue } from './params.js';
import { REGISTRY, fieldsOf, isNumericRow, leafName, topRows, type FixedRow, type NumericRow, type Row } from './registry.js';
import type { PathSeg } from './yaml.js';

export interface Issue {
  path: PathSeg[];
  message: string;
  atKey?: boolean;
  severity?: 'error' | 'warning';
}

// ---------------------------------------------------------------------------------------------
// Leaf checks: each message says what was expected and what was found.

type Check = (v: unknown) => string | ParamIssue[] | null;

const text: Check = (v) => (typeof v === 'string' ? null : `expected text, found ${show(v)}`);
const bool: Check = (v) => (typeof v === 'boolean' ? null : `expected true or false, found ${show(v)}`);
const year: Check = (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 1900 && v <= 2200 ? null : `expected a year such as 2027, found ${show(v)}`);
const yearOrNull: Check = (v) => (v === null ? null : year(v) === null ? null : `expected a year such as 2027 or null, found ${show(v)}`);
const wholeYears: Check = (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 2 ? null : `expected a whole number of years of at least 2, found ${show(v)}`);
const oneOf =
  (options: readonly string[]): Check =>
  (v) => {
    if (typeof v === 'string' && options.includes(v)) return null;
    const hint = typeof v === 'string' ? suggestAmong(v, options) : null;
    return `expected one of ${options.join(', ')}, found ${show(v)}${hint ? `; ${hint}` : ''}`;
  };
const issuesOrNull = (r: ParamIssue[]): ParamIssue[] | null => (r.length > 0 ? r : null);
const param =
  (row: NumericRow): Check =>
  (v) => {
    if (v === null && row.nullable) return null;
    if (row.keywords !== undefined && typeof v === 'string') {
      if (row.keywords.includes(v)) return null;
      const hint = suggestAmong(v, row.keywords);
      return `expected a number, a distribution${row.nullable ? ', null' : ''} or ${row.keywords.join(', ')}, found ${show(v)}${hint ? `; ${hint}` : ''}`;
    }
    return issuesOrNull(checkParam(v, row.kind, row.dated, row.distribution));
  };
/** One value-parameter, or a map by LA (with an optional `default`) of them. */
const valueOrLaMap =
  (row: NumericRow): Check =>
  (v) => {
    if (isPlainObject(v) && !isParameterObject(v)) {
      const out: ParamIssue[] = [];
      for (const [k, x] of Object.entries(v)) out.push(...checkParam(x, row.kind, row.dated, row.distribution).map((i) => ({ ...i, path: [k, ...i.path] })));
      return issuesOrNull(out);
    }
    return param(row)(v);
  };

/** One value-parameter, or a map by sector of them (docs/model.md §4.3); a sector left out takes the default. */
const valueOrSectorMap =
  (row: NumericRow): Check =>
  (v) => {
    if (isSectorMap(v)) {
      const out: ParamIssue[] = [];
      for (const [k, x] of Object.entries(v)) out.push(...checkParam(x, row.kind, row.dated, row.distribution).map((i) => ({ ...i, path: [k, ...i.path] })));
      return issuesOrNull(out);
    }
    if (isPlainObject(v) && !isParameterObject(v)) {
      const bad = Object.keys(v).filter((k) => !(SECTORS as readonly string[]).includes(k));
      // Keys that are all digits are a year map's, misspelt: the parameter check says so.
      if (bad.length > 0 && !bad.every((k) => /^\d+$/.test(k))) {
        return bad.map((k) => {
          const hint = suggestAmong(k, SECTORS);
          return { path: [k], atKey: true, message: `expected a sector (${SECTORS.join(', ')}), a year or a parameter, found "${k}"${hint ? `; ${hint}` : ''}` };
        });
      }
    }
    return param(row)(v);
  };

/** A plain number (no distribution, no year map), at least `min` when given. */
const plainNumber =
  (min: number | undefined): Check =>
  (v) =>
    typeof v === 'number' && Number.isFinite(v) && (min === undefined || v >= min) ? null : `expected ${min === undefined ? 'a number' : `a number of at least ${min}`}, found ${show(v)}`;
/** One plain number for every market type, or a map by market type of them. */
const perMarketType =
  (min: number | undefined): Check =>
  (v) => {
    if (!isPlainObject(v)) return plainNumber(min)(v);
    const out: ParamIssue[] = [];
    for (const [k, x] of Object.entries(v)) {
      if (!(MARKET_TYPES as readonly string[]).includes(k)) out.push({ path: [k], atKey: true, message: `unknown key (expected one of ${MARKET_TYPES.join(', ')})` });
      else {
        const r = plainNumber(min)(x);
        if (typeof r === 'string') out.push({ path: [k], message: r });
      }
    }
    return issuesOrNull(out);
  };

function fixedCheck(row: FixedRow): Check {
  switch (row.kind) {
    case 'number':
      return plainNumber(row.min);
    case 'per_type':
      return perMarketType(row.min);
    case 'year':
      return row.nullable ? yearOrNull : year;
    case 'years':
      return wholeYears;
    case 'choice':
      return oneOf(row.options ?? []);
    case 'bool':
      return bool;
    default:
      return text;
  }
}

// ---------------------------------------------------------------------------------------------
// The schema, from the registry.

/** Known keys of each map, by path with list indices as `[]`, for "did you mean". */
const KNOWN_KEYS = new Map<string, string[]>();

function obj<T extends z.ZodRawShape>(at: string, shape: T) {
  KNOWN_KEYS.set(at, Object.keys(shape));
  return z.strictObject(shape);
}

/** A leaf checked by hand. A required key that is missing comes back from zod as invalid_type (see zodIssues). */
function leaf(check: Check, required = false) {
  const schema = z.unknown().superRefine((v, ctx) => {
    if (v === undefined) return;
    const r = check(v);
    if (r === null) return;
    const list: ParamIssue[] = typeof r === 'string' ? [{ path: [], message: r }] : r;
    for (const i of list) ctx.addIssue({ code: 'custom', message: i.message, path: i.path, params: { atKey: i.atKey ?? false, severity: i.severity ?? 'error' } });
  });
  return required ? schema : schema.optional();
}

function rowSchema(row: Row): z.ZodType {
  if (row.kind === 'list') {
    const item = shapeOf(fieldsOf(row.path), `${row.path}[].`, `${row.path}[]`);
    return z.array(item).optional();
  }
  if (isNumericRow(row)) {
    if (row.byLa === 'map') return z.record(z.string(), leaf(param(row))).optional();
    return leaf(row.byLa === 'default-or-map' ? valueOrLaMap(row) : row.bySector !== undefined ? valueOrSectorMap(row) : param(row), row.required);
  }
  return leaf(fixedCheck(row), row.required);
}

/** The strict map holding `rows` (whose paths start with `prefix`), nested by the dots of their paths. */
function shapeOf(rows: Row[], prefix: string, at: string, extra: z.ZodRawShape = {}): z.ZodObject {
  const shape: Record<string, z.core.$ZodType> = { ...extra };
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const rel = row.path.slice(prefix.length);
    if (rel.includes('[]')) continue; // a list's fields: built with the list
    const dot = rel.indexOf('.');
    if (dot < 0) shape[rel] = rowSchema(row);
    else {
      const head = rel.slice(0, dot);
      if (!groups.has(head)) {
        groups.set(head, []);
        shape[head] = z.never(); // holds the key's place, in registry order
      }
      groups.get(head)!.push(row);
    }
  }
  for (const [head, group] of groups) shape[head] = shapeOf(group, `${prefix}${head}.`, at === '' ? head : `${at}.${head}`).optional();
  return obj(at, shape);
}

const scenarioSchema = shapeOf(topRows(), '', '', {
  name: leaf(text),
  title: leaf(text),
  description: leaf(text),
  extends: leaf(text),
  assumptions: z.array(z.unknown()).optional(), // checked file by file (checkAssumptions)
});

/** The paths an assumption may cover: every parameter, list and by-LA map of the registry. */
const COVERABLE = REGISTRY.filter((r) => !r.path.includes('[]')).map((r) => r.path);

/** `covers:` a list of parameter paths (`[transitions, foster_wales.net_new_places]`). */
const coversCheck: Check = (v) => {
  if (!Array.isArray(v)) return `expected a list of parameter paths such as [transitions, foster_wales.net_new_places], found ${show(v)}`;
  const out: ParamIssue[] = [];
  v.forEach((p, i) => {
    if (typeof p === 'string' && COVERABLE.includes(p)) return;
    const hint = typeof p === 'string' ? suggestAmong(p, COVERABLE) : null;
    out.push({ path: [i], message: `expected the path of a scenario parameter, found ${show(p)}${hint ? `; ${hint}` : ''}` });
  });
  return issuesOrNull(out);
};

const assumptionsSchema = z.strictObject({
  assumptions: z.array(
    obj('assumptions[]', {
      id: leaf(text, true),
      text: leaf(text, true),
      source: leaf(text),
      owner: leaf(text),
      covers: leaf(coversCheck),
    }),
  ),
});

/** One file's `assumptions:` list: its shape, and no id twice. */
export function checkAssumptions(list: unknown): Issue[] {
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
      const params = (iss as { params?: { atKey?: boolean; severity?: 'error' | 'warning' } }).params;
      out.push({ path: p, message: iss.message, atKey: Boolean(params?.atKey), severity: params?.severity ?? 'error' });
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

export function valueAt(root: unknown, p: readonly PathSeg[]): unknown {
  let v: unknown = root;
  for (const seg of p) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

// ---------------------------------------------------------------------------------------------
// Places a scenario names: LAs and regions, resolved against the dataset.

/** An LA as a scenario names it: one of the dataset's, or a Welsh LA that the dataset leaves out. */
export interface ScenarioLa {
  code: string;
  nameEn: string;
  region: string;
  inDataset: boolean;
}

export interface ScenarioPlaces {
  la(text: string): ScenarioLa | null;
  /** A "did you mean" among the dataset's LAs, or null. */
  suggestLa(text: string): string | null;
  /** The region's slug, and whether the dataset holds it (else it is the region of a Welsh LA the dataset leaves out); null when unknown. */
  region(text: string): { slug: string; inDataset: boolean } | null;
  /** "did you mean" among the dataset's regions, or the list of them. */
  regionHint(text: string): string;
}

/**
 * A scenario's LA names are resolved against the dataset's LAs first, then (on a dataset of Welsh LAs)
 * against the 22 Welsh LAs (wales-las.ts): a Welsh dataset may hold one LA or one region, and a scenario written for Wales
 * names the rest. Those rows are left out with a warning; a name that is neither is an error, with a
 * suggestion from the dataset's own LAs. Regions likewise: the dataset's own (slug or name), or the
 * region of a Welsh LA the dataset leaves out (a warning).
 */
export function scenarioPlaces(dataset: Dataset): ScenarioPlaces {
  const own = makeLaResolver(dataset.localAuthorities);
  const codes = new Set(dataset.localAuthorities.map((l) => l.code));
  // Only a dataset of Welsh LAs (docs/model.md §3.1) may leave some of the 22 out: on any other, a Welsh name
  // is as unknown as any other name.
  const welsh = new Set(WALES_LAS.map((l) => l.code));
  const welshDataset = dataset.localAuthorities.every((l) => welsh.has(l.code));
  const others = welshDataset ? WALES_LAS.filter((l) => !codes.has(l.code)) : [];
  const wales = makeLaResolver(others);
  const regions = [...new Set(dataset.localAuthorities.map((l) => l.region))];
  const otherRegions = new Set(others.map((l) => l.region).filter((r) => !regions.includes(r)));
  return {
    la(text) {
      const la = own.resolve(text);
      if (la) return { code: la.code, nameEn: la.nameEn, region: la.region, inDataset: true };
      const w = wales.resolve(text);
      return w ? { code: w.code, nameEn: w.nameEn, region: w.region, inDataset: false } : null;
    },
    suggestLa: (text) => own.suggest(text),
    region(text) {
      for (const slug of [text, regionSlug(text)]) {
        if (regions.includes(slug)) return { slug, inDataset: true };
        if (otherRegions.has(slug)) return { slug, inDataset: false };
      }
      return null;
    },
    regionHint(text) {
      return suggestAmong(regionSlug(text), regions) ?? `expected one of ${regions.join(', ')}`;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Checks that need the dataset or several keys at once.

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

/** The LA `v` names, or null (with an error) when it names none; a Welsh LA outside the dataset warns `so ${leftOut}`. */
function checkLa(places: ScenarioPlaces, v: unknown, at: PathSeg[], out: Issue[], leftOut: string, atKey = false): ScenarioLa | null {
  if (typeof v !== 'string') return null;
  const la = places.la(v);
  if (la) {
    if (!la.inDataset) out.push({ path: at, atKey, severity: 'warning', message: `${la.nameEn} is not in this dataset, so ${leftOut}` });
    return la;
  }
  const hint = places.suggestLa(v);
  out.push({ path: at, atKey, message: `unknown local authority "${v}"${hint ? `; ${hint}` : ''}` });
  return null;
}

function checkRegion(places: ScenarioPlaces, v: unknown, at: PathSeg[], out: Issue[], leftOut: string): void {
  if (typeof v !== 'string') return;
  const r = places.region(v);
  if (r === null) out.push({ path: at, message: `unknown region "${v}"; ${places.regionHint(v)}` });
  else if (!r.inDataset) out.push({ path: at, severity: 'warning', message: `region ${r.slug} is not in this dataset, so ${leftOut}` });
}

/** Checks of an LA-keyed map: every key an LA, no LA twice. */
function checkLaKeys(places: ScenarioPlaces, map: unknown, at: PathSeg[], out: Issue[], leftOut: string, allow: string[] = [], onlyLas = false): void {
  // A key that is only ever a map by LA has LAs for keys even where they look like years; one that
  // may also be a value (distance_km) is a map by LA only when it is no parameter object.
  if (!isPlainObject(map) || (!onlyLas && isParameterObject(map))) return;
  const seen = new Map<string, string>();
  for (const key of Object.keys(map)) {
    if (allow.includes(key)) continue;
    const la = checkLa(places, key, [...at, key], out, leftOut, true);
    if (la === null) continue;
    const before = seen.get(la.code);
    if (before !== undefined) out.push({ path: [...at, key], atKey: true, message: `the same local authority as "${before}" (${la.code})` });
    else seen.set(la.code, key);
  }
}

const isYear = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** What a row of a list left out by the dataset becomes, for the warning. */
const LEFT_OUT: Record<string, string> = {
  transitions: 'this transition matches nothing',
  regional_residential: 'this home is left out',
};
/** What an LA key of a by-LA map that the dataset leaves out becomes. */
const LEFT_OUT_KEY: Record<string, string> = {
  'demand.rate_by_la': 'its rate is ignored',
  'outside_wales.distance_km': 'its distance is ignored',
  'foster_wales.net_new_places_by_la': 'its places are left out',
  'demand.mean_years_in_care_by_la': 'its mean time in care is ignored',
  'demand.extra_entries': 'its extra entries are ignored',
};

/** The checks every row of a kind gets: LAs and regions against the dataset, years from the base year. */
function checkPlaces(m: Record<string, unknown>, dataset: Dataset, places: ScenarioPlaces, out: Issue[]): void {
  const B = dataset.baseYear;
  const field = (row: Row, v: unknown, at: PathSeg[], leftOut: string, dropped = false) => {
    if (row.kind === 'la') checkLa(places, v, at, out, leftOut);
    else if (row.kind === 'region' && !dropped) checkRegion(places, v, at, out, leftOut);
    else if (row.kind === 'year' && (row as FixedRow).fromBaseYear && isYear(v) && v < B)
      out.push({ path: at, message: `expected a year from ${B} (the data's base year), found ${v}` });
  };
  for (const row of REGISTRY) {
    if (row.kind === 'list') {
      const items = valueAt(m, row.path.split('.'));
      if (!Array.isArray(items)) continue;
      const fields = fieldsOf(row.path);
      items.forEach((item, i) => {
        if (!isPlainObject(item)) return;
        // An item left out for its LA is warned about once, for the LA.
        const dropped =
          Boolean(row.dropOutsideDataset) &&
          fields.some((f) => f.kind === 'la' && typeof item[leafName(f.path)] === 'string' && places.la(item[leafName(f.path)] as string)?.inDataset === false);
        for (const f of fields) field(f, item[leafName(f.path)], [...row.path.split('.'), i, leafName(f.path)], LEFT_OUT[row.path] ?? 'it is left out', dropped);
      });
    } else if (!row.path.includes('[]')) {
      const at = row.path.split('.');
      if (isNumericRow(row) && row.byLa)
        checkLaKeys(places, valueAt(m, at), at, out, LEFT_OUT_KEY[row.path] ?? 'it is ignored', row.byLa === 'default-or-map' ? ['default'] : [], row.byLa === 'map');
      else field(row, valueAt(m, at), at, 'it is ignored');
    }
  }
}

/**
 * `demand: { method: flows }` needs the data's flows for the year that ends on the base date, for
 * every LA (its own row or the nation's to share): an error before a run, a warning when `validate`
 * checks every scenario of a folder.
 */
function checkFlowsData(dataset: Dataset, out: Issue[], missingData: 'error' | 'warning'): void {
  const B = dataset.baseYear;
  const fy = `${B - 1}-${String(B % 100).padStart(2, '0')}`;
  const refused = missingData === 'warning' ? '; project, diff and plan refuse this scenario on this data' : '';
  if (dataset.flows === undefined || dataset.flows === null) {
    out.push({ path: ['demand', 'method'], severity: missingData, message: `flows: needs the dataset's flows resource (la_code, year, started, ceased) with the year ${fy} that ends on the base date, found no flows resource; use method change or trend, or add flows${refused}` });
    return;
  }
  const stock = new Map(dataset.localAuthorities.map((l) => [l.code, 0]));
  if (flowsInYear(dataset.flows, B - 1, stock, dataset.nation.code) !== null) return;
  const have = new Set(dataset.flows.filter((r) => r.year === B - 1).map((r) => r.laCode));
  const missing = dataset.localAuthorities.filter((l) => !have.has(l.code)).map((l) => l.nameEn);
  const shown = missing.length > 3 ? `${missing.slice(0, 3).join(', ')} and ${missing.length - 3} more` : missing.join(', ');
  out.push({ path: ['demand', 'method'], severity: missingData, message: `flows: the dataset's flows have no row for ${fy} (the year that ends on the base date) for ${shown}, and no row for the nation (${dataset.nation.code}) to share${refused}` });
}

/** A mean time in care must be more than 0 years (each value of a year map, and by LA). */
function checkMeanYears(m: Record<string, unknown>, out: Issue[]): void {
  const d = isPlainObject(m.demand) ? m.demand : {};
  const positive = (v: unknown, at: PathSeg[]): void => {
    const values: Array<[PathSeg[], unknown]> = isYearMapObject(v) ? Object.entries(v).map(([k, x]) => [[...at, k], x]) : [[at, v]];
    for (const [p, x] of values) {
      const c = central(x);
      // A negative value is already refused by the range check of its kind (at least 0): only 0,
      // which the range allows but a division by the time in care cannot, is reported here.
      if (c === 0) out.push({ path: p, message: `expected a mean time in care of more than 0 years, found ${c}` });
    }
  };
  if (d.mean_years_in_care !== undefined) positive(d.mean_years_in_care, ['demand', 'mean_years_in_care']);
  if (isPlainObject(d.mean_years_in_care_by_la)) for (const [k, v] of Object.entries(d.mean_years_in_care_by_la)) positive(v, ['demand', 'mean_years_in_care_by_la', k]);
}

/** Rules between keys (docs/model.md §4.2) that need no data. */
function crossChecks(m: Record<string, unknown>, out: Issue[]): void {
  checkMeanYears(m, out);
  if (Array.isArray(m.mix_shift)) {
    m.mix_shift.forEach((s, i) => {
      if (isPlainObject(s) && typeof s.from === 'string' && s.from === s.to) out.push({ path: ['mix_shift', i, 'to'], message: `expected a type other than the "from" type, found ${s.to}` });
    });
  }
  if (Array.isArray(m.transitions)) {
    m.transitions.forEach((t, i) => {
      if (!isPlainObject(t)) return;
      const at: PathSeg[] = ['transitions', i];
      const exit = t.exit === undefined ? 0 : central(t.exit);
      const convert = t.convert === undefined ? 0 : central(t.convert);
      const isShare = (x: number | null): x is number => x !== null && x >= 0 && x <= 1;
      if (isShare(exit) && isShare(convert) && exit + convert > 1 + 1e-9)
        out.push({ path: [...at, 'convert'], message: `expected exit + convert of at most 1, found ${exit} + ${convert} = ${round6(exit + convert)}` });
      if (typeof t.sector === 'string' && t.sector !== 'fp' && convert !== null && convert > 0)
        out.push({ path: [...at, 'convert'], message: `only for-profit places convert, but this transition is for sector ${t.sector}` });
    });
  }
}

/** Rules between keys and the data: the horizon against the base year, providers, a home's region against its host's. */
function dataChecks(m: Record<string, unknown>, dataset: Dataset, places: ScenarioPlaces, out: Issue[]): void {
  const B = dataset.baseYear;
  const horizon = isPlainObject(m.horizon) ? m.horizon : {};
  if (isYear(horizon.to) && horizon.to < B) out.push({ path: ['horizon', 'to'], message: `expected a year from ${B} (the data's base year), found ${horizon.to}` });
  if (isYear(horizon.from)) {
    const to = isYear(horizon.to) ? horizon.to : B + 10;
    if (horizon.from < B - 1 || horizon.from > to)
      out.push({ path: ['horizon', 'from'], message: `expected a year from ${B - 1} (the base row) to ${to} (the horizon's end), found ${horizon.from}` });
  }
  if (Array.isArray(m.transitions)) {
    const providerIds = new Set(dataset.providers.map((p) => p.providerId));
    m.transitions.forEach((t, i) => {
      if (!isPlainObject(t) || typeof t.provider_id !== 'string' || providerIds.has(t.provider_id)) return;
      const hint = suggestAmong(t.provider_id, [...providerIds]);
      out.push({ path: ['transitions', i, 'provider_id'], severity: 'warning', message: `no provider "${t.provider_id}" in the dataset, so this transition changes nothing${hint ? `; ${hint}` : ''}` });
    });
  }
  // docs/model.md §5: a nation's total on a dataset holding part of the nation would all go to the LAs it holds.
  const fw = isPlainObject(m.foster_wales) ? m.foster_wales : {};
  const held = dataset.localAuthorities.length;
  const nation = dataset.nation.name;
  if (isPartOfNation(dataset) && fw.net_new_places !== undefined && !isZeroParam(fw.net_new_places) && (fw.nation_need === undefined || fw.nation_need === null)) {
    out.push({
      path: ['foster_wales', 'net_new_places'],
      severity: 'warning',
      message:
        `a total for all of ${nation}, but this dataset holds ${held} of the ${nationLaCodes(dataset)?.length ?? held} LAs of ${nation}, so they would receive all of it; ` +
        `write foster_wales.net_new_places_by_la (a map by LA), foster_wales.net_growth_rate (a share of LA foster places a year), ` +
        `or give foster_wales.nation_need (${nation}'s children needing foster care) so that the total is shared by the dataset's share of it`,
    });
  }
  if (Array.isArray(m.regional_residential)) {
    m.regional_residential.forEach((r, i) => {
      if (!isPlainObject(r) || typeof r.host !== 'string' || typeof r.region !== 'string') return;
      const la = places.la(r.host);
      const region = places.region(r.region);
      if (la && la.inDataset && region && region.inDataset && la.region !== region.slug)
        out.push({ path: ['regional_residential', i, 'region'], severity: 'warning', message: `host ${la.nameEn} is in ${la.region}, not ${region.slug}: its places are reserved for ${region.slug}` });
    });
  }
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

/** Every problem with a merged scenario, errors and warnings; without a dataset, those it has on its own. */
export function checkScenario(merged: Record<string, unknown>, dataset: Dataset | null, missingData: 'error' | 'warning' = 'error'): Issue[] {
  const out = zodIssues(merged);
  crossChecks(merged, out);
  if (dataset !== null) {
    const places = scenarioPlaces(dataset);
    checkPlaces(merged, dataset, places, out);
    dataChecks(merged, dataset, places, out);
    if (isPlainObject(merged.demand) && merged.demand.method === 'flows') checkFlowsData(dataset, out, missingData);
  }
  return out;
}
