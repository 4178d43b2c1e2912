// The plan's figures as a terminal table, as CSV (SPEC.md 2.1: la_code,la_name,financial_year,
// section,item,placement_type,value) and as Markdown an LA officer can paste into the plan's draft.
import type { ChalkInstance } from 'chalk';
import { formatNumber, toCsv } from '../../io/output.js';
import { SECTION_TITLES, type PlanFigures, type PlanRow } from '../plan-figures.js';
import { financialYear, padLeft, padRight } from './table.js';
import { wrap } from './wrap.js';

export interface PlanContext {
  scenario: string;
  title: string;
  version: string;
}

export function planCsv(f: PlanFigures, opts: { excel?: boolean } = {}): string {
  const records: string[][] = [['la_code', 'la_name', 'financial_year', 'section', 'item', 'placement_type', 'value']];
  const fy = financialYear(f.year);
  for (const r of f.rows) records.push([f.la.code, f.la.nameEn, fy, r.section, r.item, r.placementType, formatNumber(r.value)]);
  return toCsv(records, opts);
}

/** A value as a person reads it: counts with thousands separators, ratios to two decimals. */
function shown(r: PlanRow): string {
  if (r.value === null) return '–';
  if (Number.isInteger(r.value)) return r.value.toLocaleString('en-GB');
  return r.value.toFixed(2);
}

function heading(f: PlanFigures): string {
  return `${f.la.nameEn} (${f.la.code}): annual sufficiency plan figures for ${financialYear(f.year)}`;
}

function sourceLine(f: PlanFigures, ctx: PlanContext): string {
  return (
    `Scenario ${ctx.scenario}${ctx.title ? ` (${ctx.title})` : ''}, sufficiency ${ctx.version}. ` +
    `Children and places at ${f.asAt}; supplementary placements over the year 1 April ${f.year} to ${f.asAt}. ` +
    `Sections are those of s.75A(3) of the Social Services and Well-being (Wales) Act 2014.`
  );
}

export function planTable(f: PlanFigures, ctx: PlanContext, chalk: ChalkInstance, width: number): string {
  const out: string[] = [chalk.bold(heading(f)), chalk.dim(wrap(sourceLine(f, ctx), width))];
  const typeW = Math.max(4, ...f.rows.map((r) => r.placementType.length));
  const valueW = Math.max(5, ...f.rows.map((r) => shown(r).length));
  const itemW = Math.max(20, Math.min(width - 2 - typeW - 2 - valueW - 2, Math.max(...f.rows.map((r) => [...r.item].length))));
  let section = '';
  let lastItem = '';
  for (const r of f.rows) {
    if (r.section !== section) {
      section = r.section;
      lastItem = '';
      out.push('');
      out.push(chalk.bold(`${r.section} `) + SECTION_TITLES[r.section]);
    }
    // An item's rows by type follow its all-types row: the item is written once.
    const label = r.item === lastItem ? '' : r.item;
    lastItem = r.item;
    const item = [...label].length > itemW ? [...label].slice(0, itemW - 1).join('') + '…' : label;
    const value = padLeft(shown(r), valueW);
    const styled = r.section === 'c' && r.item.startsWith('shortfall') && (r.value ?? 0) > 0 ? chalk.red.bold(value) : value;
    out.push(`  ${padRight(item, itemW)}  ${padRight(r.placementType, typeW)}  ${styled}`);
  }
  return out.join('\n') + '\n';
}

const mdCell = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|');

export function planMarkdown(f: PlanFigures, ctx: PlanContext): string {
  const out: string[] = [`## ${mdCell(heading(f))}`, '', sourceLine(f, ctx), '', '| s.75A(3) | Item | Placement type | Value |', '| --- | --- | --- | ---: |'];
  let section = '';
  for (const r of f.rows) {
    if (r.section !== section) {
      section = r.section;
      out.push(`| **${r.section}** | **${mdCell(SECTION_TITLES[r.section])}** | | |`);
    }
    out.push(`| ${r.section} | ${mdCell(r.item)} | ${r.placementType} | ${shown(r)} |`);
  }
  return out.join('\n') + '\n';
}
