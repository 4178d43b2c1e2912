// Years as budget papers write them, and the price base of money in every output file.

/** A year as budget papers write it: 2027 -> "2027-28" (docs/model.md §2.1 `financial_year`). */
export function financialYear(year: number): string {
  return `${year}-${String((year + 1) % 100).padStart(2, '0')}`;
}

/**
 * The `prices` column, last in every CSV (docs/methodology.md, "Money: price bases"): `cash`, or the
 * price year of `--prices` as a financial year, so that a CSV copied without its sidecar still says
 * what its pounds are.
 */
export const pricesColumn = (prices: number | null): string => (prices === null ? 'cash' : financialYear(prices));
