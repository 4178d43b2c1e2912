// `sufficiency sensitivity` as a user runs it (docs/methodology.md, "Which assumption matters"):
// switching values on a dataset small enough to work by hand, the held parameters listed,
// reproducibility from --seed, and a scenario with nothing to vary. The built CLI runs as a process.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { parse } from 'csv-parse/sync';

const S = ['--data', 'test/fixtures/cli/small', '--scenarios', 'test/fixtures/sensitivity'];

function run(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, ['bin/sufficiency.js', 'sensitivity', ...args, ...S], { encoding: 'utf8', env });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const csv = (text: string): Record<string, string>[] => parse(text, { columns: true });

describe('sensitivity on a hand-worked dataset (test/fixtures/sensitivity/exit-switch.yaml)', () => {
  // Wales has 30 residential places in 2025-26 (26 at the base date, 4 opened by Cardiff's strategy),
  // 20 of them for-profit. An exit share e closes T = round-half-up(20 e): places = 30 − T.
  // places >= 20 holds while T <= 10, that is while 20 e < 10.5: e < 0.525. Bisection over
  // [0, 1] to 1% of the range ends within 0.005 of 0.525.
  const result = run('--scenario', 'exit-switch', '--metric', 'places_residential', '--year', '2025', '--threshold', 'places_residential>=20', '--vary', 'transitions[0].exit=0:1', '--format', 'csv');
  const rows = csv(result.out);
  const exit = rows.find((r) => r.path === 'transitions[0].exit')!;

  it('gives the tornado ends worked by hand: 30 places at e = 0, 10 at e = 1, 24 at the central 0.3', () => {
    expect(result.code).toBe(0);
    expect(exit.rank).toBe('1');
    expect(Number(exit.metric_at_low)).toBe(30);
    expect(Number(exit.metric_at_high)).toBe(10);
    expect(Number(exit.swing)).toBe(20);
    // Central: T = round(20 × 0.3) = 6; 30 − 6 = 24.
    expect(Number(exit.metric_central)).toBe(24);
  });

  it('finds the switching value 0.525 to within half of 1% of the range', () => {
    expect(Math.abs(Number(exit.switching_value) - 0.525)).toBeLessThanOrEqual(0.005);
  });

  it('says a parameter that cannot flip the answer does not switch', () => {
    // Foster Wales places do not change residential places.
    const fw = rows.find((r) => r.path === 'foster_wales.net_new_places.2025')!;
    expect(Number(fw.swing)).toBe(0);
    expect(fw.switching_value).toBe('none');
  });

  it('lists the held parameters, and not the varied ones', () => {
    const json = JSON.parse(run('--scenario', 'exit-switch', '--metric', 'places_residential', '--year', '2025', '--vary', 'turnover.residential=0.2:0.4', '--format', 'json').out);
    const held: string[] = json.sensitivity.held;
    expect(held).toContain('demand.rate');
    expect(held).toContain('occupancy.residential');
    expect(held).not.toContain('turnover.residential');
    expect(held).not.toContain('transitions[0].exit');
    expect(json.sensitivity.parameters.map((p: { path: string }) => p.path).sort()).toEqual(['foster_wales.net_new_places.2025', 'transitions[0].exit', 'turnover.residential']);
  });
});

describe('reproducibility', () => {
  it('gives the same figures for the same --seed, and other shares of the spread for another', () => {
    const args = ['--scenario', 'exit-switch', '--metric', 'sufficiency_residential', '--format', 'csv'];
    const a = run(...args, '--seed', '5').out;
    expect(run(...args, '--seed', '5').out).toBe(a);
    expect(run(...args, '--seed', '6').out).not.toBe(a);
  });
});

describe('nothing to vary', () => {
  it('says so with exit 0 and no table', () => {
    const r = run('--scenario', 'fixed');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/no uncertain parameter/);
    expect(r.out).not.toMatch(/swing/);
  });
});
