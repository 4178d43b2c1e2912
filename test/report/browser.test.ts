// The report as a reader gets it: opened in a real headless Chromium (Debian's `chromium`, driven by
// playwright-core), in English and Welsh, with and without --compare and --runs. It must render with
// no console error and no failed or outside request (the file is self-contained: anything but the
// file itself is a request it must not make), have no script, give every chart role="img" with a
// non-empty <title> and <desc>, and print on A4. A screenshot of each is saved in a temporary folder
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
  // One run alone; one run against B in Welsh; Monte Carlo against B (paired runs, bands). The shipped
  // scenarios are random: --runs 1 keeps the one-run report (labelled one draw) tested, and quick.
  { name: 'central-en', args: ['--scenario', 'central', '--runs', '1'], lang: 'en-GB' },
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
      // Every metric with figures has a chart (two with --compare: S beside B, and the difference).
      const metricsWithData = await page.$$eval('div.metric', (d) => d.length);
      expect(metricsWithData).toBeGreaterThanOrEqual(5);
      // And a tornado per headline question when the scenario has uncertain parameters (src/io/report/tornado.ts).
      const tornadoes = await page.$$eval('div.tornado', (d) => d.length);
      expect(tornadoes).toBe(c.args.includes('central-uncertain') ? 2 : 0);
      expect(charts.length).toBe(metricsWithData * (c.args.includes('--compare') ? 2 : 1) + tornadoes);
      for (const ch of charts) {
        expect(ch.role).toBe('img');
        expect(ch.firstIsTitle).toBe('title');
        expect(ch.title.length).toBeGreaterThan(10);
        expect(ch.desc.length).toBeGreaterThan(80);
        expect(ch.width).toBeGreaterThan(300);
        expect(ch.height).toBeGreaterThan(100);
      }
      // Every chart has the table of its figures right after it.
      expect(await page.$$eval('div.metric', (ds) => ds.every((d) => d.querySelector('svg') !== null && d.querySelector('table') !== null))).toBe(true);

      const shot = path.join(dir, `${c.name}.png`);
      await page.screenshot({ path: shot, fullPage: true });
      expect(statSync(shot).size).toBeGreaterThan(50_000);

      // Printing: A4 pages, more than one (each part starts a page).
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
      expect(pages).toBeGreaterThan(5);
      await page.close();
      expect(problems).toEqual([]);
    }, 120_000);
  }
});
