// The report's section on which assumption matters (docs/methodology.md, "Which assumption
// matters"): when the scenario has uncertain parameters, the tornado of each headline question
// (sufficiency_foster and sufficiency_residential for the nation in the last year) and their
// switching values at 1. To keep the report quick, each point is one run (run 0's streams at every
// point: paired) and the shares of the spread are left to `sufficiency sensitivity`.
import { metricLabel, nationNameIn, type Lang } from '../../i18n/labels.js';
import { financialYear } from '../../io/output.js';
import type { Threshold } from '../../model/sensitivity/threshold.js';
import type { Inputs, LoadedScenario } from '../pipeline.js';

const QUESTIONS: readonly Threshold[] = [
  { metric: 'sufficiency_foster', op: '>=', value: 1 },
  { metric: 'sufficiency_residential', op: '>=', value: 1 },
];

export async function reportSensitivity(inputs: Inputs, loaded: LoadedScenario, at: { year: number; seed: number; workers: number | null; lang: Lang }): Promise<{ heading: string; html: string } | null> {
  if (!loaded.hasDistributions) return null;
  const { dataset } = inputs;
  const { analyse, barsOf } = await import('./analysis.js');
  const { threadRunner } = await import('./runner.js');
  const { tornadoSection } = await import('../../io/report/tornado.js');
  const { parameterName, paramValue, thresholdQuestion } = await import('../render/sensitivity.js');
  const { displayValue } = await import('../render/metrics.js');
  const area = { level: 'wales' as const, code: dataset.nation.code, name: nationNameIn(at.lang, dataset.nation) };
  const runner = await threadRunner(inputs, loaded, { level: 'wales', year: at.year, seed: at.seed, workers: at.workers });
  const result = await analyse(loaded, dataset, { metric: QUESTIONS[1].metric, year: at.year, area, thresholds: QUESTIONS, varies: [], runs: 1, spread: false, seed: at.seed, workers: at.workers }, runner);
  return tornadoSection({
    lang: at.lang,
    year: financialYear(at.year),
    seed: at.seed,
    name: (path) => parameterName(at.lang, path, loaded),
    format: (v) => displayValue(v, 'ratio'),
    value: paramValue,
    panels: result.switching.map((s, i) => ({
      id: `tornado${i + 1}`,
      metric: metricLabel(at.lang, s.threshold.metric),
      central: result.points[0][s.threshold.metric],
      bars: barsOf(result.parameters, result.points, s.threshold.metric),
      switching: {
        question: thresholdQuestion(at.lang, s.threshold),
        centralAnswer: s.centralAnswer,
        values: new Map(s.rows.map((r) => [r.parameter.path, r.value])),
      },
    })),
  });
}
