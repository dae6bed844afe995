import type { RegionCoverage } from '../../model/coverage.js';
import type { Finding } from '../../model/finding.js';
import type { FindingStatus } from '../../model/status.js';
import type { ThresholdsRecord } from '../../model/thresholds.js';
import { ATTENTION_STATUSES, SETTLED_STATUSES, type CheckGroup, type HtmlReportModel } from './model.js';
import { html, type SafeHtml } from './safe-html.js';

/*
 * The page's body. Every value from a finding or a run goes through the `html` tag, which escapes it;
 * nothing here builds markup by string concatenation. Filtering reads the data-* attributes written
 * here (status and account index per row, severity and standards per check); without the script, every
 * row is in the page and the filter form stays hidden.
 */

export const STATUS_LABEL: Record<FindingStatus, string> = {
  FAIL: 'Fail', ERROR: 'Error', SUPPRESSED: 'Accepted risk', PASS: 'Pass', NOT_APPLICABLE: 'Not applicable',
};
/** Separates a check's standards in data-standards; no standard name contains it. */
export const STANDARD_SEPARATOR = '|';
/** Row attributes the filters read: the status, and the account as its index in the account filter. */
export const ROW_STATUS = 'data-s';
export const ROW_ACCOUNT = 'data-a';
/** Attribute on <body> naming the chosen account's index (the stylesheet hides the other accounts' rows). */
export const ACCOUNT_FILTER = 'data-account-filter';

const SOURCE_LABEL: Record<RegionCoverage['source'], string> = {
  config: 'AWS Config inventory',
  'resource-explorer': 'Resource Explorer inventory',
  unavailable: 'no inventory',
};

const number = (n: number): string => n.toLocaleString('en-US');

function statusBadge(status: FindingStatus): SafeHtml {
  return html`<b class="st-${status}">${STATUS_LABEL[status]}</b>`;
}

function countsLine(counts: Partial<Record<FindingStatus, number>>): string {
  return [...ATTENTION_STATUSES, ...SETTLED_STATUSES]
    .filter((s) => (counts[s] ?? 0) > 0)
    .map((s) => `${number(counts[s] ?? 0)} ${STATUS_LABEL[s].toLowerCase()}`)
    .join(' · ');
}

export function renderHeader(model: HtmlReportModel): SafeHtml {
  const { run } = model;
  const caveat =
    run.status === 'COMPLETE'
      ? html``
      : html`<p class="banner bad"><strong>Run ${run.status}.</strong> ${number(run.collectionErrors.length)} API call(s) failed; the checks that needed them report Error, never Pass. See <a href="#errors">collection errors</a>.</p>`;
  return html`<header>
<h1>HIPAA Security Rule audit report</h1>
<p class="lede">Run <code>${run.id}</code>: ${number(model.totals.FAIL)} failed, ${number(model.totals.ERROR)} not assessed (error), ${number(model.totals.SUPPRESSED)} accepted risks, ${number(model.totals.PASS)} passed, ${number(model.totals.NOT_APPLICABLE)} not applicable.</p>
${caveat}
<dl class="meta">
<dt>Run id</dt><dd><code>${run.id}</code></dd>
<dt>Run status</dt><dd><span class="run run-${run.status}">${run.status}</span></dd>
<dt>Account${run.accountIds.length === 1 ? '' : 's'}</dt><dd>${run.accountIds.join(', ')}</dd>
<dt>Regions</dt><dd>${run.regions.join(', ') || 'none'}</dd>
<dt>Started</dt><dd><time>${run.startedAt}</time></dd>
<dt>Finished</dt><dd><time>${run.finishedAt}</time></dd>
</dl>
</header>`;
}

export function renderStandardsSummary(model: HtmlReportModel): SafeHtml {
  const statuses: FindingStatus[] = [...ATTENTION_STATUSES, ...SETTLED_STATUSES];
  const rows = model.standards.map(
    (row) => html`<tr${Object.values(row.counts).every((n) => n === 0) ? html` class="none"` : html``}><th scope="row">${row.standard}</th>${statuses.map((s) => html`<td class="${row.counts[s] > 0 ? `n n-${s}` : 'n'}">${number(row.counts[s])}</td>`)}</tr>`,
  );
  return html`<section id="summary">
<h2>Summary by HIPAA standard</h2>
<table class="summary"><thead><tr><th scope="col">Standard</th>${statuses.map((s) => html`<th scope="col">${STATUS_LABEL[s]}</th>`)}</tr></thead>
<tbody>${rows}</tbody>
<tfoot><tr><th scope="row">All findings</th>${statuses.map((s) => html`<td class="n">${number(model.totals[s])}</td>`)}</tr></tfoot></table>
<p class="note">A finding that cites several standards is counted under each, so the rows can add up to more than the totals.</p>
</section>`;
}

export function renderThresholds(thresholds: ThresholdsRecord | undefined): SafeHtml {
  if (!thresholds) return html`<section id="thresholds"><h2>Effective thresholds</h2><p>Not recorded with this run (the defaults applied).</p></section>`;
  const weaker = new Map(thresholds.weakerThanDefault.map((w) => [w.key, w]));
  const below = new Map(thresholds.belowHipaaMinimum.map((b) => [b.key, b]));
  const rows = Object.entries(thresholds.values)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => {
      const b = below.get(key);
      const w = weaker.get(key);
      const note = b
        ? html`<span class="flag bad">below HIPAA's minimum of ${number(b.minimum)} (${b.citation})</span>`
        : w
          ? html`<span class="flag warn">weaker than the default ${number(w.default)}</span>`
          : html``;
      return html`<tr><th scope="row"><code>${key}</code></th><td class="n">${number(value)}</td><td>${note}</td></tr>`;
    });
  return html`<section id="thresholds">
<h2>Effective thresholds</h2>
<table><thead><tr><th scope="col">Threshold</th><th scope="col">Value</th><th scope="col">Note</th></tr></thead><tbody>${rows}</tbody></table>
</section>`;
}

/** Hidden until the script runs: without it the controls would do nothing, and every row is shown anyway. */
export function renderFilters(model: HtmlReportModel): SafeHtml {
  const { filters } = model;
  const box = (name: string, value: string, label: string, count: number) =>
    html`<label class="chip"><input type="checkbox" name="${name}" value="${value}" checked> ${label} <span class="muted">(${number(count)})</span></label>`;
  const severityCounts = new Map<string, number>();
  for (const g of [...model.attention, ...model.settled]) severityCounts.set(g.severity, (severityCounts.get(g.severity) ?? 0) + g.findings.length);
  return html`<form id="filters" hidden>
<fieldset><legend>Status</legend>${filters.statuses.map((s) => box('status', s, STATUS_LABEL[s], model.totals[s]))}</fieldset>
<fieldset><legend>Severity</legend>${filters.severities.map((s) => box('severity', s, s, severityCounts.get(s) ?? 0))}</fieldset>
<fieldset><legend>Standard and account</legend>
<label>Standard <select name="standard"><option value="">All standards</option>${filters.standards.map((s) => html`<option value="${s}">${s}</option>`)}</select></label>
<label>Account <select name="account"><option value="">All accounts</option>${filters.accounts.map((a, i) => html`<option value="${i}">${a}</option>`)}</select></label>
</fieldset>
<p><button type="reset">Show everything</button> <output id="shown" aria-live="polite"></output></p>
</form>`;
}

function citationsLine(group: CheckGroup): SafeHtml {
  return html`<p class="cite">${group.citations.map(
    (c, i) => html`${i > 0 ? '; ' : ''}<strong>${c.citation}</strong>${c.spec ? ` ${c.spec.title} (${c.spec.requirement})` : ''}`,
  )}</p>`;
}

function groupAttributes(group: CheckGroup): SafeHtml {
  return html`data-check="${group.checkId}" data-severity="${group.severity}" data-standards="${group.standards.join(STANDARD_SEPARATOR)}"`;
}

/** Said once in the check's header when every row shares it, else on each row. */
function sharedResourceType(group: CheckGroup): string | undefined {
  const first = group.findings[0]?.resource.type;
  return group.findings.every((f) => f.resource.type === first) ? first : undefined;
}

function rowAttributes(f: Finding, accountIndex: ReadonlyMap<string, number>): SafeHtml {
  return html`${ROW_STATUS}="${f.status}" ${ROW_ACCOUNT}="${accountIndex.get(f.resource.accountId) ?? -1}"`;
}

function attentionRow(f: Finding, group: CheckGroup, accountIndex: ReadonlyMap<string, number>, typeShared: boolean): SafeHtml {
  const suppression =
    f.status === 'SUPPRESSED' && f.suppression
      ? html`<p class="accepted">Accepted risk <code>${f.suppression.id}</code>, approved by ${f.suppression.approvedBy}, until ${f.suppression.expiresAt}: ${f.suppression.reason}</p>`
      : html``;
  const ownFix = group.remediation === undefined ? html`<p class="fix"><strong>Remediation:</strong> ${f.remediation}</p>` : html``;
  const type = typeShared ? html`` : html`<br><span class="muted">${f.resource.type}</span>`;
  return html`<tr ${rowAttributes(f, accountIndex)}><td>${statusBadge(f.status)}</td><td><b>${f.resource.id}</b><br><code class="arn">${f.resource.arn}</code>${type}</td><td>${f.resource.accountId}<br>${f.resource.region}</td><td>${f.reason}${suppression}${ownFix}</td></tr>`;
}

function attentionGroup(group: CheckGroup, accountIndex: ReadonlyMap<string, number>): SafeHtml {
  const type = sharedResourceType(group);
  const fix = group.remediation === undefined ? html`` : html`<div class="fix"><strong>Remediation</strong><p>${group.remediation}</p></div>`;
  return html`<article class="check" ${groupAttributes(group)}>
<h3><span class="sev sev-${group.severity}">${group.severity}</span> ${group.title} <code>${group.checkId}</code></h3>
<p class="muted">${countsLine(group.counts)}${type === undefined ? '' : ` · resource type ${type}`}</p>
${citationsLine(group)}${fix}
<table class="rows"><thead><tr><th scope="col">Status</th><th scope="col">Resource</th><th scope="col">Account, region</th><th scope="col">Reason</th></tr></thead>
<tbody>${group.findings.map((f) => attentionRow(f, group, accountIndex, type !== undefined))}</tbody></table>
</article>`;
}

/** Passing rows are many and alike: one line each, inside a collapsed block per check. */
function settledGroup(group: CheckGroup, accountIndex: ReadonlyMap<string, number>): SafeHtml {
  const rows = group.findings.map(
    (f) => html`<tr ${rowAttributes(f, accountIndex)}><td>${STATUS_LABEL[f.status]}</td><td><b>${f.resource.id}</b> <code class="arn">${f.resource.arn}</code></td><td>${f.resource.accountId} ${f.resource.region}</td><td>${f.reason}</td></tr>`,
  );
  return html`<details class="check" ${groupAttributes(group)}>
<summary><span class="sev sev-${group.severity}">${group.severity}</span> ${group.title} <code>${group.checkId}</code> <span class="muted">${countsLine(group.counts)}</span></summary>
${citationsLine(group)}
<table class="rows compact"><tbody>${rows}</tbody></table>
</details>`;
}

export function renderFindings(model: HtmlReportModel): SafeHtml {
  const accountIndex = new Map(model.filters.accounts.map((a, i) => [a, i]));
  const attention =
    model.attention.length === 0
      ? html`<p>No failures, errors or accepted risks in this run.</p>`
      : model.attention.map((g) => attentionGroup(g, accountIndex));
  const settled =
    model.settled.length === 0 ? html`<p>No passing or not-applicable results in this run.</p>` : model.settled.map((g) => settledGroup(g, accountIndex));
  return html`<section id="attention">
<h2>Failures, errors and accepted risks</h2>
<p class="note">Failures first, then checks that could not be assessed (Error), then accepted risks; within each, by severity. Each check's remediation is given in full.</p>
${attention}
</section>
<section id="settled">
<h2>Passed and not applicable</h2>
<p class="note">One collapsed block per check; open a block to see every resource.</p>
${settled}
</section>`;
}

export function renderCoverage(coverage: readonly RegionCoverage[]): SafeHtml {
  const counts = (list: RegionCoverage['assessed']) =>
    list.length === 0 ? html`<span class="muted">none</span>` : list.map((u, i) => html`${i > 0 ? ', ' : ''}<code>${u.resourceType}</code> ${number(u.count)}`);
  const rows = coverage.map((c) =>
    c.source === 'unavailable'
      ? html`<tr><td>${c.accountId}</td><td>${c.region}</td><td>${SOURCE_LABEL[c.source]}</td><td colspan="2">${c.reason ?? 'inventory unavailable'}</td></tr>`
      : html`<tr><td>${c.accountId}</td><td>${c.region}</td><td>${SOURCE_LABEL[c.source]}</td><td>${counts(c.unassessed)}</td><td>${counts(c.assessed)}</td></tr>`,
  );
  return html`<section id="coverage">
<h2>What this audit does not look at</h2>
<p class="note">Resource types present in each region (from its inventory) that no finding of this run is about. "No failures" means no failures in what was checked.</p>
${coverage.length === 0 ? html`<p>No coverage was recorded with this run.</p>` : html`<table><thead><tr><th scope="col">Account</th><th scope="col">Region</th><th scope="col">Source</th><th scope="col">Present, not assessed</th><th scope="col">Present, assessed</th></tr></thead><tbody>${rows}</tbody></table>`}
</section>`;
}

export function renderCollectionErrors(errors: HtmlReportModel['collectionErrors']): SafeHtml {
  const rows = errors.map(
    (e) => html`<tr><td>${e.accountId}</td><td>${e.region ?? 'global'}</td><td><code>${e.operation}</code></td><td><code>${e.code}</code></td><td>${e.message}</td></tr>`,
  );
  return html`<section id="errors">
<h2>Collection errors</h2>
${errors.length === 0
    ? html`<p>Every API call succeeded.</p>`
    : html`<p class="note">These calls failed; the checks that needed their data report Error for the affected scope, never Pass.</p><table><thead><tr><th scope="col">Account</th><th scope="col">Region</th><th scope="col">Operation</th><th scope="col">Code</th><th scope="col">Message</th></tr></thead><tbody>${rows}</tbody></table>`}
</section>`;
}
