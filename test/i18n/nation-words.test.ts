// docs/model.md §3.1: every label a person reads names the dataset's own nation.
import { describe, expect, it } from 'vitest';
import { inNation } from '../../src/i18n/labels.js';

const england = { code: 'E92000001', name: 'England' };
const wales = { code: 'W92000004', name: 'Wales' };

describe('labels on another nation\'s data', () => {
  it('read the nation\'s name where the tool says Wales, in English and Welsh', () => {
    expect(inNation('Children placed outside Wales', 'en', england)).toBe('Children placed outside England');
    expect(inNation('Foster Wales grows', 'en', england)).toBe('Foster England grows');
    expect(inNation('Plant a leolir y tu allan i Gymru', 'cy', england)).toBe('Plant a leolir y tu allan i England');
    expect(inNation('darparwyr er elw yng Nghymru', 'cy', england)).toBe('darparwyr er elw yn England');
  });

  it('leave the Wales data\'s wording and the files\' names as they are', () => {
    expect(inNation('outside Wales', 'en', wales)).toBe('outside Wales');
    expect(inNation('placed_outside_wales,--by wales', 'en', england)).toBe('placed_outside_wales,--by wales');
    // A statute's title is a name: s.75A(3) of the Social Services and Well-being (Wales) Act 2014.
    expect(inNation('Well-being (Wales) Act 2014, outside Wales', 'en', england)).toBe('Well-being (Wales) Act 2014, outside England');
    expect(inNation('Llesiant (Cymru) 2014', 'cy', england)).toBe('Llesiant (Cymru) 2014');
  });

  it('keep a table\'s columns aligned: a longer name takes the padding before it, keeping one space', () => {
    // "outside|Wales" right-aligned in a 7-wide column after a 2-space gap: 4 spaces before "Wales".
    const header = '    %    Wales  placed';
    const out = inNation(header, 'en', england);
    expect(out).toBe('    %  England  placed');
    expect(out.length).toBe(header.length);
  });
});
