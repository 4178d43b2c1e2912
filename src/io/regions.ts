// The regions of a dataset (docs/model.md §3.1): whatever local_authorities names, each once, in an
// order that depends on the LAs' codes only.
import { compareCodes } from '../model/rounding.js';
import type { Region } from '../model/types.js';

/**
 * The regions local_authorities names, in output order: each region ordered by the least code of its
 * LAs (code point order), so the order never depends on the order of rows; for the Wales data that
 * is the order of docs/model.md §3.1 (north-wales W06000001 … powys W06000023). A region's name is the
 * spelling of its first LA (by code): spellings that differ only in case, accents or punctuation are
 * one region.
 */
export function regionsOf(las: ReadonlyArray<{ code: string; slug: string; name: string }>): Region[] {
  const first = new Map<string, { code: string; name: string }>();
  for (const la of las) {
    const seen = first.get(la.slug);
    if (seen === undefined || compareCodes(la.code, seen.code) < 0) first.set(la.slug, { code: la.code, name: la.name });
  }
  return [...first]
    .sort(([, a], [, b]) => compareCodes(a.code, b.code))
    .map(([slug, { name }]) => ({ slug, name }));
}
