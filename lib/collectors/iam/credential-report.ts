import { GenerateCredentialReportCommand, GetCredentialReportCommand, IAMClient } from '@aws-sdk/client-iam';
import { failed, ok, type Collected } from '../../snapshot/collected.js';
import { attempt, type CollectContext } from '../../collect/context.js';
import { parseCredentialReport } from './credential-report-csv.js';
import type { CredentialReport } from '../../snapshot/iam.js';

/** Error codes (and exception names) that mean "generation still running, ask again". */
const NOT_READY = new Set([
  'ReportInProgress',
  'ReportNotPresent',
  'CredentialReportNotReadyException',
  'CredentialReportNotPresentException',
]);

export interface CredentialReportPolling {
  attempts: number;
  delayMs: number;
}

/** IAM usually finishes within seconds; 20 x 500 ms bounds a stuck generation to ~10 s. */
export const DEFAULT_POLLING: CredentialReportPolling = { attempts: 20, delayMs: 500 };

/** Asks IAM to (re)generate the credential report, then polls until it is ready. */
export async function collectCredentialReport(
  ctx: CollectContext,
  polling: CredentialReportPolling = DEFAULT_POLLING,
): Promise<Collected<CredentialReport>> {
  const client = ctx.clients.get(IAMClient, ctx.homeRegion);
  const call = { service: 'iam', region: ctx.homeRegion };
  const generated = await attempt(ctx, { ...call, operation: 'GenerateCredentialReport' }, () =>
    client.send(new GenerateCredentialReportCommand({})),
  );
  if (generated.error) return failed(generated.error);
  let ready = generated.data.State === 'COMPLETE';
  for (let i = 0; i < polling.attempts; i++) {
    if (!ready) await sleep(polling.delayMs);
    ready = false;
    // The recorded evidence is the decoded CSV text, not a byte array.
    const report = await attempt(ctx, { ...call, operation: 'GetCredentialReport' }, async () => {
      const response = await client.send(new GetCredentialReportCommand({}));
      return {
        GeneratedTime: response.GeneratedTime?.toISOString() ?? null,
        ReportFormat: response.ReportFormat ?? null,
        Content: new TextDecoder().decode(response.Content ?? new Uint8Array()),
      };
    });
    if (!report.error) return ok(parseCredentialReport(report.data.Content, report.data.GeneratedTime));
    if (!NOT_READY.has(report.error.code)) return failed(report.error);
  }
  return failed({
    code: 'Timeout',
    message: `Credential report was not ready after ${polling.attempts} polls`,
    operation: 'iam:GetCredentialReport',
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
