// The batches of model runs a sensitivity analysis asks for, on the Monte Carlo threads, with
// progress on a terminal. Shared by `sensitivity` and `report`.
import type { RunSet } from '../../model/montecarlo.js';
import type { AreaLevel } from '../../model/types.js';
import { preparedChoice, type Inputs, type LoadedScenario } from '../pipeline.js';
import type { Runner } from './analysis.js';

export async function threadRunner(inputs: Inputs, loaded: LoadedScenario, at: { level: AreaLevel; year: number; seed: number; workers: number | null }): Promise<Runner> {
  const { runMonteCarlo } = await import('../../mc/worker-pool.js');
  const { terminalProgress } = await import('../../mc/progress.js');
  // The calibration of placement choice is fitted once and handed to every thread.
  const choice = await preparedChoice(inputs, loaded);
  return async (batch): Promise<RunSet> => {
    const { runs } = await runMonteCarlo({
      dataset: inputs.dataset,
      scenario: batch.scenario,
      level: at.level,
      horizonTo: at.year,
      runs: batch.runs,
      seed: at.seed,
      workers: at.workers,
      choice,
      ...(batch.points ? { points: batch.points } : {}),
      onProgress: terminalProgress(`sensitivity: ${batch.label}`),
    });
    return runs;
  };
}
