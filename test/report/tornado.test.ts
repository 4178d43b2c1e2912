// The report's tornado (docs/methodology.md, "Which assumption matters"): shown, with its text
// alternative, its table and the switching values, when the scenario has uncertain parameters;
// absent otherwise.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const S = ['--data', 'test/fixtures/cli/small', '--scenarios', 'test/fixtures/cli/scenarios'];

function report(scenario: string, ...args: string[]): string {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'sufficiency-tornado-')), 'r.html');
  const r = spawnSync(process.execPath, ['bin/sufficiency.js', 'report', '--scenario', scenario, '--out', out, ...S, ...args], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return readFileSync(out, 'utf8');
}

describe('report tornado', () => {
  it('shows a tornado per headline question, each with a text alternative, a table and switching values', () => {
    const html = report('exit-uncertain');
    const section = html.slice(html.indexOf('<section id="sensitivity"'), html.indexOf('</section>', html.indexOf('<section id="sensitivity"')));
    expect(html).toContain('<a href="#sensitivity">Which assumption matters</a>');
    for (const id of ['tornado1', 'tornado2']) {
      expect(section).toMatch(new RegExp(`<svg[^>]*role="img" aria-labelledby="${id}-title" aria-describedby="${id}-desc"`));
      expect(section).toMatch(new RegExp(`<desc id="${id}-desc">Tornado chart of [^<]+ in 2029-30; with every parameter central it is \\d\\.\\d\\d\\. 3 parameters`));
    }
    // Every uncertain parameter of exit-uncertain is a row of each table.
    expect(section.match(/<th scope="row">/g)).toHaveLength(6);
    expect(section).toContain('Switching values: is usable foster places per child needing one at least 1 in 2029-30?');
  });

  it('is left out for a scenario with nothing uncertain', () => {
    expect(report('exit')).not.toContain('id="sensitivity"');
  });

  it('is in Welsh with --lang cy', () => {
    expect(report('exit-uncertain', '--lang', 'cy')).toContain('<h2>Pa dybiaeth sy’n bwysig</h2>');
  });
});
