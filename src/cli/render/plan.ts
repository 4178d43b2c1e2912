// The plan's figures as a terminal table, as CSV (docs/model.md §2.1: la_code,la_name,financial_year,
// section,item,placement_type,value) and as Markdown an LA officer can paste into the plan's draft.
import type { ChalkInstance } from 'chalk';
import { formatNumber, toCsv } from '../../io/output.js';
import { label, planTextIn, type Lang, type PlanNames } from '../../i18n/labels.js';
import { planText, type PlanFigures, type PlanRow, type PlanText } from '../plan-figures.js';
import { financialYear, padLeft, padRight } from './table.js';
import { hangingWrap, wrap } from './wrap.js';
import { longDate } from '../../i18n/dates.js';

export interface PlanContext {
  scenario: string;
  title: string;
  version: string;
  /** Language of the labels and item texts (codes never change); English by default. */
  lang?: Lang;
  /** English → Welsh names of the LAs and regions items may name (for --lang cy). */
  names?: PlanNames;
  /** Runs the figures are the mean of, their seed, and what is random in the scenario (nothing: one run). */
  runs?: number;
  seed?: number;
  random?: ReadonlyArray<'services' | 'choice' | 'draws'>;
}

const NO_NAMES: PlanNames = { cy: new Map() };

/** An item's text in the language, by its key (a row without one, a provider named in the data, as written). */
const itemText = (r: PlanRow, lang: Lang, names: PlanNames): string => (r.text === undefined ? r.item : planTextIn(lang, r.text, names));

/** A placement type as a reader sees it (the CSV keeps the code). */
const typeText = (t: PlanRow['placementType'], lang: Lang): string => (t === '' ? '' : label(lang, `type.${t}`));

const sectionTitle = (section: PlanRow['section'], lang: Lang): string => label(lang, `plan.section.${section}`);

/**
 * The plan as CSV: one row per item of the year asked for; with runs, the item's p10 and p90 after
 * its mean; last, the same item's figure in the previous financial year (empty where there is none).
 */
export function planCsv(f: PlanFigures, opts: { excel?: boolean; lang?: Lang; names?: PlanNames; runs?: number } = {}): string {
  const lang = opts.lang ?? 'en';
  const ranges = (opts.runs ?? 1) > 1;
  const records: string[][] = [['la_code', 'la_name', 'financial_year', 'section', 'item', 'placement_type', 'value', ...(ranges ? ['value_p10', 'value_p90'] : []), 'previous_value']];
  const fy = financialYear(f.year);
  const name = lang === 'cy' ? f.la.nameCy : f.la.nameEn;
  for (const r of f.rows) {
    const range = ranges ? [formatNumber(r.lo ?? null), formatNumber(r.hi ?? null)] : [];
    records.push([f.la.code, name, fy, r.section, itemText(r, lang, opts.names ?? NO_NAMES), r.placementType, formatNumber(r.value), ...range, formatNumber(r.previous ?? null)]);
  }
  return toCsv(records, opts);
}

/** A number as a person reads it: counts and pounds with thousands separators, other measures to two decimals. */
function fmt(v: number | null | undefined): string {
  if (v === null || v === undefined) return '–';
  if (Number.isInteger(v)) return v.toLocaleString('en-GB');
  return v.toFixed(2);
}

/** A row's figure as a person reads it, with its p10–p90 range in brackets when the runs differ. */
function shown(r: PlanRow): string {
  const range = rangeShown(r);
  return range === '' ? fmt(r.value) : `${fmt(r.value)} ${range}`;
}

/** A row's p10–p90 in brackets, or '' when it has none or the runs agree. */
function rangeShown(r: PlanRow): string {
  if (r.value === null || r.lo === undefined || r.hi === undefined || r.lo === null || r.hi === null) return '';
  const [v, lo, hi] = [fmt(r.value), fmt(r.lo), fmt(r.hi)];
  return lo === hi && lo === v ? '' : `(${lo}–${hi})`;
}

const previousShown = (r: PlanRow): string => (r.value === null ? '' : fmt(r.previous));

/** A closing note's line in the language: the plan's own texts by key; the scenario's and the data's words as written. */
const lineIn = (lang: Lang, line: string | PlanText): string => (typeof line === 'string' ? line : planTextIn(lang, line, NO_NAMES));

/** The closing notes (docs/model.md §2.3): titled lists, in order. */
function closingNotes(f: PlanFigures, ctx: PlanContext): Array<{ title: string; lines: string[] }> {
  const lang = ctx.lang ?? 'en';
  return [
    { title: lineIn(lang, planText('note.definitions')), lines: f.notes.definitions.map((l) => lineIn(lang, l)) },
    { title: lineIn(lang, planText('note.assumptions', { scenario: ctx.scenario })), lines: f.notes.assumptions },
    { title: lineIn(lang, planText('note.estimated')), lines: f.notes.estimated.map((l) => lineIn(lang, l)) },
  ];
}

function heading(f: PlanFigures, lang: Lang): string {
  return label(lang, 'plan.heading', { la: lang === 'cy' ? f.la.nameCy : f.la.nameEn, code: f.la.code, year: financialYear(f.year) });
}

function sourceLine(f: PlanFigures, ctx: PlanContext): string {
  const lang = ctx.lang ?? 'en';
  const runs = ctx.runs ?? 1;
  const random = ctx.random ?? [];
  // "which services leave, which child takes which place and the parameters drawn from distributions"
  const listed = (ps: readonly string[]): string => {
    const parts = ps.map((p) => label(lang, `plan.random.${p as 'services' | 'choice' | 'draws'}`));
    return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} ${label(lang, 'plan.random.and')} ${parts[parts.length - 1]}`;
  };
  // One run of a random scenario takes every distribution at its central value: only the services and the choice are a draw.
  const drawn = random.filter((p) => p !== 'draws');
  const seed = ctx.seed ?? 1;
  const runsText =
    runs > 1
      ? label(lang, 'plan.runs.mc', { runs, seed, random: listed(random) })
      : drawn.length > 0
        ? label(lang, 'plan.runs.oneOfMany', { seed, random: listed(drawn) })
        : random.length > 0
          ? label(lang, 'plan.runs.central')
          : label(lang, 'plan.runs.one');
  return label(lang, 'plan.source', {
    scenario: ctx.scenario,
    title: ctx.title ? ` (${ctx.title})` : '',
    version: ctx.version,
    asAt: longDate(f.asAt, lang),
    start: longDate(`${f.year}-04-01`, lang),
    previous: financialYear(f.year - 1),
    runs: runsText,
  });
}

export function planTable(f: PlanFigures, ctx: PlanContext, chalk: ChalkInstance, width: number): string {
  const lang = ctx.lang ?? 'en';
  const names = ctx.names ?? NO_NAMES;
  const prose = Math.min(width, 100);
  const out: string[] = [...wrap(heading(f, lang), prose).split('\n').map((l) => chalk.bold(l)), chalk.dim(wrap(sourceLine(f, ctx), prose))];
  const typeW = Math.max(4, ...f.rows.map((r) => [...typeText(r.placementType, lang)].length));
  const prevHead = financialYear(f.year - 1);
  const curHead = financialYear(f.year);
  const prevW = Math.max(prevHead.length, ...f.rows.map((r) => previousShown(r).length));
  // A range stands beside its mean when the width allows an item column of 20; else on a line of its own under it.
  const inline = Math.max(curHead.length, ...f.rows.map((r) => shown(r).length));
  const bare = Math.max(curHead.length, ...f.rows.map((r) => fmt(r.value).length));
  const rangesBeside = 2 + 20 + 2 + typeW + 2 + prevW + 2 + inline <= width;
  const valueW = rangesBeside ? inline : bare;
  const itemW = Math.max(20, Math.min(width - 2 - typeW - 2 - prevW - 2 - valueW - 2, Math.max(...f.rows.map((r) => [...itemText(r, lang, names)].length))));
  const rowW = 2 + itemW + 2 + typeW + 2 + prevW + 2 + valueW;
  // The two years' heads over their columns: the previous year beside the year asked for.
  out.push('', chalk.bold(`  ${padRight('', itemW)}  ${padRight('', typeW)}  ${padLeft(prevHead, prevW)}  ${padLeft(curHead, valueW)}`));
  let section = '';
  let lastItem = '';
  for (const r of f.rows) {
    if (r.section !== section) {
      section = r.section;
      lastItem = '';
      out.push('');
      // The s.75A(3) paragraph, then its title, wrapped under itself.
      const indent = ' '.repeat(r.section.length + 1);
      const title = wrap(sectionTitle(r.section, lang), Math.max(20, width - indent.length)).split('\n');
      out.push(chalk.bold(`${r.section} `) + title[0], ...title.slice(1).map((l) => indent + l));
    }
    // An item's rows by type follow its all-types row: the item is written once. A long item (a
    // provider's name and id) wraps rather than being cut, so that two providers are never shown
    // alike; its figures go on its last line, indented lines before it.
    const lines = r.item === lastItem ? [''] : wrapItem(itemText(r, lang, names), itemW);
    lastItem = r.item;
    const value = padLeft(rangesBeside ? shown(r) : fmt(r.value), valueW);
    const styled = r.text?.key === 'c.shortfall' && (r.value ?? 0) > 0 ? chalk.red.bold(value) : value;
    for (const l of lines.slice(0, -1)) out.push(`  ${l}`);
    out.push(`  ${padRight(lines[lines.length - 1], itemW)}  ${padRight(typeText(r.placementType, lang), typeW)}  ${chalk.dim(padLeft(previousShown(r), prevW))}  ${styled}`);
    if (!rangesBeside && rangeShown(r) !== '') out.push(chalk.dim(padLeft(rangeShown(r), rowW)));
  }
  for (const note of closingNotes(f, ctx)) {
    out.push('', ...wrap(note.title, prose).split('\n').map((l) => chalk.bold(l)));
    for (const l of note.lines) out.push(...hangingWrap(l, prose, '- '));
  }
  return out.join('\n') + '\n';
}

/** An item's text in lines of at most `width`, lines after the first indented by two spaces. */
function wrapItem(item: string, width: number): string[] {
  if ([...item].length <= width) return [item];
  const first = wrap(item, width).split('\n')[0];
  const rest = item.slice(first.length).trim();
  return [first, ...wrap(rest, width - 2).split('\n').map((l) => `  ${l}`)];
}

const mdCell = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|');

export function planMarkdown(f: PlanFigures, ctx: PlanContext): string {
  const lang = ctx.lang ?? 'en';
  const names = ctx.names ?? NO_NAMES;
  const head = [...(['plan.md.section', 'plan.md.item', 'plan.md.type'] as const).map((k) => label(lang, k)), financialYear(f.year - 1), financialYear(f.year)];
  const out: string[] = [`## ${mdCell(heading(f, lang))}`, '', sourceLine(f, ctx), '', `| ${head.join(' | ')} |`, '| --- | --- | --- | ---: | ---: |'];
  let section = '';
  for (const r of f.rows) {
    if (r.section !== section) {
      section = r.section;
      out.push(`| **${r.section}** | **${mdCell(sectionTitle(r.section, lang))}** | | | |`);
    }
    out.push(`| ${r.section} | ${mdCell(itemText(r, lang, names))} | ${typeText(r.placementType, lang)} | ${previousShown(r)} | ${shown(r)} |`);
  }
  for (const note of closingNotes(f, ctx)) {
    out.push('', `### ${note.title}`, '', ...note.lines.map((l) => `- ${l}`));
  }
  return out.join('\n') + '\n';
}
