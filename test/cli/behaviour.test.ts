// Properties of the outputs that golden files alone do not state: Excel bytes, long and wide forms
// agreeing, a scenario against itself, plan against project, atomic writes, refusing to overwrite
// inputs, provenance beside --out, and byte-identical reruns. The built CLI runs as a process.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

const S = ['--data', 'test/fixtures/cli/small', '--scenarios', 'test/fixtures/cli/scenarios'];

function run(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, ['bin/sufficiency.js', ...args], { encoding: 'buffer', env });
  return { code: r.status, stdout: r.stdout, out: r.stdout.toString('utf8'), err: r.stderr.toString('utf8') };
}

const csv = (text: string): Record<string, string>[] => parse(text, { columns: true, bom: true });
const tmp = (): string => mkdtempSync(path.join(tmpdir(), 'sufficiency-cli-'));

describe('project output forms', () => {
  it('--excel writes a UTF-8 byte-order mark and CRLF line ends, and nothing else differs', () => {
    const plain = run('project', '--scenario', 'exit', ...S, '--by', 'wales').stdout;
    const excel = run('project', '--scenario', 'exit', ...S, '--by', 'wales', '--excel').stdout;
    expect([...excel.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const body = excel.subarray(3).toString('utf8');
    expect(body.endsWith('\r\n')).toBe(true);
    expect(body.replace(/\r\n/g, '').includes('\n')).toBe(false);
    expect(body.replace(/\r\n/g, '\n')).toBe(plain.toString('utf8'));
    expect(plain.includes(0x0d)).toBe(false);
  });

  it('long and wide forms agree value for value', () => {
    const wide = csv(run('project', '--scenario', 'exit', ...S, '--by', 'la').out);
    const long = csv(run('project', '--scenario', 'exit', ...S, '--by', 'la', '--long').out);
    // Every column after the key columns but the last (`prices`, the price base) is a metric.
    const metrics = Object.keys(wide[0]).slice(7, -1);
    expect(long).toHaveLength(wide.length * metrics.length);
    const byKey = new Map(long.map((r) => [`${r.area_code}|${r.year}|${r.metric}`, r.value]));
    for (const w of wide) for (const m of metrics) expect(byKey.get(`${w.area_code}|${w.year}|${m}`), `${w.area_code} ${w.year} ${m}`).toBe(w[m]);
  });

  it('numbers are plain: no thousands separators, at most 4 decimals, counts whole', () => {
    const rows = csv(run('project', '--scenario', 'exit', ...S, '--by', 'wales').out);
    for (const r of rows) {
      for (const [k, v] of Object.entries(r).slice(7, -1)) expect(v, k).toMatch(/^(-?\d+(\.\d{1,4})?)?$/);
      expect(r.prices).toBe('cash');
      expect(r.children_looked_after).toMatch(/^\d+$/);
    }
  });

  it('JSON holds the long-form records and a meta object', () => {
    const doc = JSON.parse(run('project', '--scenario', 'steady', ...S, '--format', 'json', '--by', 'wales').out);
    expect(doc.meta.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(doc.meta.scenarios[0].name).toBe('steady');
    expect(doc.meta.inputs.map((i: { path: string }) => i.path)).toContain('data/datapackage.json');
    expect(doc.meta.inputs.map((i: { path: string }) => i.path)).toContain('scenarios/steady.yaml');
    expect(doc.meta.generated_at).toBeUndefined();
    expect(Object.keys(doc.records[0])).toEqual(['scenario', 'level', 'area_code', 'area_name', 'year', 'financial_year', 'as_at', 'metric', 'value']);
  });

  it('two runs give byte-identical output and provenance', () => {
    const d1 = tmp();
    const d2 = tmp();
    run('project', '--scenario', 'exit', ...S, '--out', path.join(d1, 'a.csv'));
    run('project', '--scenario', 'exit', ...S, '--out', path.join(d2, 'a.csv'));
    expect(readFileSync(path.join(d1, 'a.csv')).equals(readFileSync(path.join(d2, 'a.csv')))).toBe(true);
    expect(readFileSync(path.join(d1, 'a.csv.meta.json')).equals(readFileSync(path.join(d2, 'a.csv.meta.json')))).toBe(true);
    expect(run('project', '--scenario', 'exit', ...S, '--format', 'json').stdout.equals(run('project', '--scenario', 'exit', ...S, '--format', 'json').stdout)).toBe(true);
  });

  it('--timestamp adds the time of the run to the provenance', () => {
    const doc = JSON.parse(run('project', '--scenario', 'steady', ...S, '--format', 'json', '--timestamp').out);
    expect(doc.meta.generated_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });
});

describe('files', () => {
  it('--out writes FILE and FILE.meta.json and leaves no temporary file', () => {
    const d = tmp();
    const r = run('project', '--scenario', 'steady', ...S, '--out', path.join(d, 'out.csv'));
    expect(r.code).toBe(0);
    expect(readdirSync(d).sort()).toEqual(['out.csv', 'out.csv.meta.json']);
    const meta = JSON.parse(readFileSync(path.join(d, 'out.csv.meta.json'), 'utf8'));
    expect(meta.scenarios[0].assumptions[0].id).toBe('A1');
    expect(meta.inputs.every((i: { sha256: string }) => /^[0-9a-f]{64}$/.test(i.sha256))).toBe(true);
  });

  it('a failed run leaves an existing output file intact', () => {
    const d = tmp();
    const file = path.join(d, 'budget.csv');
    writeFileSync(file, 'precious\n');
    const r = run('project', '--scenario', 'steady', '--data', 'test/fixtures/io/three-mistakes', '--scenarios', 'test/fixtures/cli/scenarios', '--out', file);
    expect(r.code).toBe(3);
    expect(readFileSync(file, 'utf8')).toBe('precious\n');
    expect(readdirSync(d)).toEqual(['budget.csv']);
    const bad = run('project', '--scenario', 'broken', ...S, '--out', file);
    expect(bad.code).toBe(3);
    expect(readFileSync(file, 'utf8')).toBe('precious\n');
  });

  it('refuses to write over an input file (dataset or scenario), changing nothing', () => {
    const before = readFileSync('test/fixtures/cli/scenarios/steady.yaml');
    const r = run('project', '--scenario', 'steady', ...S, '--out', 'test/fixtures/cli/scenarios/steady.yaml');
    expect(r.code).toBe(2);
    expect(r.err).toContain('refusing to write over');
    expect(readFileSync('test/fixtures/cli/scenarios/steady.yaml').equals(before)).toBe(true);
    expect(run('plan', '--la', 'Cardiff', '--year', '2025', '--scenario', 'steady', ...S, '--out', 'test/fixtures/cli/small/providers.csv').code).toBe(2);
    expect(existsSync('test/fixtures/cli/small/providers.csv.meta.json')).toBe(false);
  });
});

describe('diff', () => {
  it('a scenario against itself is all zeros', () => {
    const rows = csv(run('diff', 'exit', 'exit', ...S, '--by', 'la').out);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.a).toBe(r.b);
      expect(['0', '']).toContain(r.delta);
    }
  });

  it('delta is b minus a', () => {
    for (const r of csv(run('diff', 'steady', 'exit', ...S, '--by', 'region').out)) {
      if (r.delta === '') continue;
      expect(Math.abs(Number(r.b) - Number(r.a) - Number(r.delta))).toBeLessThan(2e-4);
    }
  });
});

describe('plan agrees with project --by la', () => {
  for (const [la, code] of [
    ['Cardiff', 'W06000015'],
    ['Newport', 'W06000022'],
    ['Vale of Glamorgan', 'W06000014'],
  ]) {
    for (const year of [2024, 2026, 2029]) {
      it(`${la} ${year}`, () => {
        const plan = csv(run('plan', '--la', la, '--year', String(year), '--scenario', 'exit', ...S, '--format', 'csv').out);
        const row = csv(run('project', '--scenario', 'exit', ...S, '--by', 'la').out).find((r) => r.area_code === code && r.year === String(year))!;
        const v = (section: string, item: string, type = ''): string => plan.find((p) => p.section === section && p.item === item && p.placement_type === type)!.value;
        expect(plan.every((p) => p.la_code === code && p.financial_year === `${year}-${String((year + 1) % 100).padStart(2, '0')}`)).toBe(true);
        expect(v('a(i)', 'children looked after')).toBe(row.children_looked_after);
        for (const t of ['foster', 'residential', 'secure']) expect(v('a(i)', 'children looked after', t)).toBe(row[`need_${t}`]);
        // (c): the shortfall is need less the usable places of (b) (own and reserved), never below 0
        for (const t of ['foster', 'residential', 'secure']) {
          const usable = Number(v('b', 'usable LA places in the LA', t)) + Number(plan.find((p) => p.section === 'b' && p.item.startsWith('usable places reserved for') && p.placement_type === t)!.value);
          expect(Number(v('c', 'shortfall: children needing that type beyond the usable places of (b)', t))).toBe(Math.max(0, Number(row[`need_${t}`]) - usable));
        }
        // (a)(ii) is not_local_nonprofit, in three parts that add up to it
        expect(v('a(ii)', 'unlikely to be placed with LA or not-for-profit within or near the area')).toBe(row.not_local_nonprofit);
        expect(v('a(ii)', 'of whom without a place (unplaced)')).toBe(row.unplaced);
        expect(v('a(ii)', 'of whom placed with for-profit providers (in or outside Wales)')).toBe(row.for_profit_placements);
        const parts = ['of whom without a place (unplaced)', 'of whom placed with for-profit providers (in or outside Wales)', 'of whom placed with LA or not-for-profit providers outside the region (outside Wales included)'];
        expect(String(parts.reduce((s, item) => s + Number(v('a(ii)', item)), 0))).toBe(row.not_local_nonprofit);
        // counts of providers never share the value column with counts of children
        expect(plan.filter((p) => /providers?\b.*\(\d+ providers?\)|\(\d+ providers?\)/.test(p.item)).every((p) => p.value === '')).toBe(true);
        expect(v('d(i)', 'supplementary placements')).toBe(row.supplementary_placements);
        const split = Number(v('d(i)', 'of which with for-profit providers in Wales')) + Number(v('d(i)', 'of which with private providers outside Wales'));
        expect(String(split)).toBe(row.supplementary_placements);
      });
    }
  }
});

describe('exit codes', () => {
  it.each([
    [['project', '--scenario', 'steady', ...S, '--nope'], 2],
    [['project', '--scenario', 'steady', ...S, '--metrics', 'unplacd'], 2],
    [['frobnicate'], 2],
    [['project', '--scenario', 'steady', ...S, '--runs', 'many'], 2],
    [['project', '--scenario', 'steady', '--data', 'test/fixtures/io/three-mistakes', '--scenarios', 'test/fixtures/cli/scenarios'], 3],
    [['project', '--help'], 0],
    [['--version'], 0],
  ])('%j exits %i with no stack trace', (args, code) => {
    const r = run(...(args as string[]));
    expect(r.code).toBe(code);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('an unknown metric gets a did-you-mean', () => {
    expect(run('project', '--scenario', 'steady', ...S, '--metrics', 'unplacd').err).toContain('did you mean "unplaced"?');
  });
});

describe('Monte Carlo on the command line', () => {
  it('project --runs N gives each metric as its mean then p10, p50 and p90, ordered, and is the same for any number of workers', () => {
    const one = run('project', '--scenario', 'exit-uncertain', ...S, '--by', 'wales', '--runs', '12', '--seed', '3', '--workers', '1');
    const two = run('project', '--scenario', 'exit-uncertain', ...S, '--by', 'wales', '--runs', '12', '--seed', '3', '--workers', '2');
    expect(one.code).toBe(0);
    expect(two.out).toBe(one.out);
    const rows = csv(one.out);
    const columns = Object.keys(rows[0]);
    expect(columns.slice(columns.indexOf('displaced'), columns.indexOf('displaced') + 4)).toEqual(['displaced', 'displaced_p10', 'displaced_p50', 'displaced_p90']);
    for (const r of rows) {
      if (r.displaced_p50 === '') continue;
      expect(Number(r.displaced_p10)).toBeLessThanOrEqual(Number(r.displaced_p50));
      expect(Number(r.displaced_p50)).toBeLessThanOrEqual(Number(r.displaced_p90));
    }
    // The exit share is uncertain, so the children displaced in its year spread over the runs.
    const exitYear = rows.find((r) => r.year === '2025');
    expect(Number(exitYear?.displaced_p90)).toBeGreaterThan(Number(exitYear?.displaced_p10));
  });

  it('diff --runs N pairs the runs: a scenario against itself differs by exactly 0 in every statistic', () => {
    const r = run('diff', 'exit-uncertain', 'exit-uncertain', ...S, '--by', 'region', '--runs', '8', '--format', 'csv');
    expect(r.code).toBe(0);
    const rows = csv(r.out);
    expect(Object.keys(rows[0])).toEqual(['level', 'area_code', 'area_name', 'year', 'financial_year', 'metric', 'a', 'b', 'delta', 'delta_p10', 'delta_p90', 'prices'].filter((c) => c in rows[0]));
    expect(Object.keys(rows[0])).toContain('delta_p90');
    for (const x of rows) {
      for (const c of ['delta', 'delta_p10', 'delta_p90']) expect(x[c] === '' || Number(x[c]) === 0, `${x.area_code} ${x.year} ${x.metric} ${c}`).toBe(true);
    }
  });

  it('diff --runs N of two scenarios with nothing random runs once, and says so', () => {
    const det = run('diff', 'steady', 'exit', ...S, '--by', 'wales', '--format', 'csv');
    const asked = run('diff', 'steady', 'exit', ...S, '--by', 'wales', '--format', 'csv', '--runs', '4');
    expect(asked.out).toBe(det.out);
    expect(asked.err).toContain('--runs 4: steady and exit have no random element, so one run is made');
  });
});

describe("the scenario's horizon", () => {
  it('horizon.from is the first year shown unless --from says otherwise', () => {
    const dir = tmp();
    const file = path.join(dir, 'later.yaml');
    writeFileSync(file, `name: later\ntitle: Steady, shown from 2026\nextends: ${path.resolve('test/fixtures/cli/scenarios/steady.yaml')}\nhorizon: { from: 2026, to: 2028 }\n`);
    const shown = csv(run('project', '--scenario', file, ...S, '--by', 'wales').out).map((r) => r.year);
    expect(shown).toEqual(['2026', '2027', '2028']);
    const all = csv(run('project', '--scenario', file, ...S, '--by', 'wales', '--from', '2023').out).map((r) => r.year);
    expect(all[0]).toBe('2023');
  });
});
