// Every label a person reads in the table, the plan and the report, in English and in Welsh, keyed
// the same: the one place where wording lives. The Welsh table is typed against the English one, so
// a key added in English and not in Welsh fails the type check (and test/i18n/labels.test.ts checks
// that no Welsh label is left empty or in English by mistake).
//
// Welsh terms follow the Welsh Government's own Welsh-language publications and the Welsh text of the
// Acts (plant sy'n derbyn gofal, lleoliadau, digonolrwydd, awdurdod lleol, bwrdd partneriaeth
// rhanbarthol, nid-er-elw); docs/glossary-cy.csv lists each term with its source, and marks those
// awaiting a translator's review. Codes, CSV and JSON column names and metric names never change.
//
// Placeholders are written {name} and filled by `label(lang, key, { name: … })`.
import { SENSITIVITY_CY, SENSITIVITY_EN } from './sensitivity-labels.js';
import type { MetricName } from '../model/types.js';
import { WALES } from '../io/wales-las.js';
import { BACKTEST_CY, BACKTEST_EN } from './backtest-labels.js';
import { DIFFER_CY, DIFFER_EN } from './differ-labels.js';

export const LANGS = ['en', 'cy'] as const;
export type Lang = (typeof LANGS)[number];

const METRIC_EN = {
  'metric.children_looked_after': 'Children looked after',
  'metric.need_foster': 'Children needing foster care',
  'metric.need_residential': 'Children needing a children’s home',
  'metric.need_secure': 'Children needing secure accommodation',
  'metric.places_foster': 'Foster places',
  'metric.places_residential': 'Children’s home places',
  'metric.places_secure': 'Secure places',
  'metric.places_for_profit_share': 'Share of places run for profit',
  'metric.sufficiency_foster': 'Usable foster places per child needing one',
  'metric.sufficiency_residential': 'Usable children’s home places per child needing one',
  'metric.placed_in_own_la_share': 'Share placed in their own local authority',
  'metric.placed_in_region_share': 'Share placed in their own region',
  'metric.placed_outside_wales': 'Children placed outside Wales',
  'metric.unplaced': 'Children with no place',
  'metric.displaced': 'Children who had to move',
  'metric.for_profit_placements': 'Children placed with for-profit providers',
  'metric.mean_distance_km': 'Mean distance from home, of children placed',
  'metric.median_distance_km': 'Median distance from home, of children placed',
  'metric.p90_distance_km': 'Distance from home, 90th percentile, of children placed',
  'metric.new_placements': 'New placements',
  'metric.supplementary_placements': 'Supplementary placements',
  'metric.cost_gbp': 'Placement fees (cost of placements)',
  'metric.usable_places_foster': 'Usable foster places',
  'metric.usable_places_residential': 'Usable children’s home places',
  'metric.usable_places_secure': 'Usable secure places',
  'metric.not_local_nonprofit': 'Children not placed locally with a local authority or not-for-profit provider',
  'metric.external_children': 'Children of other authorities held',
  'metric.cost_foster_gbp': 'Cost of foster placements',
  'metric.cost_residential_gbp': 'Cost of children’s home placements',
  'metric.cost_secure_gbp': 'Cost of secure placements',
  'metric.cost_for_profit_gbp': 'Cost with for-profit providers',
  'metric.cost_outside_wales_gbp': 'Cost of placements outside Wales',
  'metric.cost_unplaced_gbp': 'Cost of children with no place',
  'metric.started_looked_after': 'Children who started to be looked after',
  'metric.ceased_looked_after': 'Children who ceased to be looked after',
  'metric.for_profit_share_foster': 'Share of children in foster care placed with for-profit providers',
  'metric.for_profit_share_residential': 'Share of children in children’s homes placed with for-profit providers',
  'metric.placed_in_own_la_share_all': 'Share of all children looked after living in their own local authority',
  'metric.cost_one_off_gbp': 'One-off costs of the transition (not in placement fees)',
} as const satisfies Record<`metric.${MetricName}`, string>;

const METRIC_CY: Record<keyof typeof METRIC_EN, string> = {
  'metric.children_looked_after': 'Plant sy’n derbyn gofal',
  'metric.need_foster': 'Plant sydd angen gofal maeth',
  'metric.need_residential': 'Plant sydd angen cartref plant',
  'metric.need_secure': 'Plant sydd angen llety diogel',
  'metric.places_foster': 'Lleoedd maeth',
  'metric.places_residential': 'Lleoedd mewn cartrefi plant',
  'metric.places_secure': 'Lleoedd diogel',
  'metric.places_for_profit_share': 'Cyfran y lleoedd a ddarperir er elw',
  'metric.sufficiency_foster': 'Lleoedd maeth y gellir eu defnyddio i bob plentyn sydd angen un',
  'metric.sufficiency_residential': 'Lleoedd cartref plant y gellir eu defnyddio i bob plentyn sydd angen un',
  'metric.placed_in_own_la_share': 'Cyfran a leolir yn eu hawdurdod lleol eu hunain',
  'metric.placed_in_region_share': 'Cyfran a leolir yn eu rhanbarth eu hunain',
  'metric.placed_outside_wales': 'Plant a leolir y tu allan i Gymru',
  'metric.unplaced': 'Plant heb le',
  'metric.displaced': 'Plant a fu’n rhaid iddynt symud',
  'metric.for_profit_placements': 'Plant a leolir gyda darparwyr er elw',
  'metric.mean_distance_km': 'Pellter cymedrig o’r cartref, o’r plant a leolwyd',
  'metric.median_distance_km': 'Pellter canolrifol o’r cartref, o’r plant a leolwyd',
  'metric.p90_distance_km': 'Pellter o’r cartref, 90fed canradd, o’r plant a leolwyd',
  'metric.new_placements': 'Lleoliadau newydd',
  'metric.supplementary_placements': 'Lleoliadau atodol',
  'metric.cost_gbp': 'Ffioedd lleoli (cost lleoliadau)',
  'metric.usable_places_foster': 'Lleoedd maeth y gellir eu defnyddio',
  'metric.usable_places_residential': 'Lleoedd cartref plant y gellir eu defnyddio',
  'metric.usable_places_secure': 'Lleoedd diogel y gellir eu defnyddio',
  'metric.not_local_nonprofit': 'Plant nad ydynt wedi’u lleoli’n lleol gydag awdurdod lleol neu ddarparwr nid-er-elw',
  'metric.external_children': 'Plant awdurdodau eraill a letyir',
  'metric.cost_foster_gbp': 'Cost lleoliadau maeth',
  'metric.cost_residential_gbp': 'Cost lleoliadau mewn cartrefi plant',
  'metric.cost_secure_gbp': 'Cost lleoliadau diogel',
  'metric.cost_for_profit_gbp': 'Cost gyda darparwyr er elw',
  'metric.cost_outside_wales_gbp': 'Cost lleoliadau y tu allan i Gymru',
  'metric.cost_unplaced_gbp': 'Cost plant heb le',
  'metric.started_looked_after': 'Plant a ddechreuodd dderbyn gofal',
  'metric.ceased_looked_after': 'Plant a beidiodd â derbyn gofal',
  'metric.for_profit_share_foster': 'Cyfran y plant mewn gofal maeth a leolir gyda darparwyr er elw',
  'metric.for_profit_share_residential': 'Cyfran y plant mewn cartrefi plant a leolir gyda darparwyr er elw',
  'metric.placed_in_own_la_share_all': 'Cyfran yr holl blant sy’n derbyn gofal sy’n byw yn eu hawdurdod lleol eu hunain',
  'metric.cost_one_off_gbp': 'Costau untro’r newid (nid yn y ffioedd lleoli)',
};

/** Units as an axis or a column heading writes them. */
const UNIT_EN = {
  'unit.children': 'children',
  'unit.places': 'places',
  'unit.share': '% of children',
  'unit.share_places': '% of places',
  'unit.ratio': 'usable places per child needing one',
  'unit.km': 'kilometres',
  'unit.gbp': '£ million a year',
  'unit.placements': 'placements',
  'axis.children': 'children',
  'axis.places': 'places',
  'axis.ratio': 'places per child',
  'axis.share': '%',
  'axis.km': 'km',
  'axis.gbp': '£ million',
} as const;

const UNIT_CY: Record<keyof typeof UNIT_EN, string> = {
  'unit.children': 'plant',
  'unit.places': 'lleoedd',
  'unit.share': '% o’r plant',
  'unit.share_places': '% o’r lleoedd',
  'unit.ratio': 'lleoedd y gellir eu defnyddio i bob plentyn sydd angen un',
  'unit.km': 'cilometrau',
  'unit.gbp': '£ miliwn y flwyddyn',
  'unit.placements': 'lleoliadau',
  'axis.children': 'plant',
  'axis.places': 'lleoedd',
  'axis.ratio': 'lleoedd i bob plentyn',
  'axis.share': '%',
  'axis.km': 'km',
  'axis.gbp': '£ miliwn',
};

const AREA_EN = {
  'area.wales': 'Wales',
  'region.north-wales': 'North Wales',
  'region.west-wales': 'West Wales',
  'region.west-glamorgan': 'West Glamorgan',
  'region.cwm-taf-morgannwg': 'Cwm Taf Morgannwg',
  'region.cardiff-and-vale': 'Cardiff and Vale',
  'region.gwent': 'Gwent',
  'region.powys': 'Powys',
  'level.wales': 'Wales',
  'level.region': 'Regional partnership boards',
  'level.la': 'Local authorities',
} as const;

const AREA_CY: Record<keyof typeof AREA_EN, string> = {
  'area.wales': 'Cymru',
  'region.north-wales': 'Gogledd Cymru',
  'region.west-wales': 'Gorllewin Cymru',
  'region.west-glamorgan': 'Gorllewin Morgannwg',
  'region.cwm-taf-morgannwg': 'Cwm Taf Morgannwg',
  'region.cardiff-and-vale': 'Caerdydd a’r Fro',
  'region.gwent': 'Gwent',
  'region.powys': 'Powys',
  'level.wales': 'Cymru',
  'level.region': 'Byrddau partneriaeth rhanbarthol',
  'level.la': 'Awdurdodau lleol',
};

const REPORT_EN = {
  'report.title': 'Placement sufficiency: scenario {scenario}',
  'report.subtitle.compare': 'compared with scenario {compare}',
  'report.lede':
    'Will there be enough foster and children’s home places, close to home, for the children Welsh local authorities look after? This report projects it year by year from the data’s base date of 31 March {baseYear}.',
  'report.made': 'Made by sufficiency {version} from the data in {data}. Each year is a financial year and the state at the 31 March it ends on.',
  'report.mc': 'The shaded band and the bracketed range are the 10th to 90th percentiles of the runs: 8 runs in 10 fall within them.',
  'report.mc.compare': 'Both scenarios run with the same seed, so run i of each draws the same values for the parameters they share; each difference is the mean and range of the run-by-run differences.',
  'report.contents': 'Contents',
  'report.headline': 'Headline answers',
  'report.headline.intro': 'By {asAt} ({year}), at the end of the years shown. Flows (children who had to move) are totals over {from} to {to}; cost is the last year’s.',
  'report.headline.area': 'Area',
  'report.headline.enough.foster': 'Enough usable foster places?',
  'report.headline.enough.residential': 'Enough usable children’s home places?',
  'report.headline.outside': 'Placed outside Wales',
  'report.headline.unplaced': 'No place',
  'report.headline.notLocal': 'Not placed locally with a local authority or not-for-profit provider',
  'report.headline.yes': 'yes',
  'report.headline.no': 'no',
  'report.headline.displacedTotal': 'Had to move, {from} to {to}',
  'report.headline.costLast': 'Placement fees in {year} (£ million)',
  'report.headline.ratioNote': 'A ratio of 1.00 means as many usable places located in the area as children of the area needing that type; “yes” at 1.00 or more.',
  'report.headline.dash': 'A dash (–) marks a figure not available in this run.',
  'report.sentence.wales':
    'In {year}, under {scenario}, Wales has {foster} usable foster places and {residential} usable children’s home places for each child needing one; {outside} children are placed outside Wales and {unplaced} have no place. {displaced} children have had to move since {from}.',
  'report.sentence.compare': 'Against {compare}: {parts}.',
  'report.sentence.more': '{n} more {what}',
  'report.sentence.fewer': '{n} fewer {what}',
  'report.sentence.same': 'the same number of {what}',
  'report.what.outside': 'children outside Wales',
  'report.what.unplaced': 'children with no place',
  'report.what.displaced': 'children who had to move',
  'report.questions': 'The questions, year by year',
  'report.q.enough': 'Will there be enough usable places?',
  'report.q.enough.intro': 'Usable places located in the area for each of the area’s children needing that type of placement. Below the dotted line at 1 there are fewer usable places than children needing them.',
  'report.q.close': 'Are children placed close to home?',
  'report.q.close.intro': 'Distance from home of children placed (unplaced children have no distance, so a year with more children unplaced can show shorter distances that are no improvement), and the share of the area’s children needing a placement who are placed in their own local authority and in their own region.',
  'report.group.distance': 'Distance from home, of children placed: mean and 90th percentile',
  'report.group.distance.mean': 'mean',
  'report.group.distance.p90': '90th percentile',
  'report.group.local': 'Share placed in their own local authority and in their own region',
  'report.group.local.la': 'own local authority',
  'report.group.local.region': 'own region',
  'report.q.outside': 'How many children are placed outside Wales?',
  'report.q.outside.intro': 'Children of the area placed with providers outside Wales at the year’s end.',
  'report.q.unplaced': 'How many children have no place?',
  'report.q.unplaced.intro': 'Children for whom no lawful place exists anywhere the scenario allows: the shortfall.',
  'report.q.displaced': 'How many children have to move?',
  'report.q.displaced.intro': 'Children who had to move during the year because their provider left the market or cut places.',
  'report.q.notLocal': 'How many children are not placed locally with a local authority or not-for-profit provider?',
  'report.q.notLocal.intro': 'Children with no place, placed with a for-profit provider anywhere, or placed with a local authority or not-for-profit provider outside their own region: the count of section 75A(3)(a)(ii).',
  'report.q.cost': 'What does it cost?',
  'report.q.cost.intro': 'Placement fees: the annual cost of the area’s placements, and of its children with no place, in cash terms. The one-off costs of the transition are not in them (see the weekly prices used).',
  'report.prices.cash': 'Money is in cash terms: each year in its own prices.',
  'report.prices.constant': 'Money is in constant {year} prices (real terms), deflated by the scenario’s deflator.',
  'report.chart.desc': '{kind} of {metric} ({unit}) by financial year, {from} to {to}, one panel for each of {areas}. {series} {summary} The table below gives every figure.',
  'report.chart.kind.line': 'Line chart',
  'report.chart.kind.bar': 'Bar chart',
  'report.chart.series.one': 'Scenario {scenario}.',
  'report.chart.series.two': 'Scenario {scenario} as a solid line with circles, scenario {compare} as a dashed line with squares.',
  'report.chart.series.band': 'Shaded bands show the 10th to 90th percentiles of the runs.',
  'report.chart.summary': 'For {area}: {first} in {from}, {last} in {to}.',
  'report.chart.summary.compare': 'For {area} in {to}: {scenario} {a}, {compare} {b}.',
  'report.chart.difference': 'Difference: {scenario} minus {compare}',
  'report.chart.difference.desc': 'Bar chart of the difference in {metric} ({unit}), scenario {scenario} minus scenario {compare}, by financial year, {from} to {to}, one panel for each of {areas}.{band} For {area} in {to}: {last}. The table above gives every figure.',
  'report.chart.difference.band': ' Lines show the 10th to 90th percentiles of the run-by-run differences.',
  'report.chart.axis.year': 'Financial year starting 1 April',
  'report.chart.axis.difference': '± {unit}',
  'report.chart.referenceLine': 'as many usable places as children',
  'report.unavailable': '{metric}: not available in this run (this version of the model or this dataset does not compute it).',
  'report.table.caption': '{metric} ({unit}), the figures behind the chart',
  'report.table.caption.noUnit': '{metric}, the figures behind the chart',
  'report.table.year': 'Year',
  'report.table.difference': 'difference',
  'report.table.base': 'base state',
  'report.legend': 'Legend',
  'report.assumptions': 'Assumptions',
  'report.assumptions.intro': 'The assumptions log of scenario {scenario}: what it assumes, on whose authority.',
  'report.assumptions.id': 'Id',
  'report.assumptions.text': 'Assumption',
  'report.assumptions.source': 'Source',
  'report.assumptions.owner': 'Owner',
  'report.assumptions.none': 'The scenario lists no assumptions.',
  'report.parameters': 'Parameters in force for {scenario}',
  'report.parameters.path': 'Parameter',
  'report.parameters.value': 'Value',
  'report.parameters.source': 'Source',
  'report.parameters.default': 'default',
  'report.parameters.none': 'none given',
  'report.estimates': 'Estimated figures in the data',
  'report.estimates.intro': 'Rows of the dataset marked as estimated rather than published (status column). Every estimate’s method is in the dataset’s notes on its sources (data/wales/SOURCES.md for the default data).',
  'report.estimates.resource': 'Data',
  'report.estimates.rows': 'Rows',
  'report.estimates.estimated': 'Estimated',
  'report.estimates.base': 'Children looked after at the base date that are estimates',
  'report.estimates.la': 'Local authority',
  'report.estimates.children': 'Children',
  'report.estimates.source': 'Source',
  'report.estimates.noStatus': 'This dataset does not mark which figures are estimated.',
  'report.estimates.none': 'None: every base-date count of children looked after is published.',
  'report.method': 'How the model works',
  'report.method.pointer': 'The full methodology, with every rule, choice and limitation, is in docs/methodology.md in the sufficiency tool’s documentation.',
  'report.footer': 'sufficiency {version}. Scenario {scenario}{compare}. Data: {data}.',
} as const;

const REPORT_CY: Record<keyof typeof REPORT_EN, string> = {
  'report.title': 'Digonolrwydd lleoliadau: senario {scenario}',
  'report.subtitle.compare': 'o’i gymharu â senario {compare}',
  'report.lede':
    'A fydd digon o leoedd maeth a lleoedd mewn cartrefi plant, yn agos at adref, i’r plant y mae awdurdodau lleol Cymru yn gofalu amdanynt? Mae’r adroddiad hwn yn rhagamcanu hynny flwyddyn wrth flwyddyn o ddyddiad sylfaen y data, 31 Mawrth {baseYear}.',
  'report.made': 'Lluniwyd gan sufficiency {version} o’r data yn {data}. Blwyddyn ariannol yw pob blwyddyn, a’r sefyllfa ar y 31 Mawrth y mae’n dod i ben arno.',
  'report.mc': 'Y band wedi’i liwio a’r amrediad mewn cromfachau yw’r 10fed i’r 90fed canradd o’r rhediadau: mae 8 rhediad o bob 10 o fewn iddynt.',
  'report.mc.compare': 'Mae’r ddau senario yn rhedeg gyda’r un hedyn, felly mae rhediad i y naill a’r llall yn tynnu’r un gwerthoedd ar gyfer y paramedrau sy’n gyffredin iddynt; y gwahaniaeth yw cymedr ac amrediad y gwahaniaethau rhwng rhediadau pâr.',
  'report.contents': 'Cynnwys',
  'report.headline': 'Yr atebion pennawd',
  'report.headline.intro': 'Erbyn {asAt} ({year}), ar ddiwedd y blynyddoedd a ddangosir. Cyfansymiau dros {from} i {to} yw’r llifoedd (plant a fu’n rhaid iddynt symud); cost y flwyddyn olaf yw’r gost.',
  'report.headline.area': 'Ardal',
  'report.headline.enough.foster': 'Digon o leoedd maeth y gellir eu defnyddio?',
  'report.headline.enough.residential': 'Digon o leoedd cartref plant y gellir eu defnyddio?',
  'report.headline.outside': 'Wedi’u lleoli y tu allan i Gymru',
  'report.headline.unplaced': 'Heb le',
  'report.headline.notLocal': 'Heb eu lleoli’n lleol gydag awdurdod lleol neu ddarparwr nid-er-elw',
  'report.headline.yes': 'oes',
  'report.headline.no': 'nac oes',
  'report.headline.displacedTotal': 'Wedi gorfod symud, {from} i {to}',
  'report.headline.costLast': 'Ffioedd lleoli yn {year} (£ miliwn)',
  'report.headline.ratioNote': 'Mae cymhareb o 1.00 yn golygu bod cymaint o leoedd y gellir eu defnyddio yn yr ardal ag sydd o blant yr ardal angen y math hwnnw o leoliad; “oes” ar 1.00 neu fwy.',
  'report.headline.dash': 'Mae llinell doriad (–) yn dynodi ffigur nad yw ar gael yn y rhediad hwn.',
  'report.sentence.wales':
    'Yn {year}, o dan {scenario}, mae gan Gymru {foster} o leoedd maeth y gellir eu defnyddio a {residential} o leoedd cartref plant y gellir eu defnyddio i bob plentyn sydd angen un; mae {outside} o blant wedi’u lleoli y tu allan i Gymru ac mae {unplaced} heb le. Mae {displaced} o blant wedi gorfod symud ers {from}.',
  'report.sentence.compare': 'O’i gymharu â {compare}: {parts}.',
  'report.sentence.more': '{n} yn fwy o {what}',
  'report.sentence.fewer': '{n} yn llai o {what}',
  'report.sentence.same': 'yr un nifer o {what}',
  'report.what.outside': 'blant y tu allan i Gymru',
  'report.what.unplaced': 'blant heb le',
  'report.what.displaced': 'blant a fu’n rhaid iddynt symud',
  'report.questions': 'Y cwestiynau, flwyddyn wrth flwyddyn',
  'report.q.enough': 'A fydd digon o leoedd y gellir eu defnyddio?',
  'report.q.enough.intro': 'Lleoedd y gellir eu defnyddio yn yr ardal i bob un o blant yr ardal sydd angen y math hwnnw o leoliad. O dan y llinell ddotiog ar 1 mae llai o leoedd y gellir eu defnyddio nag o blant sydd eu hangen.',
  'report.q.close': 'A yw plant yn cael eu lleoli’n agos i’w cartref?',
  'report.q.close.intro': 'Pellter o’r cartref y plant a leolir (nid oes pellter i blant heb le, felly gall blwyddyn gyda mwy o blant heb le ddangos pellteroedd byrrach nad ydynt yn welliant), a’r gyfran o blant yr ardal sydd angen lleoliad a leolir yn eu hawdurdod lleol eu hunain ac yn eu rhanbarth eu hunain.',
  'report.group.distance': 'Pellter o’r cartref, o’r plant a leolir: cymedr a 90fed canradd',
  'report.group.distance.mean': 'cymedr',
  'report.group.distance.p90': '90fed canradd',
  'report.group.local': 'Cyfran a leolir yn eu hawdurdod lleol eu hunain ac yn eu rhanbarth eu hunain',
  'report.group.local.la': 'awdurdod lleol ei hun',
  'report.group.local.region': 'rhanbarth ei hun',
  'report.q.outside': 'Faint o blant sy’n cael eu lleoli y tu allan i Gymru?',
  'report.q.outside.intro': 'Plant yr ardal a leolir gyda darparwyr y tu allan i Gymru ar ddiwedd y flwyddyn.',
  'report.q.unplaced': 'Faint o blant sydd heb le?',
  'report.q.unplaced.intro': 'Plant nad oes lle cyfreithlon ar eu cyfer yn unman y mae’r senario yn ei ganiatáu: y diffyg.',
  'report.q.displaced': 'Faint o blant sy’n gorfod symud?',
  'report.q.displaced.intro': 'Plant a fu’n rhaid iddynt symud yn ystod y flwyddyn am fod eu darparwr wedi gadael y farchnad neu wedi lleihau ei leoedd.',
  'report.q.notLocal': 'Faint o blant nad ydynt wedi’u lleoli’n lleol gydag awdurdod lleol neu ddarparwr nid-er-elw?',
  'report.q.notLocal.intro': 'Plant heb le, plant a leolir gyda darparwr er elw yn unrhyw le, neu blant a leolir gydag awdurdod lleol neu ddarparwr nid-er-elw y tu allan i’w rhanbarth eu hunain: cyfrif adran 75A(3)(a)(ii).',
  'report.q.cost': 'Beth yw’r gost?',
  'report.q.cost.intro': 'Ffioedd lleoli: cost flynyddol lleoliadau’r ardal, a’i phlant heb le, mewn arian parod. Nid yw costau untro’r newid ynddynt (gweler y prisiau wythnosol a ddefnyddiwyd).',
  'report.prices.cash': 'Mae’r arian mewn termau arian parod: pob blwyddyn yn ei phrisiau ei hun.',
  'report.prices.constant': 'Mae’r arian mewn prisiau cyson {year} (termau real), wedi’u datchwyddo gan ddatchwyddwr y senario.',
  'report.chart.desc': '{kind} o {metric} ({unit}) fesul blwyddyn ariannol, {from} i {to}, un panel ar gyfer pob un o {areas}. {series} {summary} Mae’r tabl isod yn rhoi pob ffigur.',
  'report.chart.kind.line': 'Siart linell',
  'report.chart.kind.bar': 'Siart bar',
  'report.chart.series.one': 'Senario {scenario}.',
  'report.chart.series.two': 'Senario {scenario} fel llinell ddi-dor gyda chylchoedd, senario {compare} fel llinell doredig gyda sgwariau.',
  'report.chart.series.band': 'Mae’r bandiau wedi’u lliwio yn dangos y 10fed i’r 90fed canradd o’r rhediadau.',
  'report.chart.summary': 'Ar gyfer {area}: {first} yn {from}, {last} yn {to}.',
  'report.chart.summary.compare': 'Ar gyfer {area} yn {to}: {scenario} {a}, {compare} {b}.',
  'report.chart.difference': 'Gwahaniaeth: {scenario} llai {compare}',
  'report.chart.difference.desc': 'Siart bar o’r gwahaniaeth yn {metric} ({unit}), senario {scenario} llai senario {compare}, fesul blwyddyn ariannol, {from} i {to}, un panel ar gyfer pob un o {areas}.{band} Ar gyfer {area} yn {to}: {last}. Mae’r tabl uchod yn rhoi pob ffigur.',
  'report.chart.difference.band': ' Mae’r llinellau yn dangos y 10fed i’r 90fed canradd o’r gwahaniaethau rhwng rhediadau pâr.',
  'report.chart.axis.year': 'Blwyddyn ariannol yn dechrau 1 Ebrill',
  'report.chart.axis.difference': '± {unit}',
  'report.chart.referenceLine': 'cymaint o leoedd y gellir eu defnyddio ag o blant',
  'report.unavailable': '{metric}: nid yw ar gael yn y rhediad hwn (nid yw’r fersiwn hon o’r model na’r set ddata hon yn ei gyfrifo).',
  'report.table.caption': '{metric} ({unit}), y ffigurau y tu ôl i’r siart',
  'report.table.caption.noUnit': '{metric}, y ffigurau y tu ôl i’r siart',
  'report.table.year': 'Blwyddyn',
  'report.table.difference': 'gwahaniaeth',
  'report.table.base': 'sefyllfa sylfaen',
  'report.legend': 'Allwedd',
  'report.assumptions': 'Tybiaethau',
  'report.assumptions.intro': 'Cofnod tybiaethau senario {scenario}: beth y mae’n ei dybio, ac ar awdurdod pwy.',
  'report.assumptions.id': 'Cyf.',
  'report.assumptions.text': 'Tybiaeth',
  'report.assumptions.source': 'Ffynhonnell',
  'report.assumptions.owner': 'Perchennog',
  'report.assumptions.none': 'Nid yw’r senario yn rhestru unrhyw dybiaethau.',
  'report.parameters': 'Paramedrau mewn grym ar gyfer {scenario}',
  'report.parameters.path': 'Paramedr',
  'report.parameters.value': 'Gwerth',
  'report.parameters.source': 'Ffynhonnell',
  'report.parameters.default': 'rhagosodiad',
  'report.parameters.none': 'dim wedi’i roi',
  'report.estimates': 'Ffigurau amcangyfrifedig yn y data',
  'report.estimates.intro': 'Rhesi o’r set ddata a nodir yn amcangyfrifon yn hytrach nag yn ffigurau cyhoeddedig (colofn status). Mae dull pob amcangyfrif yn nodiadau’r set ddata ar ei ffynonellau (data/wales/SOURCES.md ar gyfer y data rhagosodedig).',
  'report.estimates.resource': 'Data',
  'report.estimates.rows': 'Rhesi',
  'report.estimates.estimated': 'Amcangyfrifon',
  'report.estimates.base': 'Plant sy’n derbyn gofal ar y dyddiad sylfaen sy’n amcangyfrifon',
  'report.estimates.la': 'Awdurdod lleol',
  'report.estimates.children': 'Plant',
  'report.estimates.source': 'Ffynhonnell',
  'report.estimates.noStatus': 'Nid yw’r set ddata hon yn nodi pa ffigurau sy’n amcangyfrifon.',
  'report.estimates.none': 'Dim: mae pob cyfrif o blant sy’n derbyn gofal ar y dyddiad sylfaen wedi’i gyhoeddi.',
  'report.method': 'Sut mae’r model yn gweithio',
  'report.method.pointer': 'Mae’r fethodoleg lawn, gyda phob rheol, dewis a chyfyngiad, yn docs/methodology.md yn nogfennaeth yr offeryn sufficiency (Saesneg yn unig).',
  'report.footer': 'sufficiency {version}. Senario {scenario}{compare}. Data: {data}.',
};


const METHOD_EN = {
  'method.p1':
    'The data describe every local authority’s children looked after at the base date: where each is placed, with whom (local authority, not-for-profit or for-profit provider) and how far from home, the places each provider has, the places each authority plans to open, close or recruit, and what placements cost.',
  'method.p2':
    'Each financial year, in order: the number of children looked after follows the scenario’s demand rule and is split by placement type; supply changes on 1 April (the authorities’ strategies, providers leaving the market or converting to not-for-profit under the Health and Social Care (Wales) Act 2025, Foster Wales transfers and growth, new regional children’s homes); children whose provider left or cut places are displaced.',
  'method.p3':
    'Children who need a new placement (because their need changed, a placement ended, or they were displaced) are matched to the usable vacancies: first in their own authority, then their region, then the rest of Wales and outside Wales, preferring local authority, then not-for-profit, then for-profit providers, each child to the nearest place allowed. A child for whom no lawful place exists anywhere the scenario allows is counted as having no place.',
  'method.p4':
    'From the year’s end state come the figures in this report: usable places against need, children placed outside Wales, with no place, displaced, and not placed locally with a local authority or not-for-profit provider, distances from home, supplementary placements needing ministerial approval, and cost at the data’s weekly prices.',
  'method.p5':
    'Uncertain parameters (for example how many providers leave) can be given as ranges. A deterministic run takes their central values; Monte Carlo runs draw them again and again, and the report shows the median and the 10th to 90th percentiles. Two scenarios compared with runs share their draws, so that their difference shows what the scenarios change and not chance.',
  'method.p6':
    'Limits: distances are measured between the centres of local authorities; every child needing a type of placement is treated alike; occupancy is one share per type and year; providers outside Wales are one pool. The default data’s providers are synthetic, built to reproduce published figures. The figures are projections under stated assumptions, not forecasts.',
} as const;

const METHOD_CY: Record<keyof typeof METHOD_EN, string> = {
  'method.p1':
    'Mae’r data yn disgrifio plant sy’n derbyn gofal pob awdurdod lleol ar y dyddiad sylfaen: ble mae pob un wedi’i leoli, gyda phwy (awdurdod lleol, darparwr nid-er-elw neu ddarparwr er elw) a pha mor bell o’i gartref, y lleoedd sydd gan bob darparwr, y lleoedd y mae pob awdurdod yn bwriadu eu hagor, eu cau neu eu recriwtio, a chost lleoliadau.',
  'method.p2':
    'Bob blwyddyn ariannol, yn eu trefn: mae nifer y plant sy’n derbyn gofal yn dilyn rheol galw’r senario ac yn cael ei rhannu yn ôl math o leoliad; mae’r cyflenwad yn newid ar 1 Ebrill (strategaethau’r awdurdodau, darparwyr yn gadael y farchnad neu’n troi’n nid-er-elw o dan Ddeddf Iechyd a Gofal Cymdeithasol (Cymru) 2025, trosglwyddiadau a thwf Maethu Cymru, cartrefi plant rhanbarthol newydd); mae plant y mae eu darparwr wedi gadael neu wedi lleihau ei leoedd yn cael eu dadleoli.',
  'method.p3':
    'Mae plant sydd angen lleoliad newydd (am fod eu hangen wedi newid, lleoliad wedi dod i ben, neu eu bod wedi’u dadleoli) yn cael eu paru â’r lleoedd gwag y gellir eu defnyddio: yn gyntaf yn eu hawdurdod eu hunain, yna yn eu rhanbarth, yna yng ngweddill Cymru a’r tu allan i Gymru, gan ffafrio awdurdodau lleol, yna darparwyr nid-er-elw, yna darparwyr er elw, pob plentyn i’r lle agosaf a ganiateir. Mae plentyn nad oes lle cyfreithlon ar ei gyfer yn unman y mae’r senario yn ei ganiatáu yn cael ei gyfrif yn blentyn heb le.',
  'method.p4':
    'O’r sefyllfa ar ddiwedd y flwyddyn y daw ffigurau’r adroddiad hwn: lleoedd y gellir eu defnyddio o’u cymharu â’r angen, plant a leolir y tu allan i Gymru, plant heb le, plant wedi’u dadleoli, a phlant nad ydynt wedi’u lleoli’n lleol gydag awdurdod lleol neu ddarparwr nid-er-elw, pellteroedd o’r cartref, lleoliadau atodol sydd angen cymeradwyaeth Weinidogol, a’r gost ar brisiau wythnosol y data.',
  'method.p5':
    'Gellir rhoi paramedrau ansicr (er enghraifft faint o ddarparwyr sy’n gadael) fel amrediadau. Mae rhediad penderfynedig yn defnyddio eu gwerthoedd canolog; mae rhediadau Monte Carlo yn eu tynnu dro ar ôl tro, ac mae’r adroddiad yn dangos y canolrif a’r 10fed i’r 90fed canradd. Mae dau senario a gymharir â rhediadau yn rhannu eu tyniadau, fel bod eu gwahaniaeth yn dangos yr hyn y mae’r senarios yn ei newid ac nid siawns.',
  'method.p6':
    'Cyfyngiadau: mesurir pellteroedd rhwng canol awdurdodau lleol; mae pob plentyn sydd angen math o leoliad yn cael ei drin yn yr un modd; un gyfran o ddeiliadaeth sydd i bob math a blwyddyn; un gronfa yw’r darparwyr y tu allan i Gymru. Mae darparwyr y data rhagosodedig yn synthetig, wedi’u llunio i atgynhyrchu ffigurau cyhoeddedig. Rhagamcanion o dan dybiaethau a nodir yw’r ffigurau, nid rhagolygon.',
};

/** Terminal tables (project, diff): two-line column headers "line 1|line 2" and sparkline labels. */
const TABLE_EN = {
  'th.children_looked_after': 'looked|after',
  'th.need_foster': 'need|foster',
  'th.need_residential': 'need|resid.',
  'th.need_secure': 'need|secure',
  'th.places_foster': 'places|foster',
  'th.places_residential': 'places|resid.',
  'th.places_secure': 'places|secure',
  'th.places_for_profit_share': 'places|f-p %',
  'th.sufficiency_foster': 'suffic.|foster',
  'th.sufficiency_residential': 'suffic.|resid.',
  'th.placed_in_own_la_share': 'own LA|%',
  'th.placed_in_region_share': 'region|%',
  'th.placed_outside_wales': 'outside|Wales',
  'th.unplaced': 'un-|placed',
  'th.displaced': 'dis-|placed',
  'th.for_profit_placements': 'for-|profit',
  'th.mean_distance_km': 'km, of|placed',
  'th.median_distance_km': 'median|km',
  'th.p90_distance_km': 'p90|km',
  'th.new_placements': 'new|placed',
  'th.supplementary_placements': 'suppl.|approv.',
  'th.cost_gbp': 'fees|£m',
  'th.usable_places_foster': 'usable|foster',
  'th.usable_places_residential': 'usable|resid.',
  'th.usable_places_secure': 'usable|secure',
  'th.not_local_nonprofit': 'not local|nfp',
  'th.external_children': 'other|auths',
  'th.cost_foster_gbp': 'foster|£m',
  'th.cost_residential_gbp': 'resid.|£m',
  'th.cost_secure_gbp': 'secure|£m',
  'th.cost_for_profit_gbp': 'f-p|£m',
  'th.cost_outside_wales_gbp': 'out. W.|£m',
  'th.cost_unplaced_gbp': 'unpl.|£m',
  'th.started_looked_after': 'started|care',
  'th.ceased_looked_after': 'ceased|care',
  'th.for_profit_share_foster': 'profit|foster %',
  'th.for_profit_share_residential': 'profit|homes %',
  'th.placed_in_own_la_share_all': 'all own|LA %',
  'th.cost_one_off_gbp': 'one-off|£m',
  'spark.children_looked_after': 'looked after',
  'spark.need_foster': 'need foster',
  'spark.need_residential': 'need resid.',
  'spark.need_secure': 'need secure',
  'spark.places_foster': 'places foster',
  'spark.places_residential': 'places resid.',
  'spark.places_secure': 'places secure',
  'spark.places_for_profit_share': 'for-profit places %',
  'spark.sufficiency_foster': 'suffic. foster',
  'spark.sufficiency_residential': 'suffic. resid.',
  'spark.placed_in_own_la_share': 'in own LA %',
  'spark.placed_in_region_share': 'in region %',
  'spark.placed_outside_wales': 'outside Wales',
  'spark.unplaced': 'unplaced',
  'spark.displaced': 'displaced',
  'spark.for_profit_placements': 'for-profit',
  'spark.mean_distance_km': 'mean km',
  'spark.median_distance_km': 'median km',
  'spark.p90_distance_km': 'p90 km',
  'spark.new_placements': 'new placements',
  'spark.supplementary_placements': 'supplementary',
  'spark.cost_gbp': 'placement fees £m',
  'spark.usable_places_foster': 'usable foster',
  'spark.usable_places_residential': 'usable resid.',
  'spark.usable_places_secure': 'usable secure',
  'spark.not_local_nonprofit': 'not local/nfp',
  'spark.external_children': 'other authorities',
  'spark.cost_foster_gbp': 'foster £m',
  'spark.cost_residential_gbp': 'resid. £m',
  'spark.cost_secure_gbp': 'secure £m',
  'spark.cost_for_profit_gbp': 'for-profit £m',
  'spark.cost_outside_wales_gbp': 'outside Wales £m',
  'spark.cost_unplaced_gbp': 'unplaced £m',
  'spark.started_looked_after': 'started care',
  'spark.ceased_looked_after': 'ceased care',
  'spark.for_profit_share_foster': 'for-profit foster %',
  'spark.for_profit_share_residential': 'for-profit homes %',
  'spark.placed_in_own_la_share_all': 'all in own LA %',
  'spark.cost_one_off_gbp': 'one-off costs £m',
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
} as const satisfies Record<`th.${MetricName}` | `spark.${MetricName}`, string> & Record<string, string>;

const TABLE_CY: Record<keyof typeof TABLE_EN, string> = {
  'th.children_looked_after': 'derbyn|gofal',
  'th.need_foster': 'angen|maeth',
  'th.need_residential': 'angen|preswyl',
  'th.need_secure': 'angen|diogel',
  'th.places_foster': 'lleoedd|maeth',
  'th.places_residential': 'lleoedd|preswyl',
  'th.places_secure': 'lleoedd|diogel',
  'th.places_for_profit_share': 'lleoedd|er elw %',
  'th.sufficiency_foster': 'digonol.|maeth',
  'th.sufficiency_residential': 'digonol.|preswyl',
  'th.placed_in_own_la_share': 'ALl ei|hun %',
  'th.placed_in_region_share': 'rhanbarth|%',
  'th.placed_outside_wales': 'tu allan|i Gymru',
  'th.unplaced': 'heb|le',
  'th.displaced': 'wedi|symud',
  'th.for_profit_placements': 'er|elw',
  'th.mean_distance_km': 'km, o’r|a leolwyd',
  'th.median_distance_km': 'canolrif|km',
  'th.p90_distance_km': 'p90|km',
  'th.new_placements': 'lleoli|newydd',
  'th.supplementary_placements': 'lleol.|atodol',
  'th.cost_gbp': 'ffioedd|£m',
  'th.usable_places_foster': 'ar gael|maeth',
  'th.usable_places_residential': 'ar gael|preswyl',
  'th.usable_places_secure': 'ar gael|diogel',
  'th.not_local_nonprofit': 'ddim lleol|nid-er-elw',
  'th.external_children': 'awdurd.|eraill',
  'th.cost_foster_gbp': 'maeth|£m',
  'th.cost_residential_gbp': 'preswyl|£m',
  'th.cost_secure_gbp': 'diogel|£m',
  'th.cost_for_profit_gbp': 'er elw|£m',
  'th.cost_outside_wales_gbp': 'tu allan|£m',
  'th.cost_unplaced_gbp': 'heb le|£m',
  'th.started_looked_after': 'dechrau|gofal',
  'th.ceased_looked_after': 'gadael|gofal',
  'th.for_profit_share_foster': 'elw|maeth %',
  'th.for_profit_share_residential': 'elw|cartrefi %',
  'th.placed_in_own_la_share_all': 'pawb ALl|ei hun %',
  'th.cost_one_off_gbp': 'untro|£m',
  'spark.children_looked_after': 'derbyn gofal',
  'spark.need_foster': 'angen maeth',
  'spark.need_residential': 'angen preswyl',
  'spark.need_secure': 'angen diogel',
  'spark.places_foster': 'lleoedd maeth',
  'spark.places_residential': 'lleoedd preswyl',
  'spark.places_secure': 'lleoedd diogel',
  'spark.places_for_profit_share': 'lleoedd er elw %',
  'spark.sufficiency_foster': 'digonol. maeth',
  'spark.sufficiency_residential': 'digonol. preswyl',
  'spark.placed_in_own_la_share': 'yn eu ALl %',
  'spark.placed_in_region_share': 'yn y rhanbarth %',
  'spark.placed_outside_wales': 'tu allan i Gymru',
  'spark.unplaced': 'heb le',
  'spark.displaced': 'wedi symud',
  'spark.for_profit_placements': 'er elw',
  'spark.mean_distance_km': 'cymedr km',
  'spark.median_distance_km': 'canolrif km',
  'spark.p90_distance_km': 'p90 km',
  'spark.new_placements': 'lleoliadau newydd',
  'spark.supplementary_placements': 'atodol',
  'spark.cost_gbp': 'ffioedd lleoli £m',
  'spark.usable_places_foster': 'maeth ar gael',
  'spark.usable_places_residential': 'preswyl ar gael',
  'spark.usable_places_secure': 'diogel ar gael',
  'spark.not_local_nonprofit': 'ddim lleol/nid-er-elw',
  'spark.external_children': 'awdurdodau eraill',
  'spark.cost_foster_gbp': 'maeth £m',
  'spark.cost_residential_gbp': 'preswyl £m',
  'spark.cost_secure_gbp': 'diogel £m',
  'spark.cost_for_profit_gbp': 'er elw £m',
  'spark.cost_outside_wales_gbp': 'tu allan i Gymru £m',
  'spark.cost_unplaced_gbp': 'heb le £m',
  'spark.started_looked_after': 'dechrau gofal',
  'spark.ceased_looked_after': 'gadael gofal',
  'spark.for_profit_share_foster': 'maeth er elw %',
  'spark.for_profit_share_residential': 'cartrefi er elw %',
  'spark.placed_in_own_la_share_all': 'pawb yn eu ALl %',
  'spark.cost_one_off_gbp': 'costau untro £m',
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

/** The annual sufficiency plan (`plan`): headings, its s.75A(3) sections and placement types. */
const PLAN_EN = {
  'plan.heading': '{la} ({code}): annual sufficiency plan figures for {year}',
  'plan.source':
    'Scenario {scenario}{title}, sufficiency {version}. Children and places at {asAt}; supplementary placements over the year {start} to {asAt}; {previous} beside it. Sections are those of s.75A(3) of the Social Services and Well-being (Wales) Act 2014. {runs}',
  'plan.runs.mc': 'Each figure is the mean of {runs} runs (seed {seed}), counts of children whole (half up), with its 10th to 90th percentiles in brackets: what is random is {random}.',
  'plan.runs.one': 'One run: the scenario has no random element.',
  'plan.runs.oneOfMany': 'One run at central values: one draw of {random} (seed {seed}); --runs N shows the range.',
  'plan.random.services': 'which services leave',
  'plan.random.choice': 'which child takes which place',
  'plan.random.draws': 'the parameters drawn from distributions',
  'plan.random.and': 'and',
  'plan.runs.central': 'One run, every distribution at its central value; --runs N shows the range.',
  'plan.md.section': 's.75A(3)',
  'plan.md.item': 'Item',
  'plan.md.type': 'Placement type',
  'plan.md.value': 'Value',
  'plan.section.a(i)': 'Children the LA expects to look after',
  'plan.section.a(ii)': 'Children unlikely to be placed with LA or not-for-profit accommodation within or near the area',
  'plan.section.b': 'LA foster and children’s home places available to the LA',
  'plan.section.c': 'How far those places meet need',
  'plan.section.d(i)': 'Supplementary placement applications expected',
  'plan.section.d(ii)': 'Why that many applications are likely',
  'plan.section.d(iii)': 'For-profit providers in Wales likely to be named',
  'plan.section.d(iv)': 'Private providers outside Wales likely to be named',
  'plan.section.e': 'What the LA’s strategy adds this year',
  'type.foster': 'foster',
  'type.residential': 'residential',
  'type.secure': 'secure',
  'type.kinship': 'kinship',
  'type.parents': 'parents',
  'type.adoption': 'adoption',
  'type.independent': 'independent',
  'type.other': 'other',
} as const;

const PLAN_CY: Record<keyof typeof PLAN_EN, string> = {
  'plan.heading': '{la} ({code}): ffigurau’r cynllun digonolrwydd blynyddol ar gyfer {year}',
  'plan.source':
    'Senario {scenario}{title}, sufficiency {version}. Plant a lleoedd ar {asAt}; lleoliadau atodol dros y flwyddyn {start} i {asAt}; {previous} wrth ei hochr. Yr adrannau yw rhai adran 75A(3) o Ddeddf Gwasanaethau Cymdeithasol a Llesiant (Cymru) 2014. {runs}',
  'plan.runs.mc': 'Mae pob ffigur yn gymedr {runs} o rediadau (hedyn {seed}), cyfrifon plant yn gyfan (hanner i fyny), gyda’i 10fed i’w 90fed canradd mewn cromfachau: yr hyn sydd ar hap yw {random}.',
  'plan.runs.one': 'Un rhediad: nid oes elfen ar hap yn y senario.',
  'plan.runs.oneOfMany': 'Un rhediad ar werthoedd canolog: un tyniad o {random} (hedyn {seed}); mae --runs N yn dangos yr amrediad.',
  'plan.random.services': 'pa wasanaethau sy’n gadael',
  'plan.random.choice': 'pa blentyn sy’n cymryd pa le',
  'plan.random.draws': 'y paramedrau a dynnir o ddosraniadau',
  'plan.random.and': 'a',
  'plan.runs.central': 'Un rhediad, pob dosraniad ar ei werth canolog; mae --runs N yn dangos yr amrediad.',
  'plan.md.section': 'a.75A(3)',
  'plan.md.item': 'Eitem',
  'plan.md.type': 'Math o leoliad',
  'plan.md.value': 'Gwerth',
  'plan.section.a(i)': 'Plant y mae’r awdurdod lleol yn disgwyl gofalu amdanynt',
  'plan.section.a(ii)': 'Plant nad yw’n debygol y cânt eu lleoli mewn llety awdurdod lleol neu nid-er-elw o fewn yr ardal neu’n agos ati',
  'plan.section.b': 'Lleoedd maeth a chartrefi plant yr awdurdod lleol sydd ar gael i’r awdurdod',
  'plan.section.c': 'I ba raddau y mae’r lleoedd hynny’n diwallu’r angen',
  'plan.section.d(i)': 'Ceisiadau disgwyliedig am leoliadau atodol',
  'plan.section.d(ii)': 'Pam y mae’r nifer hwnnw o geisiadau yn debygol',
  'plan.section.d(iii)': 'Darparwyr er elw yng Nghymru sy’n debygol o gael eu henwi',
  'plan.section.d(iv)': 'Darparwyr preifat y tu allan i Gymru sy’n debygol o gael eu henwi',
  'plan.section.e': 'Beth y mae strategaeth yr awdurdod lleol yn ei ychwanegu eleni',
  'type.foster': 'maeth',
  'type.residential': 'preswyl',
  'type.secure': 'diogel',
  'type.kinship': 'perthnasau',
  'type.parents': 'rhieni',
  'type.adoption': 'mabwysiadu',
  'type.independent': 'annibynnol',
  'type.other': 'arall',
};

/**
 * The Welsh of each item text that `plan` writes (its table, Markdown and CSV `item` column), keyed
 * by the English text the plan's figures carry. Items with names in them (a region's reserved
 * places, a strategy row) are matched by pattern in planItemIn; a provider's name and id stay as
 * the data gives them. test/i18n/plan-cy.test.ts checks that every item of every LA's plan has its
 * Welsh, so a new item cannot ship in English only.
 */
const PLAN_ITEMS_CY: Readonly<Record<string, string>> = {
  'children looked after': 'plant sy’n derbyn gofal',
  'unlikely to be placed with LA or not-for-profit within or near the area': 'annhebygol o gael eu lleoli gydag awdurdod lleol neu ddarparwr nid-er-elw o fewn yr ardal neu’n agos ati',
  'of whom placed outside their region (outside Wales included)': 'o’r rhain, wedi’u lleoli y tu allan i’w rhanbarth (gan gynnwys y tu allan i Gymru)',
  'of whom placed with for-profit providers': 'o’r rhain, wedi’u lleoli gyda darparwyr er elw',
  'of whom without a place (unplaced)': 'o’r rhain, heb le',
  'LA places in the LA': 'lleoedd yr awdurdod lleol yn ei ardal',
  'LA places per child needing that type': 'lleoedd yr awdurdod lleol i bob plentyn sydd angen y math hwnnw',
  'shortfall: children without a place': 'diffyg: plant heb le',
  'supplementary placements': 'lleoliadau atodol',
  'of which with for-profit providers in Wales': 'o’r rhain, gyda darparwyr er elw yng Nghymru',
  'of which with private providers outside Wales': 'o’r rhain, gyda darparwyr preifat y tu allan i Gymru',
  'for-profit providers in Wales holding the LA’s children': 'darparwyr er elw yng Nghymru sy’n gofalu am blant yr awdurdod',
  'children with private providers outside Wales': 'plant gyda darparwyr preifat y tu allan i Gymru',
  'places opened under the strategy, at the year’s end': 'lleoedd a agorwyd o dan y strategaeth, ar ddiwedd y flwyddyn',
  'change in LA places in the LA over the year': 'newid yn lleoedd yr awdurdod lleol yn ei ardal dros y flwyddyn',
  // The plan of docs/model.md §2.3's second round (src/cli/plan-figures.ts PLAN_TEXT): drafted by the
  // market-realism work, to be checked by a Welsh speaker against the Welsh Government's terms.
  'of whom placed with for-profit providers (in or outside Wales)': 'o’r rhain, wedi’u lleoli gyda darparwyr er elw (yng Nghymru neu y tu allan iddi)',
  'of whom placed with LA or not-for-profit providers outside the region (outside Wales included)':
    'o’r rhain, wedi’u lleoli gyda darparwyr awdurdod lleol neu nid-er-elw y tu allan i’r rhanbarth (gan gynnwys y tu allan i Gymru)',
  'usable LA places in the LA': 'lleoedd defnyddiadwy’r awdurdod lleol yn ei ardal',
  'registered LA places in the LA': 'lleoedd cofrestredig yr awdurdod lleol yn ei ardal',
  'usable places of (b) per child needing that type': 'lleoedd defnyddiadwy (b) i bob plentyn sydd angen y math hwnnw',
  'usable LA and reserved places of (b) per child needing that type (the LA’s own places only)':
    'lleoedd defnyddiadwy’r awdurdod lleol a’r lleoedd a gedwir yn (b) i bob plentyn sydd angen y math hwnnw (lleoedd yr awdurdod ei hun yn unig)',
  'usable places of every sector located in the LA per child needing that type (the table’s sufficiency)':
    'lleoedd defnyddiadwy pob sector yn yr awdurdod lleol i bob plentyn sydd angen y math hwnnw (digonolrwydd y tabl)',
  'cost of the LA’s market placements in the year, placement fees (£)': 'cost lleoliadau marchnad yr awdurdod lleol yn ystod y flwyddyn, ffioedd lleoliadau (£)',
  'mean distance from home, of children placed (km)': 'pellter cymedrig o’r cartref, o’r plant a leolir (km)',
  'distance from home, 90th percentile, of children placed (km)': 'pellter o’r cartref, 90fed canradd, o’r plant a leolir (km)',
  'shortfall: children needing that type beyond the usable places of (b)': 'diffyg: plant sydd angen y math hwnnw y tu hwnt i leoedd defnyddiadwy (b)',
  'DRAFT: the figures below are the model’s drivers; the LA adds its own reasons and actions':
    'DRAFFT: ffigurau’r model yw’r rhain; mae’r awdurdod lleol yn ychwanegu ei resymau a’i gamau ei hun',
  'children needing a placement beyond the LA’s usable places (c), all types': 'plant sydd angen lleoliad y tu hwnt i leoedd defnyddiadwy’r awdurdod lleol (c), pob math',
  'children who had to move because their provider left the market or cut places': 'plant y bu’n rhaid iddynt symud am fod eu darparwr wedi gadael y farchnad neu dorri lleoedd',
  'children starting a placement in the year (need changes, endings, moves)': 'plant a ddechreuodd leoliad yn ystod y flwyddyn (newid yn yr angen, diwedd lleoliadau, symudiadau)',
  'children for whom no lawful place was found (unplaced)': 'plant na chafwyd lle cyfreithlon iddynt (heb le)',
  'no approval rule is in force this year under the scenario: no applications are needed': 'nid oes rheol gymeradwyo mewn grym eleni o dan y senario: nid oes angen ceisiadau',
  'applications for placements with private providers outside Wales (providers not named in the data)':
    'ceisiadau am leoliadau gyda darparwyr preifat y tu allan i Gymru (nid yw’r data’n enwi’r darparwyr)',
  'children with private providers outside Wales at the year’s end': 'plant gyda darparwyr preifat y tu allan i Gymru ar ddiwedd y flwyddyn',
};

/** Plan items with a figure or a name in them (docs/model.md §2.3's second round), pattern → Welsh. */
const PLAN_PATTERNS_CY: ReadonlyArray<readonly [RegExp, (m: RegExpExecArray, names: PlanNames) => string]> = [
  [/^usable places reserved for (.+) \(regional homes\)$/, (m, n) => `lleoedd defnyddiadwy a gedwir ar gyfer ${n.cy.get(m[1]) ?? m[1]} (cartrefi rhanbarthol)`],
  [/^registered places reserved for (.+) \(regional homes\)$/, (m, n) => `lleoedd cofrestredig a gedwir ar gyfer ${n.cy.get(m[1]) ?? m[1]} (cartrefi rhanbarthol)`],
  [/^rule in force: Ministerial approval .* \(from (\d{4}-\d{2})\)$/, (m) => `rheol mewn grym: cymeradwyaeth Weinidogol ar gyfer lleoliadau gyda darparwyr er elw yng Nghymru a darparwyr nad ydynt yn awdurdodau lleol y tu allan i Gymru (o ${m[1]})`],
  [/^rule in force: no new for-profit placements in Wales beyond exceptions \(from (\d{4}-\d{2})\)$/, (m) => `rheol mewn grym: dim lleoliadau er elw newydd yng Nghymru y tu hwnt i eithriadau (o ${m[1]})`],
  [/^rule in force: for-profit capacity frozen \(from (\d{4}-\d{2})\)$/, (m) => `rheol mewn grym: capasiti er elw wedi’i rewi (o ${m[1]})`],
  [/^likely to be named in applications \((\d+) providers?\): applications with each below$/, (m) => `yn debygol o gael eu henwi mewn ceisiadau (${m[1]} darparwr): ceisiadau gyda phob un isod`],
  [/^still holding the LA’s children at the year’s end \((\d+) providers?\): children with each below$/, (m) => `yn dal i ofalu am blant yr awdurdod ar ddiwedd y flwyddyn (${m[1]} darparwr): plant gyda phob un isod`],
];

const ACTION_CY: Readonly<Record<string, string>> = { open: 'agor', close: 'cau', recruit: 'recriwtio' };
const SECTOR_CY: Readonly<Record<string, string>> = { la: 'awdurdod lleol', nfp: 'nid-er-elw', fp: 'er elw' };

export interface PlanNames {
  /** English name → Welsh name, for the LAs and regions an item may name. */
  cy: ReadonlyMap<string, string>;
}

/**
 * A plan item in the language; null when the Welsh of an English item is not known (the caller
 * keeps the English, and the test of every LA's plan fails).
 */
export function planItemIn(lang: Lang, item: string, section: string, names: PlanNames): string | null {
  if (lang === 'en') return item;
  const fixed = PLAN_ITEMS_CY[item];
  if (fixed !== undefined) return fixed;
  for (const [pattern, welsh] of PLAN_PATTERNS_CY) {
    const m = pattern.exec(item);
    if (m) return welsh(m, names);
  }
  const reserved = /^places reserved for (.+) \(regional homes\)$/.exec(item);
  if (reserved) return `lleoedd a gedwir ar gyfer ${names.cy.get(reserved[1]) ?? reserved[1]} (cartrefi rhanbarthol)`;
  const strategy = /^strategy: (open|close|recruit) (la|nfp|fp) places(?: in (.+?))?(?: \((.*)\))?$/.exec(item);
  if (strategy) {
    const [, action, sector, host, note] = strategy;
    // "in {LA}" would take a mutation in Welsh (yng Nghonwy); the host is named after a colon instead.
    const where = host ? `, awdurdod lletya: ${names.cy.get(host) ?? host}` : '';
    return `strategaeth: ${ACTION_CY[action]} lleoedd ${SECTOR_CY[sector]}${where}${note !== undefined ? ` (${note})` : ''}`;
  }
  // A provider named with its id, "Name (ID)" (sections d(iii), d(iv)): a proper name, the same in both languages.
  // A synthetic provider's mark is the tool's word, not the data's: it is translated.
  if ((section === 'd(iii)' || section === 'd(iv)') && / \([^()]+\)$/.test(item)) return item.replace(/, synthetic\)$/, ', synthetig)');
  return null;
}

/** The diff table (`diff`): title, colour key and Monte Carlo note. */
const DIFF_EN = {
  'diff.title': '{b} minus {a}',
  'diff.key': 'Green: better for children under {b} (fewer unplaced, displaced or outside Wales, nearer home, more places); red: worse{ranges}. · = no change, ~0 = less than the last digit shown.',
  'diff.key.ranges': '; with runs, only where the whole p10–p90 range is on that side of zero',
  'diff.mcNote':
    'The runs are paired (run i of each scenario draws from the same streams): each delta is the mean of the run-by-run differences and, in brackets, their p10 to p90 range (8 runs in 10 fall within it; no brackets where the runs agree). The summary compares means. CSV and JSON give the means of A, B and B − A, and the p10 and p90 of B − A.',
} as const;

const DIFF_CY: Record<keyof typeof DIFF_EN, string> = {
  'diff.title': '{b} llai {a}',
  'diff.key': 'Gwyrdd: gwell i blant o dan {b} (llai heb le, wedi symud neu y tu allan i Gymru, yn nes at adref, mwy o leoedd); coch: gwaeth{ranges}. · = dim newid, ~0 = llai na’r digid olaf a ddangosir.',
  'diff.key.ranges': '; gyda rhediadau, dim ond lle mae’r amrediad p10–p90 cyfan ar yr ochr honno i sero',
  'diff.mcNote':
    'Mae’r rhediadau’n bâr (mae rhediad i pob senario yn tynnu o’r un ffrydiau): pob gwahaniaeth yw cymedr y gwahaniaethau rhwng rhediadau pâr ac, mewn cromfachau, eu hamrediad p10 i p90 (mae 8 rhediad o bob 10 o fewn iddo; dim cromfachau lle mae’r rhediadau’n cytuno). Mae’r crynodeb yn cymharu cymedrau. Mae CSV a JSON yn rhoi cymedrau A, B a B − A, a p10 a p90 B − A.',
};

/** Money: the budget table's headers (`--years-as-columns`) and the table of weekly prices used. */
const MONEY_EN = {
  'budget.scenario': 'Scenario',
  'budget.level': 'Level',
  'budget.areaCode': 'Area code',
  'budget.areaName': 'Area',
  'budget.metric': 'Metric',
  'budget.metricLabel': 'What it is',
  'budget.prices': 'Prices',
  'prices.title': 'Weekly prices used (placement fees)',
  'prices.type': 'Placement type',
  'prices.sector': 'Sector',
  'prices.location': 'Location',
  'prices.la': 'Placing LA',
  'prices.weekly': '£ a week',
  'prices.priceYear': 'Prices of',
  'prices.source': 'Source',
  'prices.estimated': 'Estimated',
  'prices.allWales': 'all of Wales',
  'prices.yes': 'yes',
  'prices.no': 'no',
  'prices.in_wales': 'in Wales',
  'prices.outside_wales': 'outside Wales',
  'prices.sector.la': 'local authority',
  'prices.sector.nfp': 'not-for-profit',
  'prices.sector.fp': 'for-profit',
  'prices.note': 'cost_gbp (placement fees) is children in placements at the year end × these weekly prices × 52, indexed by the scenario’s inflation from each price year; the one-off costs of the transition (new places, recruiting carers, conversions, transfers) are apart, in cost_one_off_gbp, never in the fees.',
  'prices.none': 'The data has no costs: placement fees are not estimated.',
} as const;

const MONEY_CY: Record<keyof typeof MONEY_EN, string> = {
  'budget.scenario': 'Senario',
  'budget.level': 'Lefel',
  'budget.areaCode': 'Cod yr ardal',
  'budget.areaName': 'Ardal',
  'budget.metric': 'Mesur',
  'budget.metricLabel': 'Beth ydyw',
  'budget.prices': 'Prisiau',
  'prices.title': 'Prisiau wythnosol a ddefnyddiwyd (ffioedd lleoli)',
  'prices.type': 'Math o leoliad',
  'prices.sector': 'Sector y darparwr',
  'prices.location': 'Lleoliad',
  'prices.la': 'Awdurdod lleoli',
  'prices.weekly': '£ yr wythnos',
  'prices.priceYear': 'Prisiau',
  'prices.source': 'Ffynhonnell',
  'prices.estimated': 'Amcangyfrif',
  'prices.allWales': 'Cymru gyfan',
  'prices.yes': 'ie',
  'prices.no': 'na',
  'prices.in_wales': 'yng Nghymru',
  'prices.outside_wales': 'y tu allan i Gymru',
  'prices.sector.la': 'awdurdod lleol',
  'prices.sector.nfp': 'nid-er-elw',
  'prices.sector.fp': 'er elw',
  'prices.note': 'cost_gbp (ffioedd lleoli) yw’r plant mewn lleoliadau ar ddiwedd y flwyddyn × y prisiau wythnosol hyn × 52, wedi’u mynegeio gan chwyddiant y senario o flwyddyn pob pris; mae costau untro’r newid (lleoedd newydd, recriwtio gofalwyr, trosi, trosglwyddo) ar wahân, yn cost_one_off_gbp, byth yn y ffioedd.',
  'prices.none': 'Nid oes costau yn y data: nid amcangyfrifir ffioedd lleoli.',
};

export const EN = { ...METRIC_EN, ...UNIT_EN, ...AREA_EN, ...REPORT_EN, ...METHOD_EN, ...TABLE_EN, ...PLAN_EN, ...DIFF_EN, ...SENSITIVITY_EN, ...BACKTEST_EN, ...DIFFER_EN, ...MONEY_EN } as const;
export type LabelKey = keyof typeof EN;
export const CY: Record<LabelKey, string> = { ...METRIC_CY, ...UNIT_CY, ...AREA_CY, ...REPORT_CY, ...METHOD_CY, ...TABLE_CY, ...PLAN_CY, ...DIFF_CY, ...SENSITIVITY_CY, ...BACKTEST_CY, ...DIFFER_CY, ...MONEY_CY };

const TABLES: Record<Lang, Record<LabelKey, string>> = { en: EN, cy: CY };

/** A label in the language, its {placeholders} filled; a placeholder with no value is left as written. */
export function label(lang: Lang, key: LabelKey, vars: Record<string, string | number> = {}): string {
  return TABLES[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export const metricLabel = (lang: Lang, m: MetricName): string => label(lang, `metric.${m}`);

/**
 * A region's name in the language: the Welsh regional partnership boards by slug; any other region
 * (geography comes from the data) by the name its dataset gives it, which has no Welsh form here.
 */
export function regionNameIn(lang: Lang, slug: string, datasetName: string = slug): string {
  const key = `region.${slug}`;
  return key in EN ? label(lang, key as LabelKey) : datasetName;
}

export function nationNameIn(lang: Lang, nation: { code: string; name: string }): string {
  return nation.code === WALES.code ? label(lang, 'area.wales') : nation.name;
}

/**
 * The tool's wording as a person reads it on the dataset's nation (docs/model.md §3.1): the labels name Wales,
 * and on another nation's data each mention reads that nation's name ("outside England", "Foster
 * England"). CSV and JSON names and codes (`placed_outside_wales`, `--by wales`) never change: this is
 * applied to what a person reads (tables, plans, reports), not to files' columns.
 */
export function inNation(text: string, lang: Lang, nation: { code: string; name: string }): string {
  if (nation.code === WALES.code) return text;
  const name = nation.name;
  // A table's column is padded with spaces: a longer name takes them (keeping one), so columns stay aligned.
  const named = (word: RegExp) => (t: string): string =>
    t.replace(new RegExp(`( *)${word.source}`, 'g'), (whole: string, pad: string) => {
      const wider = name.length - (whole.length - pad.length);
      return pad.length > 1 ? ' '.repeat(Math.max(1, pad.length - Math.max(0, wider))) + name : pad + name;
    });
  // A statute's title keeps its name: the Social Services and Well-being (Wales) Act 2014.
  if (lang === 'cy') {
    // Welsh mutates the name after "yng" and "i"; another nation's name is given as the data spells it.
    return named(/(?<!\()\bWales\b/)(named(/(?<!\()\b[GC]ymru\b/)(text.replace(/yng Nghymru/g, `yn ${name}`)));
  }
  return named(/(?<!\()\bWales\b/)(text);
}

/** `--lang`: en or cy. */
export function isLang(s: string): s is Lang {
  return (LANGS as readonly string[]).includes(s);
}

/** A metric's two-line column header in the language. */
export const headerIn = (lang: Lang, m: MetricName): [string, string] => {
  const [a, b] = label(lang, `th.${m}`).split('|');
  return [a, b ?? ''];
};

/** A metric's short label (sparklines, lists of hidden columns) in the language. */
export const sparkLabelIn = (lang: Lang, m: MetricName): string => label(lang, `spark.${m}`);

/**
 * An area's name in the language: the nation and the Welsh regions by their Welsh names, an LA by its
 * name_cy; in English the name the rows already carry.
 */
export function areaNameIn(
  lang: Lang,
  area: { level: 'wales' | 'region' | 'la'; areaCode: string; areaName: string },
  names: { nation: { code: string; name: string }; laNamesCy: ReadonlyMap<string, string> },
): string {
  if (lang === 'en') return area.areaName;
  if (area.level === 'wales') return nationNameIn(lang, { code: area.areaCode, name: area.areaName });
  if (area.level === 'region') return regionNameIn(lang, area.areaCode, area.areaName);
  return names.laNamesCy.get(area.areaCode) ?? area.areaName;
}
