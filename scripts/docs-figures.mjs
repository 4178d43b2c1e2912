#!/usr/bin/env node
// Docs that cannot go stale: every figure the README and docs/ quote from the tool is marked with the
// command that prints it, and test/docs/figures.test.ts runs each command and checks the figure.
//
//   node scripts/docs-figures.mjs           prints, for each marked place, the figure quoted and the
//                                           figure the built tool prints now (stale ones first)
//   node scripts/docs-figures.mjs --write   rewrites the stale figures and examples in place
//                                           (then read `git diff README.md docs/`)
//
// Two kinds of mark, each an HTML comment (invisible when the Markdown is rendered):
//
//   <!-- checked: ARGS | SELECTOR... METRIC = FIGURE | SELECTOR... METRIC = FIGURE -->
//       before a paragraph: `sufficiency ARGS` must print CSV; for each check, the one row whose
//       columns match every SELECTOR (`area_code=W92000004 year=2027`) has METRIC equal to FIGURE as
//       the text writes it (`£394,702,950`, `£552.3m`, `3.62`, `−145`: the figure is compared at
//       the precision it is written), and FIGURE must appear in the paragraph after the mark.
//   <!-- checked: ARGS | output -->
//       before a fenced block: every line of the block must appear in what `sufficiency ARGS`
//       prints, in order, spaces collapsed (so rows may be left out, and wrapped prose may wrap
//       elsewhere).
//
// The tool is run from the repository root as the golden cases run it (NO_COLOR=1, COLUMNS=100).
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const MARK = /^<!-- checked: (.*?) -->\s*$/;

/** The Markdown files whose figures are checked: the README and every file of docs/. */
export function docFiles() {
  const docs = readdirSync(path.join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`);
  return ['README.md', ...docs];
}

/** Every mark of a file: its line (1-based), the command's arguments and what it checks. */
export function marksOf(file, text = readFileSync(path.join(ROOT, file), 'utf8')) {
  const lines = text.split('\n');
  const marks = [];
  lines.forEach((line, i) => {
    const m = MARK.exec(line.trim());
    if (!m) return;
    const [args, ...parts] = m[1].split(' | ').map((s) => s.trim());
    const at = { file, line: i + 1, args };
    if (parts.length === 1 && parts[0] === 'output') {
      marks.push({ ...at, kind: 'block', block: blockAfter(lines, i) });
    } else if (parts.length === 1 && parts[0] === 'quotes') {
      marks.push({ ...at, kind: 'quotes', paragraph: paragraphAfter(lines, i) });
    } else {
      marks.push({ ...at, kind: 'figures', checks: parts.map(parseCheck), paragraph: paragraphAfter(lines, i) });
    }
  });
  return marks;
}

/** `area_code=W92000004 year=2027 cost_gbp = £394,702,950` */
function parseCheck(part) {
  const m = /^(.*?)\s*(\S+)\s+=\s+(.+)$/.exec(part);
  if (!m) throw new Error(`a check should read "column=value ... metric = figure", found "${part}"`);
  const where = Object.fromEntries(
    m[1]
      .split(/\s+/)
      .filter((t) => t !== '')
      .map((t) => t.split('=')),
  );
  return { where, metric: m[2], figure: m[3].trim() };
}

/** The paragraph after a mark (further marks skipped): its lines, up to the next blank line or list item. */
function paragraphAfter(lines, i) {
  let j = i + 1;
  while (j < lines.length && MARK.test(lines[j].trim())) j++;
  const start = j;
  j++;
  while (j < lines.length && lines[j].trim() !== '' && !/^\s*[-*] /.test(lines[j]) && !MARK.test(lines[j].trim())) j++;
  return { start: start + 1, end: j, text: lines.slice(start, j).join('\n') };
}

/** The fenced block after a mark: its lines (1-based line numbers), fences excluded. */
function blockAfter(lines, i) {
  let j = i + 1;
  while (j < lines.length && !lines[j].startsWith('```')) j++;
  const start = j + 1;
  let k = start;
  while (k < lines.length && !lines[k].startsWith('```')) k++;
  return { start: start + 1, lines: lines.slice(start, k) };
}

/** Splits an argument line: whitespace separates, "double" or 'single' quotes group. */
function splitArgs(line) {
  const out = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  let m;
  while ((m = re.exec(line)) !== null) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

const outputs = new Map();

/** What `sufficiency ARGS` prints (each command run once per process). */
export function run(args) {
  if (!outputs.has(args)) {
    const env = { ...process.env, NO_COLOR: '1', COLUMNS: '100' };
    delete env.FORCE_COLOR;
    const r = spawnSync(process.execPath, ['bin/sufficiency.js', ...splitArgs(args.replace(/^sufficiency\s+/, ''))], { cwd: ROOT, encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`sufficiency ${args} exited ${r.status}: ${r.stderr.trim()}`);
    outputs.set(args, r.stdout);
  }
  return outputs.get(args);
}

/** How a figure is written, so that a value can be compared at its precision and written alike. */
export function styleOf(figure) {
  const m = /^([+−-]?)(£?)([\d,]*\d(?:\.\d+)?)(m|k|%)?$/.exec(figure);
  if (!m) throw new Error(`not a figure this check can read: "${figure}" (write it as 1,234, £1,234, £1.2m, 0.25, −3 or 12%)`);
  const [, sign, pound, digits, unit = ''] = m;
  const decimals = digits.includes('.') ? digits.split('.')[1].length : 0;
  const scale = unit === 'm' ? 1e6 : unit === 'k' ? 1e3 : unit === '%' ? 0.01 : 1;
  const value = Number(digits.replace(/,/g, '')) * (sign === '−' || sign === '-' ? -1 : 1);
  return { sign, pound, commas: digits.includes(','), decimals, unit, scale, value };
}

/** `value` written as `like` is written (same sign style, £, commas, decimals and unit). */
export function writeLike(value, like) {
  const s = styleOf(like);
  const scaled = Math.abs(value) / s.scale;
  // Half up, as the tool rounds money (docs/methodology.md, "Metrics in detail").
  const fixed = (Math.round(scaled * 10 ** s.decimals + 1e-9) / 10 ** s.decimals).toFixed(s.decimals);
  const [int, frac] = fixed.split('.');
  const grouped = s.commas ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : int;
  const sign = value < 0 ? (s.sign === '-' ? '-' : '−') : s.sign === '+' ? '+' : '';
  return `${sign}${s.pound}${grouped}${frac !== undefined ? `.${frac}` : ''}${s.unit}`;
}

/**
 * Checks one mark against the tool's output: a list of findings, each with where it is (file:line),
 * what the text says and what the tool prints now. Empty when the text is current.
 */
export function checkMark(mark) {
  const out = run(mark.args);
  if (mark.kind === 'block') return checkBlock(mark, out);
  if (mark.kind === 'quotes') return checkQuotes(mark, out);
  const rows = parse(out, { columns: true, bom: true });
  const findings = [];
  for (const c of mark.checks) {
    const where = `${mark.file}:${mark.line}`;
    const matching = rows.filter((r) => Object.entries(c.where).every(([k, v]) => r[k] === v));
    if (matching.length !== 1) {
      findings.push({ where, figure: c.figure, message: `${c.metric} where ${JSON.stringify(c.where)}: expected one row of \`sufficiency ${mark.args}\`, found ${matching.length}` });
      continue;
    }
    const cell = matching[0][c.metric];
    if (cell === undefined || cell === '') {
      findings.push({ where, figure: c.figure, message: `${c.metric}: no such column (or an empty cell) in \`sufficiency ${mark.args}\`` });
      continue;
    }
    const now = writeLike(Number(cell), c.figure);
    if (now !== c.figure) findings.push({ where, figure: c.figure, now, message: `${c.metric} where ${Object.entries(c.where).map(([k, v]) => `${k}=${v}`).join(' ')}: the text says ${c.figure}, \`sufficiency ${mark.args}\` prints ${cell} (${now})` });
    if (!mark.paragraph.text.includes(c.figure)) findings.push({ where, figure: c.figure, message: `the mark quotes ${c.figure}, but the paragraph after it (lines ${mark.paragraph.start}-${mark.paragraph.end}) does not` });
  }
  return findings;
}

const collapse = (s) => s.replace(/\s+/g, ' ').trim();

function checkBlock(mark, out) {
  const text = collapse(out);
  const outLines = out.split('\n').filter((l) => l.trim() !== '');
  const findings = [];
  let from = 0;
  mark.block.lines.forEach((line, i) => {
    const want = collapse(line);
    if (want === '') return;
    const at = text.indexOf(want, from);
    if (at >= 0) {
      from = at + want.length;
      return;
    }
    findings.push({ where: `${mark.file}:${mark.block.start + i}`, figure: line, now: closest(line, outLines), message: `this line of the example is not in what \`sufficiency ${mark.args}\` prints (in order)` });
  });
  return findings;
}

/**
 * Each passage the paragraph quotes ("…", pieces left out marked with an ellipsis) must be what the
 * command prints, piece by piece, in order; a piece's closing full stop may end the sentence early.
 */
function checkQuotes(mark, out) {
  const text = collapse(out);
  const outLines = out.split('\n').filter((l) => l.trim() !== '');
  const findings = [];
  const where = `${mark.file}:${mark.paragraph.start}`;
  for (const q of mark.paragraph.text.matchAll(/"([^"]+)"/g)) {
    let from = 0;
    for (const piece of q[1].split('…').map((p) => collapse(p).replace(/\.$/, '')).filter((p) => p !== '')) {
      const at = text.indexOf(piece, from);
      if (at >= 0) {
        from = at + piece.length;
        continue;
      }
      findings.push({ where, figure: piece, now: closest(piece, outLines), message: `this quoted passage is not in what \`sufficiency ${mark.args}\` prints (in order)` });
    }
  }
  if (findings.length === 0 && !/"[^"]+"/.test(mark.paragraph.text)) findings.push({ where, figure: '', message: 'the mark checks quotes, but the paragraph after it quotes nothing' });
  return findings;
}

/** The output line sharing most words with `line` (the row of the same year, the same sentence). */
function closest(line, outLines) {
  const words = new Set(collapse(line).split(' '));
  const first = collapse(line).split(' ')[0];
  let best = '';
  let score = -1;
  for (const l of outLines) {
    const ws = collapse(l).split(' ');
    // A row of the same year (the same first word) first, then the most words in common.
    const s = (ws[0] === first ? 1000 : 0) + ws.filter((w) => words.has(w)).length;
    if (s > score) [best, score] = [l, s];
  }
  return best;
}

/** Every mark of every checked file with its findings. */
export function checkAll() {
  return docFiles().flatMap((file) => marksOf(file).map((mark) => ({ mark, findings: checkMark(mark) })));
}

/** Rewrites a file's stale figures (the mark and its paragraph) and stale example blocks. */
function rewrite(file) {
  const full = path.join(ROOT, file);
  const lines = readFileSync(full, 'utf8').split('\n');
  for (const mark of marksOf(file, lines.join('\n'))) {
    if (mark.kind === 'block') {
      const out = run(mark.args).split('\n');
      const fresh = rewriteBlock(mark.block.lines, out);
      lines.splice(mark.block.start - 1, mark.block.lines.length, ...fresh);
      continue;
    }
    for (const f of checkMark(mark)) {
      if (f.now === undefined) continue;
      lines[mark.line - 1] = lines[mark.line - 1].replace(` = ${f.figure}`, ` = ${f.now}`);
      for (let j = mark.paragraph.start - 1; j < mark.paragraph.end; j++) {
        if (lines[j].includes(f.figure)) {
          lines[j] = lines[j].replace(f.figure, f.now);
          break;
        }
      }
    }
  }
  writeFileSync(full, lines.join('\n'));
}

/**
 * An example block brought up to date: each paragraph of prose is replaced by the output's paragraph
 * that starts with the same words; each row (a line starting with a year, or a header line) by the
 * output's line that starts the same way. A line found in neither way is kept, for a person to read.
 */
function rewriteBlock(block, out) {
  const paragraphs = out.join('\n').split(/\n\s*\n/);
  const result = [];
  for (let i = 0; i < block.length; i++) {
    const line = block[i];
    const firstWords = collapse(line).split(' ').slice(0, 3).join(' ');
    const para = paragraphs.find((p) => collapse(p).startsWith(firstWords) && firstWords.split(' ').length === 3 && !/^\d{4}-\d{2}\b/.test(firstWords));
    if (para !== undefined && !/^\s*\S+\s{2,}/.test(line)) {
      result.push(...para.split('\n'));
      while (i + 1 < block.length && block[i + 1].trim() !== '') i++; // the rest of the old paragraph
      continue;
    }
    const key = collapse(line).split(' ')[0];
    const row = out.find((l) => collapse(l).split(' ')[0] === key && collapse(l).split(' ').length === collapse(line).split(' ').length);
    result.push(row ?? line);
  }
  return result;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const write = process.argv.includes('--write');
  const results = checkAll();
  const stale = results.filter((r) => r.findings.length > 0);
  for (const { mark, findings } of [...stale, ...results.filter((r) => r.findings.length === 0)]) {
    process.stdout.write(`${mark.file}:${mark.line}  sufficiency ${mark.args}\n`);
    if (findings.length === 0) process.stdout.write('  current\n');
    for (const f of findings) process.stdout.write(`  ${f.where}: ${f.message}${f.now !== undefined ? `\n    text: ${f.figure}\n    now:  ${f.now}` : ''}\n`);
  }
  if (write) {
    for (const file of new Set(stale.map((r) => r.mark.file))) rewrite(file);
    process.stdout.write(`rewrote ${new Set(stale.map((r) => r.mark.file)).size} file(s); read the diff, and check any line the script could not match\n`);
  } else process.stdout.write(`${results.length} marked places, ${stale.length} stale${stale.length > 0 ? ' (node scripts/docs-figures.mjs --write updates them)' : ''}\n`);
}
