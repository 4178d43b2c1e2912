// Reading one CSV file as SPEC.md section 3 defines it: UTF-8 with or without a byte-order mark,
// comma separated, a header row, CRLF or LF line ends; empty lines and lines starting with `#` are
// skipped. csv-parse does the parsing; a malformed file becomes a list of Problems, never an exception.
import { parse } from 'csv-parse/sync';
import { readDataFile } from './data-file.js';
import type { CsvError } from 'csv-parse';
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

/** Parses CSV text; exported for tests and for callers that already hold the text. */
export function parseCsvText(text: string, file: string): CsvReadResult {
  const problems: Problem[] = [];
  const problem = (line: number | null, message: string): void => {
    problems.push({ file, line, column: null, message, severity: 'error' });
  };
  let quoteTrouble = false;
  // With several record delimiters, csv-parse counts a CRLF inside a quoted value as two lines; the
  // count is corrected by the CRLFs seen inside values so far.
  let overcount = 0;
  const rows = parse(text, {
    bom: true,
    comment: '#',
    // Only whole lines starting with `#` are comments: a `#` inside a value ("Flat #2") is data.
    comment_no_infix: true,
    skip_empty_lines: true,
    // Rows of nothing but commas, as spreadsheets leave behind, are empty lines too.
    skip_records_with_empty_values: true,
    // Accept CRLF, LF (and old Mac CR), even mixed within one file.
    record_delimiter: ['\r\n', '\n', '\r'],
    trim: true,
    relax_column_count: false,
    // Collect every malformed record rather than stopping at the first.
    skip_records_with_error: true,
    on_skip: (err: CsvError | undefined) => {
      if (!err) return undefined;
      const line = typeof err.lines === 'number' ? err.lines - overcount : null;
      switch (err.code) {
        case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
        case 'CSV_RECORD_INCONSISTENT_COLUMNS': {
          const rec = (err as unknown as { record?: unknown[] }).record;
          const found = Array.isArray(rec) ? `${rec.length}` : 'a different number';
          const expected = /expect (\d+)/.exec(err.message)?.[1] ?? 'as many';
          problem(line, `expected ${expected} values as in the header row, found ${found} (a comma inside a value needs "double quotes" around the value)`);
          break;
        }
        case 'CSV_INVALID_CLOSING_QUOTE':
        case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
          quoteTrouble = true;
          problem(line, 'a quoted value must end with a double quote followed by a comma or the end of the line; to put a quote inside a quoted value, double it ("")');
          break;
        case 'CSV_QUOTE_NOT_CLOSED':
          // csv-parse notices at the end of the file; the user needs the line where the quote opened.
          if (!quoteTrouble) problem(unclosedQuoteLine(text) ?? line, 'a double quote opens a value that is never closed (everything after it, to the end of the file, was read as that value)');
          quoteTrouble = true;
          break;
        default:
          problem(line, `malformed CSV: ${err.message}`);
      }
      return undefined;
    },
    on_record: (record: string[], context: { lines: number }) => {
      let crlf = 0;
      for (const v of record) crlf += v.match(/\r\n/g)?.length ?? 0;
      overcount += crlf;
      return Object.assign(record, { line: startLine(record, context.lines - overcount) });
    },
  }) as Array<string[] & { line?: number }>;

  if (rows.length === 0) {
    if (problems.length === 0) problem(null, 'the file is empty: expected a header row');
    return { table: { file, header: [], headerLine: 1, records: [] }, problems };
  }
  const [head, ...body] = rows;
  const header = head.map((h) => h.trim());
  const headerLine = head.line ?? 1;
  const seen = new Map<string, number>();
  header.forEach((name, i) => {
    if (name === '') problem(headerLine, `column ${i + 1} has no name in the header row`);
    else if (seen.has(name)) problem(headerLine, `column "${name}" appears twice in the header row (columns ${seen.get(name)! + 1} and ${i + 1})`);
    else seen.set(name, i);
  });
  const records: CsvRecord[] = body.map((record) => {
    const values: Record<string, string> = {};
    header.forEach((name, i) => {
      if (name !== '' && !(name in values)) values[name] = record[i] ?? '';
    });
    return { line: record.line ?? 0, values };
  });
  return { table: { file, header, headerLine, records }, problems };
}

/** csv-parse reports the line a record ends on; a quoted value may hold line breaks. */
function startLine(record: string[], endLine: number): number {
  let breaks = 0;
  for (const v of record) breaks += v.match(/\r\n|\n|\r/g)?.length ?? 0;
  return endLine - breaks;
}

/**
 * The line where a quoted value opens that is never closed, scanning as the parser reads (values
 * trimmed, whole lines starting with `#` skipped, `""` an escaped quote), or null if every quote closes.
 */
export function unclosedQuoteLine(text: string): number | null {
  let line = 1;
  let inQuote = false;
  let openedAt = 0;
  let fieldStart = true;
  let lineStart = true;
  const n = text.length;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < n; i++) {
    const c = text[i];
    if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      line++;
      if (!inQuote) {
        fieldStart = true;
        lineStart = true;
      }
      continue;
    }
    if (inQuote) {
      if (c === '"') {
        if (text[i + 1] === '"') i++;
        else inQuote = false;
      }
      continue;
    }
    if (lineStart && c === '#') {
      while (i + 1 < n && text[i + 1] !== '\n' && text[i + 1] !== '\r') i++;
      continue;
    }
    lineStart = false;
    if (c === ',') fieldStart = true;
    else if (c === '"' && fieldStart) {
      inQuote = true;
      openedAt = line;
      fieldStart = false;
    } else if (c !== ' ' && c !== '\t') fieldStart = false;
  }
  return inQuote ? openedAt : null;
}
