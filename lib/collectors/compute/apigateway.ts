import { APIGatewayClient, GetStagesCommand, paginateGetDomainNames, paginateGetRestApis, type Stage } from '@aws-sdk/client-api-gateway';
import {
  ApiGatewayV2Client,
  GetApisCommand,
  GetStagesCommand as GetHttpStagesCommand,
  type GetApisCommandOutput,
  type GetStagesCommandOutput as GetHttpStagesCommandOutput,
} from '@aws-sdk/client-apigatewayv2';
import { attempt, attemptPages, target, type CollectContext } from '../../collect/context.js';
import { mapCollected, thenCollected } from '../../snapshot/collected.js';
import type { ComputeRegion, RestStage } from '../../snapshot/compute.js';

/** NextToken paging for apigatewayv2, which has no SDK paginators. */
async function* pagesOf<P extends { NextToken?: string | undefined }>(fetch: (token?: string) => Promise<P>): AsyncGenerator<P> {
  let token: string | undefined;
  do {
    const page = await fetch(token);
    yield page;
    token = page.NextToken;
  } while (token);
}

/**
 * REST APIs: GetRestApis, then GetStages per API (stage settings exist nowhere else). HTTP/WebSocket
 * APIs: GetApis, then GetStages per API. Custom domain names are one resource shared by both kinds, so
 * one GetDomainNames listing (REST API flavour) covers them.
 */
export async function collectApiGateway(
  ctx: CollectContext,
  region: string,
): Promise<Pick<ComputeRegion, 'restApis' | 'httpApis' | 'domainNames'>> {
  const [restApis, httpApis, domainNames] = await Promise.all([
    collectRestApis(ctx, region),
    collectHttpApis(ctx, region),
    collectDomainNames(ctx, region),
  ]);
  return { restApis, httpApis, domainNames };
}

async function collectRestApis(ctx: CollectContext, region: string): Promise<ComputeRegion['restApis']> {
  const client = ctx.clients.get(APIGatewayClient, region);
  const pages = await attemptPages(ctx, target('apigateway', region, 'GetRestApis'), () => paginateGetRestApis({ client }, {}));
  return thenCollected(pages, (data) =>
    Promise.all(
      data
        .flatMap((p) => p.items ?? [])
        .flatMap((api) => (api.id ? [{ id: api.id, name: api.name ?? api.id }] : []))
        .map(async (api) => {
          const stages = await attempt(ctx, target('apigateway', region, 'GetStages', api.id), () =>
            client.send(new GetStagesCommand({ restApiId: api.id })),
          );
          const apiArn = `arn:${ctx.partition}:apigateway:${region}::/restapis/${api.id}`;
          return { ...api, arn: apiArn, stages: mapCollected(stages, (r) => (r.item ?? []).map((s) => toRestStage(s, apiArn))) };
        }),
    ),
  );
}

function toRestStage(s: Stage, apiArn: string): RestStage {
  const name = s.stageName ?? '?';
  const settings = Object.entries(s.methodSettings ?? {});
  const all = s.methodSettings?.['*/*'];
  return {
    name,
    arn: `${apiArn}/stages/${name}`,
    executionLogLevel: all?.loggingLevel ?? null,
    accessLogDestination: s.accessLogSettings?.destinationArn || null,
    cacheClusterEnabled: s.cacheClusterEnabled === true,
    // The `*/*` entry (or its absence: never configured, so not encrypted) and any override that turns encryption off.
    unencryptedCacheSettings: [
      ...(all?.cacheDataEncrypted === true ? [] : ['*/*']),
      ...settings.filter(([key, m]) => key !== '*/*' && m.cacheDataEncrypted === false).map(([key]) => key),
    ],
    clientCertificateId: s.clientCertificateId || null,
  };
}

async function collectHttpApis(ctx: CollectContext, region: string): Promise<ComputeRegion['httpApis']> {
  const client = ctx.clients.get(ApiGatewayV2Client, region);
  const pages = await attemptPages(ctx, target('apigatewayv2', region, 'GetApis'), () =>
    pagesOf<GetApisCommandOutput>((token) => client.send(new GetApisCommand({ NextToken: token }))),
  );
  return thenCollected(pages, (data) =>
    Promise.all(
      data
        .flatMap((p) => p.Items ?? [])
        .flatMap((api) => (api.ApiId ? [{ ...api, id: api.ApiId }] : []))
        .map(async (api) => {
          const stagePages = await attemptPages(ctx, target('apigatewayv2', region, 'GetStages', api.id), () =>
            pagesOf<GetHttpStagesCommandOutput>((token) => client.send(new GetHttpStagesCommand({ ApiId: api.id, NextToken: token }))),
          );
          const apiArn = `arn:${ctx.partition}:apigateway:${region}::/apis/${api.id}`;
          return {
            id: api.id,
            name: api.Name ?? api.id,
            protocolType: api.ProtocolType ?? 'unknown',
            arn: apiArn,
            stages: mapCollected(stagePages, (ps) =>
              ps
                .flatMap((p) => p.Items ?? [])
                .map((s) => ({
                  name: s.StageName ?? '?',
                  arn: `${apiArn}/stages/${s.StageName ?? '?'}`,
                  accessLogDestination: s.AccessLogSettings?.DestinationArn || null,
                })),
            ),
          };
        }),
    ),
  );
}

async function collectDomainNames(ctx: CollectContext, region: string): Promise<ComputeRegion['domainNames']> {
  const client = ctx.clients.get(APIGatewayClient, region);
  const pages = await attemptPages(ctx, target('apigateway', region, 'GetDomainNames'), () => paginateGetDomainNames({ client }, {}));
  return mapCollected(pages, (ps) =>
    ps
      .flatMap((p) => p.items ?? [])
      .flatMap((d) => (d.domainName ? [{ ...d, name: d.domainName }] : []))
      .map((d) => ({
        name: d.name,
        arn: d.domainNameArn ?? `arn:${ctx.partition}:apigateway:${region}::/domainnames/${d.name}`,
        securityPolicy: d.securityPolicy ?? null,
      })),
  );
}
