/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The page.evaluate callbacks below run in the browser, where `document` exists.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../lib/model/finding.js';
import { renderHtmlReport } from '../../lib/report/html/index.js';
import { syntheticFindings, syntheticRun } from './fixtures.js';

/*
 * The report as an auditor opens it, in headless Chromium (Debian's /usr/bin/chromium; .ci/run installs
 * it, so this never skips). The page is served from one routed URL; every other request the page makes
 * is recorded and aborted, and the test fails on any: the report must load nothing.
 */
const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
const REPORT_URL = 'http://report.invalid/report.html';
const ACCOUNTS = ['111122223333', '444455556666'];

interface OpenedReport {
  page: Page;
  /** Requests other than the page itself: must stay empty. */
  requests: string[];
  /** Console errors and warnings, uncaught exceptions, CSP violations. */
  problems: string[];
}

let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 60_000);
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

async function openReport(page: string, options: { javaScriptEnabled?: boolean } = {}): Promise<OpenedReport> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  const opened: OpenedReport = { page: await context.newPage(), requests: [], problems: [] };
  await context.route('**/*', async (route) => {
    if (route.request().url() === REPORT_URL) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: page });
    opened.requests.push(route.request().url());
    return route.abort();
  });
  opened.page.on('request', (request) => {
    if (request.url() !== REPORT_URL) opened.requests.push(request.url());
  });
  opened.page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') opened.problems.push(`${message.type()}: ${message.text()}`);
  });
  opened.page.on('pageerror', (error) => opened.problems.push(`pageerror: ${error.message}`));
  await opened.page.goto(REPORT_URL, { waitUntil: 'load' });
  return opened;
}

/** Failure, error and accepted-risk rows the reader can see (not hidden by a filter, nor inside a hidden check). */
function visibleRows(page: Page): Promise<number> {
  return page.evaluate(() => [...document.querySelectorAll('#attention tr[data-s]')].filter((row) => row.checkVisibility()).length);
}

const count = (findings: readonly Finding[], predicate: (f: Finding) => boolean): number => findings.filter(predicate).length;
const isAttention = (f: Finding): boolean => f.status === 'FAIL' || f.status === 'ERROR' || f.status === 'SUPPRESSED';

describe('HTML report in headless Chromium', () => {
  const findings = syntheticFindings(900, ACCOUNTS);
  const run = syntheticRun(findings);
  const page = renderHtmlReport(run, findings);

  it('opens with no console errors and no network requests, every finding shown and the filters ready', async () => {
    const opened = await openReport(page);
    expect(opened.problems).toEqual([]);
    expect(opened.requests).toEqual([]);
    expect(await opened.page.isVisible('#filters')).toBe(true);
    expect(await opened.page.textContent('#shown')).toBe(`${findings.length} of ${findings.length} findings shown`);
    expect(await visibleRows(opened.page)).toBe(count(findings, isAttention));
    // Failures come first, the most severe first.
    const first = await opened.page.evaluate(() => document.querySelector('#attention [data-check]')?.getAttribute('data-severity'));
    expect(first).toBe('critical');
    expect(await opened.page.evaluate(() => document.querySelector('#attention tr[data-s]')?.getAttribute('data-s'))).toBe('FAIL');
  }, 60_000);

  it('filters by status, severity, standard and account without a reload, and "Show everything" undoes it', async () => {
    const { page: tab, problems, requests } = await openReport(page);
    const before = await visibleRows(tab);

    await tab.click('input[name="status"][value="FAIL"]');
    const withoutFail = count(findings, (f) => f.status === 'ERROR' || f.status === 'SUPPRESSED');
    expect(await visibleRows(tab)).toBe(withoutFail);
    expect(withoutFail).toBeLessThan(before);
    expect(await tab.evaluate(() => [...document.querySelectorAll('#attention tr[data-s="FAIL"]')].some((r) => r.checkVisibility()))).toBe(false);
    expect(await tab.textContent('#shown')).toBe(`${findings.length - count(findings, (f) => f.status === 'FAIL')} of ${findings.length} findings shown`);

    await tab.click('button[type="reset"]');
    await tab.waitForFunction((n) => document.getElementById('shown')?.textContent === `${n} of ${n} findings shown`, findings.length);
    expect(await visibleRows(tab)).toBe(before);

    await tab.click('input[name="severity"][value="high"]');
    expect(await visibleRows(tab)).toBe(count(findings, (f) => isAttention(f) && f.severity !== 'high'));

    await tab.click('button[type="reset"]');
    await tab.selectOption('select[name="account"]', { label: ACCOUNTS[1] ?? '' });
    expect(await visibleRows(tab)).toBe(count(findings, (f) => isAttention(f) && f.resource.accountId === ACCOUNTS[1]));

    await tab.click('button[type="reset"]');
    await tab.selectOption('select[name="standard"]', '164.312(b) Audit controls');
    const audited = count(findings, (f) => isAttention(f) && f.citations.some((c) => c.startsWith('164.312(b)')));
    expect(audited).toBeGreaterThan(0);
    expect(await visibleRows(tab)).toBe(audited);

    // Passing results sit collapsed per check; opening one shows its rows, still filtered.
    await tab.click('button[type="reset"]');
    await tab.waitForFunction((n) => document.getElementById('shown')?.textContent === `${n} of ${n} findings shown`, findings.length);
    expect(await tab.evaluate(() => [...document.querySelectorAll('#settled details')].every((d) => !(d as HTMLDetailsElement).open))).toBe(true);
    await tab.click('#settled details >> nth=0 >> summary');
    expect(await tab.evaluate(() => [...document.querySelectorAll('#settled details[open] tr[data-s]')].filter((r) => r.checkVisibility()).length)).toBeGreaterThan(0);

    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
  }, 60_000);

  it('shows every row without JavaScript, with the (useless) filter form hidden', async () => {
    const { page: tab, problems } = await openReport(page, { javaScriptEnabled: false });
    expect(await tab.isVisible('#filters')).toBe(false);
    expect(await visibleRows(tab)).toBe(count(findings, isAttention));
    expect(await tab.evaluate(() => document.querySelectorAll('tr[data-s]').length)).toBe(findings.length);
    expect(problems).toEqual([]);
  }, 60_000);

  it('renders hostile finding text as text: no injected element, no script run', async () => {
    const hostile = '<script>window.__injected = 1</script><img src="http://evil.invalid/x.png" onerror="window.__injected = 2"><svg onload="window.__injected = 3"></svg>';
    const base = syntheticFindings(10, ACCOUNTS);
    const poisoned: Finding[] = base.map((f, i) =>
      i === 0
        ? {
            ...f,
            status: 'SUPPRESSED',
            title: `Title ${hostile}`,
            reason: `Reason ${hostile}`,
            remediation: `Remediation ${hostile}`,
            resource: { ...f.resource, id: `"><iframe src="http://evil.invalid/"></iframe>`, arn: `arn:${hostile}`, accountId: `111"><b id="x">` },
            suppression: { id: hostile, reason: hostile, approvedBy: hostile, expiresAt: hostile },
          }
        : f,
    );
    const hostileRun = syntheticRun(poisoned, {
      id: `run-${hostile}`,
      collectionErrors: [{ accountId: '111122223333', region: hostile, code: hostile, message: hostile, operation: hostile }],
      coverage: [{ accountId: hostile, region: 'us-east-1', source: 'unavailable', reason: hostile, assessed: [], unassessed: [] }],
    });
    const { page: tab, problems, requests } = await openReport(renderHtmlReport(hostileRun, poisoned));
    const dom = await tab.evaluate(() => ({
      scripts: document.querySelectorAll('script').length,
      injected: document.querySelectorAll('img, svg, iframe, b#x').length,
      ran: (window as unknown as { __injected?: number }).__injected ?? null,
      text: document.body.textContent ?? '',
    }));
    expect(dom).toMatchObject({ scripts: 1, injected: 0, ran: null });
    expect(dom.text).toContain(`Reason ${hostile}`);
    expect(dom.text).toContain(`Remediation ${hostile}`);
    expect(requests).toEqual([]);
    expect(problems).toEqual([]);
    // The filters still work on the hostile page (the account filter keys on indexes, not on the text).
    await tab.click('input[name="status"][value="SUPPRESSED"]');
    expect(await visibleRows(tab)).toBe(count(poisoned, (f) => f.status === 'FAIL' || f.status === 'ERROR'));
  }, 60_000);
});
