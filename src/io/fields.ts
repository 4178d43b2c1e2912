// The columns of the data package's resources (docs/model.md §3): the kinds of cell, how a column is
// described, and the columns several resources share. The resource table (schemas.ts) lists each
// resource's columns from these; cells.ts reads a cell by its column's kind; rows.ts maps a row's
// columns onto the dataset's fields (docs/methodology.md, "Checks on the data").
import { MARKET_TYPES, PLACEMENT_TYPES, SECTORS } from '../model/types.js';
import { WALES } from '../common/wales-las.js';

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
  /** The field of the dataset's row this column fills; the column's name in camelCase unless given (la_code -> laCode). */
  key?: string;
  /** An empty cell leaves the field out of the row (source, status, note: remarks on a figure, not the figure); otherwise it is null. */
  omitWhenEmpty?: boolean;
  /** The column whose value an empty cell stands for (a strategy's host: empty means the LA itself). */
  emptyMeans?: string;
}

/** The field of the dataset's row a column fills (docs/model.md §3). */
export function fieldKey(field: FieldSpec): string {
  return field.key ?? field.name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

export const laField = (name: string, description: string, example = 'W06000015'): FieldSpec => ({
  name,
  kind: 'la',
  required: true,
  description: `${description} LA code (as in local_authorities), English or Welsh name, in any case, with or without accents.`,
  expected: 'a local authority (code, English or Welsh name)',
  example,
});

/** `la_code` that may also be the nation's code (or name), for the nation as a whole. */
export const areaField = (description: string): FieldSpec => ({
  ...laField('la_code', description),
  kind: 'area',
  expected: `a local authority (code, English or Welsh name) or the nation's code (${WALES.code} for Wales)`,
});

export const placementTypeField = (market: boolean): FieldSpec => ({
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

export const sectorField = (required: boolean, description = ''): FieldSpec => ({
  name: 'sector',
  kind: 'enum',
  required,
  enum: SECTORS,
  description: `Provider sector: la (local authority, Foster Wales included), nfp (not-for-profit) or fp (for-profit).${description}`,
  expected: 'a sector',
  example: 'la',
});

export const sourceField: FieldSpec = {
  name: 'source',
  kind: 'text',
  required: false,
  description: 'Where the figure comes from (publication, table, or "estimate: how").',
  expected: 'text',
  example: 'LA commissioning strategy 2025',
  omitWhenEmpty: true,
};

export const statusField = (of: string): FieldSpec => ({
  name: 'status',
  kind: 'enum',
  required: false,
  enum: FIGURE_STATUSES,
  description: `Whether the ${of} is published (as in a publication), derived (arithmetic on published figures) or estimated. Empty means published. The backtest scores only figures that are not estimated.`,
  expected: 'a status',
  example: 'published',
  omitWhenEmpty: true,
});
/** A placement row's optional provider, for children pinned to one provider. */
export const heldByProviderField: FieldSpec = {
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

export const countField = (name: string, of: string, description: string, example: string): FieldSpec => ({
  name,
  kind: 'count',
  required: true,
  minimum: 0,
  maximum: MAX_COUNT,
  description,
  expected: `a whole number of ${of}`,
  example,
});
