// Local authorities may be named by code, English or Welsh name, in any case and with or without
// accents ("Ynys Môn", "ynys mon", "W06000001"). Output always uses the code and the English name.
// The names resolved against are the dataset's own (or, for scenarios, the Welsh LAs of wales-las.ts).
import type { LocalAuthority } from '../model/types.js';

/** Folds case, accents and punctuation so that spellings an analyst would treat as equal compare equal. */
export function foldName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** What a name can be resolved against: a dataset's LAs, or the table of Welsh LAs (wales-las.ts). */
export interface LaName {
  code: string;
  nameEn: string;
  nameCy: string;
}

export interface LaResolver<T extends LaName = LocalAuthority> {
  /** The LA a code or name denotes, or null. */
  resolve(text: string): T | null;
  /** A "did you mean" for a near miss, e.g. `did you mean "Isle of Anglesey" (W06000001)?`, or null. */
  suggest(text: string): string | null;
}

export function makeLaResolver<T extends LaName = LocalAuthority>(las: readonly T[]): LaResolver<T> {
  const byKey = new Map<string, T>();
  for (const la of las) {
    for (const k of [la.code, la.nameEn, la.nameCy]) byKey.set(foldName(k), la);
  }
  return {
    resolve(text) {
      return byKey.get(foldName(text)) ?? null;
    },
    suggest(text) {
      const folded = foldName(text);
      if (!folded) return null;
      let best: { la: T; d: number } | null = null;
      for (const [key, la] of byKey) {
        const d = key.includes(folded) || folded.includes(key) ? 1 : editDistance(folded, key);
        if (best === null || d < best.d || (d === best.d && la.code < best.la.code)) best = { la, d };
      }
      if (best === null) return null;
      const limit = Math.max(2, Math.floor(folded.length / 3));
      return best.d <= limit ? `did you mean "${best.la.nameEn}" (${best.la.code})?` : null;
    },
  };
}

/** A "did you mean" among a fixed set of codes (sectors, types, actions), or null. */
export function suggestAmong(text: string, options: readonly string[]): string | null {
  const folded = foldName(text);
  let best: { o: string; d: number } | null = null;
  for (const o of options) {
    const d = editDistance(folded, foldName(o));
    if (best === null || d < best.d) best = { o, d };
  }
  return best !== null && best.d <= Math.max(1, Math.floor(folded.length / 3)) ? `did you mean "${best.o}"?` : null;
}

export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}

/**
 * A region's slug (docs/model.md §3.1): the name in lower case, accents removed, every run of other
 * characters turned into `-` ("Cardiff and Vale" -> cardiff-and-vale, "Yorkshire & the Humber" ->
 * yorkshire-the-humber). A `-` left at either end is dropped, so " (North)" and "North" agree; a name
 * with no letter or digit has the empty slug, which the loader refuses.
 */
export function regionSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** An LA code (docs/model.md §3.1): a token of letters, digits, `-` and `_`. */
export const LA_CODE_PATTERN = '^[A-Za-z0-9_-]+$';
const LA_CODE = new RegExp(LA_CODE_PATTERN);

/** Is `text` a well-formed LA code that is not the reserved OUTSIDE_WALES (in any spelling)? */
export function isLaCode(text: string): boolean {
  return LA_CODE.test(text) && foldName(text) !== 'outside wales';
}
