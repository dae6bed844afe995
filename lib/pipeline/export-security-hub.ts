import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsClientFactory } from '../aws/clients.js';
import { CHECKS } from '../checks/registry.js';
import type { Finding } from '../model/finding.js';
import type { ScanRun } from '../model/run.js';
import { exportToSecurityHub } from '../securityhub/export.js';
import type { ImportFailure } from '../securityhub/import-findings.js';
import type { PipelineEnv } from './env.js';

export interface SecurityHubExportSummary {
  imported: number;
  archived: number;
  gone: number;
  failed: number;
}

/**
 * `securityHub: true`: after RecordAccount has recorded the account, its sealed findings go to the audit
 * account's Security Hub (member roles stay read-only, so the audit account imports; see AsffTarget).
 * Per account, so one call's size is bounded by one account's findings at any organization size. A
 * failure never fails the run: it is returned as errors the caller notes on the account's run item,
 * where FinalizeRun lists them with the run's collection errors (the digest counts them).
 */
export async function exportAccountToSecurityHub(
  env: PipelineEnv,
  clients: AwsClientFactory,
  sealed: { run: ScanRun; findings: readonly Finding[] },
): Promise<{ summary: SecurityHubExportSummary; errors: ScanRun['collectionErrors'] }> {
  const accountId = sealed.run.accountIds[0] ?? '';
  let failures: ImportFailure[];
  let summary: SecurityHubExportSummary;
  try {
    const identity = await clients.get(STSClient, env.AWS_REGION).send(new GetCallerIdentityCommand({}));
    const result = await exportToSecurityHub({
      clients,
      run: sealed.run,
      findings: sealed.findings,
      checkIds: CHECKS.map((c) => c.id),
      importerAccountId: identity.Account ?? '',
      partition: identity.Arn?.split(':')[1] ?? 'aws',
      homeRegion: env.AWS_REGION,
    });
    failures = result.failed;
    summary = { imported: result.imported, archived: result.archived, gone: result.gone, failed: result.failed.length };
  } catch (error) {
    const e = error as { name?: string; message?: string };
    failures = [{ id: '*', region: env.AWS_REGION, operation: 'securityhub:BatchImportFindings', code: e.name ?? 'Error', message: e.message ?? String(error) }];
    summary = { imported: 0, archived: 0, gone: 0, failed: sealed.findings.length };
  }
  return { summary, errors: summarizeFailures(accountId, failures) };
}

/** One error per region, operation and code, so a hub that refuses a whole account is a line, not thousands. */
function summarizeFailures(accountId: string, failures: readonly ImportFailure[]): ScanRun['collectionErrors'] {
  const groups = new Map<string, ImportFailure[]>();
  for (const f of failures) {
    const key = `${f.region} ${f.operation} ${f.code}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0] as ImportFailure;
    const findings = group.filter((f) => f.id !== '*').length;
    const what = first.operation === 'securityhub:GetFindings' ? 'resolved findings not archived' : `${findings} finding(s) not imported`;
    return { accountId, region: first.region, code: first.code, operation: first.operation, message: `Security Hub export: ${what}: ${first.message}`.slice(0, 500) };
  });
}
