// The list of parameters that differ between diff's two scenarios (src/scenario/differ.ts) as the
// table shows it: ten at most, then "and N more".
import { label, type Lang } from '../../i18n/labels.js';
import { differenceRows, type ParameterDifference } from '../../scenario/differ.js';

/** The table's lines: a heading, one line a parameter (`path: A → B`), then "and N more". */
export function differenceLines(list: readonly ParameterDifference[], nameA: string, nameB: string, lang: Lang): string[] {
  if (list.length === 0) return [label(lang, 'differ.none', { a: nameA, b: nameB })];
  const { rows, more } = differenceRows(list, label(lang, 'differ.notInForce'));
  return [
    label(lang, 'differ.title', { a: nameA, b: nameB, n: list.length }),
    ...rows.map((r) => `  ${r.path}: ${r.a} → ${r.b}`),
    ...(more > 0 ? [`  ${label(lang, 'differ.more', { n: more })}`] : []),
  ];
}
