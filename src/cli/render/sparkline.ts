// One-line sparklines: a value per year drawn as ▁▂▃▄▅▆▇█, scaled between the series' own minimum
// and maximum, or from zero (counts: 1,000 to 1,010 children is a flat line, not a cliff). An empty
// value (the base row of a flow metric) is a space.
const BARS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;

/**
 * `printed`, when given, is how the table writes a value (`0.92`, `1,234`, `83%`): the line is drawn
 * from the figures as printed, so that values that all print 0.92 make a flat line rather than one
 * across the full height, and two values that print alike get the same bar.
 */
export function sparkline(values: ReadonlyArray<number | null>, opts: { fromZero?: boolean; printed?: (v: number) => string } = {}): string {
  const { printed } = opts;
  if (printed !== undefined) values = values.map((v) => (v === null || !Number.isFinite(v) ? null : asPrinted(printed(v))));
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

/** The number a printed figure shows (`1,234.5` -> 1234.5, `−3` -> -3, `83%` -> 83); null for none (`–`). */
function asPrinted(text: string): number | null {
  const n = Number(text.replace(/[,%\s£]/g, '').replace(/^[−–]$/, '').replace(/^−/, '-'));
  return text.trim() === '–' || !Number.isFinite(n) ? null : n;
}
