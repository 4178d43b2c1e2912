// The report's assumptions section: each scenario's assumptions log and the parameters in force,
// every value written as text a reader can follow (never raw JSON, which does not wrap and pushed
// the page past a 1280-pixel window: docs/methodology.md, "The report: fitting the page").
import { label, type Lang, type LabelKey } from '../../i18n/labels.js';

export interface ReportAssumptionsOf {
  name: string;
  assumptions: ReadonlyArray<{ id: string; text: string; source?: string; owner?: string }>;
  parameters: ReadonlyArray<{ path: string; value: unknown; source: string | null }>;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const DISTRIBUTIONS = new Set(['normal', 'triangular', 'uniform']);

/**
 * A parameter's value as text: a number or word as it is, a distribution as `normal(0.1, 0.02)`, a
 * list as its items, a map as `key: value` pairs. Separators are followed by a space, so that a long
 * value wraps at them.
 */
export function parameterText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map(parameterText).join(', ');
  if (typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>);
    if (entries.length === 1 && DISTRIBUTIONS.has(entries[0][0]) && Array.isArray(entries[0][1])) return `${entries[0][0]}(${parameterText(entries[0][1])})`;
    return entries.map(([k, x]) => `${k}: ${typeof x === 'object' && x !== null && !Array.isArray(x) ? `(${parameterText(x)})` : parameterText(x)}`).join('; ');
  }
  return String(v);
}

/** Owners the scenarios write in English, in Welsh. */
const OWNER_CY: Record<string, string> = { 'data owner': 'perchennog y data', 'scenario owner': 'perchennog y senario' };

export const ownerIn = (lang: Lang, owner: string): string => (lang === 'cy' ? (OWNER_CY[owner.trim().toLowerCase()] ?? owner) : owner);

export function assumptionsSection(lang: Lang, scenarios: readonly ReportAssumptionsOf[]): string {
  const t = (key: LabelKey, vars: Record<string, string | number> = {}): string => label(lang, key, vars);
  const out: string[] = [`<section id="assumptions"><h2>${esc(t('report.assumptions'))}</h2>`];
  for (const s of scenarios) {
    out.push(`<h3>${esc(s.name)}</h3><p>${esc(t('report.assumptions.intro', { scenario: s.name }))}</p>`);
    if (s.assumptions.length === 0) out.push(`<p>${esc(t('report.assumptions.none'))}</p>`);
    else {
      out.push(
        `<table class="text log"><thead><tr><th scope="col">${esc(t('report.assumptions.id'))}</th><th scope="col">${esc(t('report.assumptions.text'))}</th><th scope="col">${esc(t('report.assumptions.source'))}</th><th scope="col">${esc(t('report.assumptions.owner'))}</th></tr></thead><tbody>` +
          s.assumptions.map((a) => `<tr><td>${esc(a.id)}</td><td>${esc(a.text)}</td><td>${esc(a.source ?? '')}</td><td>${esc(ownerIn(lang, a.owner ?? ''))}</td></tr>`).join('') +
          '</tbody></table>',
      );
    }
    out.push(`<h4>${esc(t('report.parameters', { scenario: s.name }))}</h4>`);
    out.push(
      `<table class="text params"><thead><tr><th scope="col">${esc(t('report.parameters.path'))}</th><th scope="col">${esc(t('report.parameters.value'))}</th><th scope="col">${esc(t('report.parameters.source'))}</th></tr></thead><tbody>` +
        s.parameters
          .map((p) => {
            const src = p.source === null ? t('report.parameters.none') : p.source === 'default' ? t('report.parameters.default') : p.source;
            return `<tr><td><code>${esc(p.path)}</code></td><td>${esc(parameterText(p.value))}</td><td>${esc(src)}</td></tr>`;
          })
          .join('') +
        '</tbody></table>',
    );
  }
  out.push('</section>');
  return out.join('\n');
}
