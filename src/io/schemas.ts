// The data package's resources (docs/model.md §3), each described once, as data: the Table Schema
// (Frictionless) that `template` writes out, the columns a file must have, the checks that validate
// every row (cells.ts) and the fields each column fills in the dataset (rows.ts). A cell's problem
// carries a message that says what was expected and what was found; the loader adds the file, line
// and column.
import { LA_CODE_PATTERN } from '../common/la-names.js';
import {
  COST_LOCATIONS,
  STRATEGY_ACTIONS,
  areaField,
  countField,
  heldByProviderField,
  laField,
  placementTypeField,
  sectorField,
  sourceField,
  statusField,
  type FieldKind,
  type FieldSpec,
} from './fields.js';

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
        key: 'code',
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
        emptyMeans: 'la_code',
        expected: 'a local authority of the dataset (code, English or Welsh name)',
      },
      {
        name: 'note',
        kind: 'text',
        required: false,
        omitWhenEmpty: true,
        description: 'What the change is (project name, source).',
        expected: 'text',
        example: 'New small home (example: delete this line)',
      },
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

/** Columns a file of the resource must have. */
export function requiredColumns(name: ResourceName): string[] {
  return RESOURCES[name].fields.filter((f) => f.columnRequired ?? f.required).map((f) => f.name);
}
