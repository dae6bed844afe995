import { createHash } from 'node:crypto';
import type { Finding } from '../model/finding.js';

/**
 * One id per (account, region, check, resource), the same in every run, so a SIEM or Security Hub updates
 * the finding instead of adding a duplicate. The ARN is hashed: ASFF ids are at most 512 characters and
 * an ARN can be long; the readable parts before it let a person find the finding by account and check.
 */
export function exportedFindingId(finding: Pick<Finding, 'checkId' | 'resource'>): string {
  const { accountId, region, arn } = finding.resource;
  const resource = createHash('sha256').update(arn).digest('hex').slice(0, 32);
  return `hipaa-audit/${accountId}/${region}/${finding.checkId}/${resource}`;
}

/** The eCFR paragraph of a HIPAA citation (`164.312(a)(2)(iv)`), for remediation references. */
export function ecfrUrl(citation: string): string {
  const section = /^(\d+\.\d+)/.exec(citation)?.[1] ?? citation;
  return `https://www.ecfr.gov/current/title-45/part-164/section-${section}#p-${citation}`;
}
