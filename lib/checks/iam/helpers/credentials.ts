import type { CredentialReportRow } from '../../../snapshot/iam.js';
import type { AccountSnapshot } from '../../../snapshot/schema.js';
import type { ResourceRef } from '../../../model/resource.js';
import { notApplicable, withCollected } from '../../kit/results.js';
import type { CheckResult } from '../../types.js';
import { account, iamResource } from './resources.js';

export const ROOT_USER = '<root_account>';

export function userRows(rows: readonly CredentialReportRow[]): CredentialReportRow[] {
  return rows.filter((row) => row.user !== ROOT_USER);
}

export function rootRow(rows: readonly CredentialReportRow[]): CredentialReportRow | undefined {
  return rows.find((row) => row.user === ROOT_USER);
}

export interface ActiveKey {
  slot: 1 | 2;
  lastRotated: string | null;
  lastUsed: string | null;
}

export function activeKeys(row: CredentialReportRow): ActiveKey[] {
  const keys: ActiveKey[] = [];
  if (row.accessKey1Active) keys.push({ slot: 1, lastRotated: row.accessKey1LastRotated, lastUsed: row.accessKey1LastUsedDate });
  if (row.accessKey2Active) keys.push({ slot: 2, lastRotated: row.accessKey2LastRotated, lastUsed: row.accessKey2LastUsedDate });
  return keys;
}

/**
 * Runs `evaluate` per IAM user row of the credential report (the root row is not a user): ERROR on the
 * account when the report could not be read, one NOT_APPLICABLE when the account has no users.
 */
export function perUser(
  snapshot: AccountSnapshot,
  evaluate: (row: CredentialReportRow, resource: ResourceRef) => CheckResult,
): CheckResult[] {
  return withCollected(snapshot.iam.credentialReport, account(snapshot), (report) => {
    const users = userRows(report.rows);
    if (users.length === 0) return [notApplicable(account(snapshot), `Account ${snapshot.accountId} has no IAM users`)];
    return users.map((row) => evaluate(row, iamResource(snapshot, 'User', row.user, row.arn)));
  });
}
