// Excel workbooks (docs/model.md §7): sheets of typed cells written as a real .xlsx with write-excel-file (one
// small dependency, fflate, and regular releases; exceljs, the other well-known writer, pulls in
// some 190 packages and has had no release since 2023). Numbers are stored as numbers with a display
// format (money in whole pounds with £, shares as percentages), never as text; every sheet has a bold,
// frozen header row and columns as wide as their widest shown value.
import { unzipSync, zipSync, type Zippable } from 'fflate';
import writeXlsxFile, { type Cell, type Sheet } from 'write-excel-file/node';

/** One cell: text, a number shown with `format` (an Excel number format), or empty. */
export type WorkbookCell = { text: string } | { number: number; format: string } | null;

export interface WorkbookSheet {
  /** Sheet name (at most 31 characters, none of []:*?/\). */
  name: string;
  header: readonly string[];
  rows: ReadonlyArray<ReadonlyArray<WorkbookCell>>;
  /** Whether the first row is a header to freeze and embolden (the about sheet's sections are not). */
  frozenHeader?: boolean;
  /** Widest a column gets, in characters (long text wraps past it); default 60. */
  maxWidth?: number;
}

/** Excel number formats of the outputs. */
export const XLSX_FORMATS = {
  /** Whole pounds, thousands separated: £1,234,567. */
  gbp: '"£"#,##0',
  /** A share 0..1 as a percentage with one decimal: 42.5%. */
  share: '0.0%',
  /** A ratio such as sufficiency: 0.87. */
  ratio: '0.00',
  /** Distances in km, one decimal. */
  km: '0.0',
  /** Whole children or places, thousands separated. */
  count: '#,##0',
  /** A statistic of counts over runs (a median can fall between two whole numbers). */
  countStat: '#,##0.0',
  /** A plain year such as 2027 (no thousands separator). */
  year: '0',
} as const;

/** The workbook's bytes. */
export async function workbookBytes(sheets: readonly WorkbookSheet[]): Promise<Uint8Array> {
  const out: Array<Sheet<Buffer>> = sheets.map((s) => {
    const header: Cell[] = s.header.map((h) => ({ value: h, type: String, fontWeight: s.frozenHeader === false ? undefined : 'bold' }));
    const data: Cell[][] = [header, ...s.rows.map((r) => r.map(toCell))];
    return {
      data,
      sheet: s.name,
      columns: columnWidths(s).map((width) => ({ width })),
      ...(s.frozenHeader === false ? {} : { stickyRowsCount: 1 }),
    };
  });
  return reproducible(new Uint8Array(await writeXlsxFile(out, { fontFamily: 'Calibri', fontSize: 11 }).toBuffer()));
}

/**
 * The same workbook zipped again with every entry dated 1 January 1980 (the zip format's first day),
 * in the same order: the writer stamps each entry with the clock, and docs/model.md §6 wants two runs with the
 * same inputs to give byte-identical files. fflate is the writer's own zip library.
 */
function reproducible(xlsx: Uint8Array): Uint8Array {
  const entries = unzipSync(xlsx);
  const fixed: Zippable = {};
  // Local midnight: zip dates are local wall-clock fields, so this is the same bytes in every time zone.
  const mtime = new Date(1980, 0, 1);
  for (const [name, data] of Object.entries(entries)) fixed[name] = [data, { mtime, level: 6 }];
  return zipSync(fixed);
}

function toCell(c: WorkbookCell): Cell {
  if (c === null) return null;
  if ('text' in c) return { value: c.text, type: String };
  return { value: c.number, type: Number, format: c.format };
}

/**
 * Widths in characters that fit each column's header and its values as Excel shows them (thousands
 * separators, £, %), plus a little room; at least 6, at most maxWidth.
 */
export function columnWidths(s: WorkbookSheet): number[] {
  const max = s.maxWidth ?? 60;
  return s.header.map((h, j) => {
    let w = h.length;
    for (const r of s.rows) w = Math.max(w, shownLength(r[j] ?? null));
    return Math.min(max, Math.max(6, w + 2));
  });
}

/** How many characters a cell shows in Excel, near enough for a column width. */
export function shownLength(c: WorkbookCell): number {
  if (c === null) return 0;
  if ('text' in c) return Math.max(...c.text.split('\n').map((l) => l.length));
  const n = c.number;
  const decimals = (c.format.split('.')[1] ?? '').replace(/[^0#]/g, '').length;
  const pct = c.format.endsWith('%');
  const body = Math.abs(pct ? n * 100 : n).toFixed(decimals);
  const grouped = c.format.includes('#,##') ? body.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : body;
  return grouped.length + (n < 0 ? 1 : 0) + (pct ? 1 : 0) + (c.format.includes('£') ? 1 : 0);
}
