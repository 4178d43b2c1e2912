// Which parameters a sensitivity analysis varies and which it holds (docs/methodology.md, "Which
// assumption matters"): every distribution the scenario draws, by its draw path (the path that keys
// its stream, src/scenario/resolve.ts), and any number an analyst names with `--vary PATH=LOW:HIGH`.
//
// A number is drawn by no one, so to vary it the spec's number is replaced by a stand-in
// distribution: the resolver then asks for it by its path, and the point's draw function answers
// with the pinned value, or the number itself while other parameters are varied.
import { centralValue, isDistribution, type Distribution } from '../model/distribution.js';
import type { Dataset } from '../model/types.js';
import { suggestAmong } from '../common/la-names.js';
import { checkParam, getAt, isPlainObject, isYearMap, rangeText, type ParamSpec, type Value } from './params.js';
import { REGISTRY, camelPath, isNumericRow, leafName, type NumericRow } from './registry.js';
import { resolveScenario } from './resolve.js';
import type { LoadedScenario } from './load.js';

export interface Drawn {
  path: string;
  distribution: Distribution;
}

/** Every distribution a run of the scenario draws, in draw order (the registry's). */
export function drawnParameters(loaded: LoadedScenario, dataset: Dataset): Drawn[] {
  const out: Drawn[] = [];
  resolveScenario(loaded, dataset, (d, path) => {
    out.push({ path, distribution: d });
    return centralValue(d);
  });
  return out;
}

/** Where a draw path's value sits: the registry row and the spec object and key holding it. */
interface Place {
  row: NumericRow;
  /** The value now (a number or a distribution). */
  value: Value;
  /** Writes a new value in its place (on a copy of the spec). */
  set: (spec: Record<string, unknown>, v: Value) => void;
}

const LIST_ITEM = /^([a-z_]+)\[(\d+)\]\.([a-z_]+)$/;
const YEAR_KEY = /^(.+)\.(\d{4})$/;

/** Every path `--vary` may name in this scenario: its numeric parameters in force (not years or counts of years), one value each. */
export function varyCandidates(loaded: LoadedScenario): string[] {
  const numeric = (rowPath: string): boolean => REGISTRY.some((r) => r.path === rowPath && isNumericRow(r));
  const out: string[] = [];
  for (const p of loaded.parameters) {
    if (typeof p.value === 'number' || isDistribution(p.value)) {
      if (numeric(p.path) || numeric(p.path.replace(/\.\d{4}$/, ''))) out.push(p.path);
    } else if (isPlainObject(p.value) && /\[\d+\]$/.test(p.path)) {
      const list = p.path.replace(/\[\d+\]$/, '');
      for (const [k, v] of Object.entries(p.value)) if ((typeof v === 'number' || isDistribution(v)) && numeric(`${list}[].${k}`)) out.push(`${p.path}.${k}`);
    }
  }
  return out;
}

/** Finds the value a draw path names, or explains why it names none (with a did-you-mean). */
export function placeOf(loaded: LoadedScenario, path: string): Place | string {
  const unknown = (why: string): string => {
    const close = suggestAmong(path, varyCandidates(loaded));
    return `${why}${close ? `: ${close}` : ''}`;
  };
  const list = LIST_ITEM.exec(path);
  if (list) {
    const [, name, index, field] = list;
    const row = REGISTRY.find((r) => r.path === `${name}[].${field}`);
    const items = getAt(loaded.spec, camelPath(name));
    const item = Array.isArray(items) ? (items[Number(index)] as Record<string, unknown> | undefined) : undefined;
    const key = leafName(camelPath(field));
    if (!row || !isNumericRow(row) || item === undefined || item.leftOut === true || !(key in item)) return unknown(`unknown parameter "${path}"`);
    return {
      row,
      value: item[key] as Value,
      set: (spec, v) => (((getAt(spec, camelPath(name)) as Array<Record<string, unknown>>)[Number(index)] as Record<string, unknown>)[key] = v),
    };
  }
  const dated = YEAR_KEY.exec(path);
  const rowPath = dated ? dated[1] : path;
  const row = REGISTRY.find((r) => r.path === rowPath);
  if (!row || !isNumericRow(row) || row.byLa === 'map') return unknown(`unknown parameter "${path}"`);
  const at = row.at ?? camelPath(row.path);
  const spec = getAt(loaded.spec, at) as ParamSpec | null | undefined;
  if (spec === undefined || spec === null) return unknown(`"${path}" is not in force in this scenario`);
  const parent = (s: Record<string, unknown>): Record<string, unknown> => (at.includes('.') ? (getAt(s, at.slice(0, at.lastIndexOf('.'))) as Record<string, unknown>) : s);
  if (isYearMap(spec)) {
    const years = spec.years.map(([y]) => `${rowPath}.${y}`);
    const i = dated ? spec.years.findIndex(([y]) => y === Number(dated[2])) : -1;
    if (i < 0) return `"${path}" is a year map in this scenario: name one of its years (${years.join(', ')})`;
    return { row, value: spec.years[i][1], set: (s, v) => ((getAt(s, at) as { years: Array<[number, Value]> }).years[i][1] = v) };
  }
  if (dated) return unknown(`"${rowPath}" has one value for every year in this scenario, not a year map`);
  return { row, value: spec, set: (s, v) => (parent(s)[leafName(at)] = v) };
}

/** What `--vary PATH=LOW:HIGH` asks, checked. */
export interface Vary {
  path: string;
  low: number;
  high: number;
  /** The value it holds while other parameters are varied: its number, or its distribution's central value. */
  central: number;
}

/** Checks a --vary against the scenario: a path it holds, LOW ≤ HIGH, both values the parameter can take. */
export function checkVary(loaded: LoadedScenario, path: string, low: number, high: number): Vary | string {
  const place = placeOf(loaded, path);
  if (typeof place === 'string') return place;
  if (low > high) return `LOW ${low} is above HIGH ${high}`;
  for (const v of [low, high]) {
    const issues = checkParam(v, place.row.kind, false, false).filter((i) => i.severity !== 'warning');
    if (issues.length > 0) return `${v} is not a value ${path} can take (${rangeText(place.row.kind)})`;
  }
  return { path, low, high, central: typeof place.value === 'number' ? place.value : centralValue(place.value) };
}

/**
 * The scenario with each varied number replaced by a stand-in distribution, so that the resolver
 * draws it by its path. The stand-in's own values are never used: a point's draw function answers
 * for every path it is asked.
 */
export function withVaried(loaded: LoadedScenario, varies: readonly Vary[]): LoadedScenario {
  const spec = structuredClone(loaded.spec);
  for (const v of varies) {
    const place = placeOf(loaded, v.path) as Place;
    if (typeof place.value === 'number') place.set(spec, { uniform: [v.low, v.high] });
  }
  return { ...loaded, spec };
}
