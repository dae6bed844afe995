import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import type { TrendPoint } from './trend.js';
import { CHART_FONT, CHART_HEIGHT, CHART_WIDTH, trendSvg } from './trend-svg.js';

/*
 * Rasterized with resvg's WebAssembly build: no browser, no native binary, so the same bytes run on
 * the arm64 Lambda and on any machine that bundles it. The Lambda has no system fonts, so the font
 * comes from npm (DejaVu Sans) and is handed to resvg as a buffer. Both files are read at runtime
 * next to the code: the digest function's bundling must ship these two packages (nodeModules).
 */

const require = createRequire(import.meta.url);
let ready: Promise<Uint8Array> | undefined;

async function load(): Promise<Uint8Array> {
  const [wasm, font] = await Promise.all([
    readFile(require.resolve('@resvg/resvg-wasm/index_bg.wasm')),
    readFile(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
  ]);
  await initWasm(wasm);
  return new Uint8Array(font);
}

export interface TrendPng {
  png: Uint8Array;
  /** CSS pixels; the PNG is drawn at twice this for sharp text on high-density screens. */
  width: number;
  height: number;
}

export async function renderTrendPng(points: readonly TrendPoint[]): Promise<TrendPng> {
  ready ??= load();
  let font: Uint8Array;
  try {
    font = await ready;
  } catch (err) {
    ready = undefined; // a failed load is retried on the next digest, not cached forever
    throw err;
  }
  const resvg = new Resvg(trendSvg(points), { fitTo: { mode: 'width', value: CHART_WIDTH * 2 }, font: { fontBuffers: [font], defaultFontFamily: CHART_FONT } });
  try {
    return { png: resvg.render().asPng(), width: CHART_WIDTH, height: CHART_HEIGHT };
  } finally {
    resvg.free();
  }
}
