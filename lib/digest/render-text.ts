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
  thresholdNotes,
  type RenderOptions,
  MAX_COVERAGE_ROWS,
  notLookedAtList,
  FULL_LIST_HINT,
  PER_STANDARD_FOOTNOTE,
  periodRunsLine,
} from './format.js';
import { postureSentence } from './posture-sentence.js';
import { trendLine } from './trend.js';
import type { DigestFinding, DigestInput, PostureCounts } from './input.js';

/*
 * The text/plain alternative: what a text-only client, a screen reader or a mail archive shows.
 * Same sections and order as the HTML body; plain lines so it survives quoting when forwarded.
 */

function heading(title: string): string[] {
  // Not upper-cased: that would turn citations like 164.308(a)(2) into 164.308(A)(2).
  return ['', title, '='.repeat(Math.min(title.length, 60))];
}

function withMore(lines: string[], more: number): string[] {
  return more > 0 ? [...lines, `  ... ${moreLabel(more)}. ${FULL_LIST_HINT}`] : lines;
}

function findingLines(f: DigestFinding, note: string, remediation: boolean): string[] {
  return [
    `* [${f.severity.toUpperCase()}] ${f.title} (${note})`,
    `  Resource: ${f.resource.id} (${f.resource.type})`,
    `  Where: ${location(f.resource)}`,
    `  Reason: ${f.reason}`,
    ...(remediation ? [`  Fix: ${f.remediation}`] : []),
    `  HIPAA: ${f.citations.join(', ')} [${f.checkId}]`,
  ];
}

function countText(label: string, current: number, previous: number | undefined): string {
  return `${label} ${current}${previous === undefined ? '' : ` (${signed(current - previous)})`}`;
}

export function renderDigestText(input: DigestInput, options: RenderOptions = {}): string {
  const banner = runBanner(input);
  const posture = postureSentence(input);
  const out: string[] = [
    `${posture.tone === 'bad' ? '[RED] ' : posture.tone === 'warn' ? '[AMBER] ' : '[GREEN] '}${posture.sentence}`,
    '',
    `${input.organizationName}: HIPAA technical safeguards, weekly review`,
    `Period: ${periodLabel(input.period)}`,
    '',
  ];
  const calm = banner.tone === 'ok' || banner.tone === 'info';
  out.push(calm ? `Run status: ${banner.title}. ${banner.detail}` : `!!! ${banner.title} !!!`, ...(calm ? [] : [banner.detail]));

  const allResources = input.activeAcceptances.filter((a) => a.allResources);
  const notes = thresholdNotes(input);
  if (allResources.length > 0) {
    out.push('', `!!! ${allResources.length} risk acceptance(s) cover EVERY resource of a check (the check is effectively off) !!!`);
    for (const a of allResources) out.push(`* ${acceptanceScope(a)}; approved by ${a.approvedBy}; until ${a.expiresOn}`);
  }
  if (notes.belowHipaa.length > 0) out.push('', `!!! Scanned with thresholds below what HIPAA requires: ${notes.belowHipaa.join('; ')} !!!`);
  if (notes.weaker.length > 0) out.push('', `Scanned with thresholds weaker than the defaults: ${notes.weaker.join('; ')}`);

  out.push(...heading('Headline'));
  for (const h of headline(input)) {
    out.push(`${h.label}: ${h.delta.value}${h.delta.change === undefined ? '' : ` (${signed(h.delta.change)} vs last digest)`}`);
  }

  out.push(...heading('Fix first'));
  if (input.fixFirst.length === 0) out.push('No open failures.');
  else out.push('Ranked by severity, then new or regressed, then age.');
  out.push(
    ...withMore(
      input.fixFirst.flatMap((f, i) =>
        findingLines(f.finding, `${i + 1}; ${f.change === 'NEW' ? 'new' : f.change === 'REGRESSED' ? 'regressed' : `open ${f.ageDays} days`} since ${dateOnly(f.failingSince)}`, true),
      ),
      input.fixFirst.length > 0 ? input.openFailureCount - input.fixFirst.length : 0,
    ),
  );

  out.push(...heading('Trend: the last 12 weeks (end of each week)'));
  if (input.trend.every((p) => !p.open)) out.push('No run recorded in the last 12 weeks yet.');
  else out.push(...input.trend.map((p) => `* ${trendLine(p)}`));

  out.push(...heading('Posture by HIPAA standard'));
  if (input.postureByStandard.length === 0) out.push('No assessed findings yet.');
  for (const r of input.postureByStandard) {
    const p: Partial<PostureCounts> = r.previous ?? {};
    out.push(
      `${r.standard}: ${[countText('fail', r.current.fail, p.fail), countText('error', r.current.error, p.error), countText('pass', r.current.pass, p.pass), countText('accepted', r.current.suppressed, p.suppressed)].join(', ')}`,
    );
  }
  if (input.postureByStandard.length > 0) {
    out.push(input.previousPosture ? `(Changes since the previous digest of ${dateOnly(input.previousPosture.asOf)} in brackets.)` : '(No previous digest to compare with.)');
    out.push(`(${PER_STANDARD_FOOTNOTE})`);
  }

  out.push(...heading('New & regressed failures'));
  if (input.newFailures.length === 0) out.push('No new or regressed failures this period.');
  const nf = capped(input.newFailures, options);
  out.push(...withMore(nf.shown.flatMap((f) => findingLines(f.finding, `${f.kind === 'NEW' ? 'new' : 'regressed'} ${dateOnly(f.at)}`, true)), nf.more));

  out.push(...heading('Resolved'));
  if (input.resolved.length === 0) out.push('Nothing was fixed this period.');
  const rs = capped(input.resolved, options);
  out.push(...withMore(rs.shown.map((r) => `* Fixed ${dateOnly(r.at)}: ${r.finding.title}: ${r.finding.resource.id} (${location(r.finding.resource)})`), rs.more));

  out.push(...heading('Oldest open failures'));
  if (input.openFailureCount === 0) out.push('No open failures.');
  const od = capped(input.oldestOpenFailures, options, input.openFailureCount);
  out.push(...withMore(od.shown.map((o) => `* ${o.ageDays} days [${o.finding.severity.toUpperCase()}] ${o.finding.title}: ${o.finding.resource.id} (${location(o.finding.resource)})`), od.more));

  out.push(...heading('Could not be assessed'));
  if (input.errors.length === 0) out.push('Every check could be assessed.');
  else out.push('NOT ASSESSED IS NOT COMPLIANT: treat each item as unknown until it is fixed and re-run.');
  const er = capped(input.errors, options);
  out.push(
    ...withMore(
      er.shown.flatMap((e) => [
        `* ${e.finding.title}: ${e.finding.resource.id} (${location(e.finding.resource)})`,
        `  Why: ${e.finding.reason}`,
        `  Since ${dateOnly(e.since)}; ${e.lastAssessedStatus ? `last assessed result: ${e.lastAssessedStatus}` : 'never assessed'}`,
      ]),
      er.more,
    ),
  );

  out.push(...heading('Risk acceptances'));
  if (input.expiredAcceptances.length === 0 && input.expiringAcceptances.length === 0) out.push('No risk acceptance has expired or expires within 30 days.');
  const acceptanceLine = (a: DigestInput['expiredAcceptances'][number], when: string) =>
    `* ${when}: ${acceptanceScope(a)}; ${a.reason}; approved by ${a.approvedBy}; covers ${a.findingCount} finding(s)`;
  const ex = capped(input.expiredAcceptances, options);
  if (input.expiredAcceptances.length > 0) out.push(`Expired (${input.expiredAcceptances.length}): renew with a new review or remediate.`);
  out.push(...withMore(ex.shown.map((a) => acceptanceLine(a, `EXPIRED ${a.expiresOn} (${a.days} days ago)`)), ex.more));
  const soon = capped(input.expiringAcceptances, options);
  if (input.expiringAcceptances.length > 0) out.push(`Expiring soon (${input.expiringAcceptances.length}):`);
  out.push(...withMore(soon.shown.map((a) => acceptanceLine(a, `expires ${a.expiresOn} (in ${a.days} days)`)), soon.more));
  const inForce = capped(input.activeAcceptances, options);
  out.push(input.activeAcceptances.length > 0 ? `In force (${input.activeAcceptances.length}):` : 'No risk acceptance is in force.');
  out.push(...withMore(inForce.shown.map((a) => acceptanceLine(a, `until ${a.expiresOn}`)), inForce.more));

  out.push(...heading('Security official designation (164.308(a)(2))'));
  const officers = input.securityContact.officerEmails;
  if (contactNeedsAttention(input)) out.push('WARNING: the SECURITY alternate contact is missing or is not the designated security official in some accounts.');
  out.push(officers.length > 0 ? `Designated officer: ${officers.join(', ')}` : 'No officer address configured for this digest; contacts checked for presence only.');
  for (const a of input.securityContact.accounts) out.push(`* Account ${a.accountId}: ${CONTACT_LABEL[a.status]}${a.detail ? ` (${a.detail})` : ''}`);

  out.push(...heading('Coverage'));
  out.push(`Accounts: ${input.accounts.join(', ') || 'none'}`, `Regions: ${input.regions.join(', ') || 'none'}`);
  out.push(`This period: ${periodRunsLine(input)}`);
  const thresholdLines = [...notes.belowHipaa.map((b) => `BELOW HIPAA MINIMUM: ${b}`), ...notes.weaker.map((w) => `weaker than default: ${w}`)];
  out.push(`Thresholds: ${thresholdLines.length > 0 ? thresholdLines.join('; ') : input.runs.some((r) => r.thresholds) ? 'the defaults (or stricter)' : 'not recorded by these runs'}`);
  if (input.runs.length === 0) out.push('Runs: no run in this period');
  for (const r of input.runs) out.push(`Run ${r.id}: ${r.status}, finished ${dateTime(r.finishedAt)}, ${r.accountIds.length} account(s), ${r.collectionErrorCount} collection error(s)`);

  out.push(...heading('What this audit does not look at'));
  if (input.notLookedAt.length === 0) out.push(input.runs.length > 0 ? 'Every resource type found in the inventory was assessed.' : 'No run in this period.');
  const coverageRows = input.notLookedAt.slice(0, MAX_COVERAGE_ROWS);
  for (const c of coverageRows) out.push(`* ${c.accountId} ${c.region}: ${c.source === 'unavailable' ? (c.reason ?? 'inventory unavailable') : notLookedAtList(c.unassessed)}`);
  out.push(...withMore([], input.notLookedAt.length - coverageRows.length));

  out.push(...heading('Evidence bundle'));
  const link = input.bundleLink;
  if (input.bundleMissing) out.push(`The evidence bundle for this period is missing: ${input.bundleMissing.reason}`, `Build it with: ${input.bundleMissing.command}`);
  else if (link) out.push(link.url, link.expiresAt ? linkExpirySentence(link) : '');
  else out.push('No evidence bundle link is attached to this digest.');
  if (input.signingKeyFingerprint) {
    out.push(`Manifests are signed by the key with SHA-256 fingerprint ${input.signingKeyFingerprint}.`, `Pin it when verifying: hipaa-audit verify BUNDLE --trusted-key-fingerprint ${input.signingKeyFingerprint}`);
  }

  out.push('', `Generated ${dateTime(input.generatedAt)} by hipaa-audit. Evidence of information system activity review (164.308(a)(1)(ii)(D)) and evaluation (164.308(a)(8)).`, '');
  return out.join('\n');
}
