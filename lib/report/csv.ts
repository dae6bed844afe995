import type { Finding } from '../model/finding.js';

export const FINDINGS_CSV_COLUMNS = [
  'checkId', 'title', 'citations', 'severity', 'status', 'accountId', 'region', 'resourceType', 'resourceId',
  'resourceArn', 'reason', 'remediation', 'suppressionId', 'suppressionApprovedBy', 'suppressionExpiresAt',
] as const;

/**
 * RFC 4180 quoting. Resource names and tags come from the audited account; a leading =,+,-,@ would run
 * as a spreadsheet formula when an auditor opens the file, so it is neutralised with a quote.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One finding per row: the CLI's `--format csv`, the evidence's findings.csv and the demo output. */
export function findingsToCsv(findings: readonly Finding[]): string {
  const rows = findings.map((f) =>
    [
      f.checkId, f.title, f.citations.join('; '), f.severity, f.status, f.resource.accountId, f.resource.region,
      f.resource.type, f.resource.id, f.resource.arn, f.reason, f.remediation,
      f.suppression?.id ?? '', f.suppression?.approvedBy ?? '', f.suppression?.expiresAt ?? '',
    ].map(csvCell).join(','),
  );
  return [FINDINGS_CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
