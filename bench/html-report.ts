/// <reference lib="dom" />
/**
 * Size and speed of the HTML report at the benchmark's default scale (about 26,000 findings):
 *
 *   npx tsx bench/html-report.ts [findings=26000] [accounts=2]
 *
 * Renders the report from synthetic findings over the real check catalog (real titles, citations and
 * remediation), prints its size (raw and gzip, as in a bundle zip) and render time, then opens it in
 * headless Chromium (CHROMIUM_BIN, default /usr/bin/chromium) and times the load and a status filter.
 * Standalone, not part of `npm run bench`'s scale points: it needs no moto.
 */
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { renderHtmlReport } from '../lib/report/html/index.js';
import { syntheticFindings, syntheticRun } from '../test/report/fixtures.js';

const count = Number(process.argv[2] ?? 26_000);
const accounts = Array.from({ length: Number(process.argv[3] ?? 2) }, (_, i) => String(111122223333 + i * 111111111).padStart(12, '0'));
const findings = syntheticFindings(count, accounts);
const run = syntheticRun(findings);

renderHtmlReport(run, findings.slice(0, 500)); // warm up the JIT
const started = performance.now();
const page = renderHtmlReport(run, findings);
const renderMs = performance.now() - started;
const file = join(tmpdir(), `hipaa-audit-report-${count}.html`);
await writeFile(file, page);
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
console.log(`${count} findings, ${accounts.length} accounts: ${mb(Buffer.byteLength(page))} (${mb(gzipSync(page).length)} gzip), rendered in ${renderMs.toFixed(0)} ms -> ${file}`);
console.log(`findings.json of the same findings: ${mb(Buffer.byteLength(JSON.stringify(findings, null, 2)))}`);

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_BIN ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const loadStarted = Date.now();
  await tab.goto(`file://${file}`, { waitUntil: 'load' });
  const loadMs = Date.now() - loadStarted;
  const filterStarted = Date.now();
  await tab.click('input[name="status"][value="FAIL"]');
  await tab.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
  const filterMs = Date.now() - filterStarted;
  console.log(`Chromium: opened in ${loadMs} ms; unticking "Fail" took ${filterMs} ms (${await tab.textContent('#shown')})`);
} finally {
  await browser.close();
}
