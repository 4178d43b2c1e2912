// docs/model.md §4.3 (market realism), apart from the choice model: occupancy by sector, children of
// other authorities, usable places held at the base date, whole services leaving, and the metrics
// built on them. Every figure is worked by hand in the comments.
import { describe, expect, it } from 'vitest';
import { areaRows } from '../../src/model/aggregate.js';
import { runProjection } from '../../src/model/project.js';
import { fosterWalesNetNewByLa, selectServices } from '../../src/model/supply.js';
import { moveHeldPlaces, usablePlaces } from '../../src/model/usable.js';
import type { Dataset, ExternalPlacementRow, ModelScenario, ProviderPlaces } from '../../src/model/types.js';
import { dataset, demand, heldBy, placed, provider, scenario, tally, tl } from './fixtures.js';

const metric = (ds: Dataset, s: ModelScenario, code: string, year: number, name: string) => {
  const rows = areaRows(runProjection(ds, s), ds, 'la');
  return rows.find((r) => r.areaCode === code && r.year === year)!.metrics[name as 'unplaced'];
};

const external = (host: string, children: number, providerId: string | null = null): ExternalPlacementRow => ({
  host,
  placementType: 'residential',
  sector: 'fp',
  children,
  providerId,
  placingAuthority: 'English councils',
});

const occ = { foster: { la: 1, nfp: 1, fp: 1 }, residential: { la: 1, nfp: 1, fp: 1 }, secure: { la: 1, nfp: 1, fp: 1 } };
const unit = (over: Partial<ProviderPlaces>): ProviderPlaces => ({
  providerId: 'P',
  providerName: 'P',
  sector: 'la',
  host: 'A',
  placementType: 'foster',
  places: 10,
  reservedForRegion: null,
  ...over,
});

describe('occupancy by sector', () => {
  it('gives a sector its own occupancy and the others the type\'s', () => {
    // A had 1 residential child outside Wales; need grows to 1 × 20 = 20, so 19 seek.
    // L (la, 10 places) at la occupancy 0.95: floor(9.5) = 9 usable; F (fp, 10 places) at the type's
    // 0.85: floor(8.5) = 8. 9 go to L (own places), 8 to F, 2 more outside Wales (3 there in all).
    const ds = dataset({
      placements: [placed('A', 'residential', 'fp', 'OUTSIDE_WALES', 1)],
      providers: [provider('L', 'la', 'A', 'residential', 10), provider('F', 'fp', 'A', 'residential', 10)],
      demandHistory: [demand('A', 1)],
    });
    const s = scenario({ demand: { method: 'change', rate: tl(19), rateByLa: {} } });
    s.occupancy.residential = tl(0.85);
    s.occupancyBySector = { residential: { la: tl(0.95) } };
    expect(heldBy(runProjection(ds, s), 2024, 'A')).toEqual(['L:9', 'F:8', 'OUTSIDE_WALES:3']);
    // usable places 9 + 8 = 17 over need 20 = 0.85
    expect(metric(ds, s, 'A', 2024, 'usable_places_residential')).toBe(17);
    expect(metric(ds, s, 'A', 2024, 'sufficiency_residential')).toBeCloseTo(0.85, 12);
    expect(metric(ds, s, 'A', 2024, 'places_residential')).toBe(20);
  });
});

describe('children of other authorities', () => {
  // H (fp residential in A, 4 places) holds 2 of A's children and 2 of other authorities'.
  const ds = dataset({
    placements: [placed('A', 'residential', 'fp', 'A', 2, 'H')],
    providers: [provider('H', 'fp', 'A', 'residential', 4)],
    demandHistory: [demand('A', 2)],
    externalPlacements: [external('A', 2)],
  });

  it('turn over and are replaced where they left, before the dataset\'s seekers', () => {
    // Turnover 0.5: 1 of A's 2 ends, 1 of the 2 external ends. 1 × (1 + 0) = 1 arrives at H
    // (vacancies 4 − 2 = 2). A's 1 seeker takes H's last vacancy (4 − 3 = 1).
    const s = scenario({ turnover: { foster: tl(0), residential: tl(0.5), secure: tl(0) } });
    expect(heldBy(runProjection(ds, s), 2024, 'A')).toEqual(['H:2']);
    expect(metric(ds, s, 'A', 2024, 'external_children')).toBe(2);
    // usable places: H's 4 less its 2 external children
    expect(metric(ds, s, 'A', 2024, 'usable_places_residential')).toBe(2);
    expect(metric(ds, s, 'A', 2024, 'sufficiency_residential')).toBe(1);
    // A's metrics know only A's children: 2 placed, all in A
    expect(tally(runProjection(ds, s), 2024, 'A').marketPlaced).toBe(2);
  });

  it('grow with external_demand, at most the provider\'s vacancies', () => {
    // 1 ended × 1.5 = 1.5 → 2 arrive (vacancies 2); H is full (1 of A + 3 external), so A's seeker
    // goes outside Wales; usable places for A: 4 − 3 = 1.
    const s = scenario({ turnover: { foster: tl(0), residential: tl(0.5), secure: tl(0) }, externalDemandRate: tl(0.5) });
    expect(heldBy(runProjection(ds, s), 2024, 'A')).toEqual(['H:1', 'OUTSIDE_WALES:1']);
    expect(metric(ds, s, 'A', 2024, 'external_children')).toBe(3);
    expect(metric(ds, s, 'A', 2024, 'usable_places_residential')).toBe(1);
  });

  it('are displaced by a cut with the rest, leave the model, and are not counted as displaced', () => {
    // Exit 0.5 of fp residential: H 4 → 2 places; 4 held, 2 must go, shared 1 and 1 (A, EXTERNAL).
    // A's displaced child finds no vacancy (2 places, 1 of A and 1 external) and goes outside Wales.
    const s = scenario({ transitions: [{ year: 2024, sector: 'fp', placementType: 'residential', region: null, host: null, providerId: null, exit: 0.5, convert: 0 }] });
    expect(tally(runProjection(ds, s), 2024, 'A').displaced).toBe(1);
    expect(heldBy(runProjection(ds, s), 2024, 'A')).toEqual(['H:1', 'OUTSIDE_WALES:1']);
    expect(metric(ds, s, 'A', 2024, 'external_children')).toBe(1);
    expect(metric(ds, s, 'A', 2024, 'displaced')).toBe(1);
  });

  it('move with a conversion to not-for-profit', () => {
    // Convert 1.0: H's 4 places and all 4 children (2 of A, 2 external) move to H~nfp.
    const s = scenario({ transitions: [{ year: 2024, sector: 'fp', placementType: 'residential', region: null, host: null, providerId: null, exit: 0, convert: 1 }] });
    const p = runProjection(ds, s);
    const y = p.years.find((r) => r.year === 2024)!;
    expect(y.groups.filter((g) => g.providerId === 'H~nfp').map((g) => `${g.laCode}:${g.children}`)).toEqual(['A:2', 'EXTERNAL:2']);
    expect(metric(ds, s, 'A', 2024, 'for_profit_placements')).toBe(0);
  });
});

describe('usable places held at the base date', () => {
  it('lets a provider of the base date use only the places it then held; gains and new providers at occupancy', () => {
    // P: 10 places, 6 of A's children at the base date; A's need doubles to 12 (6 seek).
    // occupancy: P usable 10 (4 vacancies) and Foster Wales's 5 new places; own places go in
    // provider id order, so FOSTER_WALES_A takes 5 and P the 6th: P:7.
    // held: usable min(10, 6) = 6, no vacancy; Foster Wales's 5 new places (a new provider) are
    // usable at occupancy 1 → 5 go there, 1 outside Wales.
    const ds = dataset({
      placements: [placed('A', 'foster', 'la', 'A', 6, 'P')],
      providers: [provider('P', 'la', 'A', 'foster', 10)],
      demandHistory: [demand('A', 6)],
    });
    const grow = { demand: { method: 'change' as const, rate: tl(1), rateByLa: {} }, fosterWales: { netNewPlaces: tl(5), transfersFromFp: tl(0) } };
    expect(heldBy(runProjection(ds, scenario(grow)), 2024, 'A')).toEqual(['FOSTER_WALES_A:5', 'P:7']);
    const held = scenario({ ...grow, usablePlaces: 'held' });
    expect(heldBy(runProjection(ds, held), 2024, 'A')).toEqual(['FOSTER_WALES_A:5', 'P:6', 'OUTSIDE_WALES:1']);
    // base row: P's 6 held places; 2024: 6 + Foster Wales's 5
    expect(metric(ds, held, 'A', 2023, 'usable_places_foster')).toBe(6);
    expect(metric(ds, held, 'A', 2024, 'usable_places_foster')).toBe(11);
  });

  it('counts places gained later at occupancy, and never more than the places left', () => {
    const p = unit({ places: 12, heldBasePlaces: 10, heldUsable: 6 });
    // 6 held + floor(0.9 × 2 gained) = 6 + 1 = 7
    expect(usablePlaces(p, { ...occ, foster: { la: 0.9, nfp: 0.9, fp: 0.9 } })).toBe(7);
    // cut to 5 places: min(5, 6) = 5
    expect(usablePlaces(unit({ places: 5, heldBasePlaces: 10, heldUsable: 6 }), occ)).toBe(5);
    // a provider without held figures: floor(occupancy × places)
    expect(usablePlaces(unit({ places: 10 }), { ...occ, foster: { la: 0.57, nfp: 1, fp: 1 } })).toBe(5);
  });

  it('passes held places to a converted twin in proportion', () => {
    // 10 places held 6; 4 of 10 move: the twin gets 4 base places and round(2.4) = 2 usable.
    const from = unit({ heldBasePlaces: 10, heldUsable: 6 });
    const to = unit({ providerId: 'P~nfp', sector: 'nfp', places: 0 });
    moveHeldPlaces(from, to, 4, 10);
    expect([from.heldBasePlaces, from.heldUsable, to.heldBasePlaces, to.heldUsable]).toEqual([6, 4, 4, 2]);
  });
});

describe('whole services leave', () => {
  it('takes a service when that leaves the places taken no further from the target', () => {
    // A source of 0.999… never swaps in Fisher–Yates (j = i), so the order stays 4, 3, 2.
    // Target 5: 4 taken (|5 − 4| = 1 ≤ 5); 3 not (|5 − 7| = 2 > 1); 2 taken (|5 − 6| = 1 ≤ 1).
    const services = [unit({ providerId: 'S1', places: 4 }), unit({ providerId: 'S2', places: 3 }), unit({ providerId: 'S3', places: 2 })];
    const taken = selectServices(services, (p) => p.places, 5, () => 0.9999999);
    expect(taken.map((p) => p.providerId)).toEqual(['S1', 'S3']);
  });

  const ds = dataset({
    placements: [placed('A', 'residential', 'fp', 'A', 3, 'S1'), placed('A', 'residential', 'fp', 'B', 3, 'S2'), placed('A', 'residential', 'fp', 'C', 2, 'S3')],
    providers: [provider('S1', 'fp', 'A', 'residential', 4), provider('S2', 'fp', 'B', 'residential', 3), provider('S3', 'fp', 'C', 'residential', 2)],
    demandHistory: [demand('A', 8)],
  });
  const exitHalf = (over: Partial<ModelScenario>) =>
    scenario({
      transitions: [{ year: 2024, sector: 'fp', placementType: 'residential', region: null, host: null, providerId: null, exit: 0.5, convert: 0 }],
      transitionUnit: 'services',
      ...over,
    });

  it('removes whole services, displacing every child they held, the same way for the same seed', () => {
    // Target round(0.5 × 9) = 5 (half up, from 4.5); the shuffle picks the services. Whatever it
    // picks, a service that exits has 0 places, and the places left are 9 less those taken.
    for (const seed of [1, 2, 3, 4, 5]) {
      const p = runProjection(ds, exitHalf({ orderStreams: { seed, run: 0 } }));
      const y = p.years.find((r) => r.year === 2024)!;
      const left = y.providers.map((x) => x.places);
      const taken = 9 - left.reduce((s, n) => s + n, 0);
      expect(left.every((n) => n === 0 || [4, 3, 2].includes(n))).toBe(true);
      // within half the largest service (4) of the target 5
      expect(Math.abs(taken - 5)).toBeLessThanOrEqual(2);
      // every child of an exited service was displaced: displaced = children those services held
      const heldAtBase: Record<string, number> = { S1: 3, S2: 3, S3: 2 };
      const gone = y.providers.filter((x) => x.places === 0).reduce((s, x) => s + heldAtBase[x.providerId], 0);
      expect(tally(p, 2024, 'A').displaced).toBe(gone);
      expect(runProjection(ds, exitHalf({ orderStreams: { seed, run: 0 } })).years[1].providers).toEqual(y.providers);
    }
  });

  it('leaves a transition that names a provider to cut part of its places', () => {
    // S1 exit 0.5 by name: 4 → 2 places even under services; 3 held, 1 displaced.
    const s = scenario({
      transitions: [{ year: 2024, sector: null, placementType: null, region: null, host: null, providerId: 'S1', exit: 0.5, convert: 0 }],
      transitionUnit: 'services',
    });
    const p = runProjection(ds, s);
    expect(p.years[1].providers.find((x) => x.providerId === 'S1')!.places).toBe(2);
    expect(tally(p, 2024, 'A').displaced).toBe(1);
  });
});

describe('Foster Wales growth on a dataset', () => {
  it('shares the nation\'s total by the dataset\'s share of the nation\'s need, and adds LAs\' own figures and growth rates', () => {
    // 150 × (400 + 200) / 3,000 = 30 places, shared 400 : 200 → A 20, B 10.
    const base = { netNewPlaces: 150, byLa: new Map<string, number>(), growthRate: 0, nationNeed: 3000 };
    expect([...fosterWalesNetNewByLa(base, [['A', 400], ['B', 200]], () => 0)]).toEqual([['A', 20], ['B', 10]]);
    // B gives its own 7: A alone shares the 30; growth 0.1 of A's 25 LA foster places = 2.5 → 3 more.
    const own = { ...base, byLa: new Map([['B', 7]]), growthRate: 0.1 };
    expect([...fosterWalesNetNewByLa(own, [['A', 400], ['B', 200]], (la) => (la === 'A' ? 25 : 0))]).toEqual([['A', 33], ['B', 7]]);
    // no nation_need: the whole total, as docs/model.md §4.2 has it (120 : 60 of 150 → 100, 50)
    expect([...fosterWalesNetNewByLa({ ...base, nationNeed: null }, [['A', 400], ['B', 200]], () => 0)]).toEqual([['A', 100], ['B', 50]]);
  });
});

describe('not_local_nonprofit', () => {
  it('adds the unplaced, the for-profit placements and LA or not-for-profit placements outside the region', () => {
    // A (north-wales): 1 la foster in A (local), 1 nfp foster in C (powys: outside the region),
    // 1 fp residential in B (for-profit), 1 la foster outside Wales (outside the region). Need grows
    // 4 → 5 (foster 3.75 → 4, residential 1.25 → 1): the 1 foster seeker finds no place (all full,
    // outside Wales barred) and is unplaced. Base row: 3; 2024: 3 + 1 unplaced = 4.
    const ds = dataset({
      placements: [
        placed('A', 'foster', 'la', 'A', 1, 'LA1'),
        placed('A', 'foster', 'nfp', 'C', 1, 'N1'),
        placed('A', 'residential', 'fp', 'B', 1, 'H1'),
        placed('A', 'foster', 'la', 'OUTSIDE_WALES', 1),
      ],
      providers: [provider('LA1', 'la', 'A', 'foster', 1), provider('N1', 'nfp', 'C', 'foster', 1), provider('H1', 'fp', 'B', 'residential', 1)],
      demandHistory: [demand('A', 4)],
    });
    const s = scenario({
      demand: { method: 'change', rate: tl(0.25), rateByLa: {} },
      outsideWales: { allowed: false, places: null, distanceKm: { initial: 150, steps: [] }, distanceKmByLa: {}, sector: 'fp' },
    });
    expect(metric(ds, s, 'A', 2023, 'not_local_nonprofit')).toBe(3);
    expect(metric(ds, s, 'A', 2024, 'not_local_nonprofit')).toBe(4);
    expect(metric(ds, s, 'A', 2024, 'unplaced')).toBe(1);
  });
});
