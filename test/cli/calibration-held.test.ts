// Placement choice is calibrated once per command (SPEC 4.3: once per dataset and scenario): the
// table's run, the provenance, the Monte Carlo threads and a second scenario with the same
// calibration inputs all take the fit the command holds. Each fit costs some 0.3-0.5 s.
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
