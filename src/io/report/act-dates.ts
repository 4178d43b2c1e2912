// The Health and Social Care (Wales) Act 2025's dates for removing profit from children's care,
// marked on every chart over time in the report (docs/methodology.md, "The report: the Act's dates").
// They are the law's dates, not a scenario's: a scenario without the Act (baseline) is shown against
// them too, which is what a reader comparing it with the Act needs.
import type { Lang } from '../../i18n/labels.js';

export interface ActDate {
  /** The financial year the date opens: 1 April 2026 opens 2026-27. */
  year: number;
  en: string;
  cy: string;
}

export const ACT_DATES: readonly ActDate[] = [
  { year: 2026, en: '1 April 2026: no new for-profit providers registered', cy: '1 Ebrill 2026: dim darparwyr er elw newydd yn cael eu cofrestru' },
  {
    year: 2027,
    en: '1 April 2027: Ministerial approval needed for placements with for-profit providers',
    cy: '1 Ebrill 2027: angen cymeradwyaeth Weinidogol ar gyfer lleoliadau gyda darparwyr er elw',
  },
  { year: 2030, en: '1 April 2030: no new placements with for-profit providers', cy: '1 Ebrill 2030: dim lleoliadau newydd gyda darparwyr er elw' },
];

/** The sentence that tells a reader (and a screen reader) what the dashed lines are. */
export function actDatesNote(lang: Lang): string {
  const dates = ACT_DATES.map((d) => (lang === 'cy' ? d.cy : d.en)).join('; ');
  return lang === 'cy'
    ? `Mae’r llinellau fertigol toredig porffor yn nodi dyddiadau’r Ddeddf, ar y flwyddyn ariannol y maent yn ei hagor: ${dates}.`
    : `Purple dashed vertical lines mark the Act’s dates, at the financial year each opens: ${dates}.`;
}
