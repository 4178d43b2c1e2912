// The report as a reader gets it: opened in a real headless Chromium (Debian's `chromium`, driven by
// playwright-core), in English and Welsh, with and without --compare and --runs. It must render with
// no console error and no failed or outside request (the file is self-contained: anything but the
// file itself is a request it must not make), have no script, give every chart role="img" with a
// non-empty <title> and <desc> in the report's language, fit a 1280-pixel window and A4 with no
// sideways scrolling, mark the Act's dates on every chart, and print on A4. A screenshot of each is saved in a temporary folder
// for a person to look at (the path is printed).
//
// .ci/run installs chromium when /usr/bin/chromium is absent; locally: apt-get install -y chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const dir = mkdtempSync(path.join(tmpdir(), 'sufficiency-report-'));

function report(name: string, ...args: string[]): string {
  const out = path.join(dir, `${name}.html`);
  const r = spawnSync(process.execPath, ['bin/sufficiency.js', 'report', ...args, '--out', out], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (r.status !== 0) throw new Error(`report ${name} failed (${r.status}): ${r.stderr}`);
  return out;
}

let context: BrowserContext;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH`);
  // A fresh profile each run: nothing cached or remembered from an earlier run.
  context = await chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'sufficiency-chromium-')), {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1280, height: 900 },
  });
}, 60_000);

afterAll(async () => {
  await context?.close();
  console.log(`report screenshots in ${dir}`);
});

const CASES: Array<{ name: string; args: string[]; lang: string }> = [
  // One run alone (in constant prices); one run against B in Welsh; Monte Carlo against B (paired
  // runs, bands). The shipped scenarios are random: --runs 1 keeps the one-run report (labelled one
  // draw) tested, and quick.
  { name: 'central-en', args: ['--scenario', 'central', '--runs', '1', '--prices', '2024'], lang: 'en-GB' },
  { name: 'central-compare-cy', args: ['--scenario', 'central', '--compare', 'baseline', '--lang', 'cy', '--runs', '1'], lang: 'cy' },
  { name: 'uncertain-runs-compare-en', args: ['--scenario', 'central-uncertain', '--compare', 'central', '--runs', '12', '--seed', '3'], lang: 'en-GB' },
];

describe('the HTML report in headless Chromium', () => {
  for (const c of CASES) {
    it(`${c.name}: renders with no console error and no request, every chart with its text alternative, prints on A4`, async () => {
      const file = report(c.name, ...c.args);
      const html = readFileSync(file, 'utf8');
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/\b(?:src|href)="(?:https?:)?\/\//i);

      const page = await context.newPage();
      const problems: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('request', (r) => requests.push(r.url()));
      page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
      const url = pathToFileURL(file).href;
      await page.goto(url, { waitUntil: 'load' });

      expect(problems).toEqual([]);
      expect(requests).toEqual([url]);
      expect(await page.getAttribute('html', 'lang')).toBe(c.lang);

      const charts = await page.$$eval('svg', (svgs) =>
        svgs.map((svg) => {
          const text = (attr: string): string => {
            const id = svg.getAttribute(attr);
            return id ? (svg.ownerDocument.getElementById(id)?.textContent ?? '') : '';
          };
          const box = svg.getBoundingClientRect();
          return { role: svg.getAttribute('role'), title: text('aria-labelledby'), desc: text('aria-describedby'), firstIsTitle: svg.firstElementChild?.tagName, width: box.width, height: box.height };
        }),
      );
      // Every block of metrics with figures has one chart over the years (S beside B with --compare),
      // and with --compare one chart of the difference per metric, each metric with its table.
      const blocks = await page.$$eval('div.metric', (ds) => ds.map((d) => ({ lines: d.querySelectorAll('figure:not(.difference) svg').length, diffs: d.querySelectorAll('figure.difference svg').length, tables: d.querySelectorAll('table').length })));
      expect(blocks.length).toBeGreaterThanOrEqual(5);
      for (const b of blocks) {
        expect(b.lines).toBe(1);
        expect(b.diffs).toBe(c.args.includes('--compare') ? b.tables : 0);
      }
      // And a tornado per headline question when the scenario has uncertain parameters (src/io/report/tornado.ts).
      const tornadoes = await page.$$eval('div.tornado', (d) => d.length);
      expect(tornadoes).toBe(c.args.includes('central-uncertain') ? 2 : 0);
      expect(charts.length).toBe(blocks.reduce((n, b) => n + b.lines + b.diffs, 0) + tornadoes);
      for (const ch of charts) {
        expect(ch.role).toBe('img');
        expect(ch.firstIsTitle).toBe('title');
        expect(ch.title.length).toBeGreaterThan(10);
        expect(ch.desc.length).toBeGreaterThan(80);
        expect(ch.width).toBeGreaterThan(300);
        expect(ch.height).toBeGreaterThan(100);
      }
      // Fits a 1280-pixel window: nothing scrolls sideways (docs/model.md §7; raw JSON in the parameters table
      // once made the page 1,378 px wide).
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
      // The Act's dates are marked on every chart over the years (dashed purple rules; at least one date
      // falls in every chart's years); a tornado has no years, so no marks.
      expect(await page.$$eval('svg.chart', (svgs) => svgs.filter((svg) => svg.closest('div.tornado') === null).every((svg) => svg.querySelector('[stroke="#7b3294"]') !== null))).toBe(true);
      // Every chart's text alternative is in the report's language: none of the chart library's own
      // English ("Title text 'Cymru'") is left inside an image, and in Welsh the title and description are Welsh.
      expect(await page.$$eval('svg.chart [aria-label], svg.chart [aria-roledescription]', (e) => e.length)).toBe(0);
      if (c.lang === 'cy') {
        for (const ch of charts) {
          expect(ch.desc).toMatch(/Siart (linell|bar)/);
          expect(ch.desc).toMatch(/1 Ebrill 2026/);
          expect(ch.desc).not.toMatch(/\b(?:Line chart|Bar chart|Title text|children|places|for each)\b/);
        }
      }
      // Distance from home and the shares placed at home are charted.
      // Distance from home (mean and p90 in one chart) and the shares placed at home (own LA and region in one chart).
      expect(await page.$$eval('#q-close div.metric', (ds) => ds.map((d) => d.querySelectorAll('table').length))).toEqual([2, 2]);

      // Every chart has the table of its figures right after it.
      expect(await page.$$eval('div.metric', (ds) => ds.every((d) => d.querySelector('svg') !== null && d.querySelector('table') !== null))).toBe(true);

      const shot = path.join(dir, `${c.name}.png`);
      await page.screenshot({ path: shot, fullPage: true });
      expect(statSync(shot).size).toBeGreaterThan(50_000);

      // Printing: A4 pages, more than one (each part starts a page).
      await page.emulateMedia({ media: 'print' });
      // At A4's width (210 mm = 794 CSS px, less the margins) nothing falls off the side either.
      await page.setViewportSize({ width: 794, height: 1123 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(794);
      await page.screenshot({ path: path.join(dir, `${c.name}-a4.png`) });
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
      expect(pages).toBeGreaterThan(5);
      await page.close();
      expect(problems).toEqual([]);
    }, 120_000);
  }
});
