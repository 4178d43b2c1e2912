// The options of `sufficiency sensitivity` that no other command has: --metric, --year, --area (one
// area), --threshold and --vary, each read and checked before any model run.
import { UsageError } from '../../errors.js';
import { suggestAmong } from '../../common/la-names.js';
import { areasOf } from '../../model/aggregate.js';
import { COMPARISONS, type Comparison, type Threshold } from '../../model/sensitivity/threshold.js';
import { METRICS, type AreaLevel, type Dataset, type MetricName } from '../../model/types.js';
import { checkVary, type Vary } from '../../scenario/vary.js';
import type { LoadedScenario } from '../../scenario/load.js';
import { parseAreas } from '../areas.js';

/** A metric name, or a usage error with the nearest name. */
export function parseMetric(flag: string, text: string): MetricName {
  const name = text.trim();
  if ((METRICS as readonly string[]).includes(name)) return name as MetricName;
  const close = suggestAmong(name, METRICS);
  throw new UsageError(`${flag}: unknown metric "${name}"${close ? `: ${close}` : ''} (metrics: ${METRICS.join(', ')})`);
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** `sufficiency_foster>=1`: a metric, one of >=, <=, >, <, and a number (spaces allowed around each). */
export function parseThreshold(text: string): Threshold {
  const m = /^\s*([a-z_0-9]+)\s*(>=|<=|>|<)\s*(\S+)\s*$/i.exec(text);
  if (!m || !NUMBER.test(m[3])) {
    throw new UsageError(`--threshold "${text}": expected a metric, one of ${COMPARISONS.join(' ')} and a number, as "sufficiency_residential>=1"`);
  }
  return { metric: parseMetric('--threshold', m[1]), op: m[2] as Comparison, value: Number(m[3]) };
}

/** `PATH=LOW:HIGH`, checked against the scenario. */
export function parseVary(text: string, loaded: LoadedScenario): Vary {
  const m = /^\s*([^=\s]+)\s*=\s*(\S+?)\s*:\s*(\S+)\s*$/.exec(text);
  if (!m || !NUMBER.test(m[2]) || !NUMBER.test(m[3])) {
    throw new UsageError(`--vary "${text}": expected PATH=LOW:HIGH, as "turnover.foster=0.25:0.35"`);
  }
  const checked = checkVary(loaded, m[1], Number(m[2]), Number(m[3]));
  if (typeof checked === 'string') throw new UsageError(`--vary "${text}": ${checked}`);
  return checked;
}

/** Every --vary, each path once. */
export function parseVaries(texts: readonly string[], loaded: LoadedScenario): Vary[] {
  const out: Vary[] = [];
  for (const t of texts) {
    const v = parseVary(t, loaded);
    if (out.some((o) => o.path === v.path)) throw new UsageError(`--vary "${t}": ${v.path} is already varied by an earlier --vary`);
    out.push(v);
  }
  return out;
}

/** --area: one LA or one region; without it, the nation. Powys, both an LA and a region, is the LA. */
export function parseOneArea(text: string | undefined, dataset: Dataset): { level: AreaLevel; code: string; name: string } {
  if (text === undefined) return { level: 'wales', code: dataset.nation.code, name: dataset.nation.name };
  const regions = areasOf(dataset, 'region');
  const filter = parseAreas(text, dataset, regions);
  if (filter.las.size + filter.regions.size > 1 && !(filter.las.size === 1 && filter.regions.size === 1 && !text.includes(','))) {
    throw new UsageError(`--area "${text}": sensitivity looks at one area at a time: name one LA or one region`);
  }
  if (filter.las.size === 1) {
    const code = [...filter.las][0];
    return { level: 'la', code, name: dataset.localAuthorities.find((l) => l.code === code)?.nameEn ?? code };
  }
  const slug = [...filter.regions][0];
  return { level: 'region', code: slug, name: regions.find((r) => r.code === slug)?.name ?? slug };
}
