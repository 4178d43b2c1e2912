// Reading one scenario YAML file so that every later problem can name its line and column: the
// parsed document and its line counter are kept beside the plain data.
import { readFile } from 'node:fs/promises';
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { Problem } from '../errors.js';

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

/** Parses a file; YAML syntax errors come back as problems with their line and column. */
export async function readScenarioFile(file: string, shown: string): Promise<{ parsed: ScenarioFile | null; problems: Problem[] }> {
  const text = await readFile(file, 'utf8');
  return parseScenarioText(text, file, shown);
}

export function parseScenarioText(text: string, file: string, shown: string): { parsed: ScenarioFile | null; problems: Problem[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const problems: Problem[] = [];
  for (const err of doc.errors) {
    const pos = lines.linePos(err.pos[0]);
    problems.push({
      file: shown,
      line: pos.line,
      column: pos.col,
      message: `YAML syntax: ${firstLine(err.message)}`,
      severity: 'error',
    });
  }
  if (problems.length > 0) return { parsed: null, problems };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    problems.push({ file: shown, line: null, column: null, message: `YAML: ${firstLine((err as Error).message)}`, severity: 'error' });
    return { parsed: null, problems };
  }
  return { parsed: { file, shown, doc, lines, data, text }, problems };
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
