// The words of the list of parameters that differ (`diff`, the report's comparison), in English and
// Welsh, keyed alike; merged into the one label table of labels.ts.

export const DIFFER_EN = {
  'differ.title': 'Parameters that differ between {a} and {b} once extends is resolved ({n}):',
  'differ.none': 'No parameter differs between {a} and {b} once extends is resolved.',
  'differ.more': 'and {n} more',
  'differ.notInForce': 'not in force',
} as const;

export const DIFFER_CY: Record<keyof typeof DIFFER_EN, string> = {
  'differ.title': 'Paramedrau sy’n wahanol rhwng {a} a {b} ar ôl datrys extends ({n}):',
  'differ.none': 'Nid oes paramedr yn wahanol rhwng {a} a {b} ar ôl datrys extends.',
  'differ.more': 'a {n} arall',
  'differ.notInForce': 'ddim mewn grym',
};
