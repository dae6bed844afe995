import { ACCOUNT_FILTER, ROW_ACCOUNT, ROW_STATUS } from './markup.js';

/** The page's only stylesheet: system fonts, no images, readable printed (the filters are not printed). */
export const REPORT_CSS = `
:root{color-scheme:light;--fg:#0f172a;--muted:#475569;--line:#e2e8f0;--bad:#b91c1c;--warn:#b45309;--ok:#047857;--info:#334155}
*{box-sizing:border-box}
[hidden]{display:none!important}
body{margin:0 auto;max-width:1200px;padding:16px;font:14px/1.45 -apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:var(--fg);overflow-wrap:anywhere}
h1{font-size:22px;margin:0 0 6px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}h3{font-size:15px;margin:0 0 4px}
code{font:12px/1.4 ui-monospace,Menlo,Consolas,'Courier New',monospace}
table{border-collapse:collapse;width:100%;margin:6px 0}th,td{text-align:left;vertical-align:top;padding:4px 6px;border-bottom:1px solid var(--line)}
thead th{font-size:12px;color:var(--muted);font-weight:600}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.muted,.note{color:var(--muted)}.note{font-size:12px}
.lede{font-size:15px}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:8px 0}.meta dt{color:var(--muted)}.meta dd{margin:0}
.banner{padding:10px 12px;border-left:6px solid var(--bad);background:#fef2f2}
.run{font-weight:700}.run-COMPLETE{color:var(--ok)}.run-PARTIAL{color:var(--warn)}.run-FAILED{color:var(--bad)}
.summary tr.none{color:var(--muted)}.n-FAIL{color:var(--bad);font-weight:700}.n-ERROR{color:var(--warn);font-weight:700}
.flag{font-weight:600}.flag.bad{color:var(--bad)}.flag.warn{color:var(--warn)}
#filters{position:sticky;top:0;background:#fff;border:1px solid var(--line);padding:8px;margin:16px 0;z-index:1}
#filters fieldset{border:0;margin:0;padding:2px 0;display:flex;flex-wrap:wrap;gap:4px 10px;align-items:center}
#filters legend{float:left;font-weight:600;margin-right:8px}
#filters p{margin:6px 0 0}
.chip{white-space:nowrap}
.check{border:1px solid var(--line);border-radius:4px;padding:10px 12px;margin:10px 0;content-visibility:auto;contain-intrinsic-size:auto 240px}
details.check{padding:6px 12px}details.check summary{cursor:pointer}
.sev{display:inline-block;min-width:64px;text-align:center;border-radius:3px;padding:0 6px;font-size:12px;font-weight:700;color:#fff;text-transform:uppercase}
.sev-critical{background:#7f1d1d}.sev-high{background:var(--bad)}.sev-medium{background:var(--warn)}.sev-low{background:#64748b}
[class^="st-"]{white-space:nowrap}.st-FAIL{color:var(--bad)}.st-ERROR{color:var(--warn)}.st-SUPPRESSED{color:#0e7490}.st-PASS{color:var(--ok)}.st-NOT_APPLICABLE{color:var(--muted)}
.cite{margin:4px 0;font-size:13px}
.fix{background:#f8fafc;border-left:4px solid var(--info);padding:6px 10px;margin:6px 0}.fix p{margin:2px 0 0;white-space:pre-wrap}
p.fix{white-space:pre-wrap;border-left:0;padding:4px 0;background:none}
.accepted{margin:4px 0 0;color:#0e7490}
.arn{color:var(--muted);font-size:11px}
.rows td:first-child{width:110px}.rows td:nth-child(3){width:130px}
.compact td{padding:2px 6px;font-size:12px}
@media print{#filters{display:none}}
`;

/**
 * The filters hide rows by stylesheet rather than row by row: the script sets one class per unticked status
 * and one attribute for the chosen account on <body>, and the browser restyles 26,000 rows at once instead of
 * taking 26,000 `hidden` writes. Only statuses and account indexes (numbers) appear here, never account text.
 */
export function filterCss(statuses: readonly string[], accountCount: number): string {
  const status = statuses.map((s) => `body.hide-${s} tr[${ROW_STATUS}="${s}"]`).join(',');
  const accounts = Array.from({ length: accountCount }, (_, i) => `body[${ACCOUNT_FILTER}="${i}"] tr[${ROW_ACCOUNT}]:not([${ROW_ACCOUNT}="${i}"])`).join(',');
  return [status, accounts].filter(Boolean).map((selector) => `${selector}{display:none}`).join('\n') + '\n';
}
