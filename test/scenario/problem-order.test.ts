// How every loader names files in its messages (displayPath) and orders its problems (sortProblems):
// one of each, shared by the scenario loader, the dataset loader and the commands.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sortProblems, type Problem } from '../../src/errors.js';
import { displayPath } from '../../src/scenario/display-path.js';

const at = (file: string, line: number | null, column: string | number | null, message: string): Problem => ({ file, line, column, message, severity: 'error' });

describe('displayPath', () => {
  it('gives a relative path as typed, normalised', () => {
    expect(displayPath('data/./wales')).toBe(path.normalize('data/wales'));
    expect(displayPath('../elsewhere/x.yaml')).toBe(path.normalize('../elsewhere/x.yaml'));
  });

  it('gives an absolute path inside the working directory relative to it, and the directory itself as .', () => {
    expect(displayPath(path.join(process.cwd(), 'scenarios', 'central.yaml'))).toBe(path.join('scenarios', 'central.yaml'));
    expect(displayPath(process.cwd())).toBe('.');
  });

  it('keeps an absolute path outside the working directory whole', () => {
    const outside = path.resolve(process.cwd(), '..', 'not-here.yaml');
    expect(displayPath(outside)).toBe(outside);
  });
});

describe('sortProblems', () => {
  it('orders by file, then line, then a YAML column number', () => {
    const found = [at('b.yaml', 1, 1, 'b1'), at('a.yaml', 3, 7, 'a3:7'), at('a.yaml', 3, 2, 'a3:2'), at('a.yaml', 1, null, 'a1')];
    // a.yaml before b.yaml; in a.yaml line 1 before line 3; on line 3 column 2 before column 7.
    expect(sortProblems(found).map((p) => p.message)).toEqual(['a1', 'a3:2', 'a3:7', 'b1']);
  });

  it('puts a problem about the whole line (no column) before one at a column of that line', () => {
    // null counts as column 0: 0 < 4.
    expect(sortProblems([at('s.yaml', 5, 4, 'col 4'), at('s.yaml', 5, null, 'line')]).map((p) => p.message)).toEqual(['line', 'col 4']);
  });

  it('keeps the order found among a CSV\'s named columns of one row', () => {
    // "places" > "la_code" as text, yet the check of places ran first: its problem stays first.
    const found = [at('d.csv', 4, 'places', 'places'), at('d.csv', 4, 'la_code', 'la_code'), at('d.csv', 4, null, 'row')];
    expect(sortProblems(found).map((p) => p.message)).toEqual(['places', 'la_code', 'row']);
  });

  it('gives back every problem once, ordered by file and line, whatever the problems', () => {
    const problem = fc.record({
      file: fc.constantFrom('a.csv', 'b.yaml', 'c.csv'),
      line: fc.option(fc.integer({ min: 1, max: 9 })),
      column: fc.option(fc.oneof(fc.integer({ min: 1, max: 9 }), fc.constantFrom('x', 'y'))),
    });
    fc.assert(
      fc.property(fc.array(problem, { maxLength: 30 }), (places) => {
        const found = places.map((p, i) => at(p.file, p.line, p.column, String(i)));
        const sorted = sortProblems(found);
        expect(sorted.map((p) => Number(p.message)).sort((x, y) => x - y)).toEqual(found.map((_, i) => i));
        for (let i = 1; i < sorted.length; i++) {
          const [p, q] = [sorted[i - 1], sorted[i]];
          expect(p.file <= q.file).toBe(true);
          if (p.file === q.file) expect((p.line ?? 0) <= (q.line ?? 0)).toBe(true);
        }
      }),
    );
  });
});
