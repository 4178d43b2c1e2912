// The data's warnings, as a command that runs on the data shows them on standard error: each named
// (FILE:LINE:COLUMN, as validate gives it) up to a few, then how many more, so that nothing unusual
// in the data reaches a projection unnamed (docs/methodology.md, "Checks on the data").
import { formatProblem, type Problem } from '../errors.js';

/** How many of the data's warnings a run names before it says how many more there are. */
export const DATA_WARNINGS_SHOWN = 5;

export function dataWarningLines(warnings: readonly Problem[]): string[] {
  const shown = warnings.slice(0, DATA_WARNINGS_SHOWN).map((p) => `sufficiency: ${formatProblem(p)}`);
  const more = warnings.length - shown.length;
  return more > 0 ? [...shown, `sufficiency: the data has ${more} more warning${more === 1 ? '' : 's'} (sufficiency validate lists them all)`] : shown;
}
