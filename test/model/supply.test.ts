// Rule 2, supply events on 1 April: strategies, transitions, Foster Wales, regional homes.
import { describe, expect, it } from 'vitest';
import { fosterWalesNetNewByLa } from '../../src/model/supply.js';
import { runProjection } from '../../src/model/project.js';
import { dataset, demand, heldBy, placed, placesOf, provider, scenario, tally, tl } from './fixtures.js';

describe('strategies', () => {
  it('a close removes places one at a time from the currently largest provider, ties by id', () => {
    // P1 4, P2 4, P3 2; close 5: P1 (tie, id) 3; P2 3; P1 (tie) 2; P2 2; P1 (three-way tie) 1
    const ds = dataset({
      providers: [provider('P2', 'fp', 'A', 'residential', 4), provider('P1', 'fp', 'A', 'residential', 4), provider('P3', 'fp', 'A', 'residential', 2)],
      strategies: [{ laCode: 'A', year: 2024, action: 'close', placementType: 'residential', sector: 'fp', places: 5, host: 'A' }],
    });
    const p = runProjection(ds, scenario());
    expect(['P1', 'P2', 'P3'].map((id) => placesOf(p, 2024, id))).toEqual([1, 2, 2]);
    expect(placesOf(p, 2023, 'P1')).toBe(4); // the base row is before any event
  });

  it('closes come before opens, and opened places belong to STRATEGY_<la>_<type>_<sector> at the row\'s host', () => {
    const ds = dataset({
      providers: [provider('P1', 'la', 'B', 'foster', 3)],
      strategies: [
        { laCode: 'A', year: 2025, action: 'recruit', placementType: 'foster', sector: 'la', places: 4, host: 'B' },
        { laCode: 'A', year: 2025, action: 'close', placementType: 'foster', sector: 'la', places: 2, host: 'B' },
        { laCode: 'A', year: 2025, action: 'open', placementType: 'foster', sector: 'la', places: 1, host: 'B' },
      ],
    });
    const p = runProjection(ds, scenario({ horizonTo: 2025 }));
    // the close takes the existing provider's places (3 -> 1), not the ones opened the same day
    expect(placesOf(p, 2025, 'P1')).toBe(1);
    expect(placesOf(p, 2025, 'STRATEGY_A_foster_la')).toBe(5);
    expect(placesOf(p, 2024, 'STRATEGY_A_foster_la')).toBe(0);
  });

  it('a for-profit open is not applied once fp_growth_frozen_from has begun, with a warning', () => {
    const ds = dataset({
      strategies: [
        { laCode: 'A', year: 2024, action: 'open', placementType: 'residential', sector: 'fp', places: 2, host: 'A' },
        { laCode: 'A', year: 2025, action: 'open', placementType: 'residential', sector: 'fp', places: 3, host: 'A' },
      ],
    });
    const s = scenario({ horizonTo: 2025 });
    s.policy.fpGrowthFrozenFrom = 2025;
    const p = runProjection(ds, s);
    expect(placesOf(p, 2025, 'STRATEGY_A_residential_fp')).toBe(2);
    expect(p.years.find((y) => y.year === 2025)!.warnings.join('\n')).toMatch(/frozen/);
  });
});

describe('transitions', () => {
  // LA C places 5 children with P1 (host A) and 4 with P2 (host B), both for-profit homes of 5 places.
  const ds = dataset({
    placements: [placed('C', 'residential', 'fp', 'A', 5, 'P1'), placed('C', 'residential', 'fp', 'B', 4, 'P2')],
    providers: [provider('P1', 'fp', 'A', 'residential', 5), provider('P2', 'fp', 'B', 'residential', 5)],
    demandHistory: [demand('C', 9)],
  });
  const transition = { year: 2024, sector: 'fp' as const, placementType: 'residential' as const, region: null, host: null, providerId: null, exit: 0.3, convert: 0.5 };

  it('exits and conversions are shares of each provider\'s places, rounded by largest remainder across providers', () => {
    // exit: exact 1.5 + 1.5 = 3 -> floors 1, 1; the tie goes to host A first: P1 loses 2, P2 loses 1
    // convert: exact 2.5 + 2.5 = 5 -> floors 2, 2; the tie to A: P1 converts 3, P2 converts 2
    // P1: 5 − 2 − 3 = 0 places, P1~nfp 3; P2: 5 − 1 − 2 = 2, P2~nfp 2
    const p = runProjection(ds, scenario({ transitions: [transition] }));
    expect(['P1', 'P1~nfp', 'P2', 'P2~nfp'].map((id) => placesOf(p, 2024, id))).toEqual([0, 3, 2, 2]);
  });

  it('converted places keep their children (now nfp); children beyond the remaining places are displaced', () => {
    // P1's 5 children: 5 × 3/5 = 3 move to P1~nfp; 2 are left on 0 places and are displaced.
    // P2's 4 children: 4 × 2/5 = 1.6 -> 2 move to P2~nfp; 2 left on 2 places: nobody displaced.
    // No vacancy is left in Wales, so the 2 displaced children are placed outside Wales.
    const p = runProjection(ds, scenario({ transitions: [transition] }));
    const c = tally(p, 2024, 'C');
    expect(c.displaced).toBe(2);
    expect(c.placedOutsideWales).toBe(2);
    expect(c.newPlacements).toBe(2);
    expect(c.forProfitPlacements).toBe(4); // 2 left at P2 + 2 outside Wales
    expect(heldBy(p, 2024, 'C').sort()).toEqual(['OUTSIDE_WALES:2', 'P1~nfp:3', 'P2:2', 'P2~nfp:2']);
  });

  it('transitions of a year apply in list order, each share of the 1 April places, capped by what is left', () => {
    // P0042-like exit of the whole provider after a 50% conversion: P1 converts 2.5 -> 3 (single provider
    // rounds half up), then exit 1.0 of its 5 April places is capped at the 2 left.
    const p = runProjection(ds, scenario({
      transitions: [
        { ...transition, exit: 0, convert: 0.5, providerId: 'P1' },
        { ...transition, exit: 1, convert: 0, providerId: 'P1' },
      ],
    }));
    expect(placesOf(p, 2024, 'P1')).toBe(0);
    expect(placesOf(p, 2024, 'P1~nfp')).toBe(3);
  });

  it('a drawn convert share gives way to the exit share when the two exceed 1', () => {
    // exit 0.6 and convert 0.7 (a Monte Carlo draw can do that): convert is cut to 1 - 0.6 = 0.4.
    // exit: 3 + 3 = 6 -> P1 loses 3, P2 loses 3; convert 0.4: 2 + 2 -> P1~nfp 2, P2~nfp 2; P1 and P2 keep 0.
    const p = runProjection(ds, scenario({ transitions: [{ ...transition, exit: 0.6, convert: 0.7 }] }));
    expect(['P1', 'P1~nfp', 'P2', 'P2~nfp'].map((id) => placesOf(p, 2024, id))).toEqual([0, 2, 0, 2]);
  });
});

describe('Foster Wales', () => {
  it('transfers move a share of every for-profit foster provider\'s places, and their children, to ID~la', () => {
    // Q: 10 places, 8 children of A. 25% of 10 = 2.5 -> 3 places move; children 8 × 3/10 = 2.4 -> 2 move.
    const ds = dataset({
      placements: [placed('A', 'foster', 'fp', 'A', 8, 'Q')],
      providers: [provider('Q', 'fp', 'A', 'foster', 10)],
      demandHistory: [demand('A', 8)],
    });
    const p = runProjection(ds, scenario({ fosterWales: { netNewPlaces: tl(0), transfersFromFp: tl(0.25) } }));
    expect([placesOf(p, 2024, 'Q'), placesOf(p, 2024, 'Q~la')]).toEqual([7, 3]);
    expect(heldBy(p, 2024, 'A').sort()).toEqual(['Q:6', 'Q~la:2']);
    expect(tally(p, 2024, 'A').forProfitPlacements).toBe(6);
    expect(tally(p, 2024, 'A').newPlacements).toBe(0); // a transfer is not a new placement
  });

  it('net new places are shared over LAs by foster need as FOSTER_WALES_<la> places', () => {
    // foster need A 3, B 1, C 0: 10 places -> exact 7.5, 2.5, 0 -> floors 7, 2; the tie goes to A
    const ds = dataset({
      placements: [placed('A', 'foster', 'la', 'OUTSIDE_WALES', 3), placed('B', 'foster', 'la', 'OUTSIDE_WALES', 1), placed('C', 'residential', 'fp', 'OUTSIDE_WALES', 1)],
      demandHistory: [demand('A', 3), demand('B', 1), demand('C', 1)],
    });
    const p = runProjection(ds, scenario({ fosterWales: { netNewPlaces: tl(10), transfersFromFp: tl(0) } }));
    expect(['FOSTER_WALES_A', 'FOSTER_WALES_B', 'FOSTER_WALES_C'].map((id) => placesOf(p, 2024, id))).toEqual([8, 2, 0]);
  });
});

describe('Foster Wales: a net loss removes the LA\'s own foster places, FOSTER_WALES_<la> first', () => {
  // A's LA carers: L0 3 places, L1 6, L2 6, each full of A's children; turnover 0, need flat.
  const ds = dataset({
    placements: [placed('A', 'foster', 'la', 'A', 3, 'L0'), placed('A', 'foster', 'la', 'A', 6, 'L1'), placed('A', 'foster', 'la', 'A', 6, 'L2')],
    providers: [provider('L0', 'la', 'A', 'foster', 3), provider('L1', 'la', 'A', 'foster', 6), provider('L2', 'la', 'A', 'foster', 6)],
    demandHistory: [demand('A', 15)],
  });
  const cutBy = (byLa: ReturnType<typeof tl>, horizonTo: number) =>
    runProjection(ds, scenario({ horizonTo, fosterWales: { netNewPlaces: tl(0), transfersFromFp: tl(0), netNewPlacesByLa: { A: byLa } } }));

  it('with no FOSTER_WALES_A places, cuts 5 one at a time off the largest: L1, L2, L1, L2, L1', () => {
    // 6, 6 → L1 5 (tie by id), L2 5, L1 4 (tie), L2 4, L1 3: L0 3, L1 3, L2 4; children beyond the
    // places displaced: 3 at L1 and 2 at L2 = 5 (a cut of −5 once had no effect here).
    const p = cutBy(tl(-5), 2024);
    expect(['L0', 'L1', 'L2'].map((id) => placesOf(p, 2024, id))).toEqual([3, 3, 4]);
    expect(tally(p, 2024, 'A').displaced).toBe(5);
  });

  it('with 2 FOSTER_WALES_A places (2024\'s growth, empty), a cut of 5 in 2025 takes those 2, then L1', () => {
    // 2025: FOSTER_WALES_A 2 → 0 (empty: nobody displaced), then 3 off L1, L2, L1: L1 4, L2 5.
    // Displaced: 2 at L1, 1 at L2 = 3.
    const p = cutBy(tl(2, [[2025, -5]]), 2025);
    expect(['FOSTER_WALES_A', 'L0', 'L1', 'L2'].map((id) => placesOf(p, 2025, id))).toEqual([0, 3, 4, 5]);
    expect(tally(p, 2025, 'A').displaced).toBe(3);
  });

  it('never rescales an LA\'s own net new places by nation_need', () => {
    // nation_need 3,000 against the dataset's 600: the nation's 150 becomes 30 for A; B's own −7 stays −7.
    const growth = { netNewPlaces: 150, byLa: new Map([['B', -7]]), growthRate: 0, nationNeed: 3000 };
    expect([...fosterWalesNetNewByLa(growth, [['A', 400], ['B', 200]], () => 0)]).toEqual([['A', 30], ['B', -7]]);
  });
});

describe('regional homes', () => {
  it('open in their year as REGIONAL_<region>_<host>, reserved for the region', () => {
    const ds = dataset({ demandHistory: [demand('A', 0)] });
    const p = runProjection(ds, scenario({
      horizonTo: 2025,
      regionalResidential: [{ region: 'north-wales', host: 'B', year: 2025, places: 4, sector: 'la', placementType: 'residential', reservedForRegion: true }],
    }));
    expect(placesOf(p, 2024, 'REGIONAL_north-wales_B')).toBe(0);
    expect(placesOf(p, 2025, 'REGIONAL_north-wales_B')).toBe(4);
    const y = p.years.find((r) => r.year === 2025)!;
    expect(y.providers.find((x) => x.providerId === 'REGIONAL_north-wales_B')!.reservedForRegion).toBe('north-wales');
  });
});
