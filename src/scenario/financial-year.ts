// A year written as analysts write a financial year: `2027-28` is the year starting 1 April 2027
// (docs/methodology.md, "Writing a scenario"). Shared by scenario year keys and the year flags.

/**
 * The year a financial year starts in (`2027-28` -> 2027); a problem when the two years are not one
 * after the other (`2027-29`); null when the text is not written like a financial year at all.
 */
export function startOfFinancialYear(text: string): { year: number } | { problem: string } | null {
  const fy = /^(\d{4})-(\d{2})$/.exec(text.trim());
  if (!fy) return null;
  const start = Number(fy[1]);
  if ((start + 1) % 100 === Number(fy[2])) return { year: start };
  const meant = `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
  return { problem: `"${text.trim()}" is not a financial year: a financial year runs from one April to the next, so the one starting in ${start} is ${meant}` };
}
