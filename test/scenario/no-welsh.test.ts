// Geography comes from the data (docs/model.md §3.1): nothing Welsh is written into the model or the scenario
// code. The 22 Welsh LAs live in src/common/wales-las.ts, for the one warning that needs them (a scenario
// naming a Welsh LA the dataset leaves out).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const WELSH = /W06[0-9]|W92000004|north-wales|cardiff-and-vale/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('no Welsh codes or region slugs in src/model or src/scenario', () => {
  it.each(['src/model', 'src/scenario'])('%s', (dir) => {
    const hits = files(path.join(ROOT, dir)).flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => [`${path.relative(ROOT, f)}:${i + 1}: ${line.trim()}`, line] as const)
        .filter(([, line]) => WELSH.test(line))
        .map(([where]) => where),
    );
    expect(hits).toEqual([]);
  });
});
