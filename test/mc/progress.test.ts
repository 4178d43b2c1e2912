import { describe, expect, it } from 'vitest';
import { terminalProgress } from '../../src/mc/progress.js';

/** A terminal that keeps what is written, and a clock that gives the times listed, in ms. */
function fake(times: number[]) {
  const out: string[] = [];
  const stream = { isTTY: true, write: (s: string) => (out.push(s), true) };
  let k = 0;
  return { out, stream, now: () => times[k++] };
}

describe('terminalProgress', () => {
  it('is silent when standard error is not a terminal', () => {
    expect(terminalProgress('central', { isTTY: false, write: () => true })).toBeUndefined();
  });

  it('estimates the time to go from the pace after the first run, once a tenth are done', () => {
    const f = fake([1000, 1200, 1450, 3000]);
    const progress = terminalProgress('central', f.stream, f.now)!;
    progress(1, 100); // the first run back at 1 s: no pace yet
    progress(5, 100); // under a tenth done: no estimate
    // 10 done at 1.45 s: 9 runs in the 0.45 s since the first, 0.05 s each; 90 to go is 4.5 s, shown as 5.
    progress(10, 100);
    progress(100, 100);
    expect(f.out[0]).toBe('\r\x1b[Kcentral: 1/100 runs (1%)');
    expect(f.out[1]).toBe('\r\x1b[Kcentral: 5/100 runs (5%)');
    expect(f.out[2]).toBe('\r\x1b[Kcentral: 10/100 runs (10%), about 5 s to go');
    // Done: the count, then the line cleared.
    expect(f.out.slice(3)).toEqual(['\r\x1b[Kcentral: 100/100 runs (100%)', '\r\x1b[K']);
  });
});
