// What a plan keeps of one run (docs/methodology.md, "The plan: runs and the previous year"): one
// LA's part of a few years of the projection, small enough to send back from a worker thread for
// every run. Pure: a projection in, its part out. Every figure the plan reads of its LA in those
// years reads the same from the part as from the whole projection.
import type { Dataset, Projection, YearResult } from '../model/types.js';

/** Which part of each run to keep: one LA, in these years (the plan's year, the year before, and so on). */
export interface LaPartAsked {
  laCode: string;
  years: readonly number[];
}

/** One LA's part of a run, and the run's model warnings (of every year, each once, in order). */
export interface LaPart {
  projection: Projection;
  warnings: string[];
}

/**
 * The LA's part of each year asked for: its tally, the places located in it, its placement groups
 * (at the year's end, and those it placed in the year), and the providers a plan names or counts:
 * the LA's own places in its area, the places reserved for its region, its strategy's openings and
 * every provider holding or taking its children.
 */
export function laPart(projection: Projection, dataset: Dataset, asked: LaPartAsked): LaPart {
  const { laCode } = asked;
  const region = dataset.localAuthorities.find((l) => l.code === laCode)?.region ?? null;
  const years = projection.years.filter((y) => asked.years.includes(y.year)).map((y): YearResult => {
    const groups = y.groups.filter((g) => g.laCode === laCode);
    const placedInYear = y.placedInYear?.filter((g) => g.laCode === laCode);
    const used = new Set([...groups, ...(placedInYear ?? [])].map((g) => g.providerId));
    const strategy = `STRATEGY_${laCode}_`;
    const providers = y.providers.filter(
      (p) =>
        (p.sector === 'la' && p.host === laCode && p.reservedForRegion === null) ||
        (p.reservedForRegion !== null && p.reservedForRegion === region) ||
        p.providerId.startsWith(strategy) ||
        used.has(p.providerId),
    );
    return {
      ...y,
      tallies: y.tallies.filter((t) => t.laCode === laCode),
      places: y.places.filter((p) => p.host === laCode),
      groups,
      providers,
      ...(placedInYear === undefined ? {} : { placedInYear }),
    };
  });
  const warnings = [...new Set(projection.years.flatMap((y) => y.warnings))];
  return { projection: { ...projection, years }, warnings };
}
