// The plan over several runs and beside its previous year (docs/methodology.md, "The plan: runs and
// the previous year"). A random scenario is a distribution (docs/model.md §4.1 as docs/methodology.md, "Monte
// Carlo runs", tells it), so the plan gives each figure as the mean over the runs, a count of children
// whole (half up), with its 10th and 90th percentiles; the providers (d)(iii) names are every provider
// any run names, each with its mean count. Pure: plans of single runs in, one plan out.
import { quantileSorted } from 'simple-statistics';
import { namedRows, type NamedProvider, type PlanFigures, type PlanRow, type PlanTextKey } from './plan-figures.js';

const keyOf = (r: Pick<PlanRow, 'section' | 'item' | 'placementType'>): string => `${r.section}\u0000${r.item}\u0000${r.placementType}`;

/** Items whose figure is not a count of children: a mean that is not rounded to whole children. */
const MEASURES: readonly PlanTextKey[] = ['c.ratio', 'c.sufficiency', 'a(ii).meanDistance', 'a(ii).p90Distance'];
/** Money: the mean in whole pounds. */
const MONEY: readonly PlanTextKey[] = ['a(i).cost'];

type Kind = 'count' | 'measure' | 'money';
const kindOf = (r: PlanRow): Kind => (r.text === undefined ? 'count' : MEASURES.includes(r.text.key) ? 'measure' : MONEY.includes(r.text.key) ? 'money' : 'count');

/** Half up, as docs/model.md §4.2's money and whole children: 2.5 → 3, −2.5 → −2 (a hair of float error allowed). */
export const halfUp = (x: number): number => Math.floor(x + 0.5 + 1e-9);

/** Nearest-rank percentile of sorted values (whole children stay whole). */
function nearestRank(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}

/** A figure over the runs: its mean (rounded as its kind is), p10 and p90; empty runs left out. */
export function summarise(values: ReadonlyArray<number | null>, kind: Kind): { value: number | null; lo: number | null; hi: number | null } {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return { value: null, lo: null, hi: null };
  const mean = xs.reduce((s, v) => s + v, 0) / xs.length;
  if (kind === 'count') return { value: halfUp(mean), lo: nearestRank(xs, 0.1), hi: nearestRank(xs, 0.9) };
  const lo = quantileSorted(xs, 0.1);
  const hi = quantileSorted(xs, 0.9);
  return kind === 'money' ? { value: halfUp(mean), lo: halfUp(lo), hi: halfUp(hi) } : { value: mean, lo, hi };
}

/**
 * Every provider any run names in one list, with its mean count over all the runs (0 in a run that
 * does not name it), whole children half up, most first: a provider one run in four names once
 * stays in the list, at 0 (0.25 rounded), as the plan must name every provider an application may name.
 */
function joinNamed(lists: ReadonlyArray<readonly NamedProvider[]>): NamedProvider[] {
  const all = new Map<string, NamedProvider & { total: number }>();
  for (const list of lists) {
    for (const p of list) {
      const k = `${p.id}\u0000${p.type}`;
      const held = all.get(k) ?? { ...p, total: 0 };
      held.total += p.children;
      all.set(k, held);
    }
  }
  const n = lists.length;
  return [...all.values()]
    .map((p) => ({ id: p.id, item: p.item, text: p.text, type: p.type, children: halfUp(p.total / n), mean: p.total / n }))
    .sort((a, b) => b.mean - a.mean || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(({ id, item, text, type, children }) => ({ id, item, ...(text ? { text } : {}), type, children }));
}

/**
 * One plan from the plans of N runs of the same LA and year: every row of run 0 (in its order) with
 * the mean and p10–p90 of the runs, and (d)(iii) rebuilt from every run's providers.
 */
export function planOverRuns(runs: readonly PlanFigures[]): PlanFigures {
  if (runs.length === 0) throw new Error('a plan needs at least one run');
  if (runs.length === 1) return runs[0];
  const values = new Map<string, Array<number | null>>();
  for (const run of runs) {
    for (const r of run.rows) {
      if (r.section === 'd(iii)') continue;
      const k = keyOf(r);
      const list = values.get(k) ?? [];
      list.push(r.value);
      values.set(k, list);
    }
  }
  const named = { applications: joinNamed(runs.map((r) => r.named.applications)), holding: joinNamed(runs.map((r) => r.named.holding)) };
  const rows: PlanRow[] = [];
  const first = runs[0];
  let namedDone = false;
  for (const r of first.rows) {
    if (r.section === 'd(iii)') {
      if (!namedDone) rows.push(...namedRows(named));
      namedDone = true;
      continue;
    }
    // A row that only states a rule or a heading (no figure in run 0) stays as it is.
    if (r.value === null && values.get(keyOf(r))!.every((v) => v === null)) {
      rows.push(r);
      continue;
    }
    rows.push({ ...r, ...summarise(values.get(keyOf(r))!, kindOf(r)) });
  }
  return { ...first, rows, named };
}

/**
 * Each row's key: section, item and type, and in (d)(iii) which of its two lists the row is in (a
 * provider can be in both: named in applications and holding children).
 */
function rowKeys(rows: readonly PlanRow[]): string[] {
  let list = 0;
  return rows.map((r) => {
    if (r.section !== 'd(iii)') return keyOf(r);
    if (r.value === null) list++;
    return `${keyOf(r)}\u0000${list}`;
  });
}

/** The plan with each row's figure in the previous financial year beside it (null where that year has no such row). */
export function withPrevious(current: PlanFigures, previous: PlanFigures | null): PlanFigures {
  if (previous === null) return current;
  const prevKeys = rowKeys(previous.rows);
  const before = new Map(previous.rows.map((r, i) => [prevKeys[i], r.value]));
  const keys = rowKeys(current.rows);
  // A heading of (d)(iii) carries its count of providers, which differs between the years: it has no figure to compare.
  return { ...current, rows: current.rows.map((r, i) => ({ ...r, previous: r.value === null ? null : (before.get(keys[i]) ?? null) })) };
}
