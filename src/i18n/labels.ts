// Every label a person reads in the table, the plan and the report, in English and in Welsh, keyed
// the same: one table per area (cli-labels.ts, report-labels.ts, plan-labels.ts, money-labels.ts and
// the commands' own), joined here; a metric's words are the metric catalogue's
// (src/model/metrics/catalogue.ts). Each Welsh table is typed against its English one, so
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
import { metricEntry, type MetricName } from '../model/metrics/catalogue.js';
import { WALES } from '../common/wales-las.js';
import { BACKTEST_CY, BACKTEST_EN } from './backtest-labels.js';
import { DIFFER_CY, DIFFER_EN } from './differ-labels.js';
import { METHOD_CY, METHOD_EN, REPORT_CY, REPORT_EN, UNIT_CY, UNIT_EN } from './report-labels.js';
import { DIFF_CY, DIFF_EN, TABLE_CY, TABLE_EN } from './cli-labels.js';
import { PLAN_CY, PLAN_EN } from './plan-labels.js';
import { MONEY_CY, MONEY_EN } from './money-labels.js';

export { planTextIn, type PlanNames } from './plan-labels.js';

export const LANGS = ['en', 'cy'] as const;
export type Lang = (typeof LANGS)[number];

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

export const EN = { ...UNIT_EN, ...AREA_EN, ...REPORT_EN, ...METHOD_EN, ...TABLE_EN, ...PLAN_EN, ...DIFF_EN, ...SENSITIVITY_EN, ...BACKTEST_EN, ...DIFFER_EN, ...MONEY_EN } as const;
export type LabelKey = keyof typeof EN;
export const CY: Record<LabelKey, string> = { ...UNIT_CY, ...AREA_CY, ...REPORT_CY, ...METHOD_CY, ...TABLE_CY, ...PLAN_CY, ...DIFF_CY, ...SENSITIVITY_CY, ...BACKTEST_CY, ...DIFFER_CY, ...MONEY_CY };

const TABLES: Record<Lang, Record<LabelKey, string>> = { en: EN, cy: CY };

/** A label in the language, its {placeholders} filled; a placeholder with no value is left as written. */
export function label(lang: Lang, key: LabelKey, vars: Record<string, string | number> = {}): string {
  return TABLES[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** A metric's long label in the language (the metric catalogue's, src/model/metrics/catalogue.ts). */
export const metricLabel = (lang: Lang, m: MetricName): string => metricEntry(m)[lang].label;

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
  const [a, b] = metricEntry(m)[lang].head.split('|');
  return [a, b ?? ''];
};

/** A metric's short label (sparklines, lists of hidden columns) in the language. */
export const sparkLabelIn = (lang: Lang, m: MetricName): string => metricEntry(m)[lang].spark;

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
