import { daysBetween, errorResult, fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachDetector } from './helpers/guardduty.js';

/** How many stale findings a reason names before "and N more". */
const LISTED = 5;

export const check = defineCheck({
  id: 'guardduty_no_stale_high_findings',
  title: 'No high-severity GuardDuty finding is left unarchived beyond the allowed days',
  service: 'guardduty',
  reads: ['logging'],
  citations: ['164.308(a)(1)(ii)(D)', '164.308(a)(6)(ii)', '164.308(a)(5)(ii)(B)'],
  severity: 'high',
  rationale:
    'A high-severity GuardDuty finding (severity 7 or more) is a suspected security incident; 164.308(a)(6)(ii) requires ' +
    'responding to it, and a finding left open for weeks shows nobody did. Prowler guardduty_no_high_severity_findings fails ' +
    'on any open high finding; we allow the configured days (threshold guardDutyFindingMaxAgeDays, default 7, counted from ' +
    'when GuardDuty first reported the finding) for triage, so a finding raised yesterday is not yet a compliance failure.',
  remediation:
    'Investigate and resolve each listed finding (GuardDuty console > Findings, filter Severity: High), then archive it: ' +
    'aws guardduty archive-findings --detector-id <detector-id> --finding-ids <finding-id>.',
  evaluate: (snapshot, now, thresholds) =>
    eachDetector(snapshot, (detector, resource, region) => {
      const maxAge = thresholds.guardDutyFindingMaxAgeDays;
      const name = `GuardDuty detector ${detector.detectorId} in ${region}`;
      const findings = detector.highFindings;
      if (findings.error) {
        return errorResult(resource, `Could not list high-severity findings of ${name}: ${findings.error.operation} failed with ${findings.error.code}`);
      }
      const { total, oldest } = findings.data;
      const stale = oldest
        .map((f) => ({ ...f, age: daysBetween(f.createdAt, now) }))
        .filter((f) => !(f.age <= maxAge)); // an unreadable date (NaN) counts as stale: it cannot be shown young
      if (stale.length === 0) {
        return pass(resource, `${name} has no high-severity finding unarchived for more than ${maxAge} days (${total} open, all younger)`);
      }
      // Sorted oldest first: if every detailed finding is stale, the undetailed rest may be too.
      const count = stale.length === oldest.length && total > oldest.length ? `at least ${stale.length}` : `${stale.length}`;
      const listed = stale
        .slice(0, LISTED)
        .map((f) => `${f.type} on ${f.resource} (severity ${f.severity}, ${Number.isNaN(f.age) ? 'age unknown' : `${f.age} days`}, ${f.id})`);
      const more = stale.length > LISTED ? `; and ${stale.length - LISTED} more` : '';
      return fail(resource, `${name} has ${count} high-severity finding(s) unarchived for more than ${maxAge} days: ${listed.join('; ')}${more}`);
    }),
});
