import type { AwsClientFactory } from '../aws/clients.js';
import type { Finding } from '../model/finding.js';
import type { ScanRun } from '../model/run.js';
import { exportToSecurityHub } from '../securityhub/export.js';

/**
 * `scan --security-hub`: imports the findings into the scanned account's Security Hub (its default
 * product) and prints what happened. Returns false when some findings were not imported, so the scan
 * exits 2 (a configuration problem such as Security Hub not enabled, or a missing permission).
 */
export async function importScanIntoSecurityHub(input: {
  clients: AwsClientFactory;
  run: ScanRun;
  findings: readonly Finding[];
  checkIds: readonly string[];
  homeRegion: string;
}): Promise<boolean> {
  const accountId = input.run.accountIds[0] ?? '';
  const partition = input.findings.find((f) => f.resource.arn.startsWith('arn:'))?.resource.arn.split(':')[1] ?? 'aws';
  const result = await exportToSecurityHub({ ...input, importerAccountId: accountId, partition });
  process.stderr.write(
    `Security Hub: ${result.imported} findings imported (${result.archived} archived, of which ${result.gone} resolved since an earlier import)\n`,
  );
  if (result.failed.length === 0) return true;
  const shown = result.failed.slice(0, 10).map((f) => `  ${f.region} ${f.id}: ${f.code} ${f.message}`);
  process.stderr.write(
    `error: ${result.failed.length} Security Hub import(s) failed; is Security Hub enabled in these regions, and may this identity call securityhub:BatchImportFindings and securityhub:GetFindings?\n${shown.join('\n')}\n`,
  );
  return false;
}
