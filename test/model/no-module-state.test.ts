// The model keeps no state between calls (README, "Development": a prepared base state or a solver's buffers are
// values the caller owns and passes): no module-level `let`, no module-level scratch arrays, weak maps
// or empty maps to fill. Constant tables built once from constants (state.ts's type ranks) are fine.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const MODEL = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'model');
const STATE = [/^let /, /^(const|let) \w+(: [^=]+)? = new (WeakMap|WeakSet|Float64Array|Float32Array|Int32Array|Uint32Array|Uint8Array|Int8Array)\b/, /^(const|let) \w+(: [^=]+)? = new (Map|Set)(<[^>]*>)?\(\);/];

/** The model's files, its folders (matching/) included, relative to src/model. */
function files(dir: string): string[] {
  return readdirSync(path.join(MODEL, dir)).flatMap((f) => {
    const rel = path.join(dir, f);
    return statSync(path.join(MODEL, rel)).isDirectory() ? files(rel) : rel.endsWith('.ts') ? [rel] : [];
  });
}

describe('src/model holds no module-level state', () => {
  it.each(files(''))('%s', (file) => {
    const lines = readFileSync(path.join(MODEL, file), 'utf8').split('\n');
    const hits = lines.map((line, i) => `${file}:${i + 1}: ${line}`).filter((_, i) => STATE.some((re) => re.test(lines[i])));
    expect(hits).toEqual([]);
  });
});
