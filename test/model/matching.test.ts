// Rule 5, matching in tiers, with distances worked by hand. In these tests demand usually doubles
// (rate 1), turnover is 0 and occupancy 1, so the seekers are exactly the extra children.
import { describe, expect, it } from 'vitest';
import { runProjection } from '../../src/model/project.js';
import type { LocalAuthority } from '../../src/model/types.js';
import { dataset, demand, heldBy, placed, provider, scenario, tally, tl } from './fixtures.js';

describe('tier (a): the LA\'s own places first', () => {
  it('takes the LA\'s own `la` places before a nearer-ranked nfp vacancy in the same LA', () => {
    // A needs 2 foster places (1 → 2); vacancies: A's own carers (la, 1 free) and an nfp agency in A (1 free).
    const ds = dataset({
      placements: [placed('A', 'foster', 'la', 'A', 1, 'LA1')],
      providers: [provider('LA1', 'la', 'A', 'foster', 2), provider('N1', 'nfp', 'A', 'foster', 1)],
      demandHistory: [demand('A', 1)],
    });
    const p = runProjection(ds, scenario({ demand: { method: 'change', rate: tl(1), rateByLa: {} } }));
    expect(heldBy(p, 2024, 'A')).toEqual(['LA1:2']);
  });
});

describe('tier (c): least total distance, not first come first served', () => {
  // Custom geography on one meridian: A at 52.0°N, B at 53.1°N, C at 54.0°N.
  // B–A 1.1° = 122.314 km; B–C 0.9° = 100.075 km; C inside itself 0.9054 × √(900) = 27.162 km.
  const las: LocalAuthority[] = [
    { code: 'A', nameEn: 'A', nameCy: 'A', region: 'north-wales', lat: 52, lon: -3, areaKm2: 100 * Math.PI },
    { code: 'B', nameEn: 'B', nameCy: 'B', region: 'north-wales', lat: 53.1, lon: -3, areaKm2: 400 * Math.PI },
    { code: 'C', nameEn: 'C', nameCy: 'C', region: 'powys', lat: 54, lon: -3, areaKm2: 900 * Math.PI },
  ];
  const ds = dataset({
    localAuthorities: las,
    // B and C each have 1 residential child outside Wales at the base date and need one more place.
    placements: [placed('B', 'residential', 'fp', 'OUTSIDE_WALES', 1), placed('C', 'residential', 'fp', 'OUTSIDE_WALES', 1)],
    providers: [provider('HA', 'fp', 'A', 'residential', 1), provider('HC', 'fp', 'C', 'residential', 1)],
    demandHistory: [demand('A', 0), demand('B', 1), demand('C', 1)],
  });

  it('sends B to A and C to its own area (total 149.5 km) rather than B to C and C to A (322.5 km)', () => {
    // First come first served (B first by code) would give B the nearest vacancy, at C (100.1 km),
    // leaving C's child 222.4 km away at A: 322.5 km. The optimum is 122.3 + 27.2 = 149.5 km.
    const p = runProjection(ds, scenario({ demand: { method: 'change', rate: tl(1), rateByLa: {} } }));
    expect(heldBy(p, 2024, 'B')).toEqual(['HA:1', 'OUTSIDE_WALES:1']);
    expect(heldBy(p, 2024, 'C')).toEqual(['HC:1', 'OUTSIDE_WALES:1']);
    // mean distance of B's children: (122.314 + 150) / 2
    const b = tally(p, 2024, 'B');
    expect(b.distances.reduce((s, [km, n]) => s + km * n, 0) / 2).toBeCloseTo((122.3144 + 150) / 2, 3);
  });
});

describe('canonical split of a host\'s sectors', () => {
  it('at a host, LAs in code order take its sectors in rank order (la, nfp, fp), providers in id order', () => {
    // A and C each need one residential place; the only vacancies are at B: B's own home (la, 1) and a
    // for-profit home (fp, 1). Both children go to B; A (first in code order) takes the la place.
    const ds = dataset({
      placements: [placed('A', 'residential', 'fp', 'OUTSIDE_WALES', 1), placed('C', 'residential', 'fp', 'OUTSIDE_WALES', 1)],
      providers: [provider('FP1', 'fp', 'B', 'residential', 1), provider('LAB', 'la', 'B', 'residential', 1)],
      demandHistory: [demand('A', 1), demand('C', 1)],
    });
    const p = runProjection(ds, scenario({ demand: { method: 'change', rate: tl(1), rateByLa: {} } }));
    expect(heldBy(p, 2024, 'A')).toEqual(['LAB:1', 'OUTSIDE_WALES:1']);
    expect(heldBy(p, 2024, 'C')).toEqual(['FP1:1', 'OUTSIDE_WALES:1']);
  });
});

describe('tier (b): places reserved for the region', () => {
  it('only the region\'s LAs use reserved places', () => {
    // A (north-wales) and C (powys) each need a residential place; the only vacancy is a regional home in
    // B reserved for north-wales. A takes it; C goes outside Wales.
    const ds = dataset({
      placements: [placed('A', 'residential', 'fp', 'OUTSIDE_WALES', 1), placed('C', 'residential', 'fp', 'OUTSIDE_WALES', 1)],
      demandHistory: [demand('A', 1), demand('C', 1)],
    });
    const p = runProjection(ds, scenario({
      demand: { method: 'change', rate: tl(1), rateByLa: {} },
      regionalResidential: [{ region: 'north-wales', host: 'B', year: 2024, places: 1, sector: 'la', placementType: 'residential', reservedForRegion: true }],
    }));
    expect(heldBy(p, 2024, 'A')).toEqual(['REGIONAL_north-wales_B:1', 'OUTSIDE_WALES:1']);
    expect(tally(p, 2024, 'C').placedOutsideWales).toBe(2);
  });
});

describe('policy in the matching', () => {
  // A needs 3 more residential places (3 → 6); 5 for-profit vacancies in B; nothing else in Wales.
  const ds = dataset({
    placements: [placed('A', 'residential', 'fp', 'OUTSIDE_WALES', 3)],
    providers: [provider('FP', 'fp', 'B', 'residential', 5)],
    demandHistory: [demand('A', 3)],
  });

  it('from fp_new_placements_end, for-profit vacancies take at most floor(exceptions_share × entrants)', () => {
    // 3 children enter tier (c); exceptions 0.5 -> floor(1.5) = 1 with FP; 2 go outside Wales.
    // Approval is required the same year: 1 for-profit in Wales + 2 with the fp sector outside Wales = 3.
    const s = scenario({ demand: { method: 'change', rate: tl(1), rateByLa: {} } });
    s.policy = { fpGrowthFrozenFrom: null, approvalRequiredFrom: 2024, fpNewPlacementsEnd: 2024, exceptionsShare: tl(0.5) };
    const p = runProjection(ds, s);
    const a = tally(p, 2024, 'A');
    expect(heldBy(p, 2024, 'A')).toEqual(['FP:1', 'OUTSIDE_WALES:5']);
    expect([a.supplementaryInWalesFp, a.supplementaryOutsideWales, a.supplementaryPlacements]).toEqual([1, 2, 3]);
  });

  it('before approval is required nothing counts as supplementary', () => {
    const s = scenario({ demand: { method: 'change', rate: tl(1), rateByLa: {} } });
    s.policy.approvalRequiredFrom = 2025;
    const a = tally(runProjection(ds, s), 2024, 'A');
    expect(a.supplementaryPlacements).toBe(0);
    expect(a.newPlacements).toBe(3);
  });
});

describe('tier (d): outside Wales, and (e) unplaced', () => {
  // A needs 3 foster + 1 residential more, B 2 foster; no vacancies in Wales.
  const ds = dataset({
    placements: [
      placed('A', 'foster', 'fp', 'OUTSIDE_WALES', 3),
      placed('A', 'residential', 'fp', 'OUTSIDE_WALES', 1),
      placed('B', 'foster', 'fp', 'OUTSIDE_WALES', 2),
    ],
    demandHistory: [demand('A', 4), demand('B', 2)],
  });
  const grow = { method: 'change' as const, rate: tl(1), rateByLa: {} };

  it('a cap on places outside Wales is shared over LAs by seekers, then over types, by largest remainder', () => {
    // 6 seekers, cap 3: A 3 × 4/6 = 2, B 3 × 2/6 = 1. A's 2 over types: foster 2 × 3/4 = 1.5,
    // residential 0.5 -> floors 1, 0; the tie goes to foster (type order): foster 2, residential 0.
    const s = scenario({ demand: grow });
    s.outsideWales = { ...s.outsideWales, places: tl(3) };
    const p = runProjection(ds, s);
    expect(tally(p, 2024, 'A').unplaced).toEqual({ foster: 1, residential: 1, secure: 0 });
    expect(tally(p, 2024, 'B').unplaced).toEqual({ foster: 1, residential: 0, secure: 0 });
  });

  it('when outside Wales is not allowed, every seeker without a vacancy is unplaced', () => {
    const s = scenario({ demand: grow });
    s.outsideWales = { ...s.outsideWales, allowed: false };
    const p = runProjection(ds, s);
    expect(tally(p, 2024, 'A').unplaced).toEqual({ foster: 3, residential: 1, secure: 0 });
  });

  it('outside Wales placements use the scenario\'s sector and distance (per LA or one number)', () => {
    const s = scenario({ demand: grow });
    s.outsideWales = { ...s.outsideWales, sector: 'nfp', distanceKm: tl(200), distanceKmByLa: { B: tl(80) } };
    const p = runProjection(ds, s);
    expect(tally(p, 2024, 'A').distances).toEqual([[200, 8]]);
    expect(tally(p, 2024, 'B').distances).toEqual([[80, 4]]);
    expect(tally(p, 2024, 'A').forProfitPlacements).toBe(4); // the base 4 were fp; the 4 new are nfp
  });

  it('a dated outside-Wales distance holds from its year: every child there is that far from then on', () => {
    // As above, with A's distance { 2025: 300 } (150, the default, before): in 2024 A's 8 children
    // outside Wales are 150 km away; from 2025 on every one of A's children there is 300 km away.
    const s = scenario({ demand: grow, horizonTo: 2025 });
    s.outsideWales = { ...s.outsideWales, distanceKm: { initial: 150, steps: [[2025, 300]] }, distanceKmByLa: { B: tl(80) } };
    const p = runProjection(ds, s);
    expect(tally(p, 2024, 'A').distances).toEqual([[150, 8]]);
    const later = tally(p, 2025, 'A').distances;
    expect(later.length).toBe(1);
    expect(later[0][0]).toBe(300);
    expect(tally(p, 2025, 'B').distances.every(([km]) => km === 80)).toBe(true);
  });
});
