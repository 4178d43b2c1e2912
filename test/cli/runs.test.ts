// How many runs a command makes, and what every output says its figures are (docs/methodology.md
// "Monte Carlo figures").
import { describe, expect, it } from 'vitest';
import { DEFAULT_RUNS, MAX_RUNS, parseRuns, planRuns, runsNote } from '../../src/cli/runs.js';
import { isRandomScenario, randomElements } from '../../src/scenario/randomness.js';
import { UsageError } from '../../src/errors.js';

/** A scenario as the predicate reads it: its normalised spec and whether it has a distribution. */
const scenario = (spec: Record<string, unknown>, hasDistributions = false) => ({ spec, hasDistributions });

describe('what makes a scenario random', () => {
  it('is a distribution, whole services (top level or on a transition), placement choice or unbiased rounding', () => {
    expect(randomElements(scenario({}, true))).toEqual(['distributions']);
    expect(randomElements(scenario({ transitionUnit: 'services' }))).toEqual(['services']);
    expect(randomElements(scenario({ transitionUnit: 'places', transitions: [{ unit: null }, { unit: 'services' }] }))).toEqual(['services']);
    expect(randomElements(scenario({ matching: { method: 'choice' } }))).toEqual(['choice']);
    expect(randomElements(scenario({ rounding: 'unbiased' }))).toEqual(['rounding']);
    expect(randomElements(scenario({ transitionUnit: 'services', matching: { method: 'choice' } }, true))).toEqual(['distributions', 'services', 'choice']);
  });

  it('is none of them under places, least distance and no distribution', () => {
    const fixed = scenario({ transitionUnit: 'places', transitions: [{ unit: 'places' }], matching: { method: 'distance' } });
    expect(randomElements(fixed)).toEqual([]);
    expect(isRandomScenario(fixed)).toBe(false);
  });
});

describe('--runs', () => {
  it('takes 1 to 100,000 runs, and refuses 0, negatives, words and more than the maximum (usage error, exit 2)', () => {
    expect(parseRuns(undefined)).toBeNull();
    expect(parseRuns('1')).toBe(1);
    expect(parseRuns(String(MAX_RUNS))).toBe(100_000);
    for (const bad of ['0', '-1', '2.5', 'ten', '', String(MAX_RUNS + 1), '1000000000']) {
      expect(() => parseRuns(bad), bad).toThrow(UsageError);
    }
  });

  it('defaults to 100 runs for a random scenario, and makes one run of a scenario with nothing random whatever it asks', () => {
    const random = scenario({ matching: { method: 'choice' } });
    const fixed = scenario({});
    expect(planRuns([random], null, 1)).toEqual({ runs: DEFAULT_RUNS, seed: 1, random: ['choice'], asked: null });
    expect(planRuns([random], 7, 3).runs).toBe(7);
    expect(planRuns([fixed], 500, 1)).toEqual({ runs: 1, seed: 1, random: [], asked: 500 });
    // diff: both scenarios make the runs when either is random, so that they pair.
    expect(planRuns([fixed, random], null, 1).runs).toBe(100);
  });
});

describe('what the figures are, in words', () => {
  it('names the runs and what is random in them', () => {
    const plan = planRuns([scenario({ transitionUnit: 'services', matching: { method: 'choice' } })], null, 1);
    expect(runsNote('en', plan)).toBe('Means of 100 runs (seed 1); random in each run: which services leave and which child takes which place.');
  });

  it('labels one run of a random scenario as one draw at central values', () => {
    const plan = planRuns([scenario({ transitionUnit: 'services', matching: { method: 'choice' } })], 1, 1);
    expect(runsNote('en', plan)).toBe('One run at central values: one draw of which services leave and which child takes which place (seed 1); --runs N shows the range.');
  });

  it('says a scenario with nothing random runs once, in English and Welsh', () => {
    const plan = planRuns([scenario({})], 20, 1);
    expect(runsNote('en', plan)).toMatch(/^One run: the scenario has no random element/);
    expect(runsNote('cy', plan)).toMatch(/^Un rhediad/);
  });
});
