// The house rules a newcomer relies on (issue 22; docs/methodology.md, "The code's layout"), read
// from src/ with the TypeScript compiler: no file over 500 lines, no function over 100, no import
// from a lower layer to a higher (model ← scenario ← io ← cli; mc beside io), and no comment citing
// "SPEC" or a document outside the repository. The checks themselves are tested first, on small
// made-up sources, so that a check that finds nothing is known to be able to find something.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SRC = path.join(ROOT, 'src');
const MAX_FILE_LINES = 500;
const MAX_FUNCTION_LINES = 100;

/** The source files below src/, as paths relative to it with forward slashes. */
function sourceFiles(): string[] {
  return (readdirSync(SRC, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

// Each file is parsed once for all the checks: parsing is most of this test's time.
const parsed = new Map<string, ts.SourceFile>();
function parse(file: string, text: string): ts.SourceFile {
  const key = `${file}\n${text}`;
  let source = parsed.get(key);
  if (source === undefined) {
    source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    parsed.set(key, source);
  }
  return source;
}

/** The name a function goes by: its own, its variable's or property's, else `(anonymous)`; prefixed by the functions that hold it. */
function functionName(node: ts.SignatureDeclaration): string {
  const own = (n: ts.Node): string | null => {
    const named = (n as { name?: ts.Node }).name;
    if (named !== undefined && (ts.isIdentifier(named) || ts.isStringLiteral(named) || ts.isPrivateIdentifier(named))) return named.text;
    if (ts.isConstructorDeclaration(n)) return 'constructor';
    const parent = n.parent;
    if ((ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && ts.isIdentifier(parent.name)) return parent.name.text;
    return null;
  };
  const names: string[] = [];
  for (let n: ts.Node | undefined = node; n !== undefined; n = n.parent) {
    if (ts.isFunctionLike(n) && (n as { body?: ts.Node }).body !== undefined) names.unshift(own(n) ?? '(anonymous)');
  }
  return names.join('/');
}

/** Functions (declarations, methods, arrows, expressions) longer than `limit` lines, counted from their first token to their last. */
export function longFunctions(file: string, text: string, limit: number): Array<{ name: string; lines: number }> {
  const source = parse(file, text);
  const out: Array<{ name: string; lines: number }> = [];
  const visit = (n: ts.Node): void => {
    if (ts.isFunctionLike(n) && (n as { body?: ts.Node }).body !== undefined) {
      const first = source.getLineAndCharacterOfPosition(n.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(n.end).line;
      if (last - first + 1 > limit) out.push({ name: functionName(n), lines: last - first + 1 });
    }
    ts.forEachChild(n, visit);
  };
  visit(source);
  return out;
}

/** Every module a file names: static imports and re-exports, and `import('…')` calls. */
export function importedModules(file: string, text: string): string[] {
  const source = parse(file, text);
  const out: string[] = [];
  const visit = (n: ts.Node): void => {
    if ((ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) && n.moduleSpecifier !== undefined && ts.isStringLiteral(n.moduleSpecifier)) out.push(n.moduleSpecifier.text);
    if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword && n.arguments.length > 0 && ts.isStringLiteral(n.arguments[0])) out.push(n.arguments[0].text);
    ts.forEachChild(n, visit);
  };
  visit(source);
  return out;
}

/** A file's layer: its folder below src/ (`model`, `scenario`, `io`, `cli`, `mc`, `i18n`), or the file itself at the top (`errors.ts`). */
function layerOf(rel: string): string {
  return rel.split('/')[0];
}

/** The layers (or top-level files) each layer must not import from. */
const FORBIDDEN: Record<string, readonly string[]> = {
  common: ['scenario', 'io', 'cli', 'mc', 'i18n'],
  scenario: ['io', 'cli', 'mc', 'i18n'],
  i18n: ['io', 'cli', 'mc'],
  io: ['cli'],
  mc: ['cli'],
};

/** Why a file's import breaks the layering (`file -> module: why`), or null if it does not. `rel` is the file's path below src/. */
export function layerBreach(rel: string, specifier: string): string | null {
  const why = breachReason(rel, specifier);
  return why === null ? null : `${rel} -> ${specifier.startsWith('.') ? path.posix.normalize(path.posix.join(path.posix.dirname(rel), specifier)) : specifier}: ${why}`;
}

function breachReason(rel: string, specifier: string): string | null {
  const layer = layerOf(rel);
  const relative = specifier.startsWith('.');
  const target = relative ? path.posix.normalize(path.posix.join(path.posix.dirname(rel), specifier)) : null;
  if (layer === 'model') {
    // The model imports only itself, errors.ts and simple-statistics: it stays pure (docs/methodology.md, "The code's layout").
    if (target === null) return specifier === 'simple-statistics' ? null : `the model imports the package ${specifier}`;
    if (layerOf(target) === 'model' || target === 'errors.js') return null;
    return `the model imports ${target}`;
  }
  if (target === null) return null;
  const into = layerOf(target);
  return (FORBIDDEN[layer] ?? []).includes(into) ? `${layer} imports from the higher layer ${into}` : null;
}

/** Every comment's text in a source file, with its line (1-based). */
export function comments(file: string, text: string): Array<{ line: number; text: string }> {
  const source = parse(file, text);
  const seen = new Map<number, ts.CommentRange>();
  const collect = (ranges: ts.CommentRange[] | undefined): void => {
    for (const r of ranges ?? []) seen.set(r.pos, r);
  };
  const visit = (n: ts.Node): void => {
    collect(ts.getLeadingCommentRanges(text, n.getFullStart()));
    collect(ts.getTrailingCommentRanges(text, n.end));
    ts.forEachChild(n, visit);
  };
  visit(source);
  collect(ts.getLeadingCommentRanges(text, source.endOfFileToken.getFullStart()));
  return [...seen.values()]
    .sort((a, b) => a.pos - b.pos)
    .map((r) => ({ line: source.getLineAndCharacterOfPosition(r.pos).line + 1, text: text.slice(r.pos, r.end) }));
}

/** The repository's Markdown documents by name and by path, which a comment may cite. */
function repositoryDocuments(): { paths: Set<string>; names: Set<string> } {
  const paths = new Set<string>();
  for (const dir of ['', 'docs', 'data', 'scenarios', 'bench', 'test']) {
    const full = path.join(ROOT, dir);
    if (!existsSync(full)) continue;
    for (const f of readdirSync(full, { recursive: dir !== '' }) as string[]) {
      if (f.endsWith('.md') && !f.includes('node_modules')) paths.add(path.posix.join(dir, f.split(path.sep).join('/')));
    }
  }
  return { paths, names: new Set([...paths].map((p) => path.posix.basename(p))) };
}

/**
 * What a comment cites that a newcomer cannot open: "SPEC", a path outside the repository (absolute,
 * or climbing above it), or a Markdown document the repository does not hold.
 */
export function outsideCitations(rel: string, comment: string, documents: { paths: Set<string>; names: Set<string> }): string[] {
  const out: string[] = [];
  if (/\bSPEC\b/.test(comment)) out.push('SPEC');
  for (const m of comment.matchAll(/(?:^|[\s(`"'])((?:\.{1,2}\/|\/)?[\w.-]+(?:\/[\w.-]+)*\.md)\b/g)) {
    const cited = m[1];
    if (cited.startsWith('/')) {
      out.push(cited);
      continue;
    }
    const fromFile = path.posix.normalize(path.posix.join('src', path.posix.dirname(rel), cited));
    const fromRoot = path.posix.normalize(cited);
    if (cited.startsWith('../') && fromFile.startsWith('..')) {
      out.push(cited);
      continue;
    }
    const held = documents.paths.has(fromRoot) || documents.paths.has(fromFile) || (!cited.includes('/') && documents.names.has(cited));
    if (!held) out.push(cited);
  }
  return out;
}

describe('the checks find what they look for', () => {
  it('measures a function from its first line to its last, and names it after what holds it', () => {
    // f spans lines 1 to 5 (5 lines); the arrow g inside it lines 2 to 4 (3 lines).
    const text = 'function f() {\n  const g = () => {\n    return 1;\n  };\n}\n';
    expect(longFunctions('x.ts', text, 4)).toEqual([{ name: 'f', lines: 5 }]);
    expect(longFunctions('x.ts', text, 2)).toEqual([
      { name: 'f', lines: 5 },
      { name: 'f/g', lines: 3 },
    ]);
    expect(longFunctions('x.ts', 'register(() => {\n  a();\n});\n', 2)).toEqual([{ name: '(anonymous)', lines: 3 }]);
  });

  it('reads static imports, re-exports and import() calls', () => {
    const text = "import a from './a.js';\nimport type { B } from '../b.js';\nexport { c } from './c.js';\nconst d = await import('node:fs');\n";
    expect(importedModules('x.ts', text)).toEqual(['./a.js', '../b.js', './c.js', 'node:fs']);
  });

  it('refuses imports up the layers, and anything but itself, errors.ts and simple-statistics in the model', () => {
    expect(layerBreach('model/need.ts', './flows.js')).toBeNull();
    expect(layerBreach('model/matching/tiers.ts', '../types.js')).toBeNull();
    expect(layerBreach('model/need.ts', '../errors.js')).toBeNull();
    expect(layerBreach('model/quantile.ts', 'simple-statistics')).toBeNull();
    expect(layerBreach('model/need.ts', 'node:fs')).toMatch(/package node:fs/);
    expect(layerBreach('model/need.ts', '../scenario/params.js')).toMatch(/scenario\/params\.js/);
    expect(layerBreach('scenario/load.ts', '../model/types.js')).toBeNull();
    expect(layerBreach('scenario/load.ts', '../io/csv.js')).toBe('scenario/load.ts -> io/csv.js: scenario imports from the higher layer io');
    expect(layerBreach('scenario/load.ts', '../mc/pool.js')).toMatch(/higher layer mc/);
    expect(layerBreach('io/report/html.ts', '../../cli/render/metrics.js')).toMatch(/higher layer cli/);
    expect(layerBreach('io/dataset.ts', '../scenario/load.js')).toBeNull();
    expect(layerBreach('mc/worker.ts', '../cli/main.js')).toMatch(/higher layer cli/);
    expect(layerBreach('cli/main.ts', '../mc/pool.js')).toBeNull();
  });

  it('reads every comment, and finds SPEC and documents a newcomer cannot open', () => {
    const text = '// one\nconst a = 1; // two\n/** three */\nexport function f(): void {}\n// four\n';
    expect(comments('x.ts', text)).toEqual([
      { line: 1, text: '// one' },
      { line: 2, text: '// two' },
      { line: 3, text: '/** three */' },
      { line: 5, text: '// four' },
    ]);
    const docs = { paths: new Set(['docs/model.md', 'README.md']), names: new Set(['model.md', 'README.md']) };
    expect(outsideCitations('model/need.ts', '// docs/model.md §4.2; README.md', docs)).toEqual([]);
    expect(outsideCitations('model/need.ts', '// see ../../docs/model.md', docs)).toEqual([]);
    expect(outsideCitations('model/need.ts', '// SPEC §4.2', docs)).toEqual(['SPEC']);
    expect(outsideCitations('model/need.ts', '// as ../shared/STYLE.md says', docs)).toEqual(['../shared/STYLE.md']);
    expect(outsideCitations('model/need.ts', '// as /work/shared/SPEC.md says', docs)).toEqual(['SPEC', '/work/shared/SPEC.md']);
    expect(outsideCitations('model/need.ts', '// as docs/notes.md says', docs)).toEqual(['docs/notes.md']);
  });
});

describe('src/ keeps the house rules', () => {
  const files = sourceFiles().map((rel) => ({ rel, text: readFileSync(path.join(SRC, rel), 'utf8') }));

  it('reads the source tree', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it(`has no file over ${MAX_FILE_LINES} lines`, () => {
    const long = files.filter((f) => f.text.split('\n').length - (f.text.endsWith('\n') ? 1 : 0) > MAX_FILE_LINES).map((f) => f.rel);
    expect(long).toEqual([]);
  });

  it(`has no function over ${MAX_FUNCTION_LINES} lines`, () => {
    const long = files.flatMap((f) => longFunctions(f.rel, f.text, MAX_FUNCTION_LINES).map((fn) => `${f.rel}#${fn.name}`));
    expect(long).toEqual([]);
  });

  it('imports nothing from a higher layer', () => {
    const breaches = files.flatMap((f) => importedModules(f.rel, f.text).flatMap((m) => layerBreach(f.rel, m) ?? []));
    expect(breaches).toEqual([]);
  });

  it('cites no SPEC and no document outside the repository', () => {
    const documents = repositoryDocuments();
    const cited = files.flatMap((f) =>
      comments(f.rel, f.text).flatMap((c) => outsideCitations(f.rel, c.text, documents).map((what) => `src/${f.rel}:${c.line}: ${what}`)),
    );
    expect(cited).toEqual([]);
  });
});
