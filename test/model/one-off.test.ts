// One-off costs of the transition (docs/methodology.md, "One-off costs of the transition"): each
// supply event priced per place in base-year prices, indexed like placement costs, charged in the
// year of the event to the LA that pays, never in cost_gbp.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { areaMetrics, areasOf } from '../../src/model/aggregate.js';
import { NO_ONE_OFF_COSTS, chargeOneOffCosts, type OneOffEvent } from '../../src/model/one-off.js';
import { runProjection } from '../../src/model/project.js';
import type { OneOffCosts } from '../../src/model/types.js';
import { dataset, demand, placed, provider, scenario, tally, tl } from './fixtures.js';

/** The docs/model.md §4.5 example's prices. */
const PRICES: OneOffCosts = {
  open: { foster: tl(0), residential: tl(350000), secure: tl(0) },
  recruit: { foster: tl(12000) },
  convert: { residential: tl(20000), foster: tl(3000) },
  transfer: { foster: tl(5000) },
};

describe('charging events to the LA that pays', () => {
  const base = { costs: PRICES, index: 1, year: 2025, laCodes: ['A', 'B', 'C'], regionOf: (la: string) => (la === 'C' ? 'powys' : 'north-wales') };

  it('a regional home is shared over its region by children looked after, in whole pounds by largest remainder', () => {
    // 1 place × £350,000 over A (1 child) and B (2 children): 116,666.67 and 233,333.33 →
    // floors 116,666 and 233,333 leave £1, to the larger remainder (A's .67): 116,667 and 233,333.
    const events: OneOffEvent[] = [{ kind: 'open', placementType: 'residential', places: 1, payer: { region: 'north-wales' } }];
    const out = chargeOneOffCosts(events, { ...base, childrenLookedAfter: (la) => ({ A: 1, B: 2, C: 5 })[la]! });
    expect([...out.entries()]).toEqual([['A', 116667], ['B', 233333], ['C', 0]]);
  });

  it('equal remainders go to the lower LA code', () => {
    // 1 place × £350,000 over A and B with 1 child each: 175,000 each, no remainder; 3 places of
    // £100,001 over 2 equal LAs: 150,001.5 each, £1 left over goes to A.
    const events: OneOffEvent[] = [{ kind: 'open', placementType: 'residential', places: 3, payer: { region: 'north-wales' } }];
    const prices = { ...PRICES, open: { ...PRICES.open, residential: tl(100001) } };
    const out = chargeOneOffCosts(events, { ...base, costs: prices, childrenLookedAfter: () => 1 });
    expect([out.get('A'), out.get('B')]).toEqual([150002, 150001]);
  });

  it("an LA's own events add up unrounded; a strategy's recruit row of a residential type is priced as opening", () => {
    // A: 2 foster recruits × 12,000 + 3 residential conversions × 20,000 + 1 foster transfer × 5,000
    //    + 1 residential "recruit" × 350,000 (open price) = 24,000 + 60,000 + 5,000 + 350,000 = 439,000;
    // a secure conversion costs nothing (no price is asked for it); index 1.1 → 482,900.
    const events: OneOffEvent[] = [
      { kind: 'recruit', placementType: 'foster', places: 2, payer: { la: 'A' } },
      { kind: 'convert', placementType: 'residential', places: 3, payer: { la: 'A' } },
      { kind: 'transfer', placementType: 'foster', places: 1, payer: { la: 'A' } },
      { kind: 'recruit', placementType: 'residential', places: 1, payer: { la: 'A' } },
      { kind: 'convert', placementType: 'secure', places: 4, payer: { la: 'A' } },
    ];
    const out = chargeOneOffCosts(events, { ...base, index: 1.1, childrenLookedAfter: () => 1 });
    expect(out.get('A')).toBeCloseTo(482900, 6);
    expect([out.get('B'), out.get('C')]).toEqual([0, 0]);
  });

  it('property: a regional home is charged in full, each share within a pound of its exact share', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 500000 }), fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 3, maxLength: 3 }), (places, price, children) => {
        const prices = { ...PRICES, open: { ...PRICES.open, residential: tl(price) } };
        const events: OneOffEvent[] = [{ kind: 'open', placementType: 'residential', places, payer: { region: 'north-wales' } }];
        const regionOf = () => 'north-wales';
        const out = chargeOneOffCosts(events, { ...base, costs: prices, regionOf, childrenLookedAfter: (la) => children['ABC'.indexOf(la)] });
        const total = [...out.values()].reduce((s, v) => s + v, 0);
        expect(total).toBe(places * price);
        const sum = children.reduce((s, v) => s + v, 0);
        ['A', 'B', 'C'].forEach((la, i) => {
          const exact = sum > 0 ? (places * price * children[i]) / sum : (places * price) / 3;
          expect(Math.abs(out.get(la)! - exact)).toBeLessThan(1);
        });
      }),
    );
  });
});

describe('cost_one_off_gbp in a projection', () => {
  // A and B in north-wales, C in powys. A strategy of A opens 2 residential places hosted in C in
  // 2025; a regional home of 1 place opens for north-wales in 2025; inflation 10% a year from 2025.
  const ds = dataset({
    placements: [placed('A', 'foster', 'fp', 'A', 1, 'Q'), placed('B', 'foster', 'la', 'B', 3, 'L')],
    providers: [provider('Q', 'fp', 'A', 'foster', 10), provider('L', 'la', 'B', 'foster', 3)],
    demandHistory: [demand('A', 1), demand('B', 3)],
    strategies: [{ laCode: 'A', year: 2025, action: 'open', placementType: 'residential', sector: 'la', places: 2, host: 'C' }],
  });
  const s = scenario({
    horizonTo: 2025,
    inflation: tl(0, [[2025, 0.1]]),
    oneOffCosts: PRICES,
    regionalResidential: [{ region: 'north-wales', host: 'B', year: 2025, places: 1, sector: 'la', placementType: 'residential', reservedForRegion: true }],
  });

  it("is charged in the event's year to the LA that pays, indexed from base-year prices, and never in cost_gbp", () => {
    const p = runProjection(ds, s);
    // 2024: nothing happens: 0, not empty; the base row is empty.
    expect(tally(p, 2023, 'A').costOneOffGbp).toBeNull();
    expect(tally(p, 2024, 'A').costOneOffGbp).toBe(0);
    // 2025, index 1.1 from the base year 2024: A's strategy 2 × 350,000 × 1.1 = 770,000 (charged to
    // A, though hosted in C); the regional home 350,000 × 1.1 = 385,000 shared by children looked
    // after A 1, B 3: 96,250 and 288,750.
    expect(tally(p, 2025, 'A').costOneOffGbp).toBeCloseTo(770000 + 96250, 6);
    expect(tally(p, 2025, 'B').costOneOffGbp).toBe(288750);
    expect(tally(p, 2025, 'C').costOneOffGbp).toBe(0);
    const wales = areasOf(ds, 'wales')[0];
    const y2025 = p.years.find((y) => y.year === 2025)!;
    expect(areaMetrics(y2025, wales).cost_one_off_gbp).toBe(1155000);
    // No costs data: cost_gbp is empty while the one-off costs are still there.
    expect(areaMetrics(y2025, wales).cost_gbp).toBeNull();
  });

  it('follows --prices: constant 2024 prices under a 10% deflator give back the base-year price', () => {
    const p = runProjection(ds, { ...s, deflator: tl(0, [[2025, 0.1]]) }, { pricesYear: 2024 });
    // 2 × 350,000 × 1.1 ÷ 1.1 = 700,000 for A's strategy, + 87,500 of the home (1 of 4 children).
    expect(tally(p, 2025, 'A').costOneOffGbp).toBeCloseTo(787500, 6);
  });

  it('conversions and Foster Wales transfers and growth go to the host LA', () => {
    // Q (fp foster, host A, 10 places): 20% transfer → 2 places to Foster Wales: 2 × 5,000 = 10,000
    // to A. Foster Wales growth 4 places shared by foster need A 1, B 3 → 1 and 3: 12,000 to A,
    // 36,000 to B. No inflation in 2024.
    const p = runProjection(ds, scenario({ oneOffCosts: PRICES, fosterWales: { netNewPlaces: tl(4), transfersFromFp: tl(0.2) } }));
    expect(tally(p, 2024, 'A').costOneOffGbp).toBe(22000);
    expect(tally(p, 2024, 'B').costOneOffGbp).toBe(36000);
    // A conversion of half Q's places (5 foster places × 3,000) is charged to its host A.
    const tr = { year: 2024, sector: 'fp' as const, placementType: 'foster' as const, region: null, host: null, providerId: null, exit: 0, convert: 0.5 };
    const c = runProjection(ds, scenario({ oneOffCosts: PRICES, transitions: [tr] }));
    expect(tally(c, 2024, 'A').costOneOffGbp).toBe(15000);
  });

  it('without one_off_costs every projected year is 0', () => {
    const p = runProjection(ds, { ...s, oneOffCosts: undefined });
    expect(tally(p, 2025, 'A').costOneOffGbp).toBe(0);
    expect(NO_ONE_OFF_COSTS.open.residential.initial).toBe(0);
  });
});
