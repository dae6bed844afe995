import {
  GetPolicyCommand,
  LambdaClient,
  paginateListFunctions,
  paginateListFunctionUrlConfigs,
  type FunctionConfiguration,
} from '@aws-sdk/client-lambda';
import { attemptOrAbsent, attemptPages, target, type CollectContext } from '../../collect/context.js';
import { mapCollected, thenCollected } from '../../snapshot/collected.js';
import type { ComputeRegion, LambdaFunction } from '../../snapshot/compute.js';
import { parsePolicyStatements } from './policy-statements.js';

/**
 * ListFunctions (runtime, package type and VPC configuration are in it), then per function GetPolicy
 * (the resource-based policy exists nowhere else) and ListFunctionUrlConfigs (the function's URLs and
 * those of its aliases in one call). Never GetFunction: its answer carries a presigned code download URL.
 */
export async function collectLambda(ctx: CollectContext, region: string): Promise<Pick<ComputeRegion, 'functions'>> {
  const client = ctx.clients.get(LambdaClient, region);
  const pages = await attemptPages(ctx, target('lambda', region, 'ListFunctions'), () => paginateListFunctions({ client }, {}));
  const functions = await thenCollected(pages, (data) =>
    Promise.all(
      data
        .flatMap((p) => p.Functions ?? [])
        .flatMap((f) => (f.FunctionName && f.FunctionArn ? [{ ...f, name: f.FunctionName, arn: f.FunctionArn }] : []))
        .map((f) => collectFunction(ctx, region, client, f)),
    ),
  );
  return { functions };
}

async function collectFunction(
  ctx: CollectContext,
  region: string,
  client: LambdaClient,
  f: FunctionConfiguration & { name: string; arn: string },
): Promise<LambdaFunction> {
  const [policy, urlPages] = await Promise.all([
    attemptOrAbsent(ctx, target('lambda', region, 'GetPolicy', f.name), ['ResourceNotFoundException'], () =>
      client.send(new GetPolicyCommand({ FunctionName: f.name })),
    ),
    attemptPages(ctx, target('lambda', region, 'ListFunctionUrlConfigs', f.name), () =>
      paginateListFunctionUrlConfigs({ client }, { FunctionName: f.name }),
    ),
  ]);
  return {
    name: f.name,
    arn: f.arn,
    runtime: f.Runtime ?? null,
    packageType: f.PackageType ?? 'Zip',
    vpcId: f.VpcConfig?.VpcId || null,
    policy: mapCollected(policy, (r) => (r?.Policy ? parsePolicyStatements(r.Policy) : null)),
    urls: mapCollected(urlPages, (ps) =>
      ps
        .flatMap((p) => p.FunctionUrlConfigs ?? [])
        .map((u) => ({ url: u.FunctionUrl ?? '?', authType: u.AuthType ?? 'unknown', functionArn: u.FunctionArn ?? f.arn })),
    ),
  };
}
