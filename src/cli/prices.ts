// The price base of the money figures (docs/methodology.md, "Money: price bases"): cash, or
// constant prices of a year (`--prices`), and the checks `--prices` makes before anything is run.
import { ScenarioError } from '../errors.js';
import { financialYear } from '../io/financial-year.js';
import type { Dataset } from '../model/types.js';
import type { LoadedScenario } from '../scenario/load.js';
import { displayPath } from '../scenario/display-path.js';


/**
 * Real terms need a stated deflator: a scenario that sets none (whose deflator would silently be its
 * inflation, the growth of placement fees rather than of the general price level) is refused under
 * `--prices`, naming the key to set. Every scenario asked for is checked, and all are reported at once.
 */
export function requireDeflator(scenarios: readonly LoadedScenario[], prices: number | null, displayPath: (file: string) => string = (f) => f): void {
  if (prices === null) return;
  const missing = scenarios.filter((s) => s.spec.deflator === undefined || s.spec.deflator === null);
  if (missing.length === 0) return;
  throw new ScenarioError(
    missing.map((s) => ({
      file: displayPath(s.file),
      line: null,
      column: null,
      severity: 'error' as const,
      message: `deflator: --prices ${financialYear(prices)} gives money in constant prices, which needs the general price level's growth: set \`deflator\` (e.g. \`deflator: { value: 0.02, source: "HM Treasury GDP deflator" }\`, or a year map) in scenario ${s.name}, or leave out --prices for cash`,
    })),
  );
}

/**
 * `--prices` before the earliest price year of the data's costs deflates back past every price the
 * data states: allowed (a budget paper may want an older base), with a warning that says so.
 * Null when there is nothing to say.
 */
export function pricesBeforeDataWarning(dataset: Pick<Dataset, 'costs'>, prices: number | null): string | null {
  if (prices === null || dataset.costs === null || dataset.costs.length === 0) return null;
  const earliest = Math.min(...dataset.costs.map((c) => c.priceYear));
  if (prices >= earliest) return null;
  return `--prices ${financialYear(prices)} is before the data's earliest price year (${financialYear(earliest)}): its weekly costs are carried back to ${financialYear(prices)} by the scenario's deflator, which the data does not state; figures are still given`;
}

/** The checks of `--prices` before a run: refuses a scenario without a deflator (exit 3), warns of a price year before the data's. */
export async function checkPrices(scenarios: readonly LoadedScenario[], dataset: Pick<Dataset, 'costs'>, prices: number | null): Promise<void> {
  if (prices === null) return;
  requireDeflator(scenarios, prices, displayPath);
  const warning = pricesBeforeDataWarning(dataset, prices);
  if (warning !== null) process.stderr.write(`sufficiency: warning: ${warning}\n`);
}
