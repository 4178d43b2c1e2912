// The report's comparison names the parameters that differ between its two scenarios once extends is
// resolved (docs/methodology.md, "The scenario library compares like with like"), so that the
// difference S − B is not blamed on the wrong cause. Its own function: the report's layout changes
// around it.
import type { LabelKey } from '../../i18n/labels.js';
import { differenceRows, parametersThatDiffer } from '../../scenario/differ.js';
import { esc } from './format.js';
import type { ReportScenario } from './html.js';

/** A paragraph and a table: path, B's value, S's value (B is the comparison, A of `diff B S`). */
export function differingParametersHtml(scenario: ReportScenario, compare: ReportScenario, t: (key: LabelKey, vars?: Record<string, string | number>) => string): string {
  const list = parametersThatDiffer(compare, scenario);
  const names = { a: compare.name, b: scenario.name };
  if (list.length === 0) return `<p class="differ">${esc(t('differ.none', names))}</p>`;
  const { rows, more } = differenceRows(list, t('differ.notInForce'));
  const body = rows.map((r) => `<tr><td><code>${esc(r.path)}</code></td><td>${esc(r.a)}</td><td>${esc(r.b)}</td></tr>`).join('');
  const tail = more > 0 ? `<tr><td colspan="3">${esc(t('differ.more', { n: more }))}</td></tr>` : '';
  return (
    `<section class="differ"><p>${esc(t('differ.title', { ...names, n: list.length }))}</p>` +
    `<table><thead><tr><th></th><th>${esc(compare.name)}</th><th>${esc(scenario.name)}</th></tr></thead><tbody>${body}${tail}</tbody></table></section>`
  );
}
