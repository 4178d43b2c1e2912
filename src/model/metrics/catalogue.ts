// The metric catalogue: every metric of the outputs in one entry (docs/model.md §2.2, and
// docs/metrics.md, which scripts/metrics-docs.mjs writes from this file). An entry says what a metric
// is (its unit, whether it is a stock at the year's end or a flow over the year, which way is better
// for children), how a person reads it (its label, two-line table head and sparkline label, in
// English and Welsh) and where its rule is written. Its formula is the model's (src/model/aggregate.ts).
//
// A new metric is one entry appended here plus its formula: the CSV and workbook columns, the table,
// the Monte Carlo summary, the labels, the report's questions and the docs all read this list.
// Entries are appended, never inserted: the order is the wide CSV's column order.
//
// Pure data: the model, the writers and the renderers all import it.

/** What a metric counts or measures; its kind (below) follows from it. */
export type MetricUnit = 'children' | 'places' | 'share' | 'share_places' | 'ratio' | 'km' | 'gbp';

/** How a metric's figures are summarised, rounded and shown: by kind, never by name. */
export type MetricKind = 'count' | 'share' | 'ratio' | 'km' | 'gbp';

/**
 * Which way a metric is better for children: `higher`, `lower`, or `neutral` where a rise is neither
 * by itself (more children looked after, more places of one sector, more money). `diff` colours a
 * change by it (docs/methodology.md, "Metrics in detail").
 */
export type Better = 'higher' | 'lower' | 'neutral';

/** The report's questions (docs/model.md §7) in its order, each answered by the metrics that name it. */
export const REPORT_QUESTIONS = ['enough', 'close', 'outside', 'unplaced', 'displaced', 'notLocal', 'cost'] as const;
export type ReportQuestion = (typeof REPORT_QUESTIONS)[number];

/** A metric as a person reads it: the long label, the table's two-line head ("line 1|line 2"), the sparkline label. */
export interface MetricWords {
  label: string;
  head: string;
  spark: string;
}

export interface MetricEntry {
  name: string;
  unit: MetricUnit;
  /** A stock at the year's end, or a flow over the year (empty in the base row). */
  time: 'stock' | 'flow';
  better: Better;
  /** Where the metric's rule is written. */
  doc: string;
  /** The report question it answers, or `none`. */
  question: ReportQuestion | 'none';
  en: MetricWords;
  cy: MetricWords;
}

const DOC = 'docs/model.md §2.2';
const DETAIL = 'docs/methodology.md, "Metrics in detail"';
const FLOWS = 'docs/model.md §4.4';
const ONE_OFF = 'docs/methodology.md, "One-off costs of the transition"';

export const CATALOGUE = [
  { name: 'children_looked_after', unit: 'children', time: 'stock', better: 'neutral', doc: DOC, question: 'none', en: { label: 'Children looked after', head: 'looked|after', spark: 'looked after' }, cy: { label: 'Plant sy’n derbyn gofal', head: 'derbyn|gofal', spark: 'derbyn gofal' } },
  { name: 'need_foster', unit: 'children', time: 'stock', better: 'neutral', doc: DOC, question: 'none', en: { label: 'Children needing foster care', head: 'need|foster', spark: 'need foster' }, cy: { label: 'Plant sydd angen gofal maeth', head: 'angen|maeth', spark: 'angen maeth' } },
  { name: 'need_residential', unit: 'children', time: 'stock', better: 'neutral', doc: DOC, question: 'none', en: { label: 'Children needing a children’s home', head: 'need|resid.', spark: 'need resid.' }, cy: { label: 'Plant sydd angen cartref plant', head: 'angen|preswyl', spark: 'angen preswyl' } },
  { name: 'need_secure', unit: 'children', time: 'stock', better: 'neutral', doc: DOC, question: 'none', en: { label: 'Children needing secure accommodation', head: 'need|secure', spark: 'need secure' }, cy: { label: 'Plant sydd angen llety diogel', head: 'angen|diogel', spark: 'angen diogel' } },
  { name: 'places_foster', unit: 'places', time: 'stock', better: 'neutral', doc: DOC, question: 'none', en: { label: 'Foster places', head: 'places|foster', spark: 'places foster' }, cy: { label: 'Lleoedd maeth', head: 'lleoedd|maeth', spark: 'lleoedd maeth' } },
  { name: 'places_residential', unit: 'places', time: 'stock', better: 'neutral', doc: DOC, question: 'none', en: { label: 'Children’s home places', head: 'places|resid.', spark: 'places resid.' }, cy: { label: 'Lleoedd mewn cartrefi plant', head: 'lleoedd|preswyl', spark: 'lleoedd preswyl' } },
  { name: 'places_secure', unit: 'places', time: 'stock', better: 'neutral', doc: DOC, question: 'none', en: { label: 'Secure places', head: 'places|secure', spark: 'places secure' }, cy: { label: 'Lleoedd diogel', head: 'lleoedd|diogel', spark: 'lleoedd diogel' } },
  { name: 'places_for_profit_share', unit: 'share_places', time: 'stock', better: 'neutral', doc: DOC, question: 'none', en: { label: 'Share of places run for profit', head: 'places|f-p %', spark: 'for-profit places %' }, cy: { label: 'Cyfran y lleoedd a ddarperir er elw', head: 'lleoedd|er elw %', spark: 'lleoedd er elw %' } },
  { name: 'sufficiency_foster', unit: 'ratio', time: 'stock', better: 'higher', doc: DOC, question: 'enough', en: { label: 'Usable foster places per child needing one', head: 'suffic.|foster', spark: 'suffic. foster' }, cy: { label: 'Lleoedd maeth y gellir eu defnyddio i bob plentyn sydd angen un', head: 'digonol.|maeth', spark: 'digonol. maeth' } },
  { name: 'sufficiency_residential', unit: 'ratio', time: 'stock', better: 'higher', doc: DOC, question: 'enough', en: { label: 'Usable children’s home places per child needing one', head: 'suffic.|resid.', spark: 'suffic. resid.' }, cy: { label: 'Lleoedd cartref plant y gellir eu defnyddio i bob plentyn sydd angen un', head: 'digonol.|preswyl', spark: 'digonol. preswyl' } },
  { name: 'placed_in_own_la_share', unit: 'share', time: 'stock', better: 'higher', doc: DETAIL, question: 'close', en: { label: 'Share placed in their own local authority', head: 'own LA|%', spark: 'in own LA %' }, cy: { label: 'Cyfran a leolir yn eu hawdurdod lleol eu hunain', head: 'ALl ei|hun %', spark: 'yn eu ALl %' } },
  { name: 'placed_in_region_share', unit: 'share', time: 'stock', better: 'higher', doc: DETAIL, question: 'close', en: { label: 'Share placed in their own region', head: 'region|%', spark: 'in region %' }, cy: { label: 'Cyfran a leolir yn eu rhanbarth eu hunain', head: 'rhanbarth|%', spark: 'yn y rhanbarth %' } },
  { name: 'placed_outside_wales', unit: 'children', time: 'stock', better: 'lower', doc: DOC, question: 'outside', en: { label: 'Children placed outside Wales', head: 'outside|Wales', spark: 'outside Wales' }, cy: { label: 'Plant a leolir y tu allan i Gymru', head: 'tu allan|i Gymru', spark: 'tu allan i Gymru' } },
  { name: 'unplaced', unit: 'children', time: 'stock', better: 'lower', doc: DOC, question: 'unplaced', en: { label: 'Children with no place', head: 'un-|placed', spark: 'unplaced' }, cy: { label: 'Plant heb le', head: 'heb|le', spark: 'heb le' } },
  { name: 'displaced', unit: 'children', time: 'flow', better: 'lower', doc: DOC, question: 'displaced', en: { label: 'Children who had to move', head: 'dis-|placed', spark: 'displaced' }, cy: { label: 'Plant a fu’n rhaid iddynt symud', head: 'wedi|symud', spark: 'wedi symud' } },
  { name: 'for_profit_placements', unit: 'children', time: 'stock', better: 'neutral', doc: DOC, question: 'none', en: { label: 'Children placed with for-profit providers', head: 'for-|profit', spark: 'for-profit' }, cy: { label: 'Plant a leolir gyda darparwyr er elw', head: 'er|elw', spark: 'er elw' } },
  { name: 'mean_distance_km', unit: 'km', time: 'stock', better: 'lower', doc: DETAIL, question: 'close', en: { label: 'Mean distance from home, of children placed', head: 'km, of|placed', spark: 'mean km' }, cy: { label: 'Pellter cymedrig o’r cartref, o’r plant a leolwyd', head: 'km, o’r|a leolwyd', spark: 'cymedr km' } },
  { name: 'median_distance_km', unit: 'km', time: 'stock', better: 'lower', doc: DETAIL, question: 'none', en: { label: 'Median distance from home, of children placed', head: 'median|km', spark: 'median km' }, cy: { label: 'Pellter canolrifol o’r cartref, o’r plant a leolwyd', head: 'canolrif|km', spark: 'canolrif km' } },
  { name: 'p90_distance_km', unit: 'km', time: 'stock', better: 'lower', doc: DETAIL, question: 'close', en: { label: 'Distance from home, 90th percentile, of children placed', head: 'p90|km', spark: 'p90 km' }, cy: { label: 'Pellter o’r cartref, 90fed canradd, o’r plant a leolwyd', head: 'p90|km', spark: 'p90 km' } },
  { name: 'new_placements', unit: 'children', time: 'flow', better: 'neutral', doc: DOC, question: 'none', en: { label: 'New placements', head: 'new|placed', spark: 'new placements' }, cy: { label: 'Lleoliadau newydd', head: 'lleoli|newydd', spark: 'lleoliadau newydd' } },
  { name: 'supplementary_placements', unit: 'children', time: 'flow', better: 'neutral', doc: DOC, question: 'none', en: { label: 'Supplementary placements', head: 'suppl.|approv.', spark: 'supplementary' }, cy: { label: 'Lleoliadau atodol', head: 'lleol.|atodol', spark: 'atodol' } },
  { name: 'cost_gbp', unit: 'gbp', time: 'flow', better: 'neutral', doc: DETAIL, question: 'cost', en: { label: 'Placement fees (cost of placements)', head: 'fees|£m', spark: 'placement fees £m' }, cy: { label: 'Ffioedd lleoli (cost lleoliadau)', head: 'ffioedd|£m', spark: 'ffioedd lleoli £m' } },
  { name: 'usable_places_foster', unit: 'places', time: 'stock', better: 'neutral', doc: DOC, question: 'enough', en: { label: 'Usable foster places', head: 'usable|foster', spark: 'usable foster' }, cy: { label: 'Lleoedd maeth y gellir eu defnyddio', head: 'ar gael|maeth', spark: 'maeth ar gael' } },
  { name: 'usable_places_residential', unit: 'places', time: 'stock', better: 'neutral', doc: DOC, question: 'enough', en: { label: 'Usable children’s home places', head: 'usable|resid.', spark: 'usable resid.' }, cy: { label: 'Lleoedd cartref plant y gellir eu defnyddio', head: 'ar gael|preswyl', spark: 'preswyl ar gael' } },
  { name: 'usable_places_secure', unit: 'places', time: 'stock', better: 'neutral', doc: DOC, question: 'none', en: { label: 'Usable secure places', head: 'usable|secure', spark: 'usable secure' }, cy: { label: 'Lleoedd diogel y gellir eu defnyddio', head: 'ar gael|diogel', spark: 'diogel ar gael' } },
  { name: 'not_local_nonprofit', unit: 'children', time: 'stock', better: 'neutral', doc: DOC, question: 'notLocal', en: { label: 'Children not placed locally with a local authority or not-for-profit provider', head: 'not local|nfp', spark: 'not local/nfp' }, cy: { label: 'Plant nad ydynt wedi’u lleoli’n lleol gydag awdurdod lleol neu ddarparwr nid-er-elw', head: 'ddim lleol|nid-er-elw', spark: 'ddim lleol/nid-er-elw' } },
  { name: 'external_children', unit: 'children', time: 'stock', better: 'neutral', doc: DOC, question: 'none', en: { label: 'Children of other authorities held', head: 'other|auths', spark: 'other authorities' }, cy: { label: 'Plant awdurdodau eraill a letyir', head: 'awdurd.|eraill', spark: 'awdurdodau eraill' } },
  { name: 'cost_foster_gbp', unit: 'gbp', time: 'flow', better: 'neutral', doc: DETAIL, question: 'none', en: { label: 'Cost of foster placements', head: 'foster|£m', spark: 'foster £m' }, cy: { label: 'Cost lleoliadau maeth', head: 'maeth|£m', spark: 'maeth £m' } },
  { name: 'cost_residential_gbp', unit: 'gbp', time: 'flow', better: 'neutral', doc: DETAIL, question: 'none', en: { label: 'Cost of children’s home placements', head: 'resid.|£m', spark: 'resid. £m' }, cy: { label: 'Cost lleoliadau mewn cartrefi plant', head: 'preswyl|£m', spark: 'preswyl £m' } },
  { name: 'cost_secure_gbp', unit: 'gbp', time: 'flow', better: 'neutral', doc: DETAIL, question: 'none', en: { label: 'Cost of secure placements', head: 'secure|£m', spark: 'secure £m' }, cy: { label: 'Cost lleoliadau diogel', head: 'diogel|£m', spark: 'diogel £m' } },
  { name: 'cost_for_profit_gbp', unit: 'gbp', time: 'flow', better: 'neutral', doc: DETAIL, question: 'none', en: { label: 'Cost with for-profit providers', head: 'f-p|£m', spark: 'for-profit £m' }, cy: { label: 'Cost gyda darparwyr er elw', head: 'er elw|£m', spark: 'er elw £m' } },
  { name: 'cost_outside_wales_gbp', unit: 'gbp', time: 'flow', better: 'neutral', doc: DETAIL, question: 'none', en: { label: 'Cost of placements outside Wales', head: 'out. W.|£m', spark: 'outside Wales £m' }, cy: { label: 'Cost lleoliadau y tu allan i Gymru', head: 'tu allan|£m', spark: 'tu allan i Gymru £m' } },
  { name: 'cost_unplaced_gbp', unit: 'gbp', time: 'flow', better: 'neutral', doc: DETAIL, question: 'none', en: { label: 'Cost of children with no place', head: 'unpl.|£m', spark: 'unplaced £m' }, cy: { label: 'Cost plant heb le', head: 'heb le|£m', spark: 'heb le £m' } },
  { name: 'started_looked_after', unit: 'children', time: 'flow', better: 'neutral', doc: FLOWS, question: 'none', en: { label: 'Children who started to be looked after', head: 'started|care', spark: 'started care' }, cy: { label: 'Plant a ddechreuodd dderbyn gofal', head: 'dechrau|gofal', spark: 'dechrau gofal' } },
  { name: 'ceased_looked_after', unit: 'children', time: 'flow', better: 'neutral', doc: FLOWS, question: 'none', en: { label: 'Children who ceased to be looked after', head: 'ceased|care', spark: 'ceased care' }, cy: { label: 'Plant a beidiodd â derbyn gofal', head: 'gadael|gofal', spark: 'gadael gofal' } },
  { name: 'for_profit_share_foster', unit: 'share', time: 'stock', better: 'neutral', doc: DETAIL, question: 'none', en: { label: 'Share of children in foster care placed with for-profit providers', head: 'profit|foster %', spark: 'for-profit foster %' }, cy: { label: 'Cyfran y plant mewn gofal maeth a leolir gyda darparwyr er elw', head: 'elw|maeth %', spark: 'maeth er elw %' } },
  { name: 'for_profit_share_residential', unit: 'share', time: 'stock', better: 'neutral', doc: DETAIL, question: 'none', en: { label: 'Share of children in children’s homes placed with for-profit providers', head: 'profit|homes %', spark: 'for-profit homes %' }, cy: { label: 'Cyfran y plant mewn cartrefi plant a leolir gyda darparwyr er elw', head: 'elw|cartrefi %', spark: 'cartrefi er elw %' } },
  { name: 'placed_in_own_la_share_all', unit: 'share', time: 'stock', better: 'neutral', doc: DETAIL, question: 'none', en: { label: 'Share of all children looked after living in their own local authority', head: 'all own|LA %', spark: 'all in own LA %' }, cy: { label: 'Cyfran yr holl blant sy’n derbyn gofal sy’n byw yn eu hawdurdod lleol eu hunain', head: 'pawb ALl|ei hun %', spark: 'pawb yn eu ALl %' } },
  { name: 'cost_one_off_gbp', unit: 'gbp', time: 'flow', better: 'neutral', doc: ONE_OFF, question: 'none', en: { label: 'One-off costs of the transition (not in placement fees)', head: 'one-off|£m', spark: 'one-off costs £m' }, cy: { label: 'Costau untro’r newid (nid yn y ffioedd lleoli)', head: 'untro|£m', spark: 'costau untro £m' } },
] as const satisfies readonly MetricEntry[];

export type MetricName = (typeof CATALOGUE)[number]['name'];

/** Metric names in catalogue order: the wide CSV's column order, and the packed runs' (src/model/montecarlo.ts). */
export const METRICS: readonly MetricName[] = CATALOGUE.map((e) => e.name);

const BY_NAME = new Map<string, MetricEntry>(CATALOGUE.map((e) => [e.name, e]));

/** A metric's entry. */
export const metricEntry = (m: MetricName): MetricEntry => BY_NAME.get(m)!;

/** Each unit's kind. */
export const UNIT_KIND: Readonly<Record<MetricUnit, MetricKind>> = {
  children: 'count',
  places: 'count',
  share: 'share',
  share_places: 'share',
  ratio: 'ratio',
  km: 'km',
  gbp: 'gbp',
};

/**
 * A kind as a person reads it: the model's value × `times` ÷ `per` (shares in %, money in £ million)
 * to `decimals` places. Tables, diff tables and the report all show figures so.
 */
export const SHOWN: Readonly<Record<MetricKind, { times: number; per: number; decimals: number }>> = {
  count: { times: 1, per: 1, decimals: 0 },
  share: { times: 100, per: 1, decimals: 0 },
  ratio: { times: 1, per: 1, decimals: 2 },
  km: { times: 1, per: 1, decimals: 1 },
  gbp: { times: 1, per: 1e6, decimals: 1 },
};

/** A value in the unit a person reads (45% for 0.45, 347.5 for £347,500,000), not yet rounded. */
export const shownValue = (v: number, kind: MetricKind): number => (v * SHOWN[kind].times) / SHOWN[kind].per;

export const kindOf = (m: MetricName): MetricKind => UNIT_KIND[metricEntry(m).unit];

/** Metrics that describe a year's flows; the base row leaves them empty. */
export const FLOW_METRICS: ReadonlySet<MetricName> = new Set(METRICS.filter((m) => metricEntry(m).time === 'flow'));

/** +1 where a rise is better for children, −1 where it is worse, 0 where it is neither. */
const DIRECTION: Readonly<Record<Better, -1 | 0 | 1>> = { higher: 1, lower: -1, neutral: 0 };
export const goodDirection = (m: MetricName): -1 | 0 | 1 => DIRECTION[metricEntry(m).better];

/** The metrics that answer a report question, in catalogue order. */
export const answering = (q: ReportQuestion): MetricName[] => METRICS.filter((m) => metricEntry(m).question === q);
