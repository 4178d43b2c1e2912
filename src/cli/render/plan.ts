// The plan's figures as a terminal table, as CSV (SPEC.md 2.1: la_code,la_name,financial_year,
// section,item,placement_type,value) and as Markdown an LA officer can paste into the plan's draft.
import type { ChalkInstance } from 'chalk';
import { formatNumber, toCsv } from '../../io/output.js';
import { label, planItemIn, type Lang, type PlanNames } from '../../i18n/labels.js';
import { planText, type PlanFigures, type PlanRow, type PlanTextKey } from '../plan-figures.js';
import { financialYear, padLeft, padRight } from './table.js';
import { wrap } from './wrap.js';

export interface PlanContext {
  scenario: string;
  title: string;
  version: string;
  /** Language of the labels and item texts (codes never change); English by default. */
  lang?: Lang;
  /** English → Welsh names of the LAs and regions items may name (for --lang cy). */
  names?: PlanNames;
}

const NO_NAMES: PlanNames = { cy: new Map() };

/** An item's text in the language (the English where no Welsh is known: the plan's test catches that). */
const itemText = (r: PlanRow, lang: Lang, names: PlanNames): string => planItemIn(lang, r.item, r.section, names) ?? r.item;

/** A placement type as a reader sees it (the CSV keeps the code). */
const typeText = (t: PlanRow['placementType'], lang: Lang): string => (t === '' ? '' : label(lang, `type.${t}`));

const sectionTitle = (section: PlanRow['section'], lang: Lang): string => label(lang, `plan.section.${section}`);

export function planCsv(f: PlanFigures, opts: { excel?: boolean; lang?: Lang; names?: PlanNames } = {}): string {
  const lang = opts.lang ?? 'en';
  const records: string[][] = [['la_code', 'la_name', 'financial_year', 'section', 'item', 'placement_type', 'value']];
  const fy = financialYear(f.year);
  const name = lang === 'cy' ? f.la.nameCy : f.la.nameEn;
  for (const r of f.rows) records.push([f.la.code, name, fy, r.section, itemText(r, lang, opts.names ?? NO_NAMES), r.placementType, formatNumber(r.value)]);
  return toCsv(records, opts);
}

/** A value as a person reads it: counts with thousands separators, ratios to two decimals. */
function shown(r: PlanRow): string {
  if (r.value === null) return '–';
  if (Number.isInteger(r.value)) return r.value.toLocaleString('en-GB');
  return r.value.toFixed(2);
}

/**
 * The Welsh of the closing notes' own texts (titles and definitions). The assumptions are the
 * scenario's words and the estimated figures the data's, so they stay as written.
 */
const NOTES_CY: Partial<Record<PlanTextKey, string>> = {
  'note.definitions': 'Diffiniadau',
  'note.assumptions': 'Rhagdybiaethau sydd mewn grym (senario {scenario})',
  'note.estimated': 'Ffigurau sylfaen yr awdurdod lleol y mae’r data’n eu nodi fel amcangyfrifon yn hytrach na ffigurau cyhoeddedig',
  'note.noEstimated': 'dim: nid yw’r data’n nodi unrhyw ffigur sylfaen ar gyfer yr awdurdod lleol fel amcangyfrif (neu nid oes ganddo golofn statws)',
  'def.usable':
    'Lleoedd y gellir eu defnyddio: y lleoedd y gall darparwr eu llenwi mewn gwirionedd ar gyfer awdurdodau lleol y set ddata, yn ôl rheol y senario (cyfran y lleoedd cofrestredig sy’n cael eu defnyddio, neu’r lleoedd a oedd ganddo ar y dyddiad sylfaen), llai plant awdurdodau eraill (cynghorau yn Lloegr) sydd ganddo.',
  'def.a(ii)':
    'Mae (a)(ii) yn cyfrif pob plentyn unwaith: heb le; fel arall, gyda darparwr er elw yn unrhyw le; fel arall, gyda darparwr awdurdod lleol neu nid-er-elw y tu allan i ranbarth yr awdurdod lleol (mae’r tu allan i Gymru yn cyfrif fel y tu allan).',
  'def.b':
    '(b) Lleoedd yr awdurdod lleol yw gofalwyr maeth a chartrefi plant yr awdurdod lleol ei hun yn ei ardal; mae lleoedd a gedwir ar gyfer y rhanbarth yn gwasanaethu pob awdurdod lleol yn y rhanbarth, felly mae (c) yn eu cyfrif yn llawn ar gyfer pob un.',
  'def.c':
    '(c) Y diffyg yw’r plant sydd angen y math hwnnw o leoliad llai lleoedd (b) y gellir eu defnyddio, byth yn is na 0: plant y mae’n rhaid i’r awdurdod lleol eu lleoli gyda darparwyr eraill (nid-er-elw, er elw neu y tu allan i Gymru).',
  'def.d':
    '(d) Ceisiadau yw lleoliadau newydd y flwyddyn sydd angen cymeradwyaeth Gweinidogion o dan y senario; mae (d)(iii) a (d)(iv) yn enwi’r darparwyr y mae’r model yn lleoli gyda nhw, yna’r rhai sy’n dal i ofalu am blant yr awdurdod lleol. Mae nifer y darparwyr yn nhestun yr eitem; mae’r golofn werth bob amser yn cyfrif plant.',
};

/** A closing-note text in the language: the Welsh where there is one, else the English. */
function noteText(lang: Lang, key: PlanTextKey, vars: Record<string, string | number> = {}): string {
  const cy = lang === 'cy' ? NOTES_CY[key] : undefined;
  return cy === undefined ? planText(key, vars) : cy.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** The figures' English note lines that are the tool's own texts, put back into the language. */
const TRANSLATED_LINES: readonly PlanTextKey[] = ['def.usable', 'def.a(ii)', 'def.b', 'def.c', 'def.d', 'note.noEstimated'];
const lineIn = (lang: Lang, line: string): string => {
  const key = TRANSLATED_LINES.find((k) => planText(k) === line);
  return key === undefined ? line : noteText(lang, key);
};

/** The closing notes (SPEC 2.3): titled lists, in order. */
function closingNotes(f: PlanFigures, ctx: PlanContext): Array<{ title: string; lines: string[] }> {
  const lang = ctx.lang ?? 'en';
  return [
    { title: noteText(lang, 'note.definitions'), lines: f.notes.definitions.map((l) => lineIn(lang, l)) },
    { title: noteText(lang, 'note.assumptions', { scenario: ctx.scenario }), lines: f.notes.assumptions },
    { title: noteText(lang, 'note.estimated'), lines: f.notes.estimated.map((l) => lineIn(lang, l)) },
  ];
}

function heading(f: PlanFigures, lang: Lang): string {
  return label(lang, 'plan.heading', { la: lang === 'cy' ? f.la.nameCy : f.la.nameEn, code: f.la.code, year: financialYear(f.year) });
}

function sourceLine(f: PlanFigures, ctx: PlanContext): string {
  return label(ctx.lang ?? 'en', 'plan.source', { scenario: ctx.scenario, title: ctx.title ? ` (${ctx.title})` : '', version: ctx.version, asAt: f.asAt, year: f.year });
}

export function planTable(f: PlanFigures, ctx: PlanContext, chalk: ChalkInstance, width: number): string {
  const lang = ctx.lang ?? 'en';
  const names = ctx.names ?? NO_NAMES;
  const prose = Math.min(width, 100);
  const out: string[] = [...wrap(heading(f, lang), prose).split('\n').map((l) => chalk.bold(l)), chalk.dim(wrap(sourceLine(f, ctx), prose))];
  const typeW = Math.max(4, ...f.rows.map((r) => [...typeText(r.placementType, lang)].length));
  const valueW = Math.max(5, ...f.rows.map((r) => shown(r).length));
  const itemW = Math.max(20, Math.min(width - 2 - typeW - 2 - valueW - 2, Math.max(...f.rows.map((r) => [...itemText(r, lang, names)].length))));
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
    const value = padLeft(shown(r), valueW);
    const styled = r.section === 'c' && r.item.startsWith('shortfall') && (r.value ?? 0) > 0 ? chalk.red.bold(value) : value;
    for (const l of lines.slice(0, -1)) out.push(`  ${l}`);
    out.push(`  ${padRight(lines[lines.length - 1], itemW)}  ${padRight(typeText(r.placementType, lang), typeW)}  ${styled}`);
  }
  for (const note of closingNotes(f, ctx)) {
    out.push('', ...wrap(note.title, prose).split('\n').map((l) => chalk.bold(l)));
    for (const l of note.lines) out.push(...wrap(`- ${l}`, prose).split('\n').map((x, i) => (i === 0 ? x : `  ${x}`)));
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
  const head = (['plan.md.section', 'plan.md.item', 'plan.md.type', 'plan.md.value'] as const).map((k) => label(lang, k));
  const out: string[] = [`## ${mdCell(heading(f, lang))}`, '', sourceLine(f, ctx), '', `| ${head.join(' | ')} |`, '| --- | --- | --- | ---: |'];
  let section = '';
  for (const r of f.rows) {
    if (r.section !== section) {
      section = r.section;
      out.push(`| **${r.section}** | **${mdCell(sectionTitle(r.section, lang))}** | | |`);
    }
    out.push(`| ${r.section} | ${mdCell(itemText(r, lang, names))} | ${typeText(r.placementType, lang)} | ${shown(r)} |`);
  }
  for (const note of closingNotes(f, ctx)) {
    out.push('', `### ${note.title}`, '', ...note.lines.map((l) => `- ${l}`));
  }
  return out.join('\n') + '\n';
}
