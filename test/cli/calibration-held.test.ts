// Placement choice is calibrated once per command (docs/model.md §4.3: once per dataset and scenario): the
// table's run, the provenance, the Monte Carlo threads and a second scenario with the same
// calibration inputs all take the fit the command holds. Each fit costs some 0.3-0.5 s. And the
// fitted values the provenance records, set by hand, give back the same run.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { choiceFor, loadInputs, preparedChoice } from '../../src/cli/pipeline.js';
import { deterministicScenario } from '../../src/scenario/resolve.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

describe('the calibration a command holds', () => {
  it('is fitted once for the run and its provenance, and shared by a scenario with the same calibration inputs', async () => {
    // central and eliminate-act both extend baseline and change nothing the calibration year reads
    // (turnover, usable places, occupancy, outside-Wales rules at year B): one fit serves both.
    const inputs = await loadInputs(path.join(ROOT, 'data', 'wales'), path.join(ROOT, 'scenarios'), ['central', 'eliminate-act']);
    const [central, act] = inputs.scenarios;
    const forRun = await choiceFor(inputs, { ...deterministicScenario(central, inputs.dataset, 7), horizonTo: 2040 });
    expect(forRun?.calibrated).toBe(true);
    expect(await preparedChoice(inputs, central)).toBe(forRun);
    expect(await preparedChoice(inputs, act)).toBe(forRun);
  });

  it('shares the fit when a scenario changes only what the registry says the calibration year does not read', async () => {
    // inflation, the deflator, the unplaced cost, one-off costs and the transition unit (NOT_READ_BY_CALIBRATION).
    const inputs = await loadInputs(path.join(ROOT, 'data', 'wales'), path.join(ROOT, 'scenarios'), ['central']);
    const central = deterministicScenario(inputs.scenarios[0], inputs.dataset);
    const first = await choiceFor(inputs, central);
    const dearer = { ...central, inflation: { initial: 0.05, steps: [] }, deflator: { initial: 0.04, steps: [] }, transitionUnit: 'services' as const };
    expect(await choiceFor(inputs, dearer)).toBe(first);
  });

  it('fits again when a scenario changes what the calibration year reads', async () => {
    const inputs = await loadInputs(path.join(ROOT, 'data', 'wales'), path.join(ROOT, 'scenarios'), ['central']);
    const central = deterministicScenario(inputs.scenarios[0], inputs.dataset);
    const first = await choiceFor(inputs, central);
    const faster = { ...central, turnover: { ...central.turnover, foster: { initial: 0.123, steps: [] } } };
    const second = await choiceFor(inputs, faster);
    expect(second).not.toBe(first);
    expect(second?.key).not.toBe(first?.key);
  });
});

describe('the fitted values in the provenance', () => {
  it('set by hand (calibrate: false), give back the calibrated run exactly', () => {
    // An analyst who takes β, α and γ from the provenance of a run and sets them by hand must get
    // the same figures: the provenance keeps every digit of them (JSON numbers round-trip).
    const cli = (...args: string[]) => {
      const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'sufficiency.js'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      expect(r.status, r.stderr).toBe(0);
      return r.stdout;
    };
    const doc = JSON.parse(cli('project', '--scenario', 'central', '--by', 'wales', '--format', 'json', '--runs', '1'));
    const fitted = doc.meta.scenarios[0].placement_choice.by_type as Record<string, Record<string, number>>;
    const perType = (key: string): string => `{ ${Object.entries(fitted).map(([type, v]) => `${type}: ${v[key]}`).join(', ')} }`;
    const dir = mkdtempSync(path.join(tmpdir(), 'sufficiency-handset-'));
    for (const f of readdirSync(path.join(ROOT, 'scenarios'))) copyFileSync(path.join(ROOT, 'scenarios', f), path.join(dir, f));
    writeFileSync(
      path.join(dir, 'handset.yaml'),
      [
        'name: handset',
        'extends: central',
        'matching:',
        '  method: choice',
        '  calibrate: false',
        `  distance_decay: ${perType('distance_decay')}`,
        `  outside_pull: ${perType('outside_pull')}`,
        `  own_la_pull: ${perType('own_la_pull')}`,
        '',
      ].join('\n'),
    );
    // The rows less their scenario column (the first).
    const rows = (text: string): string[] => text.trim().split('\n').map((line) => line.slice(line.indexOf(',') + 1));
    const byHand = rows(cli('project', '--scenarios', dir, '--scenario', 'handset', '--by', 'la', '--format', 'csv', '--runs', '1'));
    const calibrated = rows(cli('project', '--scenario', 'central', '--by', 'la', '--format', 'csv', '--runs', '1'));
    expect(byHand.length).toBeGreaterThan(200);
    expect(byHand).toEqual(calibrated);
  });
});
