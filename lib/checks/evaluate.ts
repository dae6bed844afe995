import type { Finding } from '../model/finding.js';
import type { AccountSnapshot } from '../snapshot/schema.js';
import { accountResource, errorResult } from './kit/results.js';
import { DEFAULT_THRESHOLDS, type Thresholds } from './thresholds.js';
import type { CheckDefinition, CheckResult } from './types.js';

/**
 * Runs every check over a snapshot. A check that throws fails closed: it yields one ERROR on the
 * account instead of disappearing from the report (cdk-nag's behaviour), and other checks carry on.
 */
export function evaluateSnapshot(
  snapshot: AccountSnapshot,
  checks: readonly CheckDefinition[],
  now: Date,
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
): Finding[] {
  const findings: Finding[] = [];
  for (const check of checks) {
    let results: CheckResult[];
    try {
      results = check.evaluate(snapshot, now, thresholds);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      results = [
        errorResult(
          accountResource(snapshot.accountId, snapshot.partition),
          `Check ${check.id} failed to evaluate: ${message}`,
        ),
      ];
    }
    for (const r of results) findings.push(toFinding(check, r));
  }
  return findings;
}

export function toFinding(check: CheckDefinition, r: CheckResult): Finding {
  return {
    checkId: check.id,
    title: check.title,
    citations: [...check.citations],
    severity: check.severity,
    status: r.status,
    resource: r.resource,
    reason: r.reason,
    remediation: check.remediation,
  };
}
