import { html, type SafeHtml } from './html.js';
import {
  CONTACT_LABEL,
  acceptanceScope,
  capped,
  contactNeedsAttention,
  dateOnly,
  dateTime,
  headline,
  linkExpirySentence,
  location,
  moreLabel,
  periodLabel,
  runBanner,
  signed,
  subjectLine,
  thresholdNotes,
  type Banner,
  type RenderOptions,
  MAX_COVERAGE_ROWS,
  notLookedAtList,
  FULL_LIST_HINT,
  PER_STANDARD_FOOTNOTE,
  periodRunsLine,
} from './format.js';
import { postureSentence } from './posture-sentence.js';
import { failTotal, trendLine } from './trend.js';
import type { AcceptanceItem, DigestFinding, DigestInput, PostureCounts } from './input.js';

/*
 * Mail-client constraints drive this file: no <style> block (Gmail apps strip or limit it), so all
 * CSS is inline; layout is nested tables (Outlook's Word engine ignores most div CSS); the content
 * table is fluid with max-width 640px so it fills a 360 px phone and stays readable on desktop; no
 * images, fonts or scripts load from anywhere (often blocked, and a privacy leak for the reader).
 */

const FONT = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;";
const TEXT = `${FONT}font-size:14px;line-height:1.45;color:#0f172a;`;
const MUTED = `${FONT}font-size:12px;line-height:1.4;color:#475569;`;
const H2 = `${FONT}margin:0 0 8px;font-size:16px;line-height:1.3;color:#0f172a;`;
const BREAK = 'word-break:break-word;overflow-wrap:anywhere;';
const MONO = "font-family:ui-monospace,Menlo,Consolas,'Courier New',monospace;font-size:12px;";

const TONES: Record<Banner['tone'], { bg: string; border: string; fg: string }> = {
  info: { bg: '#f8fafc', border: '#64748b', fg: '#334155' },
  ok: { bg: '#ecfdf5', border: '#047857', fg: '#065f46' },
  warn: { bg: '#fffbeb', border: '#b45309', fg: '#78350f' },
  bad: { bg: '#fef2f2', border: '#b91c1c', fg: '#7f1d1d' },
};

const SEVERITY_COLOR: Record<DigestFinding['severity'], string> = {
  critical: '#7f1d1d',
  high: '#b91c1c',
  medium: '#b45309',
  low: '#475569',
};

function section(title: string, body: SafeHtml | SafeHtml[]): SafeHtml {
  return html`<tr><td style="padding:18px 16px 4px;border-top:1px solid #e2e8f0;"><h2 style="${H2}">${title}</h2>${Array.isArray(body) ? body : [body]}</td></tr>`;
}

function para(text: string | SafeHtml, style = TEXT): SafeHtml {
  return html`<p style="margin:0 0 10px;${style}${BREAK}">${text}</p>`;
}

/** Rendering choices that are not part of the digest's data. */
export interface HtmlRenderOptions extends RenderOptions {
  /** The trend chart: `cid:...` in the email, a data: URL or file in a browser preview; a table without it. */
  trendImage?: { src: string; width: number; height: number };
}

function more(n: number, input?: DigestInput): SafeHtml {
  if (n <= 0) return html``;
  const link = input?.bundleLink ? html` <a href="${input.bundleLink.url}" style="color:#1d4ed8;">Download the evidence bundle</a>.` : html``;
  return para(html`${moreLabel(n)}. ${FULL_LIST_HINT}${link}`, `${MUTED}font-style:italic;`);
}

function box(tone: Banner['tone'], title: string, detail: SafeHtml | string): SafeHtml {
  const t = TONES[tone];
  return html`<table role="presentation" width="100%" cellspacing="0" cellpadding="0" border="0" style="border-collapse:collapse;"><tr><td style="background-color:${t.bg};border-left:6px solid ${t.border};padding:12px 14px;${FONT}color:${t.fg};${BREAK}"><div style="font-size:16px;font-weight:700;line-height:1.3;margin:0 0 4px;">${title}</div><div style="font-size:14px;line-height:1.45;">${detail}</div></td></tr></table>`;
}

function badge(label: string, color: string): SafeHtml {
  return html`<span style="display:inline-block;background-color:${color};color:#ffffff;${FONT}font-size:11px;font-weight:700;letter-spacing:0.04em;line-height:1;padding:3px 6px;border-radius:3px;text-transform:uppercase;">${label}</span>`;
}

/** One finding as a stacked card: columns do not fit a phone, ARNs wrap anywhere. */
function findingCard(f: DigestFinding, note: string, opts: { remediation: boolean }): SafeHtml {
  const color = SEVERITY_COLOR[f.severity];
  return html`<table role="presentation" width="100%" cellspacing="0" cellpadding="0" border="0" style="border-collapse:collapse;margin:0 0 10px;"><tr><td style="border-left:4px solid ${color};background-color:#f8fafc;padding:10px 12px;${BREAK}">
<div style="margin:0 0 4px;">${badge(f.severity, color)} <span style="${MUTED}">${note}</span></div>
<div style="${TEXT}font-weight:700;margin:0 0 2px;">${f.title}</div>
<div style="${MONO}color:#0f172a;${BREAK}margin:0 0 2px;">${f.resource.id}</div>
<div style="${MUTED}margin:0 0 6px;">${f.resource.type} · ${location(f.resource)}</div>
<div style="${TEXT}margin:0 0 6px;">${f.reason}</div>
${opts.remediation ? html`<div style="${TEXT}margin:0 0 6px;"><strong>Fix:</strong> <span style="${MONO}">${f.remediation}</span></div>` : ''}
<div style="${MUTED}">HIPAA ${f.citations.join(' · ')} · <span style="${MONO}font-size:11px;">${f.checkId}</span></div>
</td></tr></table>`;
}

/** The posture in one coloured sentence: the first text of the email, before who and when. */
function postureTop(input: DigestInput): SafeHtml {
  const p = postureSentence(input);
  const t = TONES[p.tone];
  return html`<tr><td style="background-color:${t.bg};border-top:8px solid ${t.border};padding:16px 16px 14px;${BREAK}"><div id="posture" style="${FONT}font-size:20px;font-weight:700;line-height:1.3;color:${t.fg};margin:0 0 6px;">${p.sentence}</div><div style="${FONT}font-size:13px;line-height:1.4;color:#334155;">${input.organizationName} · HIPAA safeguards weekly review · ${periodLabel(input.period)}</div></td></tr>`;
}

/** How complete the run was: a separate, smaller statement, so "complete" never reads as "compliant". */
function banner(input: DigestInput): SafeHtml {
  const b = runBanner(input);
  return html`<tr><td style="padding:12px 16px;">${box(b.tone, b.title, b.detail)}</td></tr>`;
}

function fixFirst(input: DigestInput): SafeHtml {
  const title = 'Fix first';
  if (input.fixFirst.length === 0) return section(title, para('No open failures.'));
  const items = input.fixFirst.map((f, i) =>
    findingCard(f.finding, `${i + 1}. ${f.change === 'NEW' ? 'New this period' : f.change === 'REGRESSED' ? 'Regressed (was fixed before)' : `Open ${f.ageDays} days`} · since ${dateOnly(f.failingSince)}`, { remediation: true }),
  );
  const rest = input.openFailureCount - input.fixFirst.length;
  return section(title, [
    para('Ranked by severity, then new or regressed, then age. The fix names the resource; values in <angle brackets> are choices for the engineer.', MUTED),
    html`<div id="fix-first">${items}</div>`,
    rest > 0 ? more(rest, input) : html``,
  ]);
}

function trend(input: DigestInput, options: HtmlRenderOptions): SafeHtml {
  const title = 'Trend: the last 12 weeks';
  const points = input.trend.filter((p) => p.open);
  if (points.length === 0) return section(title, para('No run recorded in the last 12 weeks yet.'));
  const first = points[0]!;
  const last = points.at(-1)!;
  const change = failTotal(last.open!) - failTotal(first.open!);
  const summary = `Open failures ${change < 0 ? 'down' : change > 0 ? 'up' : 'unchanged'} from ${failTotal(first.open!)} (${first.weekEnding.slice(0, 10)}) to ${failTotal(last.open!)} (${last.weekEnding.slice(0, 10)}); ${last.open!.notAssessed} not assessed now.`;
  const alt = `Open failures per week by severity, and not-assessed checks: ${input.trend.map(trendLine).join('; ')}`;
  const image = options.trendImage
    ? html`<img src="${options.trendImage.src}" width="${options.trendImage.width}" alt="${alt}" style="display:block;width:100%;max-width:${options.trendImage.width}px;height:auto;border:0;margin:0 0 8px;">`
    : html`<div style="${MONO}color:#334155;margin:0 0 8px;${BREAK}">${input.trend.map((p) => html`${trendLine(p)}<br>`)}</div>`;
  return section(title, [para(summary), image]);
}

/** Settings that quietly weaken the audit, shown near the top for as long as they last. */
function weakenedAudit(input: DigestInput): SafeHtml {
  const allResources = input.activeAcceptances.filter((a) => a.allResources);
  const { belowHipaa, weaker } = thresholdNotes(input);
  const boxes: SafeHtml[] = [];
  if (allResources.length > 0) {
    const items = allResources.map((a) => html`<div style="margin:4px 0 0;${BREAK}"><span style="${MONO}">${acceptanceScope(a)}</span> · approved by ${a.approvedBy} · until ${a.expiresOn}</div>`);
    boxes.push(box('bad', `${allResources.length} risk acceptance${allResources.length === 1 ? '' : 's'} cover${allResources.length === 1 ? 's' : ''} every resource of a check`, html`These checks are effectively switched off: their failures are reported as accepted everywhere until the acceptance expires.${items}`));
  }
  if (belowHipaa.length > 0) boxes.push(box('bad', 'Scanned with thresholds below what HIPAA requires', belowHipaa.join('; ')));
  if (weaker.length > 0) boxes.push(box('warn', 'Scanned with thresholds weaker than the defaults', weaker.join('; ')));
  return boxes.length > 0 ? html`<tr><td style="padding:0 16px 12px;">${boxes.map((b) => html`${b}<div style="height:8px;line-height:8px;font-size:8px;">&nbsp;</div>`)}</td></tr>` : html``;
}

function headlineNumbers(input: DigestInput): SafeHtml {
  const cells = headline(input).map((h) => {
    const color = h.delta.value === 0 ? '#0f172a' : h.bad ? '#b91c1c' : h.label === 'Fixed' ? '#047857' : '#0f172a';
    const change =
      h.delta.change === undefined ? html`&nbsp;` : html`${signed(h.delta.change)} vs last digest`;
    return html`<td width="33%" valign="top" style="width:33%;padding:8px 6px;border:1px solid #e2e8f0;text-align:center;"><div style="${FONT}font-size:24px;font-weight:700;line-height:1.2;color:${color};">${h.delta.value}</div><div style="${FONT}font-size:12px;line-height:1.3;color:#334155;">${h.label}</div><div style="${FONT}font-size:11px;line-height:1.3;color:#64748b;">${change}</div></td>`;
  });
  const rows = [cells.slice(0, 3), cells.slice(3, 6)].map((r) => html`<tr>${r}</tr>`);
  return html`<tr><td style="padding:4px 16px 12px;"><table role="presentation" width="100%" cellspacing="0" cellpadding="0" border="0" style="border-collapse:collapse;table-layout:fixed;">${rows}</table></td></tr>`;
}

function countCell(current: number, previous: number | undefined, worseWhenUp: boolean): SafeHtml {
  const change = previous === undefined ? undefined : current - previous;
  const color = change === undefined || change === 0 ? '#64748b' : (change > 0) === worseWhenUp ? '#b91c1c' : '#047857';
  return html`<td align="right" valign="top" style="padding:6px 4px;border-bottom:1px solid #e2e8f0;${FONT}font-size:14px;color:#0f172a;white-space:nowrap;">${current}${change === undefined ? '' : html`<div style="font-size:11px;color:${color};">${signed(change)}</div>`}</td>`;
}

function posture(input: DigestInput): SafeHtml {
  if (input.postureByStandard.length === 0) return section('Posture by HIPAA standard', para('No assessed findings yet.'));
  const th = (label: string, align: 'left' | 'right') =>
    html`<th align="${align}" style="padding:6px 4px;border-bottom:2px solid #cbd5e1;${FONT}font-size:12px;color:#334155;font-weight:600;">${label}</th>`;
  const rows = input.postureByStandard.map((r) => {
    const p: Partial<PostureCounts> = r.previous ?? {};
    return html`<tr><td valign="top" style="padding:6px 4px;border-bottom:1px solid #e2e8f0;${FONT}font-size:13px;line-height:1.35;color:#0f172a;${BREAK}">${r.standard}</td>${countCell(r.current.fail, p.fail, true)}${countCell(r.current.error, p.error, true)}${countCell(r.current.pass, p.pass, false)}${countCell(r.current.suppressed, p.suppressed, true)}</tr>`;
  });
  const note = input.previousPosture
    ? `Change since the previous digest (${dateOnly(input.previousPosture.asOf)}) is shown under each number.`
    : 'No previous digest to compare with; changes will appear from the next digest.';
  return section('Posture by HIPAA standard', [
    html`<table role="presentation" width="100%" cellspacing="0" cellpadding="0" border="0" style="border-collapse:collapse;margin:0 0 8px;"><tr>${th('Standard', 'left')}${th('Fail', 'right')}${th('Error', 'right')}${th('Pass', 'right')}${th('Accepted', 'right')}</tr>${rows}</table>`,
    para(note, MUTED),
    para(PER_STANDARD_FOOTNOTE, MUTED),
  ]);
}

function newFailures(input: DigestInput, options: RenderOptions): SafeHtml {
  if (input.newFailures.length === 0) return section('New & regressed failures', para('No new or regressed failures this period.'));
  const { shown, more: rest } = capped(input.newFailures, options);
  return section('New & regressed failures', [
    ...shown.map((f) =>
      findingCard(f.finding, `${f.kind === 'NEW' ? 'New' : 'Regressed (was fixed before)'} · ${dateOnly(f.at)}`, { remediation: true }),
    ),
    more(rest, input),
  ]);
}

function resolved(input: DigestInput, options: RenderOptions): SafeHtml {
  if (input.resolved.length === 0) return section('Resolved', para('Nothing was fixed this period.'));
  const { shown, more: rest } = capped(input.resolved, options);
  const items = shown.map(
    (r) =>
      html`<tr><td style="padding:6px 0;border-bottom:1px solid #e2e8f0;${BREAK}"><div style="${TEXT}"><span style="color:#047857;font-weight:700;">Fixed</span> ${r.finding.title}</div><div style="${MONO}color:#334155;${BREAK}">${r.finding.resource.id}</div><div style="${MUTED}">${location(r.finding.resource)} · ${dateOnly(r.at)}</div></td></tr>`,
  );
  return section('Resolved', [html`<table role="presentation" width="100%" cellspacing="0" cellpadding="0" border="0" style="border-collapse:collapse;">${items}</table>`, more(rest, input)]);
}

function oldestOpen(input: DigestInput, options: RenderOptions): SafeHtml {
  if (input.openFailureCount === 0) return section('Oldest open failures', para('No open failures.'));
  const { shown, more: rest } = capped(input.oldestOpenFailures, options, input.openFailureCount);
  const items = shown.map(
    (o) =>
      html`<tr><td width="64" valign="top" style="width:64px;padding:8px 8px 8px 0;border-bottom:1px solid #e2e8f0;${FONT}text-align:center;"><div style="font-size:20px;font-weight:700;color:#b91c1c;line-height:1.1;">${o.ageDays}</div><div style="font-size:11px;color:#475569;">days</div></td><td valign="top" style="padding:8px 0;border-bottom:1px solid #e2e8f0;${BREAK}"><div style="margin:0 0 2px;">${badge(o.finding.severity, SEVERITY_COLOR[o.finding.severity])} <span style="${TEXT}font-weight:600;">${o.finding.title}</span></div><div style="${MONO}color:#334155;${BREAK}">${o.finding.resource.id}</div><div style="${MUTED}">${location(o.finding.resource)} · failing since ${dateOnly(o.failingSince)}</div></td></tr>`,
  );
  return section('Oldest open failures', [
    html`<table role="presentation" width="100%" cellspacing="0" cellpadding="0" border="0" style="border-collapse:collapse;">${items}</table>`,
    more(rest, input),
  ]);
}

function errors(input: DigestInput, options: RenderOptions): SafeHtml {
  const title = 'Could not be assessed';
  if (input.errors.length === 0) return section(title, para('Every check could be assessed.'));
  const { shown, more: rest } = capped(input.errors, options);
  const items = shown.map(
    (e) =>
      html`<tr><td style="padding:6px 0;border-bottom:1px solid #e2e8f0;${BREAK}"><div style="${TEXT}font-weight:600;">${e.finding.title}</div><div style="${MONO}color:#334155;${BREAK}">${e.finding.resource.id}</div><div style="${TEXT}"><strong>Why:</strong> ${e.finding.reason}</div><div style="${MUTED}">${location(e.finding.resource)} · since ${dateOnly(e.since)}${e.lastAssessedStatus ? ` · last assessed result: ${e.lastAssessedStatus}` : ' · never assessed'}</div></td></tr>`,
  );
  return section(title, [
    box('warn', 'Not assessed is not compliant', 'These checks could not read the configuration they need (usually missing permissions or an unavailable service). Treat each as unknown until it is fixed and re-run.'),
    html`<div style="height:8px;line-height:8px;font-size:8px;">&nbsp;</div><table role="presentation" width="100%" cellspacing="0" cellpadding="0" border="0" style="border-collapse:collapse;">${items}</table>`,
    more(rest, input),
  ]);
}

function acceptanceRow(a: AcceptanceItem, when: string, color: string): SafeHtml {
  return html`<tr><td style="padding:6px 0;border-bottom:1px solid #e2e8f0;${BREAK}"><div style="${TEXT}"><span style="color:${color};font-weight:700;">${when}</span> · <span style="${MONO}">${a.checkId}</span></div><div style="${MONO}color:#334155;${BREAK}">${a.allResources ? `every resource (${a.resourcePattern})` : a.resourcePattern} (${a.accountId === '*' ? 'every account' : `account ${a.accountId}`})</div><div style="${TEXT}">${a.reason}</div><div style="${MUTED}">Approved by ${a.approvedBy} · expires ${a.expiresOn} · covers ${a.findingCount} finding${a.findingCount === 1 ? '' : 's'}</div></td></tr>`;
}

function acceptances(input: DigestInput, options: RenderOptions): SafeHtml {
  const title = 'Risk acceptances';
  const { expiredAcceptances: expired, expiringAcceptances: expiring, activeAcceptances: active } = input;
  const exp = capped(expired, options);
  const soon = capped(expiring, options);
  const all = capped(active, options);
  const table = (rows: SafeHtml[]) =>
    html`<table role="presentation" width="100%" cellspacing="0" cellpadding="0" border="0" style="border-collapse:collapse;">${rows}</table>`;
  const inForce =
    active.length > 0
      ? html`<div style="height:8px;line-height:8px;font-size:8px;">&nbsp;</div>${para(html`<strong>In force (${active.length}):</strong> every acceptance currently turning a FAIL into SUPPRESSED.`)}${table(all.shown.map((a) => acceptanceRow(a, a.allResources ? 'EVERY RESOURCE' : `Until ${a.expiresOn}`, a.allResources ? '#b91c1c' : '#334155')))}${more(all.more, input)}`
      : para('No risk acceptance is in force.');
  return section(title, [
    expired.length === 0 && expiring.length === 0 ? para('No risk acceptance has expired or expires within 30 days.') : html``,
    expired.length > 0
      ? html`${para(html`<strong>Expired (${expired.length}):</strong> renew with a new review or remediate; the findings count as failures again.`)}${table(exp.shown.map((a) => acceptanceRow(a, a.days === 0 ? 'Expired today' : `Expired ${a.days} days ago`, '#b91c1c')))}${more(exp.more, input)}`
      : html``,
    expiring.length > 0
      ? html`<div style="height:8px;line-height:8px;font-size:8px;">&nbsp;</div>${para(html`<strong>Expiring soon (${expiring.length}):</strong>`)}${table(soon.shown.map((a) => acceptanceRow(a, `Expires in ${a.days} day${a.days === 1 ? '' : 's'}`, '#b45309')))}${more(soon.more, input)}`
      : html``,
    inForce,
  ]);
}

function securityOfficial(input: DigestInput): SafeHtml {
  const title = 'Security official designation (164.308(a)(2))';
  const { accounts, officerEmails } = input.securityContact;
  const officers = officerEmails.length > 0 ? `Designated officer: ${officerEmails.join(', ')}.` : 'No officer address is configured for this digest, so contacts were checked for presence only.';
  const rows = accounts.map(
    (a) =>
      html`<tr><td style="padding:6px 0;border-bottom:1px solid #e2e8f0;${BREAK}"><div style="${TEXT}">Account <span style="${MONO}">${a.accountId}</span>: <strong style="color:${a.status === 'OK' ? '#047857' : '#b91c1c'};">${CONTACT_LABEL[a.status]}</strong></div>${a.detail ? html`<div style="${MUTED}">${a.detail}</div>` : ''}</td></tr>`,
  );
  const list = html`<table role="presentation" width="100%" cellspacing="0" cellpadding="0" border="0" style="border-collapse:collapse;">${rows}</table>`;
  if (!contactNeedsAttention(input)) return section(title, [para(`The SECURITY alternate contact is set in every account. ${officers}`), list]);
  return section(title, [
    box('bad', 'Security contact missing or not the designated officer', `AWS sends security notices to the SECURITY alternate contact. Set it to the designated security official in each account below (Account settings > Alternate contacts). ${officers}`),
    html`<div style="height:8px;line-height:8px;font-size:8px;">&nbsp;</div>`,
    list,
  ]);
}

function coverage(input: DigestInput): SafeHtml {
  const kv = (k: string, v: SafeHtml | string) =>
    html`<tr><td valign="top" width="90" style="width:90px;padding:4px 8px 4px 0;${MUTED}">${k}</td><td valign="top" style="padding:4px 0;${TEXT}${BREAK}">${v}</td></tr>`;
  const runs = input.runs.map(
    (r) =>
      html`<div style="margin:0 0 4px;"><strong style="color:${r.status === 'COMPLETE' ? '#047857' : '#b91c1c'};">${r.status}</strong> · finished ${dateTime(r.finishedAt)} · ${r.accountIds.length} account${r.accountIds.length === 1 ? '' : 's'}${r.collectionErrorCount > 0 ? ` · ${r.collectionErrorCount} collection errors` : ''}<div style="${MONO}color:#64748b;${BREAK}">${r.id}</div></div>`,
  );
  return section('Coverage', html`<table role="presentation" width="100%" cellspacing="0" cellpadding="0" border="0" style="border-collapse:collapse;margin:0 0 8px;">${kv('Accounts', input.accounts.join(', ') || 'none')}${kv('Regions', input.regions.join(', ') || 'none')}${kv('This period', periodRunsLine(input))}${kv('Thresholds', thresholdsSummary(input))}${kv('Latest runs', runs.length > 0 ? html`${runs}` : 'No run in this period')}</table>`);
}

function thresholdsSummary(input: DigestInput): string {
  const { belowHipaa, weaker } = thresholdNotes(input);
  if (input.runs.length > 0 && input.runs.every((r) => r.thresholds === undefined)) return 'not recorded by these runs';
  if (belowHipaa.length === 0 && weaker.length === 0) return 'the defaults (or stricter)';
  return [...belowHipaa.map((b) => `BELOW HIPAA MINIMUM: ${b}`), ...weaker.map((w) => `weaker than default: ${w}`)].join('; ');
}

/** Resource types present that no check looked at: "no failures" only speaks for what was checked. */
function notLookedAt(input: DigestInput): SafeHtml {
  const title = 'What this audit does not look at';
  const rows = input.notLookedAt;
  if (rows.length === 0) return section(title, para(input.runs.length > 0 ? 'Every resource type found in the inventory was assessed.' : 'No run in this period.'));
  const shown = rows.slice(0, MAX_COVERAGE_ROWS).map(
    (c) =>
      html`<div style="margin:0 0 6px;${TEXT}${BREAK}"><strong>${c.accountId} ${c.region}</strong>: ${c.source === 'unavailable' ? (c.reason ?? 'inventory unavailable') : notLookedAtList(c.unassessed)}</div>`,
  );
  return section(title, [
    para('Resource types present in these regions that no check of this product assesses. Review them with your risk analysis (164.308(a)(1)(ii)(A)).', MUTED),
    ...shown,
    more(rows.length - shown.length, input),
  ]);
}

function bundle(input: DigestInput): SafeHtml {
  const link = input.bundleLink;
  const signer = input.signingKeyFingerprint
    ? para(`Manifests are signed by the key with SHA-256 fingerprint ${input.signingKeyFingerprint}. Pin it when verifying: hipaa-audit verify BUNDLE --trusted-key-fingerprint ${input.signingKeyFingerprint}`, MUTED)
    : html``;
  if (input.bundleMissing) {
    return section('Evidence bundle', [
      para(`The evidence bundle for this period is missing: ${input.bundleMissing.reason}`),
      para(`Build it with: ${input.bundleMissing.command}`, MUTED),
      signer,
    ]);
  }
  if (!link) return section('Evidence bundle', [para('No evidence bundle link is attached to this digest. Export one with the evidence command when needed.', MUTED), signer]);
  return section('Evidence bundle', [
    html`<table role="presentation" cellspacing="0" cellpadding="0" border="0" style="border-collapse:collapse;margin:0 0 8px;"><tr><td style="background-color:#1d4ed8;border-radius:4px;"><a href="${link.url}" style="display:inline-block;padding:10px 16px;${FONT}font-size:14px;font-weight:700;color:#ffffff;text-decoration:none;">Download the signed evidence bundle</a></td></tr></table>`,
    para(link.expiresAt ? `${linkExpirySentence(link)} Keep the downloaded bundle with this email.` : 'Keep the downloaded bundle with this email.', MUTED),
    signer,
  ]);
}

function footer(input: DigestInput): SafeHtml {
  return html`<tr><td style="padding:16px;border-top:1px solid #e2e8f0;background-color:#f8fafc;"><p style="margin:0;${MUTED}">Generated ${dateTime(input.generatedAt)} by hipaa-audit. This digest documents information system activity review (164.308(a)(1)(ii)(D)) and ongoing evaluation (164.308(a)(8)); forward it unchanged to keep it as evidence.</p></td></tr>`;
}

export function renderDigestHtml(input: DigestInput, options: HtmlRenderOptions = {}): string {
  const subject = subjectLine(input);
  const preview = postureSentence(input).sentence;
  const body = html`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="x-apple-disable-message-reformatting"><meta name="color-scheme" content="light"><title>${subject}</title></head>
<body style="margin:0;padding:0;background-color:#f1f5f9;-webkit-text-size-adjust:100%;">
<div style="display:none;max-height:0;overflow:hidden;mso-hide:all;">${preview}</div>
<table role="presentation" width="100%" cellspacing="0" cellpadding="0" border="0" style="background-color:#f1f5f9;"><tr><td align="center" style="padding:12px 6px;">
<!--[if mso]><table role="presentation" width="640" cellspacing="0" cellpadding="0" border="0"><tr><td><![endif]-->
<table role="presentation" width="100%" cellspacing="0" cellpadding="0" border="0" style="width:100%;max-width:640px;background-color:#ffffff;border:1px solid #e2e8f0;border-collapse:collapse;text-align:left;">
${postureTop(input)}${banner(input)}${weakenedAudit(input)}${headlineNumbers(input)}${fixFirst(input)}${trend(input, options)}${posture(input)}${newFailures(input, options)}${resolved(input, options)}${oldestOpen(input, options)}${errors(input, options)}${acceptances(input, options)}${securityOfficial(input)}${coverage(input)}${notLookedAt(input)}${bundle(input)}${footer(input)}
</table>
<!--[if mso]></td></tr></table><![endif]-->
</td></tr></table>
</body></html>
`;
  return body.value;
}
