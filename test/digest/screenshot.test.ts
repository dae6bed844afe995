/// <reference lib="dom" />
// The page.evaluate callbacks below run in the browser, where `document` exists.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postureSentence } from '../../lib/digest/posture-sentence.js';
import { renderDigest } from '../../lib/digest/render.js';
import { renderTrendPng } from '../../lib/digest/trend-png.js';
import { sampleDigestInput } from './fixtures.js';

/*
 * The digest as a reader sees it, in headless Chromium (Debian's /usr/bin/chromium; .ci/run installs
 * it). In mail the chart is `cid:`; a browser cannot resolve that, so here the same PNG is a file next
 * to the HTML (a data: URL would count against the 100 KB HTML budget, which mail never sees).
 * Screenshots land in /tmp/digest-screens for a look by eye.
 */
const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
const SCREENS = '/tmp/digest-screens';

describe('digest in headless Chromium', () => {
  let browser: Browser;
  let pageUrl = '';
  const input = sampleDigestInput();

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    await mkdir(SCREENS, { recursive: true });
    const chart = await renderTrendPng(input.trend);
    await writeFile(join(SCREENS, 'trend.png'), chart.png);
    const { html } = renderDigest(input, { trendImage: { src: 'trend.png', width: chart.width, height: chart.height } });
    await writeFile(join(SCREENS, 'digest.html'), html, 'utf8');
    pageUrl = `file://${join(SCREENS, 'digest.html')}`;
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  for (const width of [390, 800]) {
    it(`opens with the posture, lists the critical finding first and shows the trend chart at ${width}px`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      try {
        await page.goto(pageUrl, { waitUntil: 'load' });
        const firstText = await page.evaluate(() => document.body.innerText.trim().split('\n')[0]);
        expect(firstText).toBe(postureSentence(input).sentence);
        const firstFix = await page.evaluate(() => {
          const card = document.querySelector('#fix-first table');
          return { severity: card?.querySelector('span')?.textContent, resource: card?.querySelectorAll('div')[2]?.textContent };
        });
        expect(firstFix.severity).toBe('critical');
        expect(firstFix.resource).toBe(input.fixFirst[0]?.finding.resource.id);
        const image = await page.evaluate(() => {
          const img = document.querySelector('img');
          return { naturalWidth: img?.naturalWidth ?? 0, complete: img?.complete, shownWidth: img?.getBoundingClientRect().width ?? 0, alt: img?.alt };
        });
        expect(image.complete).toBe(true);
        expect(image.naturalWidth).toBeGreaterThan(0);
        expect(image.shownWidth).toBeLessThanOrEqual(width); // scales down on a phone
        expect(image.alt).toMatch(/^Open failures per week by severity/);
        // Nothing wider than the viewport: the layout holds on a phone.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await writeFile(join(SCREENS, `digest-${width}.png`), await page.screenshot({ fullPage: true }));
        await writeFile(join(SCREENS, `digest-${width}-top.png`), await page.screenshot({ clip: { x: 0, y: 0, width, height: 1600 } }));
      } finally {
        await page.close();
      }
    }, 60_000);
  }
});
