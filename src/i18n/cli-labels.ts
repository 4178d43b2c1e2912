// The terminal's labels (`project` and `diff` tables), in English and Welsh, keyed the same: titles,
// notes, legends and the runs' notes. A metric's column head and sparkline label are the metric
// catalogue's (src/model/metrics/catalogue.ts). Joined with the other tables in src/i18n/labels.ts.

/** Terminal tables (project, diff): titles, notes and legends. */
export const TABLE_EN = {
  'table.scenario': 'Scenario {scenario}',
  'table.level.wales': 'for Wales as a whole',
  'table.level.region': 'one block per region',
  'table.level.la': 'one block per local authority',
  'table.intro':
    "{level}. Each row is a financial year and the state at the 31 March it ends on; {baseRow} is the data's base state (31 March {baseYear}). Displaced, supplementary approvals and placement fees are flows over the year.",
  'table.year': 'year',
  'table.hidden': 'Not shown at this width: {metrics} (widen the terminal, or choose with --metrics).',
  'table.cash': 'money in cash',
  'table.constantPrices': 'money in constant {year} prices',
  'table.legend': '{red}: children without a place; {yellow}: fewer places than children needing them (sufficiency below 1), or more children outside Wales than the year before; {dim}: the base row and empty figures.',
  'table.legendRed': 'red',
  'table.legendYellow': 'yellow',
  'table.legendDim': 'dim',
  'table.sparkNote': 'Sparklines of counts rise from zero; those of shares, ratios, distances and money span their own lowest to highest value.',
  'table.choiceCalibrated': 'Placement choice: each child may go to any allowed place, nearer ones likelier (docs/model.md §4.3), calibrated so that the base state is a steady state; the fitted values are in the provenance (JSON meta, --out FILE.meta.json).',
  'table.choiceByHand': 'Placement choice: each child may go to any allowed place, nearer ones likelier (docs/model.md §4.3), with the distance decay, outside pull and own-LA pull set by hand in the scenario (not calibrated).',
  'table.mcNote': 'Each figure is the mean over the runs and, in brackets, its p10–p90 range: 8 runs in 10 fall within it (no brackets where the runs agree). CSV and JSON give the mean, p10, p50 and p90 of every metric.',
  'runs.mean': 'Means of {runs} runs (seed {seed}); random in each run: {what}.',
  'runs.one': 'One run at central values: one draw of {what} (seed {seed}); --runs N shows the range.',
  'runs.fixed': 'One run: the scenario has no random element, so every run gives the same figures.',
  'runs.and': 'and',
  'runs.random.distributions': 'the uncertain parameters (drawn from their distributions)',
  'runs.random.services': 'which services leave',
  'runs.random.choice': 'which child takes which place',
  'runs.random.rounding': 'which flows round up to whole children',
} as const;

export const TABLE_CY: Record<keyof typeof TABLE_EN, string> = {
  'table.scenario': 'Senario {scenario}',
  'table.level.wales': 'ar gyfer Cymru gyfan',
  'table.level.region': 'un bloc i bob rhanbarth',
  'table.level.la': 'un bloc i bob awdurdod lleol',
  'table.intro':
    '{level}. Mae pob rhes yn flwyddyn ariannol a’r sefyllfa ar y 31 Mawrth y mae’n dod i ben arno; {baseRow} yw sefyllfa sylfaen y data (31 Mawrth {baseYear}). Llifoedd dros y flwyddyn yw’r plant a symudodd, cymeradwyaethau atodol a’r ffioedd lleoli.',
  'table.year': 'bl.',
  'table.hidden': 'Heb eu dangos ar y lled hwn: {metrics} (lledwch y derfynell, neu dewiswch gyda --metrics).',
  'table.cash': 'arian mewn termau arian parod',
  'table.constantPrices': 'arian ym mhrisiau cyson {year}',
  'table.legend': '{red}: plant heb le; {yellow}: llai o leoedd na’r plant sydd eu hangen (digonolrwydd o dan 1), neu fwy o blant y tu allan i Gymru na’r flwyddyn cynt; {dim}: y rhes sylfaen a ffigurau gwag.',
  'table.legendRed': 'coch',
  'table.legendYellow': 'melyn',
  'table.legendDim': 'gwan',
  'table.sparkNote': 'Mae llinellau bach y cyfrifon yn codi o sero; mae rhai’r cyfrannau, y cymarebau, y pellteroedd a’r arian yn ymestyn o’u gwerth isaf i’w gwerth uchaf.',
  'table.choiceCalibrated': 'Dewis lleoliad: gall pob plentyn fynd i unrhyw le a ganiateir, a lleoedd agosach yn fwy tebygol (docs/model.md §4.3), wedi’i galibradu fel bod y sefyllfa sylfaen yn sefyllfa sefydlog; mae’r gwerthoedd a gafodd eu ffitio yn y tarddiad (JSON meta, --out FILE.meta.json).',
  'table.choiceByHand': 'Dewis lleoliad: gall pob plentyn fynd i unrhyw le a ganiateir, a lleoedd agosach yn fwy tebygol (docs/model.md §4.3), gyda’r gostyngiad gyda phellter, yr atyniad y tu allan a’r atyniad i’r ALl ei hun wedi’u gosod â llaw yn y senario (heb galibradu).',
  'table.mcNote': 'Cymedr y rhediadau yw pob ffigur ac, mewn cromfachau, ei amrediad p10–p90: mae 8 rhediad o bob 10 o fewn iddo (dim cromfachau lle mae’r rhediadau’n cytuno). Mae CSV a JSON yn rhoi cymedr, p10, p50 a p90 pob metrig.',
  'runs.mean': 'Cymedrau {runs} o rediadau (hedyn {seed}); ar hap ym mhob rhediad: {what}.',
  'runs.one': 'Un rhediad ar werthoedd canolog: un tyniad o {what} (hedyn {seed}); mae --runs N yn dangos yr amrediad.',
  'runs.fixed': 'Un rhediad: nid oes dim ar hap yn y senario, felly mae pob rhediad yn rhoi’r un ffigurau.',
  'runs.and': 'a',
  'runs.random.distributions': 'y paramedrau ansicr (wedi’u tynnu o’u dosraniadau)',
  'runs.random.services': 'pa wasanaethau sy’n gadael',
  'runs.random.choice': 'pa blentyn sy’n cymryd pa le',
  'runs.random.rounding': 'pa lifoedd sy’n talgrynnu i fyny i blant cyfan',
};

/** The diff table (`diff`): title, colour key and Monte Carlo note. */
export const DIFF_EN = {
  'diff.title': '{b} minus {a}',
  'diff.key': 'Green: better for children under {b} (fewer unplaced, displaced or outside Wales, nearer home, more places); red: worse{ranges}. · = no change, ~0 = less than the last digit shown.',
  'diff.key.ranges': '; with runs, only where the whole p10–p90 range is on that side of zero',
  'diff.mcNote':
    'The runs are paired (run i of each scenario draws from the same streams): each delta is the mean of the run-by-run differences and, in brackets, their p10 to p90 range (8 runs in 10 fall within it; no brackets where the runs agree). The summary compares means. CSV and JSON give the means of A, B and B − A, and the p10 and p90 of B − A.',
} as const;

export const DIFF_CY: Record<keyof typeof DIFF_EN, string> = {
  'diff.title': '{b} llai {a}',
  'diff.key': 'Gwyrdd: gwell i blant o dan {b} (llai heb le, wedi symud neu y tu allan i Gymru, yn nes at adref, mwy o leoedd); coch: gwaeth{ranges}. · = dim newid, ~0 = llai na’r digid olaf a ddangosir.',
  'diff.key.ranges': '; gyda rhediadau, dim ond lle mae’r amrediad p10–p90 cyfan ar yr ochr honno i sero',
  'diff.mcNote':
    'Mae’r rhediadau’n bâr (mae rhediad i pob senario yn tynnu o’r un ffrydiau): pob gwahaniaeth yw cymedr y gwahaniaethau rhwng rhediadau pâr ac, mewn cromfachau, eu hamrediad p10 i p90 (mae 8 rhediad o bob 10 o fewn iddo; dim cromfachau lle mae’r rhediadau’n cytuno). Mae’r crynodeb yn cymharu cymedrau. Mae CSV a JSON yn rhoi cymedrau A, B a B − A, a p10 a p90 B − A.',
};
