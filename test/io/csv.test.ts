import { describe, it, expect } from 'vitest';
import { parseCsvText } from '../../src/io/csv.js';
import { makeLaResolver } from '../../src/common/la-names.js';
import { readNumber } from '../../src/io/cells.js';

describe('parseCsvText', () => {
  it('gives line numbers as an editor shows them, past BOM, comments, blank lines and quoted line breaks', () => {
    const text = '\uFEFF# a comment first\r\na,b\r\n1,2\r\n\r\n# skipped, "even with quotes\r\n3,"x\r\ny"\r\n5,Flat #2\r\n,\r\n';
    const { table, problems } = parseCsvText(text, 'f.csv');
    expect(problems).toEqual([]);
    expect(table!.header).toEqual(['a', 'b']);
    expect(table!.headerLine).toBe(2);
    expect(table!.records.map((r) => [r.line, r.values.a, r.values.b])).toEqual([
      [3, '1', '2'],
      [6, '3', 'x\r\ny'],
      [8, '5', 'Flat #2'],
    ]);
  });

  it('reports each malformed record and keeps the rest', () => {
    const { table, problems } = parseCsvText('a,b\n1\n2,3\n4,5,6\n7,8\n', 'f.csv');
    expect(problems.map((p) => [p.line, p.message.slice(0, 34)])).toEqual([
      [2, 'expected 2 values as in the heade'.padEnd(34, 'r ').slice(0, 34)],
      [4, 'expected 2 values as in the heade'.padEnd(34, 'r ').slice(0, 34)],
    ]);
    expect(table!.records.map((r) => r.line)).toEqual([3, 5]);
  });

  it('trims values outside quotes only, keeps doubled quotes, and skips rows of nothing but commas', () => {
    const { table, problems } = parseCsvText('a , b\n  x  ,"  y ""q"" "\n,,\n\r\n"",\n', 'f.csv');
    expect(problems).toEqual([]);
    expect(table!.header).toEqual(['a', 'b']);
    expect(table!.records.map((r) => r.values)).toEqual([{ a: 'x', b: '  y "q" ' }]);
  });

  it('reports a quote inside an unquoted value, and text after a closing quote, at their lines', () => {
    const { table, problems } = parseCsvText('a,b\n5 "inches",1\n"x"y,2\nok,3\n', 'f.csv');
    expect(problems.map((p) => [p.line, p.message.slice(0, 40)])).toEqual([
      [2, 'a double quote inside a value that does '],
      [3, 'a quoted value must end with a double qu'],
    ]);
    expect(table!.records.map((r) => r.line)).toEqual([4]);
  });

  it('reads on after a malformed record that spans lines, counting a quoted CRLF as one line', () => {
    // Record 2 opens on line 2, its quoted value closes on line 3 and text follows the quote there:
    // reported at line 2, reading goes on at line 4 (csv-parse itself would stop at the fault).
    const { table, problems } = parseCsvText('a,b\r\n"multi\r\nline" x,1\r\nok,2\r\n"p\r\nq",3\r\n', 'f.csv');
    expect(problems.map((p) => [p.line, p.message.slice(0, 40)])).toEqual([[2, 'a quoted value must end with a double qu']]);
    expect(table!.records.map((r) => [r.line, r.values.a])).toEqual([
      [4, 'ok'],
      [5, 'p\r\nq'],
    ]);
  });

  it('skips a comment line indented by blanks (csv-parse reads it so)', () => {
    const { table, problems } = parseCsvText('a,b\n  # note, "quoted"\n1,2\n', 'f.csv');
    expect(problems).toEqual([]);
    expect(table!.records.map((r) => [r.line, r.values.a])).toEqual([[3, '1']]);
  });

  it('keeps a `#` that is data: at the start of a line inside a quoted value, in a quoted first value, after a value', () => {
    // docs/model.md §3: a line is a comment only outside a quoted field. Line 2 opens a quoted value that line 3
    // continues ("# not a comment" is its second line); line 4 is a comment; lines 5 and 6 are data.
    const { table, problems } = parseCsvText('a,b\n1,"x\n# not a comment"\n\t# tab-indented comment\n"#q",5\n3,4 # kept\n', 'f.csv');
    expect(problems).toEqual([]);
    expect(table!.records.map((r) => [r.line, r.values.a, r.values.b])).toEqual([
      [2, '1', 'x\n# not a comment'],
      [5, '#q', '5'],
      [6, '3', '4 # kept'],
    ]);
  });

  it('reports an empty file', () => {
    expect(parseCsvText('', 'f.csv').problems[0].message).toContain('empty');
  });
});

describe('readNumber', () => {
  it('reads plain numbers and explains the rest', () => {
    expect(readNumber('12', 'a count')).toEqual({ value: 12 });
    expect(readNumber('-3.5', 'a count')).toEqual({ value: -3.5 });
    expect(readNumber('1,234', 'a count')).toEqual({ message: 'expected a plain number without thousands separators, found "1,234" (did you mean 1234?)' });
    expect(readNumber('1 234 567', 'a count')).toMatchObject({ message: expect.stringContaining('did you mean 1234567?') });
    expect(readNumber('£5,200.50', 'a cost')).toMatchObject({ message: expect.stringContaining('did you mean 5200.50?') });
    expect(readNumber('12 places', 'a whole number of places')).toEqual({ message: 'expected a whole number of places, found "12 places"' });
  });
});

describe('LA names', () => {
  const resolver = makeLaResolver([
    { code: 'W06000001', nameEn: 'Isle of Anglesey', nameCy: 'Ynys Môn', region: 'north-wales', lat: 53.28, lon: -4.34, areaKm2: 711 },
    { code: 'W06000015', nameEn: 'Cardiff', nameCy: 'Caerdydd', region: 'cardiff-and-vale', lat: 51.5, lon: -3.2, areaKm2: 141 },
  ]);
  it('"ynys mon", "Ynys Môn", "ISLE OF ANGLESEY" and W06000001 are the same LA', () => {
    for (const t of ['ynys mon', 'Ynys Môn', 'ISLE OF ANGLESEY', 'W06000001', 'w06000001']) expect(resolver.resolve(t)?.code).toBe('W06000001');
  });
  it('suggests the nearest LA for a near miss', () => {
    expect(resolver.suggest('Cardif')).toBe('did you mean "Cardiff" (W06000015)?');
    expect(resolver.suggest('Ynys Mont')).toBe('did you mean "Isle of Anglesey" (W06000001)?');
  });
});
