// The gravity model's dual (src/model/matching/dual.ts), on cases small enough to solve by hand.
import { describe, expect, it } from 'vitest';
import { solveDual, type DualVariable } from '../../src/model/matching/dual.js';

/** Solves from every variable at 0, to 1e-12 of each constraint's size. */
const solve = (m: number, n: number, seekers: number[], logK: number[], variables: DualVariable[]) =>
  solveDual({ m, n, seekers, logK: new Float64Array(logK), variables }, variables.map(() => 0), 50, 1e-12)!;

describe('the dual of the gravity model, by projected Newton', () => {
  it('a set variable holds its cells to the target: one LA, two equal places, 2 of 3 children into the second', () => {
    // S = 3, log K = (0, 0); y on destination 1's cell with target 2: p₁ = e^y / (1 + e^y) = 2/3,
    // so y = ln 2 and the flows are (1, 2).
    const r = solve(1, 2, [3], [0, 0], [{ destination: -1, cells: new Uint8Array([0, 1]), lo: -20, hi: 20, target: 2 }]);
    expect(r.converged).toBe(true);
    expect(r.y[0]).toBeCloseTo(Math.log(2), 10);
    expect([...r.flows].map((x) => +x.toFixed(10))).toEqual([1, 2]);
  });

  it('a full destination and a set target together', () => {
    // S = 4 over three equal places: j0 has 1 vacancy, j1 is open, j2 (outside) must take 1.
    // Unconstrained each would take 4/3, so j0 binds: flow 1. Then j1 takes 2, j2 takes 1:
    // e^{y₀} = T₀/T₁ = 1/2 and e^{α} = T₂/T₁ = 1/2, so y₀ = α = −ln 2.
    const r = solve(1, 3, [4], [0, 0, 0], [
      { destination: 0, lo: -Infinity, hi: 0, target: 1 },
      { destination: -1, cells: new Uint8Array([0, 0, 1]), lo: -20, hi: 20, target: 1 },
    ]);
    expect(r.converged).toBe(true);
    expect(r.y[0]).toBeCloseTo(-Math.log(2), 10);
    expect(r.y[1]).toBeCloseTo(-Math.log(2), 10);
    expect([...r.flows].map((x) => +x.toFixed(10))).toEqual([1, 2, 1]);
  });

  it('a target out of reach leaves its variable at the bound, the constraint as near as it gets', () => {
    // One child, two places; a set asks 1.5 children of destination 1: y rises to its bound 20,
    // where p₁ = e^20 / (1 + e^20) = 1 − 2.06e-9: the nearest the bound allows.
    const r = solve(1, 2, [1], [0, 0], [{ destination: -1, cells: new Uint8Array([0, 1]), lo: -20, hi: 20, target: 1.5 }]);
    expect(r.converged).toBe(true);
    expect(r.y[0]).toBe(20);
    expect(r.flows[1]).toBeCloseTo(1 - 2.06e-9, 10);
  });

  it('two LAs share a full destination and a set over some of their cells', () => {
    // LAs A (2 seekers) and B (2), places j0 (1 vacancy) and j1 (open), all log K 0; a set variable
    // on A's cell of j1 with target 1.5. B: T_B0 = 2 e^{y}/(e^{y}+1). A: T_A0 = 2 e^{y}/(e^{y}+e^{g}),
    // T_A1 = 2 e^{g}/(e^{y}+e^{g}) = 1.5, so T_A0 = 0.5, and B takes the other 0.5 of j0:
    // e^{y}/(e^{y}+1) = 1/4 → e^{y} = 1/3; e^{g} = 3 e^{y} = 1, g = 0.
    const r = solve(2, 2, [2, 2], [0, 0, 0, 0], [
      { destination: 0, lo: -Infinity, hi: 0, target: 1 },
      { destination: -1, cells: new Uint8Array([0, 1, 0, 0]), lo: -20, hi: 20, target: 1.5 },
    ]);
    expect(r.converged).toBe(true);
    expect(r.y[0]).toBeCloseTo(-Math.log(3), 9);
    expect(r.y[1]).toBeCloseTo(0, 9);
    expect([...r.flows].map((x) => +x.toFixed(9))).toEqual([0.5, 1.5, 0.5, 1.5]);
  });
});
