import { BatchGetAccountStatusCommand, Inspector2Client } from '@aws-sdk/client-inspector2';
import { failed, ok, type Collected } from '../../snapshot/collected.js';
import { attempt, target, type CollectContext } from '../../collect/context.js';
import type { InspectorStatus } from '../../snapshot/logging.js';

/**
 * Amazon Inspector's scanning state for the scanned account in `region`: one BatchGetAccountStatus call,
 * which also names the per-type state (EC2, ECR, Lambda). The account is named explicitly (AWS defaults to
 * the caller's account; emulators need it). An account Inspector reports in `failedAccounts`, or not at
 * all, is a collection error: nothing then says whether scanning runs.
 */
export async function collectInspector(ctx: CollectContext, region: string): Promise<Collected<InspectorStatus>> {
  const call = target('inspector2', region, 'BatchGetAccountStatus');
  const res = await attempt(ctx, call, () =>
    ctx.clients.get(Inspector2Client, region).send(new BatchGetAccountStatusCommand({ accountIds: [ctx.accountId] })),
  );
  if (res.error) return failed(res.error);
  const account = res.data.accounts?.find((a) => a.accountId === ctx.accountId);
  if (!account) {
    const refusal = res.data.failedAccounts?.find((a) => a.accountId === ctx.accountId);
    return failed({
      code: refusal?.errorCode ?? 'AccountNotReported',
      message: refusal?.errorMessage ?? `Inspector did not report account ${ctx.accountId}`,
      operation: 'inspector2:BatchGetAccountStatus',
    });
  }
  const state = account.resourceState;
  return ok({
    state: account.state?.status ?? 'UNKNOWN',
    ...(state?.ec2?.status ? { ec2: state.ec2.status } : {}),
    ...(state?.ecr?.status ? { ecr: state.ecr.status } : {}),
    ...(state?.lambda?.status ? { lambda: state.lambda.status } : {}),
  });
}
