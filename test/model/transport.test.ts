// Tier (c)'s transportation problem against brute force on many small random cases, and a few
// hand-worked cases where first come first served would place children further from home.
import { describe, expect, it } from 'vitest';
import { solveTransport, type TransportProblem } from '../../src/model/transport.js';

/** A small seeded generator (mulberry32), so every case can be replayed from its seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const int = (r: () => number, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));

interface Case {
  supply: number[];
  vacancies: Array<[number, number, number]>;
  metres: number[][];
  forProfitCap: number | null;
}

function randomCase(seed: number): Case {
  const r = rng(seed);
  const m = int(r, 1, 3);
  const k = int(r, 1, 3);
  // Distances: sometimes from a tiny set (so exact ties between hosts are common), sometimes any
  // whole number of metres up to 200 km.
  const tiny = r() < 0.5;
  const pick = (): number => (tiny ? [0, 1000, 1000, 2000, 3000][int(r, 0, 4)] : int(r, 0, 200_000));
  return {
    supply: Array.from({ length: m }, () => int(r, 0, 3)),
    vacancies: Array.from({ length: k }, () => [int(r, 0, 2), int(r, 0, 2), int(r, 0, 2)] as [number, number, number]),
    metres: Array.from({ length: m }, () => Array.from({ length: k }, pick)),
    forProfitCap: r() < 0.35 ? int(r, 0, 3) : null,
  };
}

const problemOf = (c: Case): TransportProblem => ({
  supply: c.supply,
  vacancies: c.vacancies,
  metres: (i, j) => c.metres[i][j],
  forProfitCap: c.forProfitCap,
});

/**
 * Brute force: every child a unit, every vacancy a unit slot; every partial injective assignment of
 * children to slots is tried. Children of one LA are interchangeable and so are the slots of one
 * host and sector, so each child picks a (host, sector) class with room left (or no place), and
 * children of one LA pick classes in non-decreasing order: that visits every assignment up to
 * relabelling identical children and slots, which changes neither the count nor the cost.
 * Returns [most children placed, least cost among those], with cost 4 × metres + rank (la 0, nfp 1, fp 2).
 */
function bruteForce(c: Case): [number, number] {
  const children: number[] = [];
  c.supply.forEach((s, i) => {
    for (let n = 0; n < s; n++) children.push(i);
  });
  const classes: Array<{ host: number; rank: number }> = [];
  c.vacancies.forEach((v, j) => v.forEach((_, s) => classes.push({ host: j, rank: s })));
  const room = classes.map(({ host, rank }) => c.vacancies[host][rank]);
  const cap = c.forProfitCap ?? Infinity;
  let best: [number, number] = [0, 0];
  const visit = (x: number, prev: number, placed: number, cost: number, fpUsed: number): void => {
    if (x === children.length) {
      if (placed > best[0] || (placed === best[0] && cost < best[1])) best = [placed, cost];
      return;
    }
    const la = children[x];
    // Option -1 (no place) sorts first; a new LA starts its own non-decreasing run.
    const from = x > 0 && children[x - 1] === la ? prev : -1;
    for (let o = from; o < classes.length; o++) {
      if (o === -1) {
        visit(x + 1, -1, placed, cost, fpUsed);
        continue;
      }
      const { host, rank } = classes[o];
      if (room[o] === 0 || (rank === 2 && fpUsed >= cap)) continue;
      room[o]--;
      visit(x + 1, o, placed + 1, cost + 4 * c.metres[la][host] + rank, fpUsed + (rank === 2 ? 1 : 0));
      room[o]++;
    }
  };
  visit(0, -1, 0, 0, 0);
  return best;
}

/**
 * The solver's count and cost, with the canonical fill of each host's sectors (la, then nfp, then
 * fp); also checks every constraint of the problem.
 */
function scoreAndCheck(c: Case, flow: number[][]): [number, number] {
  expect(flow.length).toBe(c.supply.length);
  let placed = 0;
  let cost = 0;
  let fp = 0;
  flow.forEach((row, i) => {
    expect(row.length).toBe(c.vacancies.length);
    for (const f of row) {
      expect(Number.isInteger(f)).toBe(true);
      expect(f).toBeGreaterThanOrEqual(0);
    }
    // supply: no LA sends more children than it has seekers
    expect(row.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(c.supply[i]);
  });
  c.vacancies.forEach((v, j) => {
    let atHost = 0;
    flow.forEach((row, i) => {
      atHost += row[j];
      cost += 4 * c.metres[i][j] * row[j];
    });
    // capacity: no host takes more children than its vacancies in all sectors
    expect(atHost).toBeLessThanOrEqual(v[0] + v[1] + v[2]);
    placed += atHost;
    for (let s = 0; s < 3 && atHost > 0; s++) {
      const take = Math.min(atHost, v[s]);
      cost += s * take;
      if (s === 2) fp += take;
      atHost -= take;
    }
  });
  // the for-profit cap, with the canonical fill
  if (c.forProfitCap !== null) expect(fp).toBeLessThanOrEqual(c.forProfitCap);
  return [placed, cost];
}

describe('solveTransport against brute force', () => {
  it('places as many children as brute force, at the same least cost, on 1500 random small cases', () => {
    let withCap = 0;
    let nonTrivial = 0;
    for (let seed = 1; seed <= 1500; seed++) {
      const c = randomCase(seed);
      const expected = bruteForce(c);
      const got = scoreAndCheck(c, solveTransport(problemOf(c)));
      expect({ seed, score: got }).toEqual({ seed, score: expected });
      if (c.forProfitCap !== null) withCap++;
      if (expected[0] > 0) nonTrivial++;
    }
    // the generator really exercises the cap and real assignments
    expect(withCap).toBeGreaterThan(300);
    expect(nonTrivial).toBeGreaterThan(1000);
  });

  it('gives the same flow whatever the dense/sparse switch, and the same flow twice', () => {
    for (let seed = 2001; seed <= 2300; seed++) {
      const p = problemOf(randomCase(seed));
      const a = solveTransport(p);
      expect(solveTransport(p)).toEqual(a);
      // with every host beyond the "dense" limit the solver starts from the nearest hosts only
      expect(scoreAndCheck(randomCase(seed), solveTransport({ ...p, denseUpTo: 0 }))).toEqual(scoreAndCheck(randomCase(seed), a));
    }
  });
});

describe('least total distance, not first come first served', () => {
  it('two LAs, two hosts: the nearest-first choice of A forces B far away', () => {
    // A: 1 seeker; B: 1 seeker. H0 and H1: 1 la vacancy each.
    //          H0       H1
    //   A   10 000   12 000
    //   B   11 000   50 000
    // First come first served (A first, by code): A→H0 10 km, B→H1 50 km = 60 km.
    // Optimum: A→H1 12 km, B→H0 11 km = 23 km, cost 4 × 23 000 = 92 000.
    const c: Case = { supply: [1, 1], vacancies: [[1, 0, 0], [1, 0, 0]], metres: [[10_000, 12_000], [11_000, 50_000]], forProfitCap: null };
    const flow = solveTransport(problemOf(c));
    expect(flow).toEqual([[0, 1], [1, 0]]);
    expect(scoreAndCheck(c, flow)).toEqual([2, 92_000]);
  });

  it('an LA with two seekers takes one far place so that another LA keeps a near one', () => {
    // A: 2 seekers; B: 1 seeker. H0: 2 la vacancies; H1: 1 la vacancy.
    //          H0       H1
    //   A   10 000   20 000
    //   B   15 000  100 000
    // First come first served: A takes both H0 places (20 km), B goes to H1 (100 km) = 120 km.
    // Optimum: A→H0 10 + A→H1 20, B→H0 15 = 45 km, cost 180 000.
    const c: Case = { supply: [2, 1], vacancies: [[2, 0, 0], [1, 0, 0]], metres: [[10_000, 20_000], [15_000, 100_000]], forProfitCap: null };
    const flow = solveTransport(problemOf(c));
    expect(flow).toEqual([[1, 1], [1, 0]]);
    expect(scoreAndCheck(c, flow)).toEqual([3, 180_000]);
  });

  it('a chain of three: the nearest-first choice of A sends the others far', () => {
    // A, B, C: 1 seeker each. H0, H1, H2: 1 nfp vacancy each.
    //          H0      H1      H2
    //   A    1 000   2 000  80 000
    //   B    1 000  90 000  90 000
    //   C   90 000   1 000  90 000
    // First come first served in code order: A→H0 1 km; B's nearest free is H1 or H2 (90 km, a tie);
    // C then takes H2 (90) or H1 (1): 181 or 92 km.
    // All 3! assignments of (A, B, C): (H0,H1,H2) 181; (H0,H2,H1) 92; (H1,H0,H2) 93; (H1,H2,H0) 182;
    // (H2,H0,H1) 80 + 1 + 1 = 82, the least; (H2,H1,H0) 260. Cost 4 × 82 000 + 3 × rank 1 (nfp).
    const c: Case = {
      supply: [1, 1, 1],
      vacancies: [[0, 1, 0], [0, 1, 0], [0, 1, 0]],
      metres: [[1_000, 2_000, 80_000], [1_000, 90_000, 90_000], [90_000, 1_000, 90_000]],
      forProfitCap: null,
    };
    const flow = solveTransport(problemOf(c));
    expect(flow).toEqual([[0, 0, 1], [1, 0, 0], [0, 1, 0]]);
    // 4 × 82 000 + 3 × rank 1 (nfp)
    expect(scoreAndCheck(c, flow)).toEqual([3, 328_003]);
  });

  it('sector rank only breaks exact ties of metres', () => {
    // A: 1 seeker. H0: 1 fp vacancy at 5 000 m; H1: 1 la vacancy at 5 000 m → la wins (cost 20 000 vs 20 002).
    const tie: Case = { supply: [1], vacancies: [[0, 0, 1], [1, 0, 0]], metres: [[5_000, 5_000]], forProfitCap: null };
    expect(solveTransport(problemOf(tie))).toEqual([[0, 1]]);
    // One metre further for the la place: 4 × 5 001 = 20 004 > 4 × 5 000 + 2 = 20 002, so fp wins.
    const near: Case = { supply: [1], vacancies: [[0, 0, 1], [1, 0, 0]], metres: [[5_000, 5_001]], forProfitCap: null };
    expect(solveTransport(problemOf(near))).toEqual([[1, 0]]);
  });

  it('the for-profit cap: as many as possible first, then least cost', () => {
    // A, B: 1 seeker each. H0: 1 fp vacancy; H1: 1 nfp vacancy.
    //          H0 (fp)   H1 (nfp)
    //   A      1 000    100 000
    //   B      2 000      3 000
    // cap 0: only H1 can be used; B→H1 costs 12 001, A→H1 400 001 → B placed, A not.
    const base = { supply: [1, 1], vacancies: [[0, 0, 1], [0, 1, 0]] as Array<[number, number, number]>, metres: [[1_000, 100_000], [2_000, 3_000]] };
    const cap0: Case = { ...base, forProfitCap: 0 };
    expect(solveTransport(problemOf(cap0))).toEqual([[0, 0], [0, 1]]);
    expect(scoreAndCheck(cap0, solveTransport(problemOf(cap0)))).toEqual([1, 12_001]);
    // cap 1: both placed. A→H0 (4 002) + B→H1 (12 001) = 16 003 beats A→H1 + B→H0 (400 001 + 8 002).
    const cap1: Case = { ...base, forProfitCap: 1 };
    expect(solveTransport(problemOf(cap1))).toEqual([[1, 0], [0, 1]]);
    expect(scoreAndCheck(cap1, solveTransport(problemOf(cap1)))).toEqual([2, 16_003]);
  });
});
