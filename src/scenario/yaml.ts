// Reading one scenario YAML file so that every later problem can name its line and column: the
// parsed document and its line counter are kept beside the plain data.
import { readFile, stat } from 'node:fs/promises';
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document, type Node } from 'yaml';
import type { Problem } from '../errors.js';
import { startOfFinancialYear } from './financial-year.js';

export interface ScenarioFile {
  /** Absolute path. */
  file: string;
  /** As shown in messages (relative to the working directory when inside it). */
  shown: string;
  doc: Document.Parsed;
  lines: LineCounter;
  /** The document as plain data (year keys become strings). */
  data: unknown;
  text: string;
}

export type PathSeg = string | number;

/** A scenario is a page or two of YAML; anything near this size is not one. */
export const MAX_SCENARIO_BYTES = 1024 * 1024;
/** Alias expansions allowed in one file: plenty for `<<: *defaults`, too few for a YAML bomb. */
export const MAX_ALIAS_COUNT = 100;

/** Parses a file; YAML syntax errors, encodings and limits come back as problems with their line and column. */
export async function readScenarioFile(file: string, shown: string): Promise<{ parsed: ScenarioFile | null; problems: Problem[] }> {
  const problem = (line: number | null, message: string) => ({ parsed: null, problems: [{ file: shown, line, column: null, message, severity: 'error' as const }] });
  const size = (await stat(file)).size;
  if (size > MAX_SCENARIO_BYTES) return problem(null, `the file is ${(size / 1024 / 1024).toFixed(1)} MB; a scenario file may be at most ${MAX_SCENARIO_BYTES / 1024 / 1024} MB`);
  const bytes = await readFile(file);
  const decoded = decodeUtf8(bytes);
  if (typeof decoded !== 'string') return problem(decoded.line, decoded.message);
  return parseScenarioText(decoded, file, shown);
}

/** The text of a UTF-8 file, or what is wrong with it (UTF-16 named as such; else the first line that is not UTF-8). */
function decodeUtf8(bytes: Buffer): string | { line: number | null; message: string } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { line: null, message: 'the file is UTF-16 text; save it as UTF-8' };
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    let line = 1;
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i === bytes.length || bytes[i] === 0x0a) {
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, i));
        } catch {
          return { line, message: 'not UTF-8 text from this line (Latin-1 or Windows-1252?); save the file as UTF-8' };
        }
        line++;
        start = i + 1;
      }
    }
    return { line: null, message: 'not UTF-8 text; save the file as UTF-8' };
  }
}

export function parseScenarioText(text: string, file: string, shown: string): { parsed: ScenarioFile | null; problems: Problem[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const problems: Problem[] = [];
  for (const err of doc.errors) {
    const pos = lines.linePos(err.pos[0]);
    // The parser reports running out of stack as a syntax error: say what it means.
    const deep = /call stack/i.test(err.message);
    problems.push({
      file: shown,
      line: pos.line,
      column: pos.col,
      message: deep ? 'YAML: nested too deeply for the parser' : `YAML syntax: ${firstLine(err.message)}`,
      severity: 'error',
    });
    if (deep) break; // once is enough: every level below gives up the same way
  }
  if (problems.length > 0) return { parsed: null, problems };
  problems.push(...financialYearKeys(doc, lines, shown));
  if (problems.length > 0) return { parsed: null, problems };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    // A YAML bomb (aliases of aliases) is refused before it expands: reported at its first alias.
    const bomb = /alias/i.test((err as Error).message);
    let at: number | null = null;
    if (bomb) {
      visit(doc, {
        Alias(_, node) {
          at = node.range?.[0] ?? null;
          return visit.BREAK;
        },
      });
    }
    const pos = at === null ? null : lines.linePos(at);
    problems.push({
      file: shown,
      line: pos?.line ?? null,
      column: pos?.col ?? null,
      message: bomb ? `YAML: aliases expand to more than ${MAX_ALIAS_COUNT} copies (a YAML bomb?); write the values out instead` : `YAML: ${firstLine((err as Error).message)}`,
      severity: 'error',
    });
    return { parsed: null, problems };
  }
  return { parsed: { file, shown, doc, lines, data, text }, problems };
}

/**
 * Rewrites each map key written as a financial year (`2027-28:`) as the year it starts in, in the
 * document itself, so that the data and every later line and column see `2027`. A key such as
 * `2027-29`, or one that repeats a year written the other way, is a problem at the key.
 */
function financialYearKeys(doc: Document.Parsed, lines: LineCounter, shown: string): Problem[] {
  const problems: Problem[] = [];
  const at = (node: Node, message: string): void => {
    const pos = lines.linePos(node.range?.[0] ?? 0);
    problems.push({ file: shown, line: pos.line, column: pos.col, message, severity: 'error' });
  };
  visit(doc, {
    Map(_, map) {
      const seen = new Set(map.items.map((p) => keyText(p.key)));
      for (const pair of map.items) {
        if (!isScalar(pair.key) || typeof pair.key.value !== 'string') continue;
        const fy = startOfFinancialYear(pair.key.value);
        if (fy === null) continue;
        if ('problem' in fy) at(pair.key, `${fy.problem}`);
        else if (seen.has(String(fy.year))) at(pair.key, `"${pair.key.value}" is the year ${fy.year}, which this map already has a key for`);
        else {
          seen.add(String(fy.year));
          pair.key.value = fy.year;
        }
      }
    },
  });
  return problems;
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').trim();
}

function keyText(key: unknown): string {
  return String(isScalar(key) ? key.value : key);
}

/**
 * How deep `path` reaches into the document: the node at the longest prefix that exists, its depth,
 * and (when asked for the key and the whole path exists) the key node itself. A map standing where
 * the path has index 0 counts as that one item (`mix_shift:` given as one object instead of a list).
 */
export function locate(f: ScenarioFile, path: PathSeg[], atKey = false): { depth: number; line: number; col: number } {
  let node: unknown = f.doc.contents;
  let keyNode: Node | null = null;
  let depth = 0;
  for (const seg of path) {
    if (isMap(node)) {
      if (seg === 0) {
        depth++;
        continue;
      }
      const pair = node.items.find((p) => isPair(p) && keyText(p.key) === String(seg));
      if (!pair) break;
      keyNode = pair.key as Node;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof seg === 'number' && seg < node.items.length) {
      keyNode = null;
      node = node.items[seg];
    } else break;
    depth++;
  }
  const target = atKey && depth === path.length && keyNode ? keyNode : (node as Node | null);
  const offset = target?.range?.[0] ?? 0;
  const pos = f.lines.linePos(offset);
  return { depth, line: pos.line, col: pos.col };
}
