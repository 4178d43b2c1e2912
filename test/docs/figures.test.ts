// Docs that cannot go stale (docs/methodology.md, "Writing a scenario" and the README's figures):
// every figure the README and docs/ quote from the tool is marked with the command that prints it
// (scripts/docs-figures.mjs describes the marks), and each mark is checked here against the built
// CLI. When the model or the data moves a figure, this fails naming the file, the line, the figure
// quoted and the figure printed; `node scripts/docs-figures.mjs --write` brings the text up to date.
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script, shared with the command that updates the docs
import { checkMark, docFiles, marksOf, styleOf, writeLike } from '../../scripts/docs-figures.mjs';

interface Finding {
  where: string;
  figure: string;
  now?: string;
  message: string;
}
interface Mark {
  file: string;
  line: number;
  args: string;
  kind: string;
  checks?: Array<{ metric: string; figure: string }>;
}

const marks = (docFiles() as string[]).flatMap((f) => marksOf(f) as Mark[]);

describe('the figures the README and docs/ quote are what the tool prints', () => {
  it('marks the README\'s money figures and its prevention example, and the figures of docs/methodology.md', () => {
    // README: the budget paper's two costs, the flows paragraph, the diff example; methodology: 5.
    expect(marks.filter((m) => m.file === 'README.md').length).toBeGreaterThanOrEqual(4);
    expect(marks.some((m) => m.file === 'README.md' && m.kind === 'figures' && m.args.includes('--prices 2024'))).toBe(true);
    expect(marks.some((m) => m.file === 'README.md' && m.kind === 'block')).toBe(true);
    expect(marks.filter((m) => m.file === 'docs/methodology.md').length).toBeGreaterThanOrEqual(5);
  });

  it('marks the README\'s base shares, its sensitivity example, its backtest figure and its example of a mean with its range', () => {
    const readme = marks.filter((m) => m.file === 'README.md');
    const checked = (metric: string): string[] => readme.flatMap((m) => (m.checks ?? []).filter((c) => c.metric === metric).map((c) => c.figure));
    expect(checked('for_profit_share_foster')).toContain('35%');
    expect(checked('for_profit_share_residential')).toContain('87%');
    expect(checked('placed_in_own_la_share_all')).toContain('65.6%');
    expect(checked('cost_one_off_gbp')).toHaveLength(1);
    expect(checked('placed_outside_wales_p90')).toHaveLength(1);
    expect(checked('bias')).toHaveLength(1);
    expect(readme.some((m) => m.kind === 'block' && m.args.startsWith('sensitivity '))).toBe(true);
  });

  it('keeps its cost low: one run of each command however many marks quote it, and the Monte Carlo commands few', () => {
    // Each command runs once (scripts/docs-figures.mjs keeps its output), so a new figure should
    // quote a command already listed. The shipped scenarios are random: a `project` makes 100 runs
    // and a `diff` 200 unless --runs says otherwise, about 0.04-0.07 s of CPU a run (docs/methodology.md,
    // "Monte Carlo figures"): 6 projects and 3 diffs are about 1,200 runs, one to two minutes on a CI core.
    const commands = [...new Set(marks.map((m) => m.args))];
    const monteCarlo = commands.filter((a) => /^(project|diff) /.test(a) && !/--runs 1\b/.test(a) && !/--data /.test(a));
    expect(monteCarlo.length, monteCarlo.join('\n')).toBeLessThanOrEqual(9);
  });

  for (const mark of marks) {
    it(`${mark.file}:${mark.line} sufficiency ${mark.args}`, () => {
      const findings = checkMark(mark) as Finding[];
      const report = findings.map((f) => `${f.where}: ${f.message}${f.now !== undefined ? `\n  text: ${f.figure}\n  now:  ${f.now}` : ''}`).join('\n');
      expect(report, 'stale: run `node scripts/docs-figures.mjs --write`, then read the diff').toBe('');
      // A diff of two random scenarios is 200 runs: on a busy machine (2 cores shared) it takes minutes, not seconds.
    }, 600_000);
  }
});

describe('the checker', () => {
  it('reads a figure at the precision it is written, and writes a new value alike', () => {
    // £552.3m is 552.3 million to a tenth of a million: 552,345,678 rounds to 552.3, 552,350,000 up to 552.4.
    expect(writeLike(552_345_678, '£552.3m')).toBe('£552.3m');
    expect(writeLike(552_350_000, '£552.3m')).toBe('£552.4m');
    expect(writeLike(398_780_360, '£394,702,950')).toBe('£398,780,360');
    // a signed change keeps its sign style: the typographic minus, an explicit plus
    expect(writeLike(-145, '−17')).toBe('−145');
    expect(writeLike(0.02, '+0.10')).toBe('+0.02');
    expect(writeLike(3.6184, '3.62')).toBe('3.62');
    expect(styleOf('1,990')).toMatchObject({ value: 1990, commas: true, decimals: 0 });
    expect(() => styleOf('about 5')).toThrow(/not a figure this check can read/);
  });

  it('fails a stale figure naming the file, the line, the figure quoted and the figure printed', () => {
    const text = [
      '<!-- checked: project --scenario prevention --by wales --to 2024 --format csv | year=2023 children_looked_after = 7,199 -->',
      'Wales had 7,199 children looked after.',
    ].join('\n');
    const [mark] = marksOf('FAKE.md', text) as Mark[];
    expect((checkMark(mark) as Finding[]).map((f) => f.message)).toEqual([
      'children_looked_after where year=2023: the text says 7,199, `sufficiency project --scenario prevention --by wales --to 2024 --format csv` prints 7198 (7,198)',
    ]);
  });

  it('fails a figure that the mark quotes but its paragraph does not (the two must change together)', () => {
    const text = [
      '<!-- checked: project --scenario prevention --by wales --to 2024 --format csv | year=2023 children_looked_after = 7,198 -->',
      'Wales had 7,200 children looked after.',
    ].join('\n');
    const [mark] = marksOf('FAKE.md', text) as Mark[];
    expect((checkMark(mark) as Finding[]).map((f) => `${f.where}: ${f.message}`)).toEqual(['FAKE.md:1: the mark quotes 7,198, but the paragraph after it (lines 2-2) does not']);
  });

  it('fails an example line the command no longer prints, showing the line it prints instead', () => {
    const text = ['<!-- checked: diff central prevention --by wales --format table | output -->', '```text', '2025-26    −146    +0.02', '```'].join('\n');
    const [mark] = marksOf('FAKE.md', text) as Mark[];
    const [finding] = checkMark(mark) as Finding[];
    expect(finding.where).toBe('FAKE.md:3');
    expect(finding.now).toMatch(/^2025-26 +−145 /);
  });
});
