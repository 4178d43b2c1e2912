// Reading a cell and a row of a resource (docs/model.md §3): each column's check is built once from
// its entry in the resource table (schemas.ts) and run on every cell. A cell's problem carries a
// message that says what was expected and what was found; the loader adds the file, line and column
// (docs/methodology.md, "Checks on the data").
import { OUTSIDE_WALES, PLACEMENT_TYPES, type LocalAuthority } from '../model/types.js';
import { foldName, isLaCode, regionSlug, suggestAmong } from '../common/la-names.js';
import { type FieldKind, type FieldSpec } from './fields.js';
import { RESOURCES, type ResourceName } from './schemas.js';
import { WALES } from '../common/wales-las.js';

export interface RowContext {
  /** Resolves an LA by code or name; null when local_authorities could not be read (names then pass unchecked). */
  resolveLa: ((text: string) => LocalAuthority | null) | null;
  suggestLa: (text: string) => string | null;
  /** The nation (datapackage.json `nation`), which an `area` cell may name; Wales by default. */
  nation?: { code: string; name: string };
}

/** A parsed row: column name -> value (string, number, or null for an empty optional cell). */
export type ParsedRow = Record<string, string | number | null>;

const quote = (s: string): string => JSON.stringify(s);

/** Reads a plain number, or says why the text is not one (with a suggestion where one is close). */
export function readNumber(text: string, expected: string): { value: number } | { message: string } {
  const s = text.trim();
  if (/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return { value: Number(s) };
  const sign = s.startsWith('-') ? '-' : '';
  const body = s.replace(/^[-+]/, '');
  const grouped = /^£?\s*(\d{1,3}(?:[, ]\d{3})+)(\.\d+)?$/.exec(body);
  if (grouped) {
    const plain = `${sign}${grouped[1].replace(/[, ]/g, '')}${grouped[2] ?? ''}`;
    return { message: `expected a plain number without thousands separators, found ${quote(text)} (did you mean ${plain}?)` };
  }
  const currency = /^£\s*(\d+(\.\d+)?)$/.exec(body);
  if (currency) {
    return { message: `expected a plain number without a currency sign, found ${quote(text)} (did you mean ${sign}${currency[1]}?)` };
  }
  return { message: `expected ${expected}, found ${quote(text)}` };
}

/** A cell that failed its check, with the message for the user. */
export class CellProblem {
  constructor(readonly message: string) {}
}

export type CellCheck = (raw: string) => string | number | null | CellProblem;

/** An ISO calendar date that exists (2024-02-29 yes, 2023-02-29 no). */
function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/**
 * The check of one cell of a column (input: the cell's text, '' when empty or absent), built once per
 * column and run on every cell: a plain function, since a schema object per cell (zod) costs about
 * as much as the rest of the load together.
 */
export function cellCheck(field: FieldSpec, ctx: RowContext): CellCheck {
  const read = KIND_READERS[field.kind](field, ctx);
  return (raw: string): string | number | null | CellProblem => {
    const text = raw.trim();
    if (text === '') return field.required ? fail(`expected ${field.expected}, found an empty cell`) : null;
    return read(text);
  };
}

/** How a non-empty cell of one kind reads (the trimmed text in), built once per column. */
type KindReader = (field: FieldSpec, ctx: RowContext) => (text: string) => string | number | CellProblem;

const fail = (message: string): CellProblem => new CellProblem(message);

const asWritten: KindReader = () => (text) => text;

const readLaCode: KindReader = (field) => (text) => {
  if (namesOutsideWales(text)) return fail(`expected ${field.expected}, found ${quote(text)} (OUTSIDE_WALES is reserved for placements outside the nation)`);
  if (!isLaCode(text)) return fail(`expected ${field.expected}, found ${quote(text)}`);
  return text;
};

/** An LA by code or name, resolved to its code; a host may be OUTSIDE_WALES, an area the nation. */
const readLa: KindReader = (field, ctx) => (text) => {
  if (field.kind === 'host' && namesOutsideWales(text)) return OUTSIDE_WALES;
  if (field.kind === 'area') {
    const nation = ctx.nation ?? WALES;
    if (text.toUpperCase() === nation.code.toUpperCase() || foldName(text) === foldName(nation.name)) return nation.code;
  }
  if (namesOutsideWales(text)) {
    return fail(`expected ${field.expected}, found ${quote(text)} (only placements may be outside Wales)`);
  }
  if (ctx.resolveLa === null) return text;
  const la = ctx.resolveLa(text);
  if (la) return la.code;
  const hint = ctx.suggestLa(text);
  return fail(`unknown local authority ${quote(text)}: expected ${field.expected}${hint ? `; ${hint}` : ''}`);
};

const readRegion: KindReader = (field) => (text) => {
  const slug = regionSlug(text);
  if (slug !== '') return slug;
  return fail(`expected ${field.expected} with at least one letter or digit, found ${quote(text)}`);
};

const readEnum: KindReader = (field) => {
  const options = field.enum ?? [];
  return (text) => {
    const lower = text.toLowerCase();
    if (options.includes(lower)) return lower;
    const hint = suggestAmong(text, options);
    const other = field.name === 'placement_type' && (PLACEMENT_TYPES as readonly string[]).includes(text.toLowerCase());
    const why = other ? ` (only market types here: ${text.toLowerCase()} is not supplied by providers)` : hint ? ` (${hint})` : '';
    return fail(`expected ${field.expected} (${options.join(', ')}), found ${quote(text)}${why}`);
  };
};

const readCount: KindReader = (field) => (text) => {
  const expected = field.expected;
  const n = readNumber(text, expected);
  if ('message' in n) return fail(n.message);
  if (Number.isInteger(n.value) && n.value > (field.maximum ?? Infinity)) {
    return fail(`expected ${expected} of at most ${field.maximum}, found ${quote(text)} (no nation has so many)`);
  }
  if (Number.isInteger(n.value) && n.value >= 0) return n.value;
  return fail(Number.isInteger(n.value) ? `expected ${expected} (0 or more), found ${quote(text)}` : `expected ${expected}, found ${quote(text)}`);
};

const readDecimal: KindReader = (field) => {
  const inRange = (v: number): boolean =>
    (field.minimum === undefined || (field.exclusiveMinimum ? v > field.minimum : v >= field.minimum)) &&
    (field.maximum === undefined || v <= field.maximum);
  return (text) => {
    const n = readNumber(text, field.expected);
    if ('message' in n) return fail(n.message);
    return inRange(n.value) ? n.value : fail(`expected ${field.expected}, found ${quote(text)}`);
  };
};

/** A year within the column's range; a financial year column also reads "2027-28" or "2027/28" as 2027. */
const readYear: KindReader = (field) => {
  const yearMin = field.minimum ?? 0;
  const yearMax = field.maximum ?? 9999;
  return (text) => {
    let yearText = text;
    if (field.financialYear) {
      const fy = /^(\d{4})\s*[-/–]\s*(\d{2}|\d{4})$/.exec(text);
      if (fy) {
        const start = Number(fy[1]);
        const end = Number(fy[2]);
        const ok = fy[2].length === 2 ? end === (start + 1) % 100 : end === start + 1;
        if (!ok) return fail(`expected ${field.expected}, found ${quote(text)} (a financial year runs from one year into the next)`);
        yearText = fy[1];
      }
    }
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
    return year >= yearMin && year <= yearMax ? year : fail(`expected ${field.expected}, found ${quote(text)}`);
  };
};

const readDate31March: KindReader = (field) => (text) => {
  if (!isIsoDate(text)) {
    const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
    const hint = dmy ? ` (did you mean ${dmy[3]}-${dmy[2].padStart(2, '0')}-${dmy[1].padStart(2, '0')}?)` : '';
    return fail(`expected ${field.expected}, found ${quote(text)}${hint}`);
  }
  if (!text.endsWith('-03-31')) return fail(`expected ${field.expected}, found ${quote(text)} (not a 31 March)`);
  return text;
};

/** The reader of each kind of cell (fields.ts `FieldKind`). */
const KIND_READERS: Record<FieldKind, KindReader> = {
  code: asWritten,
  text: asWritten,
  lacode: readLaCode,
  la: readLa,
  host: readLa,
  area: readLa,
  region: readRegion,
  enum: readEnum,
  count: readCount,
  number: readDecimal,
  year: readYear,
  date31march: readDate31March,
};

/** Whether a cell names the outside-Wales host as foldName reads names (`Outside Wales`, `OUTSIDE_WALES`). */
export function namesOutsideWales(text: string): boolean {
  return foldName(text) === 'outside wales';
}

/** A row's problems: the column and the message of each cell that failed its check. */
export type RowCheck = (raw: Record<string, string>) => { parsed: ParsedRow } | { issues: Array<{ column: string; message: string }> };

/** The check of one row of a resource: every column of the resource (others are ignored; a missing optional column reads as empty cells). */
export function rowCheck(name: ResourceName, ctx: RowContext): RowCheck {
  const columns = RESOURCES[name].fields.map((f) => ({ name: f.name, check: cellCheck(f, ctx) }));
  return (raw) => {
    const parsed: ParsedRow = {};
    let issues: Array<{ column: string; message: string }> | null = null;
    for (const c of columns) {
      const v = c.check(raw[c.name] ?? '');
      if (v instanceof CellProblem) (issues ??= []).push({ column: c.name, message: v.message });
      else parsed[c.name] = v;
    }
    return issues === null ? { parsed } : { issues };
  };
}
