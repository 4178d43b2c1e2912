// An area's distances pooled over its LAs (src/model/aggregate.ts): each LA's list already rises by
// km, so merging them gives what pooling them in a map by km and sorting its entries gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeRising } from '../../src/model/aggregate.js';

const byMapAndSort = (lists: Array<Array<[number, number]>>): Array<[number, number]> => {
  const pooled = new Map<number, number>();
  for (const d of lists) for (const [km, n] of d) pooled.set(km, (pooled.get(km) ?? 0) + n);
  return [...pooled.entries()].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
};

describe('merging LAs distance lists', () => {
  it('adds children at the same km and keeps the km order', () => {
    // 2 km: 1 + 2 = 3 children; 4 km: 1; 5 km: 3.
    expect(mergeRising([[[2, 1], [5, 3]], [[2, 2], [4, 1]]])).toEqual([[2, 3], [4, 1], [5, 3]]);
    expect(mergeRising([])).toEqual([]);
    expect(mergeRising([[], [[7.5, 2]]])).toEqual([[7.5, 2]]);
  });

  it('gives what a map by km and a sort give, for lists that rise strictly', () => {
    const list = fc
      .uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 12 })
      .chain((kms) => fc.tuple(fc.constant([...kms].sort((a, b) => a - b)), fc.array(fc.integer({ min: 1, max: 9 }), { minLength: kms.length, maxLength: kms.length })))
      .map(([kms, ns]) => kms.map((k, i): [number, number] => [k * 1.7, ns[i]]));
    fc.assert(
      fc.property(fc.array(list, { maxLength: 8 }), (lists) => {
        expect(mergeRising(lists)).toEqual(byMapAndSort(lists));
      }),
    );
  });
});
