import { describe, expect, it } from 'vitest';
import { floorEps, largestRemainder, roundHalfUp, tieKey } from '../../src/model/rounding.js';

const keys = (...las: string[]) => las.map((la) => tieKey(la, 'foster', 'la', '', ''));

describe('arithmetic (docs/model.md §4.2)', () => {
  it('floors allow 1e-9 of floating-point error: floor(0.57 × 100) is 57', () => {
    expect(0.57 * 100).toBeLessThan(57); // 56.99999999999999 in binary floating point
    expect(floorEps(0.57 * 100)).toBe(57);
  });

  it('rounds half up', () => {
    expect(roundHalfUp(2.5)).toBe(3);
    expect(roundHalfUp(2.4999)).toBe(2);
    expect(roundHalfUp(0.5)).toBe(1);
    expect(roundHalfUp(1.15 * 100 - 114.5)).toBe(1); // 0.5 up to float noise
  });

  it('allows 1e-9 of the value\'s size, so an exact half of a pound in the tens of millions rounds up', () => {
    // 105 children × £5,750 a week × 52 × 1.0609 (two years at 3%) = £33,306,955.5 exactly;
    // in doubles 33,306,955.499999996, and doubles there are 3.7e-9 apart, so a fixed 1e-9 of
    // slack cannot reach the half: the slack is 1e-9 × 3.3e7 ≈ 0.033.
    const cash = 105 * (5750 * 52 * 1.0609);
    expect(cash).toBeLessThan(33306955.5);
    expect(roundHalfUp(cash)).toBe(33306956);
    // docs/model.md's example: 18,785,000 × 1.0609 = 19,929,006.5 rounds to 19,929,007 in either order.
    expect(roundHalfUp(18785000 * 1.0609)).toBe(19929007);
    expect(roundHalfUp(18785000 * 1.03 * 1.03)).toBe(19929007);
    // Slack relative to size, not more: a pound amount 0.4999 below the half still rounds down.
    expect(roundHalfUp(33306955.0001)).toBe(33306955);
    // Below 1 the slack stays 1e-9 absolute.
    expect(floorEps(0.57 * 100)).toBe(57);
    expect(floorEps(0.999998)).toBe(0);
  });
});

describe('largest remainder', () => {
  it('keeps the half-up rounded total and gives the extra units to the largest remainders', () => {
    // exact 0.3, 0.3, 0.4 -> total 1; floors 0,0,0; the one unit goes to the 0.4
    expect(largestRemainder([0.3, 0.3, 0.4], keys('A', 'B', 'C'))).toEqual([0, 0, 1]);
    // exact 2.6, 1.2, 1.2 -> total 5; floors 2,1,1 leave 1 unit for the 0.6
    expect(largestRemainder([2.6, 1.2, 1.2], keys('A', 'B', 'C'))).toEqual([3, 1, 1]);
  });

  it('breaks ties in key order, by code point', () => {
    // exact 1.5, 1.5, 1 -> total 4; floors 1,1,1; one unit, remainders tie: "A" before "B"
    expect(largestRemainder([1.5, 1.5, 1], keys('B', 'A', 'C'))).toEqual([1, 2, 1]);
    // code point order: "Z" (90) sorts before "a" (97)
    expect(largestRemainder([0.5, 0.5], keys('a', 'Z'))).toEqual([0, 1]);
  });

  it('treats remainders within 1e-9 as tied', () => {
    // 7 × 0.2 = 1.4000000000000001 and 1.4 tie: the key decides, not the float noise
    expect(largestRemainder([4.2, 7 * 0.2, 1.4], keys('A', 'C', 'B'))).toEqual([4, 1, 2]);
  });

  it('rounds the total half up: exact 0.5 + 0.5 + 0.5 = 1.5 -> 2 units', () => {
    expect(largestRemainder([0.5, 0.5, 0.5], keys('A', 'B', 'C'))).toEqual([1, 1, 0]);
  });
});
