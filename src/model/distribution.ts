// Uncertain scenario parameters (docs/model.md §4.1). A deterministic run takes the central value:
// the mean of a normal or uniform, the mode of a triangular (docs/model.md §4.2).

export type Distribution =
  | { normal: [mean: number, sd: number] }
  | { triangular: [min: number, mode: number, max: number] }
  | { uniform: [min: number, max: number] };

export function isDistribution(v: unknown): v is Distribution {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  return keys.length === 1 && (keys[0] === 'normal' || keys[0] === 'triangular' || keys[0] === 'uniform');
}

export function centralValue(d: Distribution): number {
  if ('normal' in d) return d.normal[0];
  if ('triangular' in d) return d.triangular[1];
  return (d.uniform[0] + d.uniform[1]) / 2;
}
