// `report --prices`: one bad-input case per rule it adds, and the prices named where money is shown.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const dir = mkdtempSync(path.join(tmpdir(), 'sufficiency-report-cli-'));
const SMALL = ['--data', 'test/fixtures/cli/small', '--scenarios', 'test/fixtures/cli/scenarios'];
const report = (...args: string[]) => spawnSync(process.execPath, ['bin/sufficiency.js', 'report', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

describe('report --prices', () => {
  it('refuses a year that is not one, as a usage error (exit 2)', () => {
    const r = report('--scenario', 'exit', ...SMALL, '--prices', '20x4', '--out', path.join(dir, 'bad.html'));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--prices/);
  });

  it('names the prices in the cost section and the provenance; the money differs from cash', () => {
    const cashOut = path.join(dir, 'cash.html');
    const realOut = path.join(dir, 'real.html');
    expect(report('--scenario', 'exit', ...SMALL, '--out', cashOut).status).toBe(0);
    expect(report('--scenario', 'exit', ...SMALL, '--prices', '2024-25', '--out', realOut).status).toBe(0);
    const cash = readFileSync(cashOut, 'utf8');
    const real = readFileSync(realOut, 'utf8');
    expect(cash).toMatch(/Money is in cash terms/);
    expect(real).toMatch(/Money is in constant 2024-25 prices \(real terms\)/);
    expect(JSON.parse(readFileSync(`${realOut}.meta.json`, 'utf8')).options.prices).toMatch(/^constant 2024-25 prices/);
    // The cost table's last row differs: later years are deflated to 2024-25 prices.
    const costTable = (html: string): string => html.slice(html.indexOf('id="q-cost"')).split('</table>')[0];
    expect(costTable(real)).not.toBe(costTable(cash));
  });
});

describe('report: how the model works, from the scenario run', () => {
  const method = (html: string): string => html.slice(html.indexOf('id="method"')).split('</section>')[0];

  it('least distance for the fixtures’ scenarios (two scenarios under the same rules share one list)', () => {
    const out = path.join(dir, 'method-small.html');
    expect(report('--scenario', 'exit', '--compare', 'steady', ...SMALL, '--out', out).status).toBe(0);
    const m = method(readFileSync(out, 'utf8'));
    expect(m).toContain('The rules the model uses: exit, steady');
    expect(m).toMatch(/<li>Least distance: /);
    expect(m).not.toMatch(/Placement choice/);
  });

  it('placement choice, held places and whole services for central: never "the nearest place allowed"', () => {
    const out = path.join(dir, 'method-central.html');
    expect(report('--scenario', 'central', '--out', out).status).toBe(0);
    const m = method(readFileSync(out, 'utf8'));
    expect(m).toMatch(/<li>Placement choice: /);
    expect(m).toMatch(/places it then held/);
    expect(m).toMatch(/whole services leave or convert/);
    expect(m).not.toMatch(/nearest place allowed/);
  }, 60_000);
});
