// Resolving: the ModelScenario of one run, from a loaded scenario and the registry.
//
//   resolveScenario(loaded, dataset, draw)  each distribution drawn by `draw(d, path)`
//   deterministicScenario(loaded, dataset)  every distribution at its central value
import { centralValue, type Distribution } from '../model/distribution.js';
import { SECTORS, type Dataset, type ModelScenario, type Timeline } from '../model/types.js';
import { clampToKind, getAt, isWholeKind, isYearMap, setAt, type ParamSpec, type Value } from './params.js';
import { NOT_READ_BY_CALIBRATION, OPTIONAL_MAPS, REGISTRY, camelPath, fieldsOf, isNumericRow, leafName, type NumericRow, type Row, type When } from './registry.js';
import type { LoadedScenario } from './load.js';
import { isPartOfNation } from './nation.js';

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
export function resolveScenario(
  loaded: LoadedScenario,
  dataset: Dataset,
  draw: (d: Distribution, path: string) => number,
  /** The run's streams, for the rules that draw during the run (which services exit, docs/model.md §4.3). */
  streams: { seed: number; run: number } = { seed: 1, run: 0 },
): ModelScenario {
  const s = loaded.spec;
  const whole = (x: number): number => Math.floor(x + 0.5);
  const value = (v: Value, p: string, row: NumericRow): number => {
    const x = typeof v === 'number' ? v : clampToKind(draw(v, p), row.kind);
    return isWholeKind(row.kind) ? whole(x) : x;
  };
  const timeline = (spec: ParamSpec, p: string, row: NumericRow): Timeline => {
    const before = row.before ?? row.default ?? 0;
    const initial = isWholeKind(row.kind) ? whole(before) : before;
    if (isYearMap(spec)) return { initial, steps: spec.years.map(([y, v]) => [y, value(v, `${p}.${y}`, row)] as const) };
    return { initial: value(spec, p, row), steps: [] };
  };
  const partOfNation = isPartOfNation(dataset);
  const param = (spec: ParamSpec | string | null, p: string, row: NumericRow): Timeline | number | string | null =>
    spec === null || (row.partOfNationOnly && !partOfNation)
      ? null
      : typeof spec === 'string'
        ? spec // a keyword (`outside_wales.places: held`), checked by the schema
        : row.dated
          ? timeline(spec, p, row)
          : value(spec as Value, p, row);
  const byLa = (map: Record<string, ParamSpec>, row: NumericRow) =>
    Object.fromEntries(
      Object.keys(map)
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
        .map((code) => [code, param(map[code], `${row.path}.${code}`, row)]),
    );
  const isInForce = (row: Row): boolean => {
    const when = (row as { when?: When }).when;
    if (!when) return true;
    return (Array.isArray(when) ? when : [when]).every((w: { path: string; equals: string | boolean }) => getAt(s, camelPath(w.path)) === w.equals);
  };
  /**
   * The model's entries of a numeric row, as [dotted path, value]: its spec is at `name` in `from`
   * (the spec, or a list item), a map by LA beside it at `<name>ByLa`, a map by sector at `bySector`.
   */
  const numeric = (row: NumericRow, from: Record<string, unknown>, name: string, p: string): Array<[string, unknown]> => {
    const spec = getAt(from, name) as ParamSpec | null | undefined;
    if (row.sameAs !== undefined && spec === undefined) return [[name, getAt(model, camelPath(row.sameAs))]];
    if (row.byLa === 'map') return [[name, byLa(spec as unknown as Record<string, ParamSpec>, row)]];
    const out: Array<[string, unknown]> = [[name, param(spec as ParamSpec | null, p, row)]];
    if (row.byLa === 'default-or-map') out.push([`${name}ByLa`, byLa(getAt(from, `${name}ByLa`) as Record<string, ParamSpec>, row)]);
    if (row.bySector !== undefined) {
      const at = `${row.bySector}.${leafName(row.path)}`;
      const bySector = getAt(from, at) as Record<string, ParamSpec> | undefined;
      if (bySector !== undefined) out.push([at, Object.fromEntries(SECTORS.filter((s) => s in bySector).map((s) => [s, param(bySector[s], `${p}.${s}`, row)]))]);
    }
    return out;
  };

  const model: Record<string, unknown> = { name: loaded.name, orderStreams: streams, notReadByCalibration: NOT_READ_BY_CALIBRATION };
  for (const row of REGISTRY) if (isNumericRow(row) && row.bySector !== undefined) setAt(model, row.bySector, {});
  for (const row of REGISTRY) {
    // A number not in force is not drawn and not given to the model; a fixed value (a choice, a
    // switch) is passed as the spec holds it, the model reading it only where it applies.
    if (row.path.includes('[]') || (isNumericRow(row) && !isInForce(row))) continue;
    const map = OPTIONAL_MAPS.find((g) => row.path.startsWith(`${g}.`));
    if (map !== undefined && getAt(s, camelPath(map)) === undefined) continue; // the scenario has no such map
    const at = camelPath(row.path);
    const to = 'model' in row && row.model !== undefined ? row.model : at;
    if (to === null) continue;
    if (row.kind === 'list') {
      const fields = fieldsOf(row.path);
      const items = getAt(s, at) as Array<Record<string, unknown>>;
      const resolved = items.flatMap((item, i) => {
        if (item.leftOut) return [];
        const out: Record<string, unknown> = {};
        for (const f of fields) {
          const name = leafName(camelPath(f.path));
          if (isNumericRow(f)) for (const [k, v] of numeric(f, item, name, `${row.path}[${i}].${leafName(f.path)}`)) setAt(out, k, v);
          else if (name in item) out[name] = item[name];
        }
        return [out];
      });
      setAt(model, to, resolved);
    } else if (isNumericRow(row)) {
      for (const [k, v] of numeric(row, s, row.at ?? at, row.path)) setAt(model, k, v);
    } else {
      setAt(model, to, getAt(s, at));
    }
  }
  // The registry's rows fill every key of ModelScenario (a test checks the shape).
  return model as unknown as ModelScenario;
}

/** The deterministic run's scenario: every distribution at its central value (mean of a normal or uniform, mode of a triangular). */
export function deterministicScenario(loaded: LoadedScenario, dataset: Dataset, seed = 1): ModelScenario {
  // Run 0 of the seed's streams orders the services that exit (docs/model.md §4.3): one draw of which go.
  return resolveScenario(loaded, dataset, (d) => centralValue(d), { seed, run: 0 });
}
