// One-line sparklines: a value per year drawn as ▁▂▃▄▅▆▇█, scaled between the series' own minimum
// and maximum, or from zero (counts: 1,000 to 1,010 children is a flat line, not a cliff). An empty
// value (the base row of a flow metric) is a space.
const BARS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;

export function sparkline(values: ReadonlyArray<number | null>, opts: { fromZero?: boolean } = {}): string {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (present.length === 0) return ' '.repeat(values.length);
  const min = opts.fromZero ? Math.min(0, ...present) : Math.min(...present);
  const max = Math.max(...present);
  return values
    .map((v) => {
      if (v === null || !Number.isFinite(v)) return ' ';
      if (max === min) return min === 0 ? BARS[0] : BARS[3];
      return BARS[Math.min(BARS.length - 1, Math.floor(((v - min) / (max - min)) * BARS.length))];
    })
    .join('');
}
