// `diff A B` on screen: a plain-English paragraph computed from the numbers, then one block per area
// with B minus A per year for the key metrics, signed, coloured by whether the change is better
// (green) or worse (red) for children.
import type { ChalkInstance } from 'chalk';
import type { DiffRecord } from '../../io/output.js';
import type { MonteCarloDiffRow } from '../../model/montecarlo.js';
import type { AreaLevel, AreaYearRow, MetricName } from '../../model/types.js';
import { DISPLAY, displayDelta, displayDeltaRange, goodDirection } from './metrics.js';
import { GAP, blocks, pushFooter, levelsWords, pricesWords, dimWrapped, financialYear, headerCell, layoutCell, metricColumns, padRight, titleLines, trimLine, type Cell } from './table.js';
import { wrap } from './wrap.js';
import { headerIn, label, type Lang } from '../../i18n/labels.js';

/** B − A for every metric of every area and year both scenarios have, in A's row order. */
export function diffRecords(a: readonly AreaYearRow[], b: readonly AreaYearRow[], metrics: readonly MetricName[]): DiffRecord[] {
  const key = (r: AreaYearRow): string => `${r.level}\u0000${r.areaCode}\u0000${r.year}`;
  const byKey = new Map(b.map((r) => [key(r), r]));
  const out: DiffRecord[] = [];
  for (const ra of a) {
    const rb = byKey.get(key(ra));
    if (rb === undefined) continue;
    for (const m of metrics) {
      const va = ra.metrics[m];
      const vb = rb.metrics[m];
      out.push({ level: ra.level, areaCode: ra.areaCode, areaName: ra.areaName, year: ra.year, metric: m, a: va, b: vb, delta: va === null || vb === null ? null : vb - va });
    }
  }
  return out;
}

/**
 * Monte Carlo diff records: for each metric the mean of A's runs, of B's runs and of the paired
 * run-by-run differences B − A, with the p10 and p90 of those differences (not of the two means).
 */
export function monteCarloDiffRecords(rows: readonly MonteCarloDiffRow[], metrics: readonly MetricName[]): DiffRecord[] {
  const out: DiffRecord[] = [];
  for (const r of rows) {
    for (const m of metrics) {
      const { a, b, delta } = r.metrics[m];
      out.push({
        level: r.level,
        areaCode: r.areaCode,
        areaName: r.areaName,
        year: r.year,
        metric: m,
        a: a?.mean ?? null,
        b: b?.mean ?? null,
        delta: delta?.mean ?? null,
        deltaP10: delta?.p10 ?? null,
        deltaP90: delta?.p90 ?? null,
      });
    }
  }
  return out;
}

export interface SummaryInput {
  nameA: string;
  nameB: string;
  /** Wales rows of each scenario over the years shown. */
  walesA: readonly AreaYearRow[];
  walesB: readonly AreaYearRow[];
  /** Region rows of each scenario over the years shown (for "mostly from …"). */
  regionsA: readonly AreaYearRow[];
  regionsB: readonly AreaYearRow[];
  baseYear: number;
  /** Language of the summary; English by default. */
  lang?: Lang;
}

/** Distances over the children placed, which a shortage shortens by leaving children out. */
const DISTANCE_METRICS: ReadonlySet<MetricName> = new Set(['mean_distance_km', 'median_distance_km', 'p90_distance_km']);

const plural = (n: number, one: string, many: string): string => (Math.abs(n) === 1 ? one : many);
const grouped = (n: number): string => Math.round(n).toLocaleString('en-GB');
const millions = (gbp: number): string => `£${(gbp / 1e6).toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}m`;
const moreFewer = (d: number): string => (d > 0 ? 'more' : 'fewer');
const wholeOrNull = (n: number | null): number | null => (n === null ? null : Math.round(n));

/** The one-paragraph summary of what B changes against A, from Wales and region figures. */
export function diffSummary(s: SummaryInput): string {
  const last = Math.max(...s.walesA.map((r) => r.year));
  const wa = rowOf(s.walesA, last);
  const wb = rowOf(s.walesB, last);
  if (!wa || !wb) return '';
  const cy = s.lang === 'cy';
  const at: SummaryAt = { s, wa, wb, last, cy, by: cy ? `Erbyn Mawrth ${last + 1}` : `By March ${last + 1}` };
  const sentences: string[] = [];
  // The flows sentence has no Welsh wording: the Welsh summary leaves it out rather than mix languages.
  const flows = cy ? null : flowsSentence(s, wa, wb, at.by, count);
  if (flows !== null) sentences.push(flows);
  const outside = outsideSentence(at, sentences.length === 0);
  if (outside !== null) sentences.push(outside);
  const unplaced = count(wb, 'unplaced') - count(wa, 'unplaced');
  sentences.push(unplacedSentence(at, unplaced, sentences.length === 0));
  const distance = distanceSentence(wa.metrics.mean_distance_km, wb.metrics.mean_distance_km, unplaced, cy);
  if (distance !== null) sentences.push(distance);
  const period = periodSentence(at, s.walesA.map((r) => r.year).filter((y) => y >= s.baseYear && y <= last));
  if (period !== null) sentences.push(period);
  const changed = diffRecords(s.walesA, s.walesB, Object.keys(DISPLAY) as MetricName[]).some((d) => d.delta !== null && d.delta !== 0);
  if (!changed) return cy ? `Mae ${s.nameB} a ${s.nameA} yn rhoi’r un ffigurau i Gymru ym mhob blwyddyn a ddangosir.` : `${s.nameB} and ${s.nameA} give the same figures for Wales in every year shown.`;
  return sentences.join(' ');
}

/** What each sentence of the summary reads: both scenarios' Wales rows in the last year shown, and how to open and say it. */
interface SummaryAt {
  s: SummaryInput;
  wa: AreaYearRow;
  wb: AreaYearRow;
  last: number;
  /** "By March YYYY", in the summary's language. */
  by: string;
  cy: boolean;
}

const rowOf = (rows: readonly AreaYearRow[], year: number): AreaYearRow | undefined => rows.find((r) => r.year === year);

// Children in whole numbers, as the table shows them: Monte Carlo medians can end in .5, and
// "1 fewer children (38 against 38)" would follow from differencing them unrounded.
const count = (r: AreaYearRow, m: MetricName): number => Math.round(r.metrics[m] ?? 0);

// Welsh: "{n} yn fwy / yn llai o blant"; no plural forms needed after "o".
const cyMore = (d: number): string => (d > 0 ? 'yn fwy' : 'yn llai');

/** A flow metric summed over the years given, or null when a year lacks it. */
function flowTotal(rows: readonly AreaYearRow[], years: readonly number[], m: MetricName): number | null {
  let sum = 0;
  for (const y of years) {
    const v = rowOf(rows, y)?.metrics[m];
    if (v === null || v === undefined) return null;
    sum += v;
  }
  return sum;
}

/** How many more or fewer children B places outside Wales in the last year, or null when the same. */
function outsideSentence({ s, wa, wb, last, by, cy }: SummaryAt, first: boolean): string | null {
  const outside = count(wb, 'placed_outside_wales') - count(wa, 'placed_outside_wales');
  if (outside === 0) return null;
  const [vb, va, mostly] = [grouped(count(wb, 'placed_outside_wales')), grouped(count(wa, 'placed_outside_wales')), mostlyFrom(s, last, 'placed_outside_wales', outside)];
  return cy
    ? `${by}, mae ${s.nameB} yn lleoli ${grouped(Math.abs(outside))} ${cyMore(outside)} o blant y tu allan i Gymru na ${s.nameA} (${vb} o’i gymharu â ${va})${mostly}.`
    : `${first ? `${by}, ${s.nameB}` : 'It'} places ${grouped(Math.abs(outside))} ${moreFewer(outside)} ${plural(outside, 'child', 'children')} outside Wales than ${s.nameA} ` + `(${vb} against ${va})${mostly}.`;
}

/** The children with no place at all in the last year: how many more or fewer under B, or that both leave none or the same. */
function unplacedSentence({ s, wa, wb, last, by, cy }: SummaryAt, unplaced: number, first: boolean): string {
  if (unplaced !== 0) {
    const [vb, va, mostly] = [grouped(count(wb, 'unplaced')), grouped(count(wa, 'unplaced')), mostlyFrom(s, last, 'unplaced', unplaced)];
    return cy
      ? `${first ? `${by}, mae ${s.nameB} yn` : 'Mae’n'} gadael ${grouped(Math.abs(unplaced))} ${cyMore(unplaced)} o blant heb le o gwbl (${vb} o’i gymharu â ${va})${mostly}.`
      : `${first ? `${by}, ${s.nameB}` : 'It'} leaves ${grouped(Math.abs(unplaced))} ${moreFewer(unplaced)} ${plural(unplaced, 'child', 'children')} with no place at all ` + `(${vb} against ${va})${mostly}.`;
  }
  if (count(wa, 'unplaced') === 0) {
    return cy ? `Nid yw’r naill senario na’r llall yn gadael plentyn heb le yn ${financialYear(last)}.` : `Neither scenario leaves a child without a place in ${financialYear(last)}.`;
  }
  return cy
    ? `Mae’r ddau yn gadael ${grouped(count(wa, 'unplaced'))} o blant heb le yn ${financialYear(last)}.`
    : `Both leave ${grouped(count(wa, 'unplaced'))} ${plural(count(wa, 'unplaced'), 'child', 'children')} without a place in ${financialYear(last)}.`;
}

/**
 * What B changes over the years of flows shown (from the base year to the last): children moved by
 * their provider leaving, supplementary placements, placement fees and the transition's one-off
 * costs, each said only when it differs (money by £50,000 or more); null when none does.
 */
function periodSentence({ s, last, cy }: SummaryAt, flowYears: readonly number[]): string | null {
  if (flowYears.length === 0) return null;
  const period = cy
    ? flowYears.length === 1 ? `Yn ${financialYear(flowYears[0])}` : `Dros ${financialYear(flowYears[0])} i ${financialYear(last)}`
    : flowYears.length === 1 ? `In ${financialYear(flowYears[0])}` : `Over ${financialYear(flowYears[0])} to ${financialYear(last)}`;
  const total = (rows: readonly AreaYearRow[], m: MetricName): number | null => flowTotal(rows, flowYears, m);
  const disA = wholeOrNull(total(s.walesA, 'displaced'));
  const disB = wholeOrNull(total(s.walesB, 'displaced'));
  const parts: string[] = [];
  if (disA !== null && disB !== null && disA !== disB) {
    parts.push(
      cy
        ? `mae ${grouped(Math.abs(disB - disA))} ${cyMore(disB - disA)} o blant yn gorfod symud am fod eu darparwr yn gadael neu’n lleihau lleoedd (${grouped(disB)} o’i gymharu â ${grouped(disA)})`
        : `${grouped(Math.abs(disB - disA))} ${moreFewer(disB - disA)} ${plural(disB - disA, 'child has', 'children have')} to move because their provider leaves or cuts places (${grouped(disB)} against ${grouped(disA)})`,
    );
  }
  const supA = wholeOrNull(total(s.walesA, 'supplementary_placements'));
  const supB = wholeOrNull(total(s.walesB, 'supplementary_placements'));
  if (supA !== null && supB !== null && supA !== supB) {
    parts.push(
      cy
        ? `mae ${grouped(Math.abs(supB - supA))} ${cyMore(supB - supA)} o leoliadau atodol angen cymeradwyaeth Weinidogol`
        : `${grouped(Math.abs(supB - supA))} ${moreFewer(supB - supA)} supplementary ${plural(supB - supA, 'placement needs', 'placements need')} ministerial approval`,
    );
  }
  const costA = total(s.walesA, 'cost_gbp');
  const costB = total(s.walesB, 'cost_gbp');
  if (costA !== null && costB !== null && Math.abs(costB - costA) >= 50_000) {
    parts.push(
      cy
        ? `mae ffioedd lleoli ${millions(Math.abs(costB - costA))} ${costB > costA ? 'yn fwy' : 'yn llai'} i gyd (${millions(costB)} o’i gymharu â ${millions(costA)})`
        : `placement fees are ${millions(Math.abs(costB - costA))} ${costB > costA ? 'more' : 'less'} in all (${millions(costB)} against ${millions(costA)})`,
    );
  }
  // One-off costs of the transition, apart from the fees (docs/methodology.md, "One-off costs of the transition").
  const oneOffA = total(s.walesA, 'cost_one_off_gbp');
  const oneOffB = total(s.walesB, 'cost_one_off_gbp');
  if (oneOffA !== null && oneOffB !== null && Math.abs(oneOffB - oneOffA) >= 50_000) {
    parts.push(
      cy
        ? `mae costau untro’r newid, ar wahân i’r ffioedd, ${millions(Math.abs(oneOffB - oneOffA))} ${oneOffB > oneOffA ? 'yn fwy' : 'yn llai'} (${millions(oneOffB)} o’i gymharu â ${millions(oneOffA)})`
        : `the transition's one-off costs, apart from the fees, are ${millions(Math.abs(oneOffB - oneOffA))} ${oneOffB > oneOffA ? 'more' : 'less'} (${millions(oneOffB)} against ${millions(oneOffA)})`,
    );
  }
  return parts.length > 0 ? `${period}, ${cy ? joinAc(parts) : joinAnd(parts)}.` : null;
}

/**
 * The mean distance from home, of the children placed (docs/model.md §2.2). A shortage takes the children who
 * would have gone furthest out of the distance altogether, so a shorter distance in a year when more
 * children have no place is never called nearer home or better: the sentence says what it leaves out.
 */
export function distanceSentence(da: number | null, db: number | null, unplacedRise: number, cy: boolean): string | null {
  if (da === null || db === null || Math.abs(db - da) < 0.05) return null;
  const [b, a] = [db.toFixed(1), da.toFixed(1)];
  if (db < da && unplacedRise > 0) {
    return cy
      ? `Mae’r plant a leolwyd yn byw ${b} km o’u cartref ar gyfartaledd o’i gymharu â ${a} km, ond nid yw hynny’n welliant: mae ${grouped(unplacedRise)} yn fwy o blant heb le o gwbl, a does dim pellter iddynt.`
      : `The children placed live ${b} km from home on average against ${a} km, but that is no improvement: ${grouped(unplacedRise)} more ${plural(unplacedRise, 'child has', 'children have')} no place at all, and no distance.`;
  }
  return cy
    ? `Mae’r plant a leolwyd yn byw ${Math.abs(db - da).toFixed(1)} km ${db > da ? 'ymhellach o’u cartref' : 'yn nes at eu cartref'} ar gyfartaledd (${b} o’i gymharu â ${a} km).`
    : `The children placed live ${Math.abs(db - da).toFixed(1)} km ${db > da ? 'further from' : 'nearer'} home on average (${b} against ${a} km).`;
}

/**
 * Where either scenario projects demand from flows (docs/model.md §4.4): how many children each looks after,
 * and the flows into and out of care in the first and last year, which the table of differences
 * cannot show when only one scenario has them.
 */
function flowsSentence(s: SummaryInput, wa: AreaYearRow, wb: AreaYearRow, by: string, count: (r: AreaYearRow, m: MetricName) => number): string | null {
  const has = (rows: readonly AreaYearRow[]): boolean => rows.some((r) => typeof r.metrics.started_looked_after === 'number');
  const flowsA = has(s.walesA);
  const flowsB = has(s.walesB);
  if (!flowsA && !flowsB) return null;
  const cla = count(wb, 'children_looked_after') - count(wa, 'children_looked_after');
  const sameFlows = flowsA && flowsB && s.walesA.every((r, i) => ['started_looked_after', 'ceased_looked_after'].every((m) => r.metrics[m as MetricName] === s.walesB[i]?.metrics[m as MetricName]));
  if (cla === 0 && sameFlows) return null;
  const parts: string[] = [];
  parts.push(
    cla === 0
      ? `${by}, both look after ${grouped(count(wa, 'children_looked_after'))} children.`
      : `${by}, ${s.nameB} looks after ${grouped(Math.abs(cla))} ${moreFewer(cla)} ${plural(cla, 'child', 'children')} than ${s.nameA} (${grouped(count(wb, 'children_looked_after'))} against ${grouped(count(wa, 'children_looked_after'))}).`,
  );
  const first = (rows: readonly AreaYearRow[]): AreaYearRow | undefined => rows.find((r) => typeof r.metrics.started_looked_after === 'number');
  const describe = (name: string, rows: readonly AreaYearRow[], last: AreaYearRow): string => {
    const f = first(rows)!;
    const pair = (r: AreaYearRow): string => `${grouped(count(r, 'started_looked_after'))} start and ${grouped(count(r, 'ceased_looked_after'))} cease`;
    return f.year === last.year
      ? `Under ${name}, ${pair(last)} to be looked after in ${financialYear(last.year)}`
      : `Under ${name}, ${pair(f)} to be looked after in ${financialYear(f.year)}, ${pair(last)} in ${financialYear(last.year)}`;
  };
  const told: string[] = [];
  if (flowsB) told.push(describe(s.nameB, s.walesB, wb));
  if (flowsA) told.push(describe(s.nameA, s.walesA, wa));
  const without = !flowsA ? s.nameA : !flowsB ? s.nameB : null;
  parts.push(`${told.join('; ')}${without !== null ? ` (${without} projects no flows)` : ''}.`);
  return parts.join(' ');
}

/** ", mostly from Gwent (+40) and Cardiff and Vale (+30)": the regions that make most of a change (a count, in whole children). */
function mostlyFrom(s: SummaryInput, year: number, m: MetricName, totalDelta: number): string {
  const b = new Map(s.regionsB.filter((r) => r.year === year).map((r) => [r.areaCode, r]));
  const deltas = s.regionsA
    .filter((r) => r.year === year)
    .map((r) => ({ name: r.areaName, d: Math.round(b.get(r.areaCode)?.metrics[m] ?? 0) - Math.round(r.metrics[m] ?? 0) }))
    .filter((x) => Math.sign(x.d) === Math.sign(totalDelta))
    .sort((x, y) => Math.abs(y.d) - Math.abs(x.d) || (x.name < y.name ? -1 : 1));
  if (deltas.length < 1 || s.regionsA.filter((r) => r.year === year).length < 2) return '';
  const chosen: typeof deltas = [];
  let covered = 0;
  for (const x of deltas) {
    if (covered >= 0.6 * Math.abs(totalDelta) || chosen.length === 3) break;
    chosen.push(x);
    covered += Math.abs(x.d);
  }
  const cy = s.lang === 'cy';
  if (covered < 0.6 * Math.abs(totalDelta)) return cy ? ', wedi’i wasgaru ar draws y rhanbarthau' : ', spread across the regions';
  const sign = (d: number): string => (d > 0 ? `+${grouped(d)}` : `−${grouped(-d)}`);
  const list = chosen.map((x) => `${x.name} (${sign(x.d)})`);
  if (cy) return `, ${chosen.length === 1 && deltas.length === 1 ? 'i gyd' : 'yn bennaf'} o ${joinA([softMutation(list[0]), ...list.slice(1)])}`;
  return `, ${chosen.length === 1 && deltas.length === 1 ? 'all' : 'mostly'} from ${joinAnd(list)}`;
}

/** A Welsh name after "o" takes the soft mutation: o Ogledd Cymru, o Gaerdydd a'r Fro, o Bowys, o Went. */
export function softMutation(name: string): string {
  const rules: Array<[RegExp, string]> = [[/^Ll/, 'L'], [/^Rh/, 'R'], [/^G/, ''], [/^C(?!h)/, 'G'], [/^P(?!h)/, 'B'], [/^T(?!h)/, 'D'], [/^B/, 'F'], [/^D(?!d)/, 'Dd'], [/^M/, 'F']];
  for (const [from, to] of rules) {
    if (from.test(name)) {
      const out = name.replace(from, to);
      return out.charAt(0).toUpperCase() + out.slice(1);
    }
  }
  return name;
}

/** Welsh "x, y a z", with the aspirate mutation "a" causes (a Chaerdydd, a Phowys, a Thorfaen). */
const joinA = (xs: string[]): string => {
  if (xs.length <= 1) return xs.join('');
  const last = xs[xs.length - 1].replace(/^C(?!h)/, 'Ch').replace(/^P(?!h)/, 'Ph').replace(/^T(?!h)/, 'Th');
  return `${xs.slice(0, -1).join(', ')} a ${last}`;
};

/** Welsh clauses that each start "mae …", joined "x, y ac z". */
const joinAc = (xs: string[]): string => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} ac ${xs[xs.length - 1]}`);

const joinAnd = (xs: string[]): string => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);



export interface DiffTableInput {
  nameA: string;
  nameB: string;
  levels: readonly AreaLevel[];
  /** --prices: the year of constant prices, or null for cash. */
  prices: number | null;
  records: readonly DiffRecord[];
  metrics: readonly MetricName[] | null;
  summary: string;
  /** The parameters that differ between A and B (render/differ.ts), shown before the summary. */
  parameters?: readonly string[];
  /** A line under the summary (e.g. that the figures are medians of Monte Carlo runs). */
  note?: string;
  /** The last line: what the figures are (the mean of how many paired runs, or one draw: src/cli/runs.ts). */
  footer?: string;
  width: number;
  chalk: ChalkInstance;
  baseYear: number;
  /** Language of the labels (records' area names are the caller's); English by default. */
  lang?: Lang;
}

export function renderDiffTable(input: DiffTableInput): string {
  const { chalk } = input;
  // Records regrouped as rows of deltas: area, then year, then metric. With runs the figure is the
  // mean of the run-by-run differences, and their p10 and p90 its range.
  type Stats = { central: number | null; p10?: number | null; p90?: number | null };
  type Row = { level: AreaLevel; areaCode: string; areaName: string; year: number; deltas: Map<MetricName, Stats> };
  const rows: Row[] = [];
  for (const d of input.records) {
    let last = rows[rows.length - 1];
    if (!(last && last.areaCode === d.areaCode && last.year === d.year && last.level === d.level)) {
      last = { level: d.level, areaCode: d.areaCode, areaName: d.areaName, year: d.year, deltas: new Map() };
      rows.push(last);
    }
    const stats: Stats = { central: d.delta };
    if (d.deltaP10 !== undefined) {
      stats.p10 = d.deltaP10;
      stats.p90 = d.deltaP90 ?? null;
    }
    last.deltas.set(d.metric, stats);
  }
  const cell = (r: Row, m: MetricName): Cell => {
    const s = r.deltas.get(m);
    const kind = DISPLAY[m].kind;
    return {
      text: displayDelta(s?.central ?? null, kind),
      range: s?.p10 !== undefined && s.p90 !== undefined ? displayDeltaRange(s.p10, s.p90, kind) : null,
    };
  };
  const lang = input.lang ?? 'en';
  const { column, shown, hidden } = metricColumns(rows, cell, ' to ', input.width, input.metrics, lang);
  const out: string[] = [];
  const money = shown.some((m) => DISPLAY[m].kind === 'gbp');
  out.push(...titleLines(chalk, input.width, label(lang, 'diff.title', { a: input.nameA, b: input.nameB }), ` (B − A), ${levelsWords(input.levels, lang)}${money ? `; ${pricesWords(input.prices, lang)}` : ''}`, chalk.dim));
  out.push('');
  if (input.parameters !== undefined) out.push(...input.parameters, '');
  out.push(wrap(input.summary, Math.min(input.width, 100)));
  out.push('');
  if (input.note !== undefined) out.push(wrap(input.note, Math.min(input.width, 100)));
  const withRanges = input.records.some((d) => d.deltaP10 !== undefined);
  out.push(
    dimWrapped(chalk, input.width,
      label(lang, 'diff.key', { b: input.nameB, ranges: withRanges ? label(lang, 'diff.key.ranges') : '' }),
    ),
  );
  for (const block of blocks(rows)) {
    out.push('');
    out.push(chalk.bold(block[0].areaName) + chalk.dim(` ${block[0].areaCode}`));
    for (const line of [0, 1] as const) {
      const cells = shown.map((m) => headerCell(headerIn(lang, m)[line], column(m)));
      out.push(chalk.dim(trimLine(padRight(line === 1 ? label(lang, 'table.year') : '', 7) + cells.map((c) => ' '.repeat(GAP) + c).join(''))));
    }
    for (const r of block) {
      const cells = shown.map((m) => {
        const stats = r.deltas.get(m);
        const d = stats?.central ?? null;
        // With runs, a direction is shown only when 9 runs in 10 or more agree on it.
        const settled = stats?.p10 === undefined || [stats.p10, stats.p90].every((q) => q !== null && q !== undefined && d !== null && Math.sign(q) === Math.sign(d));
        // A shorter distance in a year when more children have no place is not better (docs/model.md §2.2): no green.
        const shortage = (r.deltas.get('unplaced')?.central ?? 0) > 0 && DISTANCE_METRICS.has(m);
        const dir = shortage && d !== null && Math.sign(d) === goodDirection(m) ? 0 : goodDirection(m);
        const style = (text: string): string =>
          d === null || d === 0 || Math.abs(d) < 1e-9 ? chalk.dim(text) : dir === 0 || !settled ? text : Math.sign(d) === dir ? chalk.green(text) : chalk.red(text);
        return ' '.repeat(GAP) + layoutCell(cell(r, m), column(m), style, chalk.dim);
      });
      const label = padRight(financialYear(r.year), 7);
      out.push(trimLine((r.year === input.baseYear - 1 ? chalk.dim(label) : label) + cells.join('')));
    }
  }
  if (hidden.length > 0) {
    out.push('');
    out.push(dimWrapped(chalk, input.width, label(lang, 'table.hidden', { metrics: hidden.join(', ') })));
  }
  pushFooter(out, chalk, input.width, input.footer);
  return out.join('\n') + '\n';
}
