// Reading one CSV file as SPEC.md section 3 defines it: UTF-8 with or without a byte-order mark,
// comma separated, a header row, CRLF or LF line ends; empty lines and lines starting with `#` are
// skipped. A malformed file becomes a list of Problems, never an exception.
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
 * A small parser of its own rather than a library's: the data package's CSV is one dialect (comma,
 * double quotes, any line end), and reading it is most of a run's start-up, which csv-parse made
 * several times slower (about 70 ms of CPU for the Wales data, cold). It reads as SPEC 3 says: a
 * byte-order mark is skipped; whole lines starting with `#` are comments (a `#` later in a line is
 * data: "Flat #2"); empty lines and rows of nothing but commas are skipped; CRLF, LF and CR end
 * records, mixed freely; values are trimmed of spaces and tabs around them (inside quotes they are
 * kept); a quoted value may hold commas, line breaks and doubled quotes (""). A malformed record is
 * reported at its first line and left out; the rest of the file is still read.
 */
export function parseCsvText(text: string, file: string): CsvReadResult {
  const problems: Problem[] = [];
  const problem = (line: number | null, message: string): void => {
    problems.push({ file, line, column: null, message, severity: 'error' });
  };
  const rows: Array<{ line: number; values: string[] }> = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let width = -1;
  // Skips to the end of the current physical line (not past its line break).
  const toLineEnd = (): void => {
    while (i < n && text[i] !== '\n' && text[i] !== '\r') i++;
  };
  // Steps over one line break at i, if any, counting the line.
  const lineBreak = (): boolean => {
    if (text[i] === '\r') {
      i += text[i + 1] === '\n' ? 2 : 1;
      line++;
      return true;
    }
    if (text[i] === '\n') {
      i++;
      line++;
      return true;
    }
    return false;
  };
  while (i < n) {
    // At the start of a record: a comment line or an empty line is skipped whole.
    if (text[i] === '#') {
      toLineEnd();
      lineBreak();
      continue;
    }
    if (lineBreak()) continue;
    const first = line;
    const values: string[] = [];
    let bad: string | null = null;
    for (;;) {
      while (i < n && (text[i] === ' ' || text[i] === '\t')) i++;
      if (text[i] === '"') {
        const opened = line;
        i++;
        let value = '';
        let closed = false;
        while (i < n) {
          const q = text.indexOf('"', i);
          const end = q === -1 ? n : q;
          const chunk = text.slice(i, end);
          value += chunk;
          for (let k = 0; k < chunk.length; k++) {
            const ch = chunk.charCodeAt(k);
            if (ch === 10 || (ch === 13 && chunk.charCodeAt(k + 1) !== 10)) line++;
          }
          i = end;
          if (q === -1) break;
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          closed = true;
          break;
        }
        if (!closed) {
          problem(opened, 'a double quote opens a value that is never closed (everything after it, to the end of the file, was read as that value)');
          return finish();
        }
        while (i < n && (text[i] === ' ' || text[i] === '\t')) i++;
        values.push(value);
        if (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
          bad = 'a quoted value must end with a double quote followed by a comma or the end of the line; to put a quote inside a quoted value, double it ("")';
          toLineEnd();
          break;
        }
      } else {
        const from = i;
        while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r' && text[i] !== '"') i++;
        if (text[i] === '"') {
          bad = 'a double quote inside a value that does not start with one: put the whole value in double quotes and double the quote inside ("")';
          toLineEnd();
          break;
        }
        values.push(text.slice(from, i).replace(/[ \t]+$/, ''));
      }
      if (text[i] === ',') {
        i++;
        continue;
      }
      break;
    }
    lineBreak();
    if (bad !== null) {
      problem(first, bad);
      continue;
    }
    if (values.every((v) => v === '')) continue; // a row of nothing but commas
    if (width === -1) width = values.length;
    else if (values.length !== width) {
      problem(first, `expected ${width} values as in the header row, found ${values.length} (a comma inside a value needs "double quotes" around the value)`);
      continue;
    }
    rows.push({ line: first, values });
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
