// Numeric scenario parameters (docs/model.md §4.1, §4.2 and 5): how one is written, how it is
// checked, and how it becomes a number. A parameter is written as
//
//   0.3                                   a number
//   { triangular: [0.1, 0.3, 0.5] }       a distribution ({normal: [mean, sd]}, {uniform: [min, max]})
//   { value: 0.3, source: "CMA 2022" }    either of those with its source
//   { 2024: 0.0, 2027: -0.02 }            a year map whose values may be any of the above
//
// Each value of a year map holds from its year until the next key; before the first key the
// parameter has its default.
import { isDistribution, type Distribution } from '../model/distribution.js';
import { SECTORS } from '../model/types.js';
import { suggestAmong } from '../common/la-names.js';

/** A number or a distribution: what a parameter holds for one year, its source set aside. */
export type Value = number | Distribution;
/** A dated parameter: one value for every year, or values by year (ascending). */
export type YearMap = { years: Array<[year: number, value: Value]> };
export type ParamSpec = Value | YearMap;

/**
 * What a numeric parameter measures, which fixes its range (a normal is allowed anywhere; its draws
 * are clamped into the range):
 * - `share`: 0 to 1;
 * - `rate`: a yearly rate of change, at least -1;
 * - `places`: a number of places, 0 or more, rounded half-up to whole places after a draw;
 * - `net_places`: a net change in places, any number (Foster Wales net growth may be negative),
 *   rounded half-up after a draw;
 * - `km`: a distance, 0 or more;
 * - `gbp`: an amount of money in pounds, 0 or more;
 * - `duration`: a mean time in care, in years, more than 0 (it divides: cross-checks.ts).
 */
export type ParamKind = 'share' | 'rate' | 'places' | 'net_places' | 'km' | 'gbp' | 'duration';

/** The range behind each kind: what is checked and what a draw is clamped into. */
type Range = 'share' | 'rate' | 'nonnegative' | 'any';
const RANGE: Record<ParamKind, Range> = { share: 'share', rate: 'rate', places: 'nonnegative', net_places: 'any', km: 'nonnegative', gbp: 'nonnegative', duration: 'nonnegative' };

/** Whether a kind's drawn values are rounded half-up to whole numbers (places). */
export function isWholeKind(kind: ParamKind): boolean {
  return kind === 'places' || kind === 'net_places';
}

export interface ParamIssue {
  /** Relative to the parameter. */
  path: Array<string | number>;
  message: string;
  /** Point at the key rather than its value. */
  atKey?: boolean;
  /** Default error; a warning for a value that is allowed but implausible. */
  severity?: 'error' | 'warning';
}

const DIST_NAMES = ['normal', 'triangular', 'uniform'] as const;
const YEAR_KEY = /^\d{4}$/;

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A map whose keys are all four-digit years (and which has at least one). */
export function isYearMapObject(v: unknown): v is Record<string, unknown> {
  if (!isPlainObject(v)) return false;
  const keys = Object.keys(v);
  return keys.length > 0 && keys.every((k) => YEAR_KEY.test(k));
}

/** A map whose keys are all sectors (`{ la: 0.95, fp: 0.85 }`): a value given by sector. */
export function isSectorMap(v: unknown): v is Record<string, unknown> {
  if (!isPlainObject(v) || isParameterObject(v)) return false;
  const keys = Object.keys(v);
  return keys.length > 0 && keys.every((k) => (SECTORS as readonly string[]).includes(k));
}

/** `{ value: X }` or `{ value: X, source: "..." }`. */
export function isValueWithSource(v: unknown): v is { value: unknown; source?: unknown } {
  if (!isPlainObject(v) || !('value' in v)) return false;
  return Object.keys(v).every((k) => k === 'value' || k === 'source');
}

/** Whether a map is a parameter value (replaced whole by `extends`) rather than a map of keys (merged). */
export function isParameterObject(v: unknown): boolean {
  return isYearMapObject(v) || isDistribution(v) || isValueWithSource(v);
}

export function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return 'a list';
  return `a map with keys ${Object.keys(v as object).join(', ') || '(none)'}`;
}

export function rangeText(kind: ParamKind): string {
  if (kind === 'duration') return 'a time in years of more than 0';
  switch (RANGE[kind]) {
    case 'share':
      return 'a share from 0 to 1';
    case 'rate':
      return 'a rate of change a year, above -1 and at most 1';
    case 'nonnegative':
      return 'a number of at least 0';
    case 'any':
      return 'a number';
  }
}

function inRange(x: number, kind: ParamKind): boolean {
  switch (RANGE[kind]) {
    case 'share':
      return x >= 0 && x <= 1;
    case 'rate':
      return x > -1 && x <= 1;
    case 'nonnegative':
      return x >= 0;
    case 'any':
      return true;
  }
}

/** Checks a number or a distribution (no source, no year map). */
/** A yearly rate of change beyond this (either way) is allowed, with a warning (docs/model.md §5). */
export const PLAUSIBLE_RATE = 0.2;

/**
 * What a share or rate out of range most likely meant: a percentage written as a number (`rate: 2`
 * for 2%). Null when x / 100 would not be in range either.
 */
function percentHint(x: number, kind: ParamKind): string {
  const range = RANGE[kind];
  if (range !== 'share' && range !== 'rate') return '';
  const meant = Number((x / 100).toPrecision(12));
  if (!inRange(meant, kind)) return '';
  return `: a ${range === 'share' ? 'share is a fraction' : 'rate is a fraction a year'}; did you mean ${meant}?`;
}

function checkNumber(x: number, kind: ParamKind, path: Array<string | number>, out: ParamIssue[]): void {
  if (!Number.isFinite(x) || !inRange(x, kind)) {
    out.push({ path, message: `expected ${rangeText(kind)}, found ${x}${Number.isFinite(x) ? percentHint(x, kind) : ''}` });
  } else if (RANGE[kind] === 'rate' && Math.abs(x) > PLAUSIBLE_RATE) {
    const pct = Number((x * 100).toPrecision(12));
    out.push({ path, severity: 'warning', message: `found ${x}, a change of ${pct}% a year: more than ${PLAUSIBLE_RATE * 100}% either way is unusual; check that it is meant (a rate is a fraction a year)` });
  }
}

function checkValue(v: unknown, kind: ParamKind, path: Array<string | number>, out: ParamIssue[], distribution = true): void {
  if (typeof v === 'number') {
    checkNumber(v, kind, path, out);
    return;
  }
  if (isPlainObject(v)) {
    const keys = Object.keys(v);
    if (keys.length === 1) {
      const name = keys[0];
      if ((DIST_NAMES as readonly string[]).includes(name)) {
        if (!distribution) {
          out.push({ path, message: `expected ${rangeText(kind)} (this parameter takes no distribution), found ${show(v)}` });
          return;
        }
        checkDistribution(name as (typeof DIST_NAMES)[number], v[name], kind, [...path, name], out);
        return;
      }
      const hint = suggestAmong(name, DIST_NAMES);
      if (hint) {
        out.push({ path: [...path, name], atKey: true, message: `unknown distribution "${name}"; ${hint}` });
        return;
      }
    }
  }
  out.push({
    path,
    message: `expected ${rangeText(kind)} or a distribution ({normal: [mean, sd]}, {triangular: [min, mode, max]}, {uniform: [min, max]}), found ${show(v)}`,
  });
}

function checkDistribution(
  name: (typeof DIST_NAMES)[number],
  args: unknown,
  kind: ParamKind,
  path: Array<string | number>,
  out: ParamIssue[],
): void {
  const arity = name === 'triangular' ? 3 : 2;
  const form = name === 'normal' ? '[mean, sd]' : name === 'triangular' ? '[min, mode, max]' : '[min, max]';
  if (!Array.isArray(args) || args.length !== arity || !args.every((a) => typeof a === 'number' && Number.isFinite(a))) {
    out.push({ path, message: `expected ${name}: ${form} (${arity} numbers), found ${Array.isArray(args) ? `[${args.map(show).join(', ')}]` : show(args)}` });
    return;
  }
  const a = args as number[];
  if (name === 'normal') {
    if (a[1] < 0) out.push({ path, message: `expected a standard deviation of at least 0, found ${a[1]}` });
    if (!inRange(a[0], kind)) out.push({ path, message: `expected a mean that is ${rangeText(kind)}, found ${a[0]}${percentHint(a[0], kind)}` });
    return;
  }
  if (name === 'triangular' && !(a[0] <= a[1] && a[1] <= a[2])) {
    out.push({ path, message: `expected min <= mode <= max, found [${a.join(', ')}]` });
    return;
  }
  if (name === 'uniform' && !(a[0] <= a[1])) {
    out.push({ path, message: `expected min <= max, found [${a.join(', ')}]` });
    return;
  }
  const lo = a[0];
  const hi = a[a.length - 1];
  if (!inRange(lo, kind) || !inRange(hi, kind)) {
    out.push({ path, message: `expected bounds that are each ${rangeText(kind)}, found [${a.join(', ')}]` });
  }
}

/** Checks a value that may carry its source: `{ value: X, source: "..." }`. */
function checkSourced(v: unknown, kind: ParamKind, path: Array<string | number>, out: ParamIssue[], distribution: boolean): void {
  if (isPlainObject(v) && 'value' in v) {
    for (const k of Object.keys(v)) {
      if (k !== 'value' && k !== 'source') {
        const hint = suggestAmong(k, ['value', 'source']);
        out.push({ path: [...path, k], atKey: true, message: `unknown key "${k}" (a parameter with its source has only value and source)${hint ? `; ${hint}` : ''}` });
      }
    }
    if ('source' in v && typeof v.source !== 'string') out.push({ path: [...path, 'source'], message: `expected a source as text, found ${show(v.source)}` });
    checkValue(v.value, kind, [...path, 'value'], out, distribution);
    return;
  }
  checkValue(v, kind, path, out, distribution);
}

/**
 * Every problem with a parameter written as `v`. `dated` allows a year map (parameters that the
 * model holds as a Timeline); a value that is dated by its row (a transition's exit) does not.
 */
export function checkParam(v: unknown, kind: ParamKind, dated: boolean, distribution = true): ParamIssue[] {
  const out: ParamIssue[] = [];
  if (isPlainObject(v) && !isDistribution(v) && !('value' in v)) {
    const keys = Object.keys(v);
    const yearKeys = keys.filter((k) => YEAR_KEY.test(k));
    if (yearKeys.length > 0) {
      if (!dated) {
        out.push({ path: [], message: 'expected one value here (this parameter is dated by its row, so it takes no year map)' });
        return out;
      }
      for (const k of keys) {
        if (!YEAR_KEY.test(k)) out.push({ path: [k], atKey: true, message: `expected every key of a year map to be a year (4 digits), found "${k}"` });
        else checkSourced(v[k], kind, [k], out, distribution);
      }
      return out;
    }
  }
  checkSourced(v, kind, [], out, distribution);
  return out;
}

/** The parameter's values with sources split off, for the model and the assumptions log. */
export function normaliseParam(v: unknown): { spec: ParamSpec; sources: Array<[year: number | null, source: string | null]> } {
  if (isYearMapObject(v)) {
    const years = Object.keys(v)
      .map(Number)
      .sort((a, b) => a - b);
    return {
      spec: { years: years.map((y) => [y, stripSource(v[String(y)])]) },
      sources: years.map((y) => [y, sourceOf(v[String(y)])]),
    };
  }
  return { spec: stripSource(v), sources: [[null, sourceOf(v)]] };
}

function stripSource(v: unknown): Value {
  const inner = isValueWithSource(v) ? v.value : v;
  if (typeof inner === 'number') return inner;
  const d = inner as Distribution;
  // A fresh copy, so the spec never shares arrays with the parsed document.
  if ('normal' in d) return { normal: [d.normal[0], d.normal[1]] };
  if ('triangular' in d) return { triangular: [d.triangular[0], d.triangular[1], d.triangular[2]] };
  return { uniform: [d.uniform[0], d.uniform[1]] };
}

function sourceOf(v: unknown): string | null {
  return isValueWithSource(v) && typeof v.source === 'string' ? v.source : null;
}

export function isYearMap(p: ParamSpec): p is YearMap {
  return typeof p === 'object' && 'years' in p;
}

export function hasDistribution(p: ParamSpec | null): boolean {
  if (p === null || typeof p === 'number') return false;
  if (isYearMap(p)) return p.years.some(([, v]) => typeof v !== 'number');
  return true;
}

/** Clamps a drawn value into the parameter's range (a normal can fall outside it). */
export function clampToKind(x: number, kind: ParamKind): number {
  switch (RANGE[kind]) {
    case 'share':
      return Math.min(1, Math.max(0, x));
    case 'rate':
      return Math.min(1, Math.max(-1, x));
    case 'nonnegative':
      return Math.max(0, x);
    case 'any':
      return x;
  }
}

/** Sets `obj.a.b.c` (a dotted path), creating the maps on the way. */
export function setAt(obj: Record<string, unknown>, dotted: string, value: unknown): void {
  const keys = dotted.split('.');
  let o = obj;
  for (const k of keys.slice(0, -1)) {
    if (!isPlainObject(o[k])) o[k] = {};
    o = o[k] as Record<string, unknown>;
  }
  o[keys[keys.length - 1]] = value;
}

export function getAt(obj: unknown, dotted: string): unknown {
  let v: unknown = obj;
  for (const k of dotted.split('.')) {
    if (!isPlainObject(v)) return undefined;
    v = v[k];
  }
  return v;
}

/** The value at a path of keys and list indices (`['transitions', 0, 'exit']`), or undefined. */
export function valueAt(root: unknown, p: ReadonlyArray<string | number>): unknown {
  let v: unknown = root;
  for (const seg of p) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}
