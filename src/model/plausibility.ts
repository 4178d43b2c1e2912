// The plausibility check of demand (docs/methodology.md, "Damped and reconciled trends"): every run
// warns, naming the LAs, when a projection takes an LA's children looked after below half or above
// twice its base-date figure within the horizon, as a straight trend through a small LA's few points
// can (one LA went from 250 children to 3 in twelve years).
import type { LocalAuthority, YearResult } from './types.js';

export const PLAUSIBLE_LOW = 0.5;
export const PLAUSIBLE_HIGH = 2;

/** A financial year as written in the outputs: 2035 -> 2035-36. */
const financialYear = (t: number): string => `${t}-${String((t + 1) % 100).padStart(2, '0')}`;

/**
 * The warning, or null when every LA stays within [0.5, 2] × its figure in the base row. Each LA
 * named is shown at its furthest point from the base (the first year of it on a tie), in LA code order.
 */
export function implausibleDemandWarning(years: readonly YearResult[], las: ReadonlyMap<string, Pick<LocalAuthority, 'nameEn'>>): string | null {
  const baseRow = years.find((y) => y.isBase);
  if (baseRow === undefined) return null;
  const base = new Map(baseRow.tallies.map((t) => [t.laCode, t.childrenLookedAfter]));
  const worst = new Map<string, { year: number; children: number; ratio: number }>();
  for (const y of years) {
    if (y.isBase) continue;
    for (const t of y.tallies) {
      const b = base.get(t.laCode) ?? 0;
      if (b <= 0) continue;
      const ratio = t.childrenLookedAfter / b;
      if (ratio >= PLAUSIBLE_LOW && ratio <= PLAUSIBLE_HIGH) continue;
      // How far out, on a log scale, so that 0.25× and 4× are equally far.
      const prev = worst.get(t.laCode);
      if (prev === undefined || Math.abs(Math.log(Math.max(ratio, 1e-9))) > Math.abs(Math.log(Math.max(prev.ratio, 1e-9)))) worst.set(t.laCode, { year: y.year, children: t.childrenLookedAfter, ratio });
    }
  }
  if (worst.size === 0) return null;
  const codes = [...worst.keys()].sort();
  const named = codes.map((c) => {
    const w = worst.get(c)!;
    return `${las.get(c)?.nameEn ?? c} (${base.get(c)} → ${w.children} in ${financialYear(w.year)}, ${w.ratio.toFixed(2)}×)`;
  });
  return (
    `demand: children looked after leave ${PLAUSIBLE_LOW}× to ${PLAUSIBLE_HIGH}× their base-date figure within the horizon in ${codes.length} LA${codes.length === 1 ? '' : 's'}: ${named.join('; ')}. ` +
    `A line through a few points of one LA is not a forecast: check it with sufficiency backtest, or damp and reconcile the trend (demand: { damping: 0.8, reconcile: nation }), or state demand as change or flows.`
  );
}
