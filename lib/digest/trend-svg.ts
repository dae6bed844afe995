import { escapeHtml } from './html.js';
import { failTotal, type TrendPoint } from './trend.js';

/**
 * The trend as SVG (only ever rasterized to PNG for mail: SVG does not render in Gmail or Outlook).
 * Stacked bars of open failures by severity per week, a line for not-assessed checks, and the
 * numbers on the bars so the chart reads without a legend lookup.
 */

export const CHART_WIDTH = 600;
export const CHART_HEIGHT = 280;
export const CHART_FONT = 'DejaVu Sans';

const COLORS = { critical: '#7f1d1d', high: '#dc2626', medium: '#f59e0b', low: '#94a3b8', severityNotRecorded: '#cbd5e1', notAssessed: '#1d4ed8' } as const;
const STACK = ['low', 'medium', 'high', 'critical', 'severityNotRecorded'] as const;

function niceMax(value: number): number {
  if (value <= 5) return 5;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s * 5 >= value) ?? 10 * magnitude;
  return step * 5;
}

export function trendSvg(points: readonly TrendPoint[]): string {
  const left = 40;
  const right = 12;
  const top = 34;
  const bottom = 44;
  const plotW = CHART_WIDTH - left - right;
  const plotH = CHART_HEIGHT - top - bottom;
  const max = niceMax(Math.max(1, ...points.map((p) => (p.open ? Math.max(failTotal(p.open), p.open.notAssessed) : 0))));
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const slot = plotW / Math.max(1, points.length);
  const barW = Math.max(4, slot * 0.62);
  const out: string[] = [];
  const text = (x: number, yy: number, s: string, size: number, fill: string, anchor = 'middle', weight = 'normal') =>
    `<text x="${x.toFixed(1)}" y="${yy.toFixed(1)}" font-family="${CHART_FONT}" font-size="${size}" font-weight="${weight}" fill="${fill}" text-anchor="${anchor}">${escapeHtml(s)}</text>`;

  out.push(`<rect width="${CHART_WIDTH}" height="${CHART_HEIGHT}" fill="#ffffff"/>`);
  // Legend
  const legend: [string, string][] = [['Critical', COLORS.critical], ['High', COLORS.high], ['Medium', COLORS.medium], ['Low', COLORS.low], ['Not assessed', COLORS.notAssessed]];
  let lx = left;
  for (const [label, color] of legend) {
    out.push(label === 'Not assessed' ? `<line x1="${lx}" y1="14" x2="${lx + 14}" y2="14" stroke="${color}" stroke-width="3"/>` : `<rect x="${lx}" y="8" width="12" height="12" fill="${color}"/>`);
    out.push(text(lx + 18, 18, label, 12, '#334155', 'start'));
    lx += 18 + label.length * 7.2 + 16;
  }
  // Grid and y axis
  for (let i = 0; i <= 5; i++) {
    const v = (max / 5) * i;
    out.push(`<line x1="${left}" y1="${y(v).toFixed(1)}" x2="${CHART_WIDTH - right}" y2="${y(v).toFixed(1)}" stroke="${i === 0 ? '#64748b' : '#e2e8f0'}" stroke-width="1"/>`);
    out.push(text(left - 6, y(v) + 4, String(Math.round(v)), 11, '#475569', 'end'));
  }
  // Bars
  points.forEach((p, i) => {
    const cx = left + slot * i + slot / 2;
    out.push(text(cx, CHART_HEIGHT - bottom + 16, p.weekEnding.slice(5, 10), 10, '#475569'));
    if (!p.open) {
      out.push(text(cx, y(0) - 6, 'no run', 9, '#94a3b8'));
      return;
    }
    let base = 0;
    for (const k of STACK) {
      const v = p.open[k];
      if (v === 0) continue;
      out.push(`<rect x="${(cx - barW / 2).toFixed(1)}" y="${y(base + v).toFixed(1)}" width="${barW.toFixed(1)}" height="${(y(base) - y(base + v)).toFixed(1)}" fill="${COLORS[k]}"/>`);
      base += v;
    }
    out.push(text(cx, y(base) - 4, String(base), 11, '#0f172a', 'middle', 'bold'));
  });
  // Not-assessed line over the weeks that had a run
  const line = points
    .map((p, i) => (p.open ? `${(left + slot * i + slot / 2).toFixed(1)},${y(p.open.notAssessed).toFixed(1)}` : undefined))
    .filter((v): v is string => v !== undefined);
  if (line.length > 0) {
    out.push(`<polyline points="${line.join(' ')}" fill="none" stroke="${COLORS.notAssessed}" stroke-width="2.5"/>`);
    for (const pt of line) {
      const [px, py] = pt.split(',');
      out.push(`<circle cx="${px}" cy="${py}" r="3" fill="${COLORS.notAssessed}"/>`);
    }
  }
  out.push(text(left + plotW / 2, CHART_HEIGHT - 8, 'Open failures at the end of each week (week ending, UTC)', 11, '#475569'));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}">${out.join('')}</svg>`;
}
