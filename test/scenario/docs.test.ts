// docs/scenarios.md carries the reference table generated from the registry: a parameter added to the
// registry without `node scripts/scenario-docs.mjs` fails here.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { referenceTable, withReferenceTable } from '../../src/scenario/docs.js';
import { REGISTRY } from '../../src/scenario/registry.js';

const DOC = path.resolve(__dirname, '../../docs/scenarios.md');

describe('docs/scenarios.md', () => {
  it('holds the parameter reference generated from the registry (run node scripts/scenario-docs.mjs)', () => {
    const text = readFileSync(DOC, 'utf8');
    expect(withReferenceTable(text)).toBe(text);
  });

  it('the reference names every registry path once', () => {
    const table = referenceTable();
    for (const row of REGISTRY) expect(table.split(`\n| \`${row.path}\` |`).length - 1, row.path).toBe(1);
  });
});
