// One-off costs of the transition (docs/methodology.md, "One-off costs of the transition"): what the
// supply events of step 2 cost to build, apart from the placement fees of `cost_gbp`. The supply
// rules record each event (places opened, recruited, converted, transferred, and who pays) in a
// list the caller owns; this file prices the list and charges each LA.
//
//   a strategy's open / recruit row     the LA whose strategy it is (wherever the places are hosted)
//   a regional home                     the region's LAs, shared by their children looked after
//   Foster Wales growth, conversions,   the LA that hosts the places
//   transfers to Foster Wales
import { largestRemainder, tieKey } from './rounding.js';
import { constant, valueAt } from './timeline.js';
import type { MarketType, OneOffCosts } from './types.js';

export type { OneOffCosts } from './types.js';

/** A scenario without `one_off_costs`: every event costs 0 (and `cost_one_off_gbp` is 0, not empty). */
export const NO_ONE_OFF_COSTS: OneOffCosts = {
  open: { foster: constant(0), residential: constant(0), secure: constant(0) },
  recruit: { foster: constant(0) },
  convert: { residential: constant(0), foster: constant(0) },
  transfer: { foster: constant(0) },
};

export type OneOffKind = 'open' | 'recruit' | 'convert' | 'transfer';

/** One supply event of a year: so many places of a type, and who pays for them. */
export interface OneOffEvent {
  kind: OneOffKind;
  placementType: MarketType;
  places: number;
  /** An LA code, or a region whose LAs share the cost by their children looked after. */
  payer: { la: string } | { region: string };
}

/**
 * The price per place of an event in year t, in base-year prices. A kind the scenario prices only for
 * some types costs nothing for the others: secure conversions, and recruitment other than foster,
 * which a strategy's `recruit` row of another type is charged as opening (`open`) instead.
 */
export function pricePerPlace(costs: OneOffCosts, kind: OneOffKind, type: MarketType, t: number): number {
  switch (kind) {
    case 'open':
      return valueAt(costs.open[type], t);
    case 'recruit':
      return type === 'foster' ? valueAt(costs.recruit.foster, t) : valueAt(costs.open[type], t);
    case 'convert':
      return type === 'secure' ? 0 : valueAt(costs.convert[type], t);
    case 'transfer':
      return type === 'foster' ? valueAt(costs.transfer.foster, t) : 0;
  }
}

export interface OneOffCharging {
  costs: OneOffCosts;
  /** Base-year prices to the year's money (cash, or the constant prices asked for). */
  index: number;
  year: number;
  /** The LAs of the dataset, in code order: every one is charged, 0 when it pays nothing. */
  laCodes: readonly string[];
  regionOf: (la: string) => string;
  /** The year's children looked after by LA: what a region's LAs share a regional home by. */
  childrenLookedAfter: (la: string) => number;
}

/**
 * Each LA's one-off costs of the year's events, in the year's money. An LA's own events are summed
 * unrounded (the area's total is rounded once, like `cost_gbp`); a regional home's cost is shared
 * over its region's LAs in whole pounds by largest remainder on their children looked after, so the
 * shares add up to the home's cost rounded half up. Worked: 4 places × £300,000 = £1,200,000 over
 * LAs of 100, 200 and 300 children: 200,000, 400,000 and 600,000; 1 place × £100,000 over 1, 1 and
 * 1 child: 33,333.33 each, the pound left over to the first LA by code: 33,334, 33,333, 33,333.
 */
export function chargeOneOffCosts(events: readonly OneOffEvent[], c: OneOffCharging): Map<string, number> {
  const out = new Map<string, number>(c.laCodes.map((la) => [la, 0]));
  for (const e of events) {
    const amount = e.places * pricePerPlace(c.costs, e.kind, e.placementType, c.year) * c.index;
    if (amount === 0) continue;
    if ('la' in e.payer) {
      // An LA the dataset leaves out (a strategy of another authority) is not charged here.
      if (out.has(e.payer.la)) out.set(e.payer.la, out.get(e.payer.la)! + amount);
      continue;
    }
    const region = e.payer.region;
    const las = c.laCodes.filter((la) => c.regionOf(la) === region);
    const weights = las.map((la) => c.childrenLookedAfter(la));
    const total = weights.reduce((s, w) => s + w, 0);
    if (las.length === 0) continue;
    // A region without children looked after shares the cost equally.
    const exact = las.map((_, i) => (total > 0 ? (amount * weights[i]) / total : amount / las.length));
    const shares = largestRemainder(exact, las.map((la) => tieKey(la, null, null, '', '')));
    las.forEach((la, i) => out.set(la, out.get(la)! + shares[i]));
  }
  return out;
}
