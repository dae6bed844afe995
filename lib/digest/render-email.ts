import type { RenderOptions } from './format.js';
import type { DigestInput } from './input.js';
import { renderDigest, type RenderedDigest } from './render.js';
import { renderTrendPng } from './trend-png.js';

export const TREND_CONTENT_ID = 'trend-chart@hipaa-audit';

/**
 * The digest as mailed: the trend chart as an inline PNG (`cid:`), which is what Gmail, Outlook and
 * Apple Mail all show; SVG and scripts are not. Without any run in the last 12 weeks there is no
 * chart, and the numbers stay as text.
 */
export async function renderDigestEmail(input: DigestInput, options: RenderOptions = {}): Promise<RenderedDigest & { chartMs?: number }> {
  if (!input.trend.some((p) => p.open)) return renderDigest(input, options);
  const started = performance.now();
  const chart = await renderTrendPng(input.trend);
  const chartMs = Math.round(performance.now() - started);
  const digest = renderDigest(input, { ...options, trendImage: { src: `cid:${TREND_CONTENT_ID}`, width: chart.width, height: chart.height } });
  return {
    ...digest,
    inlineImages: [{ contentId: TREND_CONTENT_ID, contentType: 'image/png', filename: 'trend.png', data: chart.png }],
    chartMs,
  };
}
