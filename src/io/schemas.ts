// The data package's resources (docs/model.md §3), each described once, as data: the Table Schema
// (Frictionless) that `template` writes out, and the checks that validate every row. A cell's
// problem carries a message that says what was expected and what was found; the loader adds the
// file, line and column.
import {
  MARKET_TYPES,
  OUTSIDE_WALES,
  PLACEMENT_TYPES,
  SECTORS,
  type LocalAuthority,
} from '../model/types.js';
import { WALES } from './wales-las.js';
import { LA_CODE_PATTERN, foldName, isLaCode, regionSlug, suggestAmong } from './la-names.js';

export const RESOURCE_NAMES = [
  'local_authorities',
  'placements',
  'providers',
  'demand_history',
  'strategies',
  'costs',
  'external_placements',
  'flows',
] as const;
export type ResourceName = (typeof RESOURCE_NAMES)[number];

export function isResourceName(s: string): s is ResourceName {
  return (RESOURCE_NAMES as readonly string[]).includes(s);
}

export const STRATEGY_ACTIONS = ['open', 'close', 'recruit'] as const;
export const COST_LOCATIONS = ['in_wales', 'outside_wales'] as const;
export const FIGURE_STATUSES = ['published', 'derived', 'estimated'] as const;

/**
 * How a cell is read:
 * - `code`: an identifier kept as written (provider ids);
 * - `lacode`: an LA code as local_authorities defines it: letters, digits, `-` and `_`, not OUTSIDE_WALES;
 * - `text`: free text;
 * - `la`: one of the dataset's LAs by code, English or Welsh name (resolved to its code);
 * - `host`: like `la`, or `OUTSIDE_WALES`;
 * - `area`: like `la`, or the nation's code or name (datapackage.json `nation`; W92000004, Wales, by default), for the dataset's LAs together;
 * - `region`: a region's name (resolved to its slug, docs/model.md §3.1; any name the dataset gives);
 * - `enum`: one of `enum`, case-insensitively;
 * - `count`: a whole number, 0 or more;
 * - `number`: a plain decimal number within `minimum`/`maximum`;
 * - `year`: a whole year within `minimum`/`maximum` (strategies also accept a financial year "2027-28");
 * - `date31march`: an ISO date that is a 31 March.
 */
export type FieldKind = 'code' | 'lacode' | 'text' | 'la' | 'host' | 'area' | 'region' | 'enum' | 'count' | 'number' | 'year' | 'date31march';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  /** Must every cell hold a value? */
  required: boolean;
  /** Must the column be present? Defaults to `required` (placements' sector and host: column required, cell optional). */
  columnRequired?: boolean;
  description: string;
  /** The value expected, in words, for messages: "a whole number of children". */
  expected: string;
  enum?: readonly string[];
  minimum?: number;
  maximum?: number;
  /** The minimum itself is not allowed (area_km2 > 0). */
  exclusiveMinimum?: boolean;
  pattern?: string;
  /** Accept a financial year written "2027-28" or "2027/28" as 2027. */
  financialYear?: boolean;
  /** Example value for the template's commented row. */
  example: string;
}

export interface ResourceSpec {
  name: ResourceName;
  title: string;
  description: string;
  /** Must the data package list this resource? */
  required: boolean;
  /** The path `template` gives the resource. */
  defaultPath: string;
  fields: FieldSpec[];
  /** Columns whose values together may appear once only (after LA names are resolved to codes). */
  primaryKey: string[];
}

const laField = (name: string, description: string, example = 'W06000015'): FieldSpec => ({
  name,
  kind: 'la',
  required: true,
  description: `${description} LA code (as in local_authorities), English or Welsh name, in any case, with or without accents.`,
  expected: 'a local authority (code, English or Welsh name)',
  example,
});

/** `la_code` that may also be the nation's code (or name), for the nation as a whole. */
const areaField = (description: string): FieldSpec => ({
  ...laField('la_code', description),
  kind: 'area',
  expected: `a local authority (code, English or Welsh name) or the nation's code (${WALES.code} for Wales)`,
});

const placementTypeField = (market: boolean): FieldSpec => ({
  name: 'placement_type',
  kind: 'enum',
  required: true,
  enum: market ? MARKET_TYPES : PLACEMENT_TYPES,
  description: market
    ? 'Market placement type: foster, residential or secure.'
    : 'Placement type: foster, residential, secure (market types) or kinship, parents, adoption, independent, other.',
  expected: market ? 'a market placement type' : 'a placement type',
  example: 'residential',
});

const sectorField = (required: boolean, description = ''): FieldSpec => ({
  name: 'sector',
  kind: 'enum',
  required,
  enum: SECTORS,
  description: `Provider sector: la (local authority, Foster Wales included), nfp (not-for-profit) or fp (for-profit).${description}`,
  expected: 'a sector',
  example: 'la',
});

const sourceField: FieldSpec = {
  name: 'source',
  kind: 'text',
  required: false,
  description: 'Where the figure comes from (publication, table, or "estimate: how").',
  expected: 'text',
  example: 'LA commissioning strategy 2025',
};

const statusField = (of: string): FieldSpec => ({
  name: 'status',
  kind: 'enum',
  required: false,
  enum: FIGURE_STATUSES,
  description: `Whether the ${of} is published (as in a publication), derived (arithmetic on published figures) or estimated. Empty means published. The backtest scores only figures that are not estimated.`,
  expected: 'a status',
  example: 'published',
});
/** A placement row's optional provider, for children pinned to one provider. */
const heldByProviderField: FieldSpec = {
  name: 'provider_id',
  kind: 'code',
  required: false,
  description: 'The provider (as in providers.provider_id) holding these children, if known.',
  expected: 'a provider id',
  example: '',
};

/**
 * The largest count a cell may hold: ten times the children looked after in all of the UK (about
 * 110,000), so that no real count of children or places reaches it, and far inside the integers a
 * double holds exactly (99999999999999999999 would otherwise read as 1e20).
 */
export const MAX_COUNT = 1_000_000;

const countField = (name: string, of: string, description: string, example: string): FieldSpec => ({
  name,
  kind: 'count',
  required: true,
  minimum: 0,
  maximum: MAX_COUNT,
  description,
  expected: `a whole number of ${of}`,
  example,
});

export const RESOURCES: Record<ResourceName, ResourceSpec> = {
  local_authorities: {
    name: 'local_authorities',
    title: 'Local authorities',
    description: 'The dataset\'s local authorities: code, names, region (for Wales the regional partnership board footprint), centroid and area.',
    required: true,
    defaultPath: 'local_authorities.csv',
    primaryKey: ['la_code'],
    fields: [
      {
        name: 'la_code',
        kind: 'lacode',
        required: true,
        pattern: LA_CODE_PATTERN,
        description: 'Local authority code: letters, digits, - and _ (for Wales the ONS code, W06 and six digits). OUTSIDE_WALES is reserved.',
        expected: 'a local authority code (letters, digits, - and _)',
        example: 'W06000015',
      },
      { name: 'name_en', kind: 'text', required: true, description: 'English name.', expected: 'the English name', example: 'Cardiff' },
      { name: 'name_cy', kind: 'text', required: true, description: 'Welsh name.', expected: 'the Welsh name', example: 'Caerdydd' },
      {
        name: 'region',
        kind: 'region',
        required: true,
        description:
          'Region, by name ("Cardiff and Vale"; for Wales the regional partnership board footprint). Outputs show this name and use its slug ' +
          '(lower case, accents removed, other characters as -: cardiff-and-vale) as the region\'s code.',
        expected: 'a region name',
        example: 'Cardiff and Vale',
      },
      {
        name: 'lat',
        kind: 'number',
        required: true,
        minimum: -90,
        maximum: 90,
        description: 'Latitude of the LA centroid, decimal degrees (WGS84), negative south of the equator.',
        expected: 'a latitude (decimal degrees from -90 to 90)',
        example: '51.5',
      },
      {
        name: 'lon',
        kind: 'number',
        required: true,
        minimum: -180,
        maximum: 180,
        description: 'Longitude of the LA centroid, decimal degrees (WGS84), negative west of Greenwich.',
        expected: 'a longitude (decimal degrees from -180 to 180)',
        example: '-3.2',
      },
      {
        name: 'area_km2',
        kind: 'number',
        required: true,
        minimum: 0,
        exclusiveMinimum: true,
        description: 'Land area in square kilometres.',
        expected: 'an area in km² greater than 0',
        example: '141',
      },
    ],
  },
  placements: {
    name: 'placements',
    title: 'Placements at the base date',
    description:
      'Children looked after at the base date (31 March of the base year) by placing LA, placement type, provider sector and host LA. ' +
      'Without provider_id, a row\'s children are shared over the providers of that host, sector and type in proportion to their places.',
    required: true,
    defaultPath: 'placements.csv',
    primaryKey: ['la_code', 'placement_type', 'sector', 'host', 'provider_id'],
    fields: [
      laField('la_code', 'The placing LA (the LA that looks after the children).'),
      placementTypeField(false),
      { ...sectorField(false, ' Required for foster, residential and secure; may be empty for the other types.'), columnRequired: true },
      {
        name: 'host',
        kind: 'host',
        required: false,
        columnRequired: true,
        description:
          'Where the children are placed: an LA of the dataset (code, English or Welsh name) or OUTSIDE_WALES (outside the nation). Required for foster, residential and secure; may be empty for the other types.',
        expected: 'a local authority (code, English or Welsh name) or OUTSIDE_WALES',
        example: 'W06000015',
      },
      countField('children', 'children', 'Children looked after in this group at the base date.', '4'),
      heldByProviderField,
      sourceField,
    ],
  },
  providers: {
    name: 'providers',
    title: 'Registered capacity at the base date',
    description: 'Registered places at the base date in the dataset\'s LAs, one row per provider, host LA and placement type.',
    required: false,
    defaultPath: 'providers.csv',
    primaryKey: ['provider_id', 'host', 'placement_type'],
    fields: [
      {
        name: 'provider_id',
        kind: 'code',
        required: true,
        description: 'Identifier of the provider, unique per provider (the same id at several hosts is the same provider).',
        expected: 'a provider id',
        example: 'CARDIFF_LA_HOMES',
      },
      { name: 'provider_name', kind: 'text', required: true, description: 'Name of the provider.', expected: 'a provider name', example: 'Cardiff Council children\'s homes' },
      sectorField(true),
      { ...laField('host', 'The LA where the places are located.'), expected: 'a local authority of the dataset (code, English or Welsh name)' },
      placementTypeField(true),
      countField('places', 'places', 'Registered places (foster: approved places; residential and secure: registered beds).', '12'),
      sourceField,
    ],
  },
  demand_history: {
    name: 'demand_history',
    title: 'Children looked after at past 31 Marches',
    description: 'Children looked after by each LA at 31 March of past years; the latest as_at is the base date.',
    required: true,
    defaultPath: 'demand_history.csv',
    primaryKey: ['la_code', 'as_at'],
    fields: [
      areaField('The LA, or the nation\'s code (datapackage.json `nation`; W92000004 for Wales) for its own published total, which the backtest scores (the projection uses the LAs\' rows).'),
      {
        name: 'as_at',
        kind: 'date31march',
        required: true,
        description: 'The date of the count: a 31 March, as an ISO date (2024-03-31).',
        expected: 'a 31 March as an ISO date (YYYY-03-31)',
        example: '2024-03-31',
      },
      countField('children', 'children', 'Children looked after at that date.', '680'),
      sourceField,
      statusField('figure'),
    ],
  },
  strategies: {
    name: 'strategies',
    title: 'Commissioning strategies',
    description:
      'Each LA\'s planned capacity changes: open (new places), close (fewer places) or recruit (foster carers), ' +
      'taking effect on 1 April of the financial year.',
    required: false,
    defaultPath: 'strategies.csv',
    primaryKey: ['la_code', 'year', 'action', 'placement_type', 'sector', 'host'],
    fields: [
      laField('la_code', 'The LA whose strategy this is.'),
      {
        name: 'year',
        kind: 'year',
        required: true,
        minimum: 2000,
        maximum: 2100,
        financialYear: true,
        description: 'Financial year the change takes effect, named by the year it starts in (2027 = April 2027 to March 2028; "2027-28" is also accepted). Not before the base year.',
        expected: 'a financial year such as 2027 or 2027-28',
        example: '2026',
      },
      {
        name: 'action',
        kind: 'enum',
        required: true,
        enum: STRATEGY_ACTIONS,
        description: 'open (new places), close (places removed) or recruit (new foster places).',
        expected: 'an action',
        example: 'open',
      },
      placementTypeField(true),
      sectorField(true),
      countField('places', 'places', 'Places opened, closed or recruited.', '4'),
      {
        ...laField('host', 'Where the places are; empty means the LA itself.'),
        required: false,
        expected: 'a local authority of the dataset (code, English or Welsh name)',
      },
      { name: 'note', kind: 'text', required: false, description: 'What the change is (project name, source).', expected: 'text', example: 'New small home (example: delete this line)' },
    ],
  },
  flows: {
    name: 'flows',
    title: 'Children who started and ceased to be looked after',
    description:
      'Flows into and out of care by financial year, per LA or for the whole nation (la_code: the nation\'s code): ' +
      'the demand method `flows` projects from the flows of the year that ends on the base date (docs/model.md §4.4).',
    required: false,
    defaultPath: 'flows.csv',
    primaryKey: ['la_code', 'year'],
    fields: [
      areaField('The LA, or the nation\'s code (datapackage.json `nation`; W92000004 for Wales) for the LAs of the dataset together, whose flows an LA without a row of its own shares by its children looked after.'),
      {
        name: 'year',
        kind: 'year',
        required: true,
        minimum: 1990,
        maximum: 2100,
        financialYear: true,
        description: 'Financial year of the flows, named by the year it starts in (2023 = April 2023 to March 2024; "2023-24" is also accepted). Before the base year: flows are observed.',
        expected: 'a financial year such as 2023 or 2023-24',
        example: '2023',
      },
      countField('started', 'children', 'Children who started to be looked after during the year.', '120'),
      countField('ceased', 'children', 'Children who ceased to be looked after during the year.', '115'),
      sourceField,
      statusField('row'),
    ],
  },
  costs: {
    name: 'costs',
    title: 'Weekly placement costs',
    description: "Weekly cost of one placement by type, sector and location, in the prices of price_year; a row with la_code is that placing LA's own price.",
    required: false,
    defaultPath: 'costs.csv',
    primaryKey: ['placement_type', 'sector', 'location', 'la_code'],
    fields: [
      placementTypeField(true),
      sectorField(true),
      {
        name: 'location',
        kind: 'enum',
        required: true,
        enum: COST_LOCATIONS,
        description: 'in_wales or outside_wales.',
        expected: 'a location',
        example: 'in_wales',
      },
      {
        name: 'weekly_cost_gbp',
        kind: 'number',
        required: true,
        minimum: 0,
        description: 'Weekly cost of one placement in pounds (no £ sign, no thousands separators).',
        expected: 'a weekly cost in pounds (0 or more)',
        example: '5200',
      },
      {
        name: 'price_year',
        kind: 'year',
        required: true,
        minimum: 1990,
        maximum: 2100,
        description: 'The year whose prices the cost is in.',
        expected: 'a year such as 2024',
        example: '2024',
      },
      {
        ...laField('la_code', "The placing LA whose own price this is; empty for the all-Wales price. An LA's own row wins over the all-Wales row for its children.", ''),
        required: false,
      },
      sourceField,
      statusField('price'),
    ],
  },
  external_placements: {
    name: 'external_placements',
    title: 'Children of other authorities at the base date',
    description:
      'Children looked after by authorities outside the dataset (English councils, or Welsh LAs left out of a partial dataset) placed with the dataset\'s providers at the base date. ' +
      'They hold places, turn over and are replaced, but count in no LA\'s figures. Without provider_id, a row\'s children are shared over the providers of that host, sector and type in proportion to their places.',
    required: false,
    defaultPath: 'external_placements.csv',
    primaryKey: ['host', 'placement_type', 'sector', 'provider_id', 'placing_authority'],
    fields: [
      laField('host', 'Where the children are placed: an LA of the dataset.'),
      placementTypeField(true),
      sectorField(true),
      countField('children', 'children', 'Children of other authorities in this group at the base date.', '3'),
      heldByProviderField,
      {
        name: 'placing_authority',
        kind: 'text',
        required: false,
        description: 'The authority that placed the children (for the record; every such child counts as EXTERNAL).',
        expected: 'text',
        example: 'English councils',
      },
      sourceField,
    ],
  },
};

// ---------------------------------------------------------------------------------------------
// Table Schema (Frictionless) as written by `template`.

const TABLE_SCHEMA_TYPE: Record<FieldKind, string> = {
  code: 'string',
  lacode: 'string',
  text: 'string',
  la: 'string',
  host: 'string',
  area: 'string',
  region: 'string',
  enum: 'string',
  count: 'integer',
  number: 'number',
  year: 'integer',
  date31march: 'date',
};

/** The resource's Table Schema as a plain JSON object. */
export function tableSchema(name: ResourceName): Record<string, unknown> {
  const spec = RESOURCES[name];
  return {
    fields: spec.fields.map((f) => {
      const constraints: Record<string, unknown> = { required: f.required };
      if (f.enum) constraints.enum = [...f.enum];
      if (f.pattern) constraints.pattern = f.pattern;
      if (f.minimum !== undefined && !f.exclusiveMinimum) constraints.minimum = f.minimum;
      if (f.maximum !== undefined) constraints.maximum = f.maximum;
      const field: Record<string, unknown> = {
        name: f.name,
        type: TABLE_SCHEMA_TYPE[f.kind],
        description: f.description,
      };
      if (f.kind === 'date31march') field.format = 'default';
      field.constraints = constraints;
      return field;
    }),
    primaryKey: [...spec.primaryKey],
    missingValues: [''],
  };
}

// ---------------------------------------------------------------------------------------------
// Row validation: each column's check built once, run on every cell.

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
 * column and run on every cell: a plain function, since a per-cell schema object (zod, as before)
 * was half of the time it took to load the data.
 */
export function cellCheck(field: FieldSpec, ctx: RowContext): CellCheck {
  const expected = field.expected;
  const options = field.enum ?? [];
  const inRange = (v: number): boolean =>
    (field.minimum === undefined || (field.exclusiveMinimum ? v > field.minimum : v >= field.minimum)) &&
    (field.maximum === undefined || v <= field.maximum);
  const yearMin = field.minimum ?? 0;
  const yearMax = field.maximum ?? 9999;
  return (raw: string): string | number | null | CellProblem => {
    const text = raw.trim();
    const fail = (message: string): CellProblem => new CellProblem(message);
    if (text === '') {
      if (field.required) return fail(`expected ${expected}, found an empty cell`);
      return null;
    }
    switch (field.kind) {
      case 'text':
        return text;
      case 'code':
        return text;
      case 'lacode':
        if (namesOutsideWales(text)) return fail(`expected ${expected}, found ${quote(text)} (OUTSIDE_WALES is reserved for placements outside the nation)`);
        if (!isLaCode(text)) return fail(`expected ${expected}, found ${quote(text)}`);
        return text;
      case 'la':
      case 'host':
      case 'area': {
        if (field.kind === 'host' && namesOutsideWales(text)) return OUTSIDE_WALES;
        if (field.kind === 'area') {
          const nation = ctx.nation ?? WALES;
          if (text.toUpperCase() === nation.code.toUpperCase() || foldName(text) === foldName(nation.name)) return nation.code;
        }
        if (namesOutsideWales(text)) {
          return fail(`expected ${expected}, found ${quote(text)} (only placements may be outside Wales)`);
        }
        if (ctx.resolveLa === null) return text;
        const la = ctx.resolveLa(text);
        if (la) return la.code;
        const hint = ctx.suggestLa(text);
        return fail(`unknown local authority ${quote(text)}: expected ${expected}${hint ? `; ${hint}` : ''}`);
      }
      case 'region': {
        const slug = regionSlug(text);
        if (slug !== '') return slug;
        return fail(`expected ${expected} with at least one letter or digit, found ${quote(text)}`);
      }
      case 'enum': {
        const lower = text.toLowerCase();
        if (options.includes(lower)) return lower;
        const hint = suggestAmong(text, options);
        const other = field.name === 'placement_type' && (PLACEMENT_TYPES as readonly string[]).includes(text.toLowerCase());
        const why = other ? ` (only market types here: ${text.toLowerCase()} is not supplied by providers)` : hint ? ` (${hint})` : '';
        return fail(`expected ${expected} (${options.join(', ')}), found ${quote(text)}${why}`);
      }
      case 'count': {
        const n = readNumber(text, expected);
        if ('message' in n) return fail(n.message);
        if (Number.isInteger(n.value) && n.value > (field.maximum ?? Infinity)) {
          return fail(`expected ${expected} of at most ${field.maximum}, found ${quote(text)} (no nation has so many)`);
        }
        if (Number.isInteger(n.value) && n.value >= 0) return n.value;
        return fail(Number.isInteger(n.value) ? `expected ${expected} (0 or more), found ${quote(text)}` : `expected ${expected}, found ${quote(text)}`);
      }
      case 'number': {
        const n = readNumber(text, expected);
        if ('message' in n) return fail(n.message);
        return inRange(n.value) ? n.value : fail(`expected ${expected}, found ${quote(text)}`);
      }
      case 'year': {
        let yearText = text;
        if (field.financialYear) {
          const fy = /^(\d{4})\s*[-/–]\s*(\d{2}|\d{4})$/.exec(text);
          if (fy) {
            const start = Number(fy[1]);
            const end = Number(fy[2]);
            const ok = fy[2].length === 2 ? end === (start + 1) % 100 : end === start + 1;
            if (!ok) return fail(`expected ${expected}, found ${quote(text)} (a financial year runs from one year into the next)`);
            yearText = fy[1];
          }
        }
        const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
        return year >= yearMin && year <= yearMax ? year : fail(`expected ${expected}, found ${quote(text)}`);
      }
      case 'date31march': {
        if (!isIsoDate(text)) {
          const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
          const hint = dmy ? ` (did you mean ${dmy[3]}-${dmy[2].padStart(2, '0')}-${dmy[1].padStart(2, '0')}?)` : '';
          return fail(`expected ${expected}, found ${quote(text)}${hint}`);
        }
        if (!text.endsWith('-03-31')) return fail(`expected ${expected}, found ${quote(text)} (not a 31 March)`);
        return text;
      }
    }
  };
}

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

/** Columns a file of the resource must have. */
export function requiredColumns(name: ResourceName): string[] {
  return RESOURCES[name].fields.filter((f) => f.columnRequired ?? f.required).map((f) => f.name);
}
