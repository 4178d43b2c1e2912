// The report's table of the weekly prices a run uses (docs/methodology.md, "Money: price bases"):
// the data's `costs` by type, sector and location, with price year, source and whether estimated,
// and what cost_gbp (placement fees) and cost_one_off_gbp are. A section of its own, so that the
// report's layout (html.ts) only places it.
import { label, type Lang } from '../../i18n/labels.js';
import type { CostRow } from '../../model/types.js';
import { weeklyGbpText, weeklyPrices } from '../weekly-prices.js';

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `<section id="prices">`: the note on placement fees and one-off costs, then one row a price (or a note that the data has none). */
export function pricesSection(costs: readonly CostRow[] | null, lang: Lang): string {
  const t = (k: Parameters<typeof label>[1]): string => escapeHtml(label(lang, k));
  const out: string[] = [`<section id="prices"><h2>${t('prices.title')}</h2>`, `<p>${t('prices.note')}</p>`];
  if (costs === null || costs.length === 0) {
    out.push(`<p>${t('prices.none')}</p></section>`);
    return out.join('\n');
  }
  const head = (['prices.type', 'prices.sector', 'prices.location', 'prices.la', 'prices.weekly', 'prices.priceYear', 'prices.estimated', 'prices.source'] as const).map((k) => `<th scope="col">${t(k)}</th>`).join('');
  const rows = weeklyPrices(costs, lang).map(
    (p) =>
      `<tr><td>${escapeHtml(p.type)}</td><td>${escapeHtml(p.sector)}</td><td>${escapeHtml(p.location)}</td><td>${escapeHtml(p.la)}</td>` +
      `<td class="num">${escapeHtml(weeklyGbpText(p.weeklyGbp))}</td><td>${escapeHtml(p.priceYear)}</td><td>${escapeHtml(p.estimated)}</td><td>${escapeHtml(p.source)}</td></tr>`,
  );
  out.push(`<table class="text"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`, '</section>');
  return out.join('\n');
}
