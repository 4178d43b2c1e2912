// The plan's labels (`sufficiency plan`, docs/model.md §2.3), in English and Welsh: headings and
// s.75A(3) sections, keyed like every label (src/i18n/labels.ts), and the Welsh of the plan's items.
import type { Lang } from './labels.js';

/** The annual sufficiency plan (`plan`): headings, its s.75A(3) sections and placement types. */
export const PLAN_EN = {
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

export const PLAN_CY: Record<keyof typeof PLAN_EN, string> = {
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
 * Every text of a plan's figures (docs/model.md §2.3), by key: its items, with {placeholders}, and its
 * closing notes. src/cli/plan-figures.ts gives each row its item's key and placeholders, and a
 * language renders the row by that key (planTextIn), never by matching the English.
 */
export const PLAN_TEXT = {
  'a(i).children': 'children looked after',
  'a(i).cost': 'cost of the LA’s market placements in the year, placement fees (£)',
  'a(ii).meanDistance': 'mean distance from home, of children placed (km)',
  'a(ii).p90Distance': 'distance from home, 90th percentile, of children placed (km)',
  'a(ii).total': 'unlikely to be placed with LA or not-for-profit within or near the area',
  'a(ii).unplaced': 'of whom without a place (unplaced)',
  'a(ii).forProfit': 'of whom placed with for-profit providers (in or outside Wales)',
  'a(ii).awayNonprofit': 'of whom placed with LA or not-for-profit providers outside the region (outside Wales included)',
  'b.ownUsable': 'usable LA places in the LA',
  'b.ownRegistered': 'registered LA places in the LA',
  'b.reservedUsable': 'usable places reserved for {region} (regional homes)',
  'b.reservedRegistered': 'registered places reserved for {region} (regional homes)',
  'c.ratio': 'usable LA and reserved places of (b) per child needing that type (the LA’s own places only)',
  'c.sufficiency': 'usable places of every sector located in the LA per child needing that type (the table’s sufficiency)',
  'c.shortfall': 'shortfall: children needing that type beyond the usable places of (b)',
  'd(i).total': 'supplementary placements',
  'd(i).inWalesFp': 'of which with for-profit providers in Wales',
  'd(i).outsideWales': 'of which with private providers outside Wales',
  'd(ii).draft': 'DRAFT: the figures below are the model’s drivers; the LA adds its own reasons and actions',
  'd(ii).shortfall': 'children needing a placement beyond the LA’s usable places (c), all types',
  'd(ii).displaced': 'children who had to move because their provider left the market or cut places',
  'd(ii).newPlacements': 'children starting a placement in the year (need changes, endings, moves)',
  'd(ii).unplaced': 'children for whom no lawful place was found (unplaced)',
  'd(ii).approval': 'rule in force: Ministerial approval for placements with for-profit providers in Wales and non-LA providers outside Wales (from {year})',
  'd(ii).fpEnded': 'rule in force: no new for-profit placements in Wales beyond exceptions (from {year})',
  'd(ii).frozen': 'rule in force: for-profit capacity frozen (from {year})',
  'd(ii).noRules': 'no approval rule is in force this year under the scenario: no applications are needed',
  'd(iii).applications': 'likely to be named in applications ({providers}): applications with each below',
  'd(iii).holding': 'still holding the LA’s children at the year’s end ({providers}): children with each below',
  'd(iii).provider': '{name} ({id})',
  'd(iii).providerSynthetic': '{name} ({id}, synthetic)',
  'd(iv).applications': 'applications for placements with private providers outside Wales (providers not named in the data)',
  'd(iv).holding': 'children with private providers outside Wales at the year’s end',
  'e.opened': 'places opened under the strategy, at the year’s end',
  'e.change': 'change in LA places in the LA over the year',
  'e.strategy': 'strategy: {action} {sector} places{where}{note}',
  'providers.one': '1 provider',
  'providers.many': '{n} providers',
  'note.definitions': 'Definitions',
  'note.assumptions': 'Assumptions in force (scenario {scenario})',
  'note.estimated': 'Base figures for the LA that the data marks as estimated rather than published',
  'note.noEstimated': 'none: the data marks no base figure for the LA as estimated (or has no status column)',
  'def.usable':
    'Usable places: the places a provider can actually fill for the dataset’s LAs: under the scenario’s rule (occupancy of registered places, or the places it held at the base date), less the children of other authorities (English councils) it holds.',
  'def.a(ii)':
    '(a)(ii) counts each child once: unplaced; else with a for-profit provider anywhere; else with an LA or not-for-profit provider outside the LA’s region (outside Wales counts as outside).',
  'def.c.two':
    '(c) Two ratios of usable places to the children needing a type: the first counts only the LA’s own and reserved places of (b); the second counts every sector’s usable places located in the LA (for-profit and not-for-profit included, whoever fills them), as the `project` table’s sufficiency_foster and sufficiency_residential do. They differ by the other sectors’ places in the LA.',
  'def.b': '(b) LA places are the LA’s own foster carers and children’s homes in its area; places reserved for the region serve every LA of the region, so (c) counts them in full for each.',
  'def.c':
    '(c) The shortfall is the children needing that type less the usable places of (b), never below 0: children the LA must place with other providers (not-for-profit, for-profit or outside Wales).',
  'def.d':
    '(d) Applications are the year’s new placements that need Ministerial approval under the scenario; (d)(iii) and (d)(iv) name the providers the model places with, then those still holding the LA’s children. Counts of providers are in the item text; the value column always counts children. A provider marked synthetic is a row the data marks as estimated, built to reproduce published totals: not a real provider.',
} as const;
export type PlanTextKey = keyof typeof PLAN_TEXT;

/**
 * The Welsh of every plan text, keyed the same (a key without its Welsh fails the type check). The
 * texts of docs/model.md §2.3's second round are drafts, to be checked by a Welsh speaker against the
 * Welsh Government's terms.
 */
const PLAN_TEXT_CY: Record<PlanTextKey, string> = {
  'a(i).children': 'plant sy’n derbyn gofal',
  'a(i).cost': 'cost lleoliadau marchnad yr awdurdod lleol yn ystod y flwyddyn, ffioedd lleoliadau (£)',
  'a(ii).meanDistance': 'pellter cymedrig o’r cartref, o’r plant a leolir (km)',
  'a(ii).p90Distance': 'pellter o’r cartref, 90fed canradd, o’r plant a leolir (km)',
  'a(ii).total': 'annhebygol o gael eu lleoli gydag awdurdod lleol neu ddarparwr nid-er-elw o fewn yr ardal neu’n agos ati',
  'a(ii).unplaced': 'o’r rhain, heb le',
  'a(ii).forProfit': 'o’r rhain, wedi’u lleoli gyda darparwyr er elw (yng Nghymru neu y tu allan iddi)',
  'a(ii).awayNonprofit': 'o’r rhain, wedi’u lleoli gyda darparwyr awdurdod lleol neu nid-er-elw y tu allan i’r rhanbarth (gan gynnwys y tu allan i Gymru)',
  'b.ownUsable': 'lleoedd defnyddiadwy’r awdurdod lleol yn ei ardal',
  'b.ownRegistered': 'lleoedd cofrestredig yr awdurdod lleol yn ei ardal',
  'b.reservedUsable': 'lleoedd defnyddiadwy a gedwir ar gyfer {region} (cartrefi rhanbarthol)',
  'b.reservedRegistered': 'lleoedd cofrestredig a gedwir ar gyfer {region} (cartrefi rhanbarthol)',
  'c.ratio': 'lleoedd defnyddiadwy’r awdurdod lleol a’r lleoedd a gedwir yn (b) i bob plentyn sydd angen y math hwnnw (lleoedd yr awdurdod ei hun yn unig)',
  'c.sufficiency': 'lleoedd defnyddiadwy pob sector yn yr awdurdod lleol i bob plentyn sydd angen y math hwnnw (digonolrwydd y tabl)',
  'c.shortfall': 'diffyg: plant sydd angen y math hwnnw y tu hwnt i leoedd defnyddiadwy (b)',
  'd(i).total': 'lleoliadau atodol',
  'd(i).inWalesFp': 'o’r rhain, gyda darparwyr er elw yng Nghymru',
  'd(i).outsideWales': 'o’r rhain, gyda darparwyr preifat y tu allan i Gymru',
  'd(ii).draft': 'DRAFFT: ffigurau’r model yw’r rhain; mae’r awdurdod lleol yn ychwanegu ei resymau a’i gamau ei hun',
  'd(ii).shortfall': 'plant sydd angen lleoliad y tu hwnt i leoedd defnyddiadwy’r awdurdod lleol (c), pob math',
  'd(ii).displaced': 'plant y bu’n rhaid iddynt symud am fod eu darparwr wedi gadael y farchnad neu dorri lleoedd',
  'd(ii).newPlacements': 'plant a ddechreuodd leoliad yn ystod y flwyddyn (newid yn yr angen, diwedd lleoliadau, symudiadau)',
  'd(ii).unplaced': 'plant na chafwyd lle cyfreithlon iddynt (heb le)',
  'd(ii).approval': 'rheol mewn grym: cymeradwyaeth Weinidogol ar gyfer lleoliadau gyda darparwyr er elw yng Nghymru a darparwyr nad ydynt yn awdurdodau lleol y tu allan i Gymru (o {year})',
  'd(ii).fpEnded': 'rheol mewn grym: dim lleoliadau er elw newydd yng Nghymru y tu hwnt i eithriadau (o {year})',
  'd(ii).frozen': 'rheol mewn grym: capasiti er elw wedi’i rewi (o {year})',
  'd(ii).noRules': 'nid oes rheol gymeradwyo mewn grym eleni o dan y senario: nid oes angen ceisiadau',
  'd(iii).applications': 'yn debygol o gael eu henwi mewn ceisiadau ({providers}): ceisiadau gyda phob un isod',
  'd(iii).holding': 'yn dal i ofalu am blant yr awdurdod ar ddiwedd y flwyddyn ({providers}): plant gyda phob un isod',
  'd(iii).provider': '{name} ({id})',
  'd(iii).providerSynthetic': '{name} ({id}, synthetig)',
  'd(iv).applications': 'ceisiadau am leoliadau gyda darparwyr preifat y tu allan i Gymru (nid yw’r data’n enwi’r darparwyr)',
  'd(iv).holding': 'plant gyda darparwyr preifat y tu allan i Gymru ar ddiwedd y flwyddyn',
  'e.opened': 'lleoedd a agorwyd o dan y strategaeth, ar ddiwedd y flwyddyn',
  'e.change': 'newid yn lleoedd yr awdurdod lleol yn ei ardal dros y flwyddyn',
  'e.strategy': 'strategaeth: {action} lleoedd {sector}{where}{note}',
  'providers.one': '1 darparwr',
  'providers.many': '{n} darparwr',
  'note.definitions': 'Diffiniadau',
  'note.assumptions': 'Rhagdybiaethau sydd mewn grym (senario {scenario})',
  'note.estimated': 'Ffigurau sylfaen yr awdurdod lleol y mae’r data’n eu nodi fel amcangyfrifon yn hytrach na ffigurau cyhoeddedig',
  'note.noEstimated': 'dim: nid yw’r data’n nodi unrhyw ffigur sylfaen ar gyfer yr awdurdod lleol fel amcangyfrif (neu nid oes ganddo golofn statws)',
  'def.usable':
    'Lleoedd y gellir eu defnyddio: y lleoedd y gall darparwr eu llenwi mewn gwirionedd ar gyfer awdurdodau lleol y set ddata, yn ôl rheol y senario (cyfran y lleoedd cofrestredig sy’n cael eu defnyddio, neu’r lleoedd a oedd ganddo ar y dyddiad sylfaen), llai plant awdurdodau eraill (cynghorau yn Lloegr) sydd ganddo.',
  'def.a(ii)':
    'Mae (a)(ii) yn cyfrif pob plentyn unwaith: heb le; fel arall, gyda darparwr er elw yn unrhyw le; fel arall, gyda darparwr awdurdod lleol neu nid-er-elw y tu allan i ranbarth yr awdurdod lleol (mae’r tu allan i Gymru yn cyfrif fel y tu allan).',
  'def.c.two':
    '(c) Dwy gymhareb o leoedd y gellir eu defnyddio i’r plant sydd angen math o leoliad: mae’r gyntaf yn cyfrif lleoedd yr awdurdod lleol ei hun a’r lleoedd a gedwir yn (b) yn unig; mae’r ail yn cyfrif lleoedd pob sector y gellir eu defnyddio sydd wedi’u lleoli yn yr awdurdod lleol (er elw a nid-er-elw hefyd, pwy bynnag sy’n eu llenwi), fel y mae sufficiency_foster a sufficiency_residential yn nhabl `project`. Lleoedd y sectorau eraill yn yr awdurdod lleol yw’r gwahaniaeth.',
  'def.b':
    '(b) Lleoedd yr awdurdod lleol yw gofalwyr maeth a chartrefi plant yr awdurdod lleol ei hun yn ei ardal; mae lleoedd a gedwir ar gyfer y rhanbarth yn gwasanaethu pob awdurdod lleol yn y rhanbarth, felly mae (c) yn eu cyfrif yn llawn ar gyfer pob un.',
  'def.c':
    '(c) Y diffyg yw’r plant sydd angen y math hwnnw o leoliad llai lleoedd (b) y gellir eu defnyddio, byth yn is na 0: plant y mae’n rhaid i’r awdurdod lleol eu lleoli gyda darparwyr eraill (nid-er-elw, er elw neu y tu allan i Gymru).',
  'def.d':
    '(d) Ceisiadau yw lleoliadau newydd y flwyddyn sydd angen cymeradwyaeth Gweinidogion o dan y senario; mae (d)(iii) a (d)(iv) yn enwi’r darparwyr y mae’r model yn lleoli gyda nhw, yna’r rhai sy’n dal i ofalu am blant yr awdurdod lleol. Mae nifer y darparwyr yn nhestun yr eitem; mae’r golofn werth bob amser yn cyfrif plant. Mae darparwr a nodir yn synthetig yn rhes y mae’r data’n ei nodi fel amcangyfrif, wedi’i llunio i atgynhyrchu cyfansymiau cyhoeddedig: nid darparwr go iawn.',
};

/** A plan text: its key and placeholders, and its English (the CSV's `item`, and the key runs are joined on). */
export interface PlanText {
  key: PlanTextKey;
  vars: Readonly<Record<string, string | number>>;
  en: string;
}

const fill = (template: string, vars: Readonly<Record<string, string | number>>): string =>
  template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));

/** A plan text with its {placeholders} filled, in English. */
export function planText(key: PlanTextKey, vars: Readonly<Record<string, string | number>> = {}): PlanText {
  return { key, vars, en: fill(PLAN_TEXT[key], vars) };
}

const ACTION_CY: Readonly<Record<string, string>> = { open: 'agor', close: 'cau', recruit: 'recriwtio' };
const SECTOR_CY: Readonly<Record<string, string>> = { la: 'awdurdod lleol', nfp: 'nid-er-elw', fp: 'er elw' };

export interface PlanNames {
  /** English name → Welsh name, for the LAs and regions an item may name. */
  cy: ReadonlyMap<string, string>;
}

/**
 * A text's placeholders in Welsh: an LA's or region's Welsh name, the strategy's action and sector,
 * the count of providers. "in {LA}" would take a mutation in Welsh (yng Nghonwy), so a strategy's
 * host LA is named after a colon instead.
 */
function varsCy(vars: Readonly<Record<string, string | number>>, names: PlanNames): Record<string, string | number> {
  const cy = (name: string | number): string => names.cy.get(String(name)) ?? String(name);
  const out: Record<string, string | number> = { ...vars };
  if (vars.region !== undefined) out.region = cy(vars.region);
  if (vars.action !== undefined) out.action = ACTION_CY[vars.action];
  if (vars.sector !== undefined) out.sector = SECTOR_CY[vars.sector];
  if (vars.host !== undefined) out.where = vars.host === '' ? '' : `, awdurdod lletya: ${cy(vars.host)}`;
  if (vars.n !== undefined) out.providers = fill(PLAN_TEXT_CY[vars.n === 1 ? 'providers.one' : 'providers.many'], { n: vars.n });
  return out;
}

/** A plan text in the language. */
export function planTextIn(lang: Lang, text: Pick<PlanText, 'key' | 'vars'>, names: PlanNames): string {
  return lang === 'en' ? fill(PLAN_TEXT[text.key], text.vars) : fill(PLAN_TEXT_CY[text.key], varsCy(text.vars, names));
}
