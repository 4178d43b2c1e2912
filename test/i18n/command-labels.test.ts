// The lines of validate, scenarios and template in both languages: the same keys and placeholders,
// and Welsh that is not the English copied over.
import { describe, expect, it } from 'vitest';
import { COMMAND_LABELS, countLabel } from '../../src/i18n/command-labels.js';

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('command labels', () => {
  it('every key in both languages, with the same placeholders, the Welsh its own', () => {
    const { en, cy } = COMMAND_LABELS;
    expect(Object.keys(cy).sort()).toEqual(Object.keys(en).sort());
    for (const k of Object.keys(en) as Array<keyof typeof en>) {
      expect(placeholders(cy[k]), k).toEqual(placeholders(en[k]));
      expect(cy[k], k).not.toBe(en[k]);
    }
  });

  it('counts: English plural after any number but 1; Welsh keeps the noun singular after a numeral', () => {
    expect([0, 1, 2].map((n) => countLabel('en', 'validate.errors', n))).toEqual(['0 errors', '1 error', '2 errors']);
    expect([0, 1, 2].map((n) => countLabel('cy', 'validate.errors', n))).toEqual(['0 gwall', '1 gwall', '2 gwall']);
    expect(countLabel('cy', 'validate.scenarios.valid', 10)).toBe('10 senario yn ddilys');
  });
});
