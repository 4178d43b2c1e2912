// Checking a merged scenario: a strict zod schema built from the registry (every unknown key, wrong
// type and out-of-range value), then the checks that need the dataset (places.ts) or several keys at
// once (cross-checks.ts). All always run, so every problem is reported at once.
import * as z from '../common/zod.js';
import { MARKET_TYPES, SECTORS, type Dataset } from '../model/types.js';
import { suggestAmong } from '../common/la-names.js';
import { checkFlowsData, crossChecks, dataChecks } from './cross-checks.js';
import { checkParam, isParameterObject, isPlainObject, isSectorMap, show, valueAt, type ParamIssue } from './params.js';
import { checkPlaces, scenarioPlaces } from './places.js';
import { REGISTRY, fieldsOf, isNumericRow, topRows, type FixedRow, type NumericRow, type Row } from './registry.js';
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
