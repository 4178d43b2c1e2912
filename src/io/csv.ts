// Reading one CSV file as docs/model.md §3 defines it: UTF-8 with or without a byte-order mark,
// comma separated, a header row, CRLF or LF line ends; empty lines and lines starting with `#` are
// skipped. csv-parse does the parsing; a malformed file becomes a list of Problems, never an exception.
// This module is reached only through io/dataset.ts, which the commands that read data import lazily,
// so csv-parse is loaded only by them.
import { parse } from 'csv-parse/sync';
import type { CsvError, Options } from 'csv-parse';
import { readDataFile } from './data-file.js';
import type { Problem } from '../errors.js';

export interface CsvRecord {
  /** Line of the record's first character as a text editor shows it (header = line 1). */
  line: number;
  /** Values by header name, trimmed of surrounding spaces. */
  values: Record<string, string>;
}

export interface CsvTable {
  /** The file as the user named it, for messages. */
  file: string;
  /** Header names in file order, trimmed. Empty when the file could not be read. */
  header: string[];
  /** Line of the header row (1 unless comment or empty lines come first). */
  headerLine: number;
  records: CsvRecord[];
}

export interface CsvReadResult {
  table: CsvTable | null;
  problems: Problem[];
}

/**
 * Reads and parses a CSV file of the data package in `root`. `file` is the path as the user gave it
 * (used in messages and to read). A file that leads outside `root`, is not a regular file, is too
 * large or is not UTF-8 is refused without being parsed (data-file.ts).
 */
export async function readCsvFile(file: string, root: string): Promise<CsvReadResult> {
  const read = await readDataFile(file, root);
  if ('message' in read) {
    return { table: null, problems: [{ file, line: read.line ?? null, column: null, message: read.message, severity: 'error' }] };
  }
  return parseCsvText(read.text, file);
}

/**
 * Parses CSV text; exported for tests and for callers that already hold the text.
 *
 * It reads as docs/model.md §3 says: a byte-order mark is skipped; whole lines starting with `#` are comments
 * (a `#` later in a line is data: "Flat #2"); empty lines and rows of nothing but commas are skipped;
 * CRLF, LF and CR end records, mixed freely; values are trimmed of spaces and tabs around them (inside
 * quotes they are kept); a quoted value may hold commas, line breaks and doubled quotes (""). A
 * malformed record is reported at its first line and left out; the rest of the file is still read.
 * Two readings are csv-parse's own, at the edges of docs/model.md §3's: a line of blanks and then `#` is a
 * comment too, and a `#` straight after a closing quote ("x"# …) starts one.
 *
 * csv-parse stops at the first malformed record (its own skipping mode can read the rest of the file
 * as one quoted value after a stray closing quote), and counts a CRLF inside a quoted value as two
 * lines. So lines are found from byte offsets instead: csv-parse gives the offset where each record
 * ends, and a record starts at the first line after the previous one that is not empty or a comment.
 * After a malformed record, reading starts again on the line after the one with the fault.
 */
export function parseCsvText(text: string, file: string): CsvReadResult {
  const problems: Problem[] = [];
  const problem = (line: number | null, message: string): void => {
    problems.push({ file, line, column: null, message, severity: 'error' });
  };
  const bytes = Buffer.from(text, 'utf8');
  const lines = lineStarts(bytes);
  const rows: Array<{ line: number; values: string[] }> = [];
  let width = -1;
  // Where the current reading starts, and where the last record read ended (past its line break).
  // (csv-parse skips a byte-order mark; so do the offsets.)
  let from = 0;
  let end = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (;;) {
    const base = from;
    try {
      parse(base === 0 ? bytes : bytes.subarray(base), {
        ...CSV_OPTIONS,
        bom: base === 0,
        on_record: (values: string[], info: { bytes: number }) => {
          const first = lineOf(lines, recordStart(bytes, end));
          end = base + info.bytes;
          if (values.every((v) => v === '')) return null; // a row of nothing but commas
          if (width === -1) width = values.length;
          else if (values.length !== width) {
            problem(first, `expected ${width} values as in the header row, found ${values.length} (a comma inside a value needs "double quotes" around the value)`);
            return null;
          }
          rows.push({ line: first, values });
          return null;
        },
      });
      break;
    } catch (err) {
      const fault = faultOf(err, bytes, base, end);
      if (fault === null) throw err;
      problem(lineOf(lines, fault.recordStart), fault.message);
      if (fault.resumeAt === null || fault.resumeAt >= bytes.length) break;
      from = end = fault.resumeAt;
    }
  }
  return finish();

  function finish(): CsvReadResult {
    if (rows.length === 0) {
      if (problems.length === 0) problem(null, 'the file is empty: expected a header row');
      return { table: { file, header: [], headerLine: 1, records: [] }, problems };
    }
    const [head, ...body] = rows;
    const header = head.values;
    const headerLine = head.line;
    const seen = new Map<string, number>();
    header.forEach((name, k) => {
      if (name === '') problem(headerLine, `column ${k + 1} has no name in the header row`);
      else if (seen.has(name)) problem(headerLine, `column "${name}" appears twice in the header row (columns ${seen.get(name)! + 1} and ${k + 1})`);
      else seen.set(name, k);
    });
    const records: CsvRecord[] = body.map((record) => {
      const values: Record<string, string> = {};
      header.forEach((name, k) => {
        if (name !== '' && !(name in values)) values[name] = record.values[k] ?? '';
      });
      return { line: record.line, values };
    });
    return { table: { file, header, headerLine, records }, problems };
  }
}

/** How csv-parse reads every data file (bench/floor.mjs reads with the same). */
export const CSV_OPTIONS: Options = {
  comment: '#',
  // Only whole lines starting with `#` are comments: a `#` inside a value ("Flat #2") is data.
  comment_no_infix: true,
  skip_empty_lines: true,
  // Accept CRLF, LF (and old Mac CR), even mixed within one file.
  record_delimiter: ['\r\n', '\n', '\r'],
  trim: true,
  // The width is checked here, against the header row, so that a short or long record is reported and
  // the rest still read.
  relax_column_count: true,
};

const CR = 0x0d;
const LF = 0x0a;
const QUOTE = 0x22;

/** Byte offsets where each line starts (a CRLF, a lone LF and a lone CR each end a line). */
function lineStarts(bytes: Uint8Array): number[] {
  const starts = [0];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === LF || (b === CR && bytes[i + 1] !== LF)) starts.push(i + 1);
  }
  return starts;
}

/** The line (from 1) holding the byte at `offset`. */
function lineOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/**
 * Where the next record starts, from the start of a line: past the lines csv-parse skips (empty,
 * blank once trimmed, or a comment: `#` after optional blanks).
 */
function recordStart(bytes: Uint8Array, at: number): number {
  const n = bytes.length;
  let p = at;
  while (p < n) {
    let q = p;
    while (q < n && isBlank(bytes[q])) q++;
    if (bytes[q] === 0x23) while (q < n && bytes[q] !== LF && bytes[q] !== CR) q++;
    if (q >= n) return p;
    if (bytes[q] !== LF && bytes[q] !== CR) return p;
    p = q + (bytes[q] === CR && bytes[q + 1] === LF ? 2 : 1);
  }
  return p;
}

// What csv-parse trims around a value, besides line breaks: space, tab, form feed.
const isBlank = (b: number): boolean => b === 0x20 || b === 0x09 || b === 0x0c;

/** The start of the line after the one holding `offset` (or the end). */
function nextLine(bytes: Uint8Array, offset: number): number {
  let p = offset;
  while (p < bytes.length && bytes[p] !== LF && bytes[p] !== CR) p++;
  return p + (bytes[p] === CR && bytes[p + 1] === LF ? 2 : 1);
}

const QUOTE_INSIDE = 'a double quote inside a value that does not start with one: put the whole value in double quotes and double the quote inside ("")';
const AFTER_CLOSING = 'a quoted value must end with a double quote followed by a comma or the end of the line; to put a quote inside a quoted value, double it ("")';
const NEVER_CLOSED = 'a double quote opens a value that is never closed (everything after it, to the end of the file, was read as that value)';

interface Fault {
  message: string;
  /** Offset of the first byte of the malformed record. */
  recordStart: number;
  /** Where to read on from, or null to stop. */
  resumeAt: number | null;
}

/**
 * Turns a csv-parse error into the user's terms: the message, the record's first line and where to
 * read on. `base` is where this reading started and `end` where the last good record ended. csv-parse
 * gives the offset (`bytes`, from `base`) of the last comma or line break it passed, so the faulty
 * value starts just after it; the fault lies on that value's line, or, in a quoted value, on the line
 * of its closing quote. Null for an error that is not about the text.
 */
function faultOf(err: unknown, bytes: Uint8Array, base: number, end: number): Fault | null {
  const e = err as CsvError & { bytes?: number };
  if (typeof e?.code !== 'string' || typeof e.bytes !== 'number') return null;
  const start = recordStart(bytes, end);
  const value = Math.max(start, base + e.bytes);
  const openingQuote = (): number => {
    let q = value;
    while (q < bytes.length && bytes[q] !== QUOTE) q++;
    return q;
  };
  // The closing quote of a quoted value: the first quote after the opening one that is not doubled.
  const closingQuote = (): number => {
    let q = openingQuote() + 1;
    while (q < bytes.length && !(bytes[q] === QUOTE && bytes[q + 1] !== QUOTE)) q += bytes[q] === QUOTE ? 2 : 1;
    return q;
  };
  const afterClosing = (): Fault => ({ message: AFTER_CLOSING, recordStart: start, resumeAt: nextLine(bytes, closingQuote()) });
  switch (e.code) {
    case 'INVALID_OPENING_QUOTE':
      // A quote after a closed quoted value ("x" "y") is text after the closing quote, not a stray
      // quote in a plain value (csv-parse says which by `quoting`).
      if ((e as { quoting?: boolean }).quoting === true) return afterClosing();
      return { message: QUOTE_INSIDE, recordStart: start, resumeAt: nextLine(bytes, value) };
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return afterClosing();
    case 'CSV_QUOTE_NOT_CLOSED':
      // csv-parse notices at the end of the file; the user needs the line where the quote opened.
      return { message: NEVER_CLOSED, recordStart: openingQuote(), resumeAt: null };
    default:
      return { message: `malformed CSV: ${e.message}`, recordStart: start, resumeAt: null };
  }
}
