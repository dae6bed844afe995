import type { Finding } from '../findings/finding.js';

const COLUMNS = [
  'checkId', 'status', 'severity', 'title', 'citations', 'accountId', 'region', 'resourceType', 'resourceId', 'arn',
  'reason', 'remediation', 'suppressionId', 'suppressionApprovedBy', 'suppressionExpiresAt',
] as const;

/** RFC 4180 CSV, one finding per row, for auditors who work in spreadsheets. */
export function findingsToCsv(findings: readonly Finding[]): string {
  const rows = findings.map((f) => [
    f.checkId, f.status, f.severity, f.title, f.citations.join(' '), f.resource.accountId, f.resource.region,
    f.resource.type, f.resource.id, f.resource.arn, f.reason, f.remediation, f.suppression?.id ?? '',
    f.suppression?.approvedBy ?? '', f.suppression?.expiresAt ?? '',
  ]);
  return [COLUMNS as readonly string[], ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function csvCell(value: string): string {
  // Resource names and tags come from the audited account; a leading =,+,-,@ would run as a
  // spreadsheet formula when the auditor opens the file, so it is neutralised with a quote.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
