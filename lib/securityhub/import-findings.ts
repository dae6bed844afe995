import {
  BatchImportFindingsCommand,
  SecurityHubClient,
  type AwsSecurityFinding,
  type ImportFindingsError,
} from '@aws-sdk/client-securityhub';
import type { AwsClientFactory } from '../aws/clients.js';

/** BatchImportFindings takes at most 100 findings per call. */
export const IMPORT_BATCH_SIZE = 100;
/** Rounds of re-sending the findings a call reported as failed with a transient error code. */
export const FAILED_FINDING_RETRIES = 3;

export interface ImportFailure {
  /** The finding's Id, or `*` when a call failed before any finding was named (GetFindings). */
  id: string;
  region: string;
  operation: 'securityhub:BatchImportFindings' | 'securityhub:GetFindings';
  code: string;
  message: string;
}

const IMPORT = 'securityhub:BatchImportFindings' as const;

export interface ImportOutcome {
  imported: number;
  failed: ImportFailure[];
}

/**
 * A finding that failed inside a successful call is worth sending again only for a transient cause;
 * InvalidInput, AccessDenied or a finding size limit will fail the same way every time.
 */
export function isRetryableFailure(code: string): boolean {
  return /Throttl|TooManyRequests|InternalFailure|InternalError|ServiceUnavailable|LimitExceeded|Timeout/i.test(code);
}

/**
 * Imports findings into one region in batches of 100. The SDK retries a throttled or failed call (the
 * factory's retry settings); findings reported in FailedFindings are re-sent when their error is
 * transient, and the rest are returned, never thrown: the caller reports them. A call that fails as a
 * whole (Security Hub not enabled, access denied) fails every finding of its batch with that error.
 */
export async function importFindings(
  clients: AwsClientFactory,
  region: string,
  findings: readonly AwsSecurityFinding[],
  options: { retryDelayMs?: number } = {},
): Promise<ImportOutcome> {
  const client = clients.get(SecurityHubClient, region);
  const failed: ImportFailure[] = [];
  let imported = 0;
  for (let start = 0; start < findings.length; start += IMPORT_BATCH_SIZE) {
    let pending = findings.slice(start, start + IMPORT_BATCH_SIZE);
    for (let round = 0; pending.length > 0; round += 1) {
      let errors: ImportFindingsError[];
      try {
        const out = await client.send(new BatchImportFindingsCommand({ Findings: pending }));
        imported += out.SuccessCount ?? 0;
        errors = out.FailedFindings ?? [];
      } catch (error) {
        const e = error as { name?: string; message?: string };
        failed.push(...pending.map((f) => ({ id: f.Id ?? '', region, operation: IMPORT, code: e.name ?? 'Error', message: e.message ?? String(error) })));
        break;
      }
      const retryable = errors.filter((e) => isRetryableFailure(e.ErrorCode ?? ''));
      const final = round < FAILED_FINDING_RETRIES ? errors.filter((e) => !retryable.includes(e)) : errors;
      failed.push(...final.map((e) => ({ id: e.Id ?? '', region, operation: IMPORT, code: e.ErrorCode ?? 'Unknown', message: e.ErrorMessage ?? '' })));
      if (round >= FAILED_FINDING_RETRIES) break;
      const again = new Set(retryable.map((e) => e.Id));
      pending = pending.filter((f) => again.has(f.Id));
      if (pending.length > 0) await sleep((options.retryDelayMs ?? 500) * 2 ** round);
    }
  }
  return { imported, failed };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
