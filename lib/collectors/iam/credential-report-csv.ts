import type { CredentialReport, CredentialReportRow } from '../../snapshot/iam.js';

/** Values IAM writes when a column has no meaningful value for the row. */
const EMPTY_VALUES = new Set(['N/A', 'not_supported', 'no_information', '']);

/**
 * Parses the IAM credential report CSV. The report has no quoted fields, so a comma split is exact.
 * Only the metadata columns the checks use are kept.
 */
export function parseCredentialReport(csv: string, generatedAt: string | null): CredentialReport {
  const lines = csv.split(/\r?\n/).filter((line) => line.trim() !== '');
  const header = (lines[0] ?? '').split(',');
  const rows = lines.slice(1).map((line) => {
    const cells = line.split(',');
    const raw = (column: string): string | null => {
      const index = header.indexOf(column);
      const value = index < 0 ? undefined : cells[index]?.trim();
      return value === undefined || EMPTY_VALUES.has(value) ? null : value;
    };
    return toRow(raw);
  });
  return { generatedAt, rows };
}

function toRow(raw: (column: string) => string | null): CredentialReportRow {
  const bool = (column: string): boolean | null => {
    const value = raw(column);
    return value === null ? null : value.toLowerCase() === 'true';
  };
  const date = (column: string): string | null => {
    const value = raw(column);
    if (value === null) return null;
    const parsed = new Date(value);
    return Number.isNaN(parsed.getTime()) ? null : parsed.toISOString();
  };
  return {
    user: raw('user') ?? '',
    arn: raw('arn') ?? '',
    userCreationTime: date('user_creation_time'),
    passwordEnabled: bool('password_enabled'),
    passwordLastUsed: date('password_last_used'),
    passwordLastChanged: date('password_last_changed'),
    mfaActive: bool('mfa_active'),
    accessKey1Active: bool('access_key_1_active'),
    accessKey1LastRotated: date('access_key_1_last_rotated'),
    accessKey1LastUsedDate: date('access_key_1_last_used_date'),
    accessKey2Active: bool('access_key_2_active'),
    accessKey2LastRotated: date('access_key_2_last_rotated'),
    accessKey2LastUsedDate: date('access_key_2_last_used_date'),
  };
}
