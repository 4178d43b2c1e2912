// Resolving: the ModelScenario of one run, from a loaded scenario and the registry.
//
//   resolveScenario(loaded, dataset, draw)  each distribution drawn by `draw(d, path)`
//   deterministicScenario(loaded, dataset)  every distribution at its central value
import { centralValue, type Distribution } from '../model/distribution.js';
import type { Dataset, ModelScenario, Timeline } from '../model/types.js';
import { clampToKind, getAt, isWholeKind, isYearMap, setAt, type ParamSpec, type Value } from './params.js';
import { REGISTRY, camelPath, fieldsOf, isNumericRow, leafName, type NumericRow, type Row } from './registry.js';
import type { LoadedScenario } from './load.js';

/**
 * The scenario as the model sees it, every distribution drawn by `draw(d, path)`. The draws happen
 * in the registry's order (docs/scenarios.md, "Canonical draw order"); each parameter's path keys
 * its own stream, so a run is reproducible whatever else the scenario holds:
 *
 *   a parameter                      `<path>`                      (`inflation`, `turnover.foster`)
 *   a value of a year map            `<path>.<year>`, years ascending
 *   an item of a list                `<list>[i].<field>`, i the index in the file (items left out
 *                                    by the dataset are not drawn, and keep the others' indices)
 *   an LA of a by-LA map             `<path>.<LA code>`, codes ascending
 *
 * Parameters not in force (`when`, e.g. `demand.rate` under the trend method) are not drawn. Numbers
 * are never passed to `draw`. Draws are clamped into the parameter's range (shares to [0, 1], rates
 * to at least -1, places, km and pounds to at least 0); places are rounded half-up to whole places.
 */
export function resolveScenario(loaded: LoadedScenario, dataset: Dataset, draw: (d: Distribution, path: string) => number): ModelScenario {
  const s = loaded.spec;
  const whole = (x: number): number => Math.floor(x + 0.5);
  const value = (v: Value, p: string, row: NumericRow): number => {
    const x = typeof v === 'number' ? v : clampToKind(draw(v, p), row.kind);
    return isWholeKind(row.kind) ? whole(x) : x;
  };
  const timeline = (spec: ParamSpec, p: string, row: NumericRow): Timeline => {
    const initial = isWholeKind(row.kind) ? whole(row.default ?? 0) : (row.default ?? 0);
    if (isYearMap(spec)) return { initial, steps: spec.years.map(([y, v]) => [y, value(v, `${p}.${y}`, row)] as const) };
    return { initial: value(spec, p, row), steps: [] };
  };
  const param = (spec: ParamSpec | null, p: string, row: NumericRow): Timeline | number | null =>
    spec === null ? null : row.dated ? timeline(spec, p, row) : value(spec as Value, p, row);
  const byLa = (map: Record<string, ParamSpec>, row: NumericRow) =>
    Object.fromEntries(
      Object.keys(map)
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
        .map((code) => [code, param(map[code], `${row.path}.${code}`, row)]),
    );
  const isInForce = (row: Row): boolean => {
    const when = (row as { when?: { path: string; equals: string } }).when;
    return !when || getAt(s, camelPath(when.path)) === when.equals;
  };
  /** The model's value of a numeric row whose spec sits in `from` (a map of the spec) at `name`. */
  const numeric = (row: NumericRow, from: Record<string, unknown>, p: string): Record<string, unknown> => {
    const name = leafName(camelPath(row.path));
    if (row.sameAs !== undefined && from[name] === undefined) return { [name]: getAt(model, camelPath(row.sameAs)) };
    const spec = from[name] as ParamSpec | null;
    if (row.byLa === 'map') return { [name]: byLa(spec as unknown as Record<string, ParamSpec>, row) };
    const out: Record<string, unknown> = { [name]: param(spec, p, row) };
    if (row.byLa === 'default-or-map') out[`${name}ByLa`] = byLa(from[`${name}ByLa`] as Record<string, ParamSpec>, row);
    return out;
  };

  const model: Record<string, unknown> = { name: loaded.name };
  for (const row of REGISTRY) {
    if (row.path.includes('[]') || !isInForce(row)) continue;
    const at = camelPath(row.path);
    const to = 'model' in row && row.model !== undefined ? row.model : at;
    if (to === null) continue;
    const parentOf = (p: string) => (p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '');
    if (row.kind === 'list') {
      const fields = fieldsOf(row.path);
      const items = getAt(s, at) as Array<Record<string, unknown>>;
      const resolved = items.flatMap((item, i) => {
        if (item.leftOut) return [];
        const out: Record<string, unknown> = {};
        for (const f of fields) {
          const name = leafName(camelPath(f.path));
          if (isNumericRow(f)) Object.assign(out, numeric(f, item, `${row.path}[${i}].${leafName(f.path)}`));
          else if (name in item) out[name] = item[name];
        }
        return [out];
      });
      setAt(model, to, resolved);
    } else if (isNumericRow(row)) {
      const parent = parentOf(at);
      const from = (parent ? getAt(s, parent) : s) as Record<string, unknown>;
      const modelParent = parentOf(to);
      for (const [k, v] of Object.entries(numeric(row, from, row.path))) setAt(model, modelParent ? `${modelParent}.${k}` : k, v);
    } else {
      setAt(model, to, getAt(s, at));
    }
  }
  // The registry's rows fill every key of ModelScenario (a test checks the shape).
  return model as unknown as ModelScenario;
}

/** The deterministic run's scenario: every distribution at its central value (mean of a normal or uniform, mode of a triangular). */
export function deterministicScenario(loaded: LoadedScenario, dataset: Dataset): ModelScenario {
  return resolveScenario(loaded, dataset, (d) => centralValue(d));
}
