// The weekly prices a run uses (docs/methodology.md, "Money: price bases"): the data's `costs`, by
// placement type, sector and location, with their price year, source and whether they are
// estimated. One list feeds `validate`'s summary, the workbook's about sheet and the report's table.
import { label, type Lang } from '../i18n/labels.js';
import { MARKET_TYPES, SECTORS, type CostRow } from '../model/types.js';
import { financialYear } from './financial-year.js';

export interface WeeklyPrice {
  type: string;
  sector: string;
  location: string;
  /** The placing LA whose own price it is, or "all of Wales". */
  la: string;
  weeklyGbp: number;
  /** The price year as a financial year (`2024-25`). */
  priceYear: string;
  source: string;
  estimated: string;
}

/** The rows in a fixed order: type (section 3 order), sector (la, nfp, fp), in Wales before outside, all-Wales before an LA's own. */
export function weeklyPrices(costs: readonly CostRow[], lang: Lang = 'en'): WeeklyPrice[] {
  const rank = (c: CostRow): number[] => [MARKET_TYPES.indexOf(c.placementType), SECTORS.indexOf(c.sector), c.location === 'in_wales' ? 0 : 1, c.laCode ? 1 : 0];
  const sorted = [...costs].sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i] - rb[i];
    const la = a.laCode ?? '';
    const lb = b.laCode ?? '';
    return la < lb ? -1 : la > lb ? 1 : 0;
  });
  return sorted.map((c) => ({
    type: label(lang, `type.${c.placementType}`),
    sector: label(lang, `prices.sector.${c.sector}`),
    location: label(lang, `prices.${c.location}`),
    la: c.laCode ? c.laCode : label(lang, 'prices.allWales'),
    weeklyGbp: c.weeklyCostGbp,
    priceYear: financialYear(c.priceYear),
    source: c.source ?? '',
    estimated: label(lang, c.status === 'estimated' ? 'prices.yes' : 'prices.no'),
  }));
}

/** £1,234 as the tables write a weekly price. */
export const weeklyGbpText = (n: number): string => `£${n.toLocaleString('en-GB', { maximumFractionDigits: 2 })}`;

/**
 * One line a price, for plain text (validate's summary, the workbook's about sheet):
 * `foster, local authority, in Wales, all of Wales: £800 a week; prices of 2024-25; estimated: yes; source: N1;D16`.
 */
export function weeklyPriceLines(costs: readonly CostRow[], lang: Lang = 'en'): string[] {
  const l = (k: Parameters<typeof label>[1]): string => label(lang, k).toLowerCase();
  return weeklyPrices(costs, lang).map(
    (p) => `${p.type}, ${p.sector}, ${p.location}, ${p.la}: ${weeklyGbpText(p.weeklyGbp)} ${l('prices.weekly').replace('£ ', '')}; ${l('prices.priceYear')} ${p.priceYear}; ${l('prices.estimated')}: ${p.estimated}${p.source ? `; ${l('prices.source')}: ${p.source}` : ''}`,
  );
}
