// `sufficiency plan` as an LA officer uses it (the built CLI): the previous year beside the year,
// cost and distance, one definition of sufficiency shared with `project`'s table, synthetic providers
// marked, dates in one style, Welsh notes, 80 columns without a broken word, and the runs of a
// random scenario with their p10–p90.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';

function cli(args: string[], env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['bin/sufficiency.js', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const SMALL = ['--data', 'test/fixtures/cli/small', '--scenarios', 'test/fixtures/cli/scenarios'];
const POWYS = ['plan', '--la', 'Powys', '--year', '2027-28', '--scenario', 'central', '--runs', '1'];

/** CSV lines split at commas outside quotes. */
const fields = (line: string): string[] => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((f) => f.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"')).slice(0, -1);

describe('plan (Powys 2027-28, central, one run)', () => {
  const csv = cli([...POWYS, '--format', 'csv']);
  const rows = csv.stdout.trim().split('\n').map(fields);
  const head = rows[0];
  const at = (name: string): number => head.indexOf(name);

  it('has the previous year beside this one, and cost and distance rows', () => {
    expect(csv.status).toBe(0);
    expect(head).toEqual(['la_code', 'la_name', 'financial_year', 'section', 'item', 'placement_type', 'value', 'previous_value']);
    const children = rows.find((r) => r[at('section')] === 'a(i)' && r[at('placement_type')] === '')!;
    // Powys looks after 240 children at 31 March 2028 and 243 a year before (central, seed 1).
    expect([children[at('value')], children[at('previous_value')]]).toEqual(['240', '243']);
    const cost = rows.find((r) => r[at('item')].startsWith('cost of the LA’s market placements') && r[at('placement_type')] === '')!;
    expect(Number(cost[at('value')])).toBeGreaterThan(1e6);
    expect(rows.some((r) => r[at('section')] === 'a(ii)' && r[at('item')].startsWith('mean distance from home, of children placed'))).toBe(true);
  });

  it('gives the table’s sufficiency under its own name beside the LA’s own places per child', () => {
    // The LA-only ratio: (4 usable LA + 2 usable reserved residential places) / 25 children = 0.24;
    // the table's: every sector's usable residential places located in Powys per child = 2.6.
    const project = cli(['project', '--scenario', 'central', '--by', 'la', '--area', 'Powys', '--format', 'csv', '--runs', '1', '--metrics', 'sufficiency_residential']);
    const line = project.stdout.split('\n').find((l) => l.includes(',2027,2027-28,'))!;
    const tableValue = line.split(',')[7];
    const c = rows.filter((r) => r[at('section')] === 'c' && r[at('placement_type')] === 'residential');
    const own = c.find((r) => r[at('item')].includes('(the LA’s own places only)'))!;
    const table = c.find((r) => r[at('item')].includes('(the table’s sufficiency)'))!;
    expect(own[at('value')]).toBe('0.24');
    expect(table[at('value')]).toBe(tableValue);
    expect(tableValue).toBe('2.6');
  });

  it('marks synthetic providers in (d)(iii)', () => {
    const providers = rows.filter((r) => r[at('section')] === 'd(iii)' && r[at('placement_type')] !== '');
    expect(providers.length).toBeGreaterThan(0);
    for (const p of providers) expect(p[at('item')]).toMatch(/^Synthetic .*\(FP-[A-Z]+-W\d+-\d+, synthetic\)$/);
  });

  it('writes the header’s dates in one style, and fits 80 columns without breaking a word', () => {
    const table = cli([...POWYS, '--format', 'table'], { COLUMNS: '80' });
    expect(table.status).toBe(0);
    const header = table.stdout.split('\n\n')[0];
    expect(header).toMatch(/31 March 2028/);
    expect(header).toMatch(/1 April 2027/);
    expect(header).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    for (const line of table.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
    // The assumptions are wrapped at words: every note line's words are words of the scenario's text.
    expect(table.stdout).toMatch(/\n- B7: Each provider keeps using the places it held at 31 March 2024\n/);
  });

  it('in Welsh: the estimate note, the definitions and the synthetic mark', () => {
    const cy = cli([...POWYS, '--format', 'md', '--lang', 'cy']);
    expect(cy.status).toBe(0);
    expect(cy.stdout).toMatch(/lleoliadau ar 31 Mawrth 2024 yn ôl math, sector a lleoliad/);
    expect(cy.stdout).not.toMatch(/^- (placements|children looked after) at 31 March/m); // the assumptions stay the scenario's words
    expect(cy.stdout).toMatch(/Plant a lleoedd ar 31 Mawrth 2028; lleoliadau atodol dros y flwyddyn 1 Ebrill 2027 i 31 Mawrth 2028/);
    expect(cy.stdout).toMatch(/, synthetig\) \|/);
    expect(cy.stdout).toMatch(/Dwy gymhareb o leoedd/);
  });
});

describe('plan of a random scenario', () => {
  it('runs 100 times by default: means with p10–p90, and says so', () => {
    const r = cli(['plan', '--la', 'Cardiff', '--year', '2026', '--scenario', 'exit-uncertain', ...SMALL, '--format', 'csv']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('la_code,la_name,financial_year,section,item,placement_type,value,value_p10,value_p90,previous_value');
    const md = cli(['plan', '--la', 'Cardiff', '--year', '2026', '--scenario', 'exit-uncertain', ...SMALL, '--format', 'md', '--runs', '5']);
    // exit-uncertain's only random element is its distributions: the note names that, and nothing else.
    expect(md.stdout).toMatch(/Each figure is the mean of 5 runs \(seed 1\), .*: what is random is the parameters drawn from distributions\./);
    const one = cli(['plan', '--la', 'Cardiff', '--year', '2026', '--scenario', 'exit-uncertain', ...SMALL, '--format', 'md', '--runs', '1']);
    expect(one.stdout).toMatch(/One run, every distribution at its central value; --runs N shows the range\./);
  });

  it('a scenario with no random element is run once whatever --runs says, and says so; --runs 0 is a usage error', () => {
    const once = cli(['plan', '--la', 'Cardiff', '--year', '2026', '--scenario', 'exit', ...SMALL, '--format', 'md', '--runs', '50']);
    expect(once.status).toBe(0);
    expect(once.stdout).toMatch(/One run: the scenario has no random element\./);
    const zero = cli(['plan', '--la', 'Cardiff', '--year', '2026', '--scenario', 'exit', ...SMALL, '--runs', '0']);
    expect(zero.status).toBe(2);
  });

  it('under placement choice, names every provider any run uses, with ranges on the counts (central, 3 runs)', () => {
    const r = cli(['plan', '--la', 'Powys', '--year', '2027', '--scenario', 'central', '--runs', '3', '--format', 'csv']);
    expect(r.status).toBe(0);
    const rows = r.stdout.trim().split('\n').map(fields);
    expect(r.stdout).not.toMatch(/what is random/); // CSV carries figures only
    const md = cli(['plan', '--la', 'Powys', '--year', '2027', '--scenario', 'central', '--runs', '1', '--format', 'md']);
    expect(md.stdout).toMatch(/One run at central values: one draw of which services leave and which child takes which place \(seed 1\)/);
    const children = rows.find((x) => x[3] === 'a(ii)' && x[5] === '')!;
    // value, p10, p90: p10 ≤ mean ≤ p90.
    const [v, lo, hi] = [Number(children[6]), Number(children[7]), Number(children[8])];
    expect(lo).toBeLessThanOrEqual(v);
    expect(v).toBeLessThanOrEqual(hi);
    expect(rows.filter((x) => x[3] === 'd(iii)' && x[5] !== '').length).toBeGreaterThan(0);
  }, 120_000);
});
